// A colleague as a vCard 3.0 contact (RFC 2426; the version every phone's contacts app imports), built
// only from the fields passed in, which are the visible ones. Pure: no db, auth or next.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { familyNameOf, formatPersonName, type PersonName } from "./names";

export type VCardPerson = PersonName & {
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  address?: string | null;
  postcode?: string | null;
  city?: string | null;
  organisationName?: string;
};

/** Escapes a text value: backslash, comma, semicolon and line breaks (RFC 2426 section 4). */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets with CRLF and a space, never inside a UTF-8 character. */
export function foldVCardLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function phoneLine(stored: string): string {
  const phone = parsePhoneNumberFromString(stored, "NL");
  const number = phone?.isPossible() ? phone.number : stored.replace(/[^+0-9]/g, "");
  const type = phone?.getType() === "MOBILE" ? "CELL" : "VOICE";
  return `TEL;TYPE=${type}:${escapeVCardText(number)}`;
}

/** The vCard text, CRLF line endings, ready to send as text/vcard. */
export function buildVCard(person: VCardPerson): string {
  const familyName = familyNameOf(person);
  const lines = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `N:${escapeVCardText(familyName)};${escapeVCardText(person.firstName)};;;`,
    `FN:${escapeVCardText(formatPersonName(person))}`,
  ];
  if (person.organisationName) lines.push(`ORG:${escapeVCardText(person.organisationName)}`);
  if (person.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeVCardText(person.email)}`);
  if (person.phone) lines.push(phoneLine(person.phone));
  if (person.address || person.postcode || person.city) {
    // ADR: post office box; extended address; street; locality; region; postal code; country.
    const parts = ["", "", person.address ?? "", person.city ?? "", "", person.postcode ?? "", ""];
    lines.push(`ADR;TYPE=HOME:${parts.map(escapeVCardText).join(";")}`);
  }
  if (person.birthDate) lines.push(`BDAY:${escapeVCardText(person.birthDate)}`);
  lines.push("END:VCARD");
  return `${lines.map(foldVCardLine).join("\r\n")}\r\n`;
}

/** `attachment` header value with an ASCII fallback name and the real one in UTF-8 (RFC 6266). */
export function vCardContentDisposition(person: PersonName): string {
  const name = formatPersonName(person) || "contact";
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\/]/g, "").trim() || "contact";
  return `attachment; filename="${ascii}.vcf"; filename*=UTF-8''${encodeURIComponent(`${name}.vcf`)}`;
}

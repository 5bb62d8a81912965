// People rules on plain data: profile-field settings, Dutch postcodes and phone numbers, and
// how a search query is split. No db, auth or next imports here.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { OrganisationSettings, ProfileField } from "@/lib/db/schema/tenancy";
import { hasControlCharacters } from "@/lib/plain-text";

/** The name is how colleagues find each other: always visible, whatever the settings say. */
export const alwaysVisibleFields = ["firstName", "infix", "lastName"] as const satisfies readonly ProfileField[];

/** Fields besides the name that colleagues may be shown (contact details and the photo). */
export const contactFields = ["email", "phone", "birthDate", "address", "postcode", "city", "photo"] as const satisfies readonly ProfileField[];
export type ContactField = (typeof contactFields)[number];

/** The fields a member can type in on their profile (everything except the photo, which is uploaded), in the form's order. */
export const textProfileFields = ["firstName", "infix", "lastName", "email", "phone", "birthDate", "address", "postcode", "city"] as const satisfies readonly ProfileField[];
export type TextProfileField = (typeof textProfileFields)[number];

/** Every profile field, in the order the profile form and the admin settings show them. */
export const profileFieldOrder = [...textProfileFields, "photo"] as const satisfies readonly ProfileField[];

export type ProfileFieldSettings = { editable: ReadonlySet<ProfileField>; visible: ReadonlySet<ProfileField> };

const defaultEditable: ProfileField[] = ["email", "phone", "address", "postcode", "city", "photo"];
const defaultVisible: ProfileField[] = ["firstName", "infix", "lastName", "email", "phone", "photo"];

function isProfileField(value: unknown): value is ProfileField {
  return typeof value === "string" && (profileFieldOrder as readonly string[]).includes(value);
}

/**
 * The organisation's profile-field choices, with defaults for organisations that never saved them and
 * unknown entries ignored. Names are always visible.
 */
export function resolveProfileFieldSettings(
  settings: Partial<Pick<OrganisationSettings, "editableProfileFields" | "visibleProfileFields">> | null | undefined,
): ProfileFieldSettings {
  const editable = Array.isArray(settings?.editableProfileFields) ? settings.editableProfileFields.filter(isProfileField) : defaultEditable;
  const visible = Array.isArray(settings?.visibleProfileFields) ? settings.visibleProfileFields.filter(isProfileField) : defaultVisible;
  return { editable: new Set(editable), visible: new Set([...alwaysVisibleFields, ...visible]) };
}

/** The contact fields colleagues may see, in display order. */
export function visibleContactFields(settings: ProfileFieldSettings): ContactField[] {
  return contactFields.filter((field) => settings.visible.has(field));
}

/**
 * A Dutch postcode in its one written form "1234 AB" (from "1234ab", "1234 ab", " 1234-AB "), or null
 * when it is not one. PostNL never issues a leading zero, nor the letter pairs SA, SD and SS.
 */
export function normaliseDutchPostcode(input: string): string | null {
  const match = /^([1-9][0-9]{3})[\s-]*([a-z]{2})$/i.exec(input.trim());
  if (!match) return null;
  const letters = match[2].toUpperCase();
  if (letters === "SA" || letters === "SD" || letters === "SS") return null;
  return `${match[1]} ${letters}`;
}

/**
 * A phone number in E.164 ("+31612345678"), read the way a Dutch member types it: without a country
 * code it is Dutch ("06 12345678", "020-1234567"), "0032…" and "+32…" are foreign. Null when the
 * number cannot exist (wrong length, unknown area code).
 */
export function normalisePhoneNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+0-9\s().\-/]+$/.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, "NL");
  if (!phone || !phone.isValid()) return null;
  return phone.number;
}

/**
 * How a stored phone number is shown and dialled: Dutch numbers in the national form ("06 12345678"),
 * others internationally. Numbers stored before validation existed are shown as they are.
 */
export function formatPhoneNumber(stored: string): { display: string; href: string } {
  const phone = parsePhoneNumberFromString(stored, "NL");
  if (!phone || !phone.isPossible()) {
    const digits = stored.replace(/[^+0-9]/g, "");
    return { display: stored, href: `tel:${digits}` };
  }
  const display = phone.country === "NL" ? phone.formatNational() : phone.formatInternational();
  return { display, href: `tel:${phone.number}` };
}

/** Search words as the database will compare them, without accents or punctuation; at most five. */
export function splitSearchQuery(query: string): string[] {
  return query
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 5);
}

/**
 * How many letters a search word of three or more may be off from a name word and still find it
 * (Levenshtein: a letter wrong, missing or extra counts one; two swapped letters count two). One for
 * short words ("vres" finds "Vries"), two from five letters ("vreis" finds "Vries"). The first letter
 * must be right: people seldom mistype it, and without that "bakker" would find "Dekker". A name word
 * more than one letter shorter than the search word is no typo of it ("jansn" is not "Jan").
 */
export function typoAllowance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** Longer input is cut, not refused: a search box should never answer with an error. */
export const MAX_SEARCH_LENGTH = 100;

/** The query as typed, tidied: trimmed, inner whitespace collapsed, cut to a sane length. */
export function tidySearchQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
  return value.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_LENGTH);
}

/**
 * The search box's query string: tidied, or refused (empty, with `refused`) when it holds a control
 * character, which nobody types and Postgres cannot even compare (a NUL fails the query).
 */
export function readSearchQuery(raw: string | string[] | undefined): { query: string; refused: boolean } {
  const value = Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
  return hasControlCharacters(value) ? { query: "", refused: true } : { query: tidySearchQuery(value), refused: false };
}

/** The letter a last name is filed under in the photo book: "Vries" (of "de Vries") → "V", "Özdemir" → "O". */
export function sortLetterOf(lastName: string): string {
  const letter = lastName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().charAt(0).toLocaleUpperCase("nl-NL");
  return /\p{L}/u.test(letter) ? letter : "#";
}

// The contact card a member saves on their phone: escaped, folded and holding only what it is given.
import { describe, expect, it } from "vitest";
import { buildVCard, escapeVCardText, foldVCardLine, vCardContentDisposition } from "@/lib/people/vcard";

describe("escaping text values", () => {
  it.each([
    { label: "plain text", input: "Sanne", output: "Sanne" },
    { label: "a comma", input: "Kerkstraat 12, achterom", output: "Kerkstraat 12\\, achterom" },
    { label: "a semicolon", input: "a;b", output: "a\\;b" },
    { label: "a backslash", input: "a\\b", output: "a\\\\b" },
    { label: "line breaks of every kind", input: "a\nb\r\nc\rd", output: "a\\nb\\nc\\nd" },
    { label: "an attempt to start a new property", input: "x\nEND:VCARD\nBEGIN:VCARD", output: "x\\nEND:VCARD\\nBEGIN:VCARD" },
  ])("$label", ({ input, output }) => {
    expect(escapeVCardText(input)).toBe(output);
  });
});

describe("folding long lines", () => {
  it.each([
    { label: "75 octets stay on one line", line: "a".repeat(75), parts: 1 },
    { label: "76 octets fold once", line: "a".repeat(76), parts: 2 },
    { label: "multi-byte characters are never split", line: "ë".repeat(60), parts: 2 },
  ])("$label", ({ line, parts }) => {
    const folded = foldVCardLine(line);
    const lines = folded.split("\r\n");
    expect(lines).toHaveLength(parts);
    for (const [index, part] of lines.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
    }
    expect(lines.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
  });
});

describe("a colleague's card", () => {
  it("holds the name the Dutch way, the given fields, CRLF endings, and nothing else", () => {
    const card = buildVCard({
      firstName: "Sanne",
      infix: "de",
      lastName: "Vries",
      phone: "+31624681357",
      email: "sanne@example.org",
      organisationName: "Stichting Samen, Sterk",
    });
    expect(card).toBe(
      [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:de Vries;Sanne;;;",
        "FN:Sanne de Vries",
        "ORG:Stichting Samen\\, Sterk",
        "EMAIL;TYPE=INTERNET:sanne@example.org",
        "TEL;TYPE=CELL:+31624681357",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
    expect(card).not.toMatch(/BDAY|ADR/);
  });

  it("writes an address and birth date when they are given", () => {
    const card = buildVCard({ firstName: "Pieter", infix: null, lastName: "Jansen", address: "Kerkstraat 12", postcode: "3811 CV", city: "Amersfoort", birthDate: "1970-01-31", phone: "033 123 4567" });
    expect(card).toContain("ADR;TYPE=HOME:;;Kerkstraat 12;Amersfoort;;3811 CV;\r\n");
    expect(card).toContain("BDAY:1970-01-31\r\n");
    expect(card).toContain("TEL;TYPE=VOICE:+31331234567\r\n");
  });

  it.each([
    { label: "a plain name", person: { firstName: "Sanne", infix: "de", lastName: "Vries" }, header: `attachment; filename="Sanne de Vries.vcf"; filename*=UTF-8''Sanne%20de%20Vries.vcf` },
    { label: "an accent gets an ASCII fallback", person: { firstName: "Zoë", infix: null, lastName: "Berg" }, header: `attachment; filename="Zoe Berg.vcf"; filename*=UTF-8''Zo%C3%AB%20Berg.vcf` },
    { label: "quotes cannot break the header", person: { firstName: 'A"b', infix: null, lastName: "C" }, header: `attachment; filename="Ab C.vcf"; filename*=UTF-8''A%22b%20C.vcf` },
  ])("file name: $label", ({ person, header }) => {
    expect(vCardContentDisposition(person)).toBe(header);
  });
});

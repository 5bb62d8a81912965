// Every validation rule of Mijn profiel: what a member may type, how it is stored, and which message
// (a key of profile.errors) a refusal shows.
import { describe, expect, it } from "vitest";
import {
  addressSchema,
  birthDateSchema,
  citySchema,
  emailSchema,
  firstNameSchema,
  infixSchema,
  lastNameSchema,
  parseBirthDate,
  phoneSchema,
  postcodeSchema,
  profileFieldSettingsSchema,
  updateProfileSchema,
  uploadPhotoSchema,
} from "@/lib/people/schemas";
import type { z } from "zod";

const today = "2026-06-15";

type Row = { label: string; input: unknown; stored?: string | null; error?: string };

function check(schema: z.ZodType, row: Row) {
  const result = schema.safeParse(row.input);
  if (row.error) {
    expect(result.success, `${row.label} should be refused`).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(row.error);
  } else {
    expect(result.success, `${row.label} should be accepted: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    expect(result.data).toBe(row.stored);
  }
}

describe("first and last name", () => {
  it.each<Row>([
    { label: "a plain name", input: "Sanne", stored: "Sanne" },
    { label: "spaces around are trimmed", input: "  Sanne  ", stored: "Sanne" },
    { label: "inner runs of spaces become one", input: "Jan   Willem", stored: "Jan Willem" },
    { label: "accents are kept", input: "Zoë", stored: "Zoë" },
    { label: "a decomposed accent is stored composed (NFC)", input: "Zoe\u0308", stored: "Zoë" },
    { label: "a hyphen", input: "Jan-Willem", stored: "Jan-Willem" },
    { label: "an apostrophe", input: "O'Brien", stored: "O'Brien" },
    { label: "a curly apostrophe becomes a straight one", input: "O’Brien", stored: "O'Brien" },
    { label: "initials with full stops", input: "J.P.", stored: "J.P." },
    { label: "another script", input: "Юлия", stored: "Юлия" },
    { label: "empty", input: "", error: "firstNameRequired" },
    { label: "only spaces", input: "   ", error: "firstNameRequired" },
    { label: "not a string (a file field)", input: new Blob(["x"]), error: "firstNameRequired" },
    { label: "digits", input: "Sanne2", error: "nameCharacters" },
    { label: "markup", input: "<script>", error: "nameCharacters" },
    { label: "starting with a hyphen", input: "-Sanne", error: "nameCharacters" },
    { label: "101 letters", input: "a".repeat(101), error: "nameTooLong" },
  ])("first name: $label", (row) => check(firstNameSchema, row));

  it.each<Row>([
    { label: "a last name", input: "Vries", stored: "Vries" },
    { label: "a double last name", input: "Jansen-de Boer", stored: "Jansen-de Boer" },
    { label: "empty", input: "", error: "lastNameRequired" },
  ])("last name: $label", (row) => check(lastNameSchema, row));
});

describe("infix (tussenvoegsel)", () => {
  it.each<Row>([
    { label: "de", input: "de", stored: "de" },
    { label: "van der", input: " van  der ", stored: "van der" },
    { label: "van 't with a curly apostrophe", input: "van ’t", stored: "van 't" },
    { label: "a Belgian capital is kept", input: "Van", stored: "Van" },
    { label: "empty means none", input: "", stored: null },
    { label: "digits", input: "v4n", error: "infixCharacters" },
    { label: "21 letters", input: "a".repeat(21), error: "infixTooLong" },
  ])("$label", (row) => check(infixSchema, row));
});

describe("email address", () => {
  it.each<Row>([
    { label: "a plain address", input: "sanne@example.org", stored: "sanne@example.org" },
    { label: "trimmed and lower-cased", input: "  Sanne.DeVries@Example.ORG ", stored: "sanne.devries@example.org" },
    { label: "a plus address", input: "sanne+ploeg@example.nl", stored: "sanne+ploeg@example.nl" },
    { label: "empty means none", input: "", stored: null },
    { label: "no @", input: "sanne.example.org", error: "emailInvalid" },
    { label: "no domain", input: "sanne@", error: "emailInvalid" },
    { label: "a space inside", input: "san ne@example.org", error: "emailInvalid" },
    { label: "longer than 254", input: `${"a".repeat(250)}@example.org`, error: "emailTooLong" },
  ])("$label", (row) => check(emailSchema, row));
});

describe("phone number (stored in E.164, Dutch when there is no country code)", () => {
  it.each<Row>([
    { label: "a mobile with a space", input: "06 12345678", stored: "+31612345678" },
    { label: "a mobile without spaces", input: "0612345678", stored: "+31612345678" },
    { label: "a mobile with a dash", input: "06-12345678", stored: "+31612345678" },
    { label: "+31 international form", input: "+31 6 12345678", stored: "+31612345678" },
    { label: "0031 international form", input: "0031 6 12345678", stored: "+31612345678" },
    { label: "a landline in Amsterdam", input: "020-1234567", stored: "+31201234567" },
    { label: "a landline with brackets", input: "(020) 123 45 67", stored: "+31201234567" },
    { label: "a Belgian mobile", input: "+32 470 12 34 56", stored: "+32470123456" },
    { label: "a German landline", input: "+49 30 1234567", stored: "+49301234567" },
    { label: "empty means none", input: "", stored: null },
    { label: "one digit short", input: "06 1234567", error: "phoneInvalid" },
    { label: "too short to be a number", input: "12345", error: "phoneInvalid" },
    { label: "letters", input: "06 12ab5678", error: "phoneInvalid" },
    { label: "a Belgian number one digit short", input: "+32 470 12 34 5", error: "phoneInvalid" },
  ])("$label", (row) => check(phoneSchema, row));
});

describe("birth date", () => {
  it.each<Row>([
    { label: "from a date picker (ISO)", input: "1980-04-17", stored: "1980-04-17" },
    { label: "typed the Dutch way with dashes", input: "17-04-1980", stored: "1980-04-17" },
    { label: "typed with slashes and single digits", input: "7/4/1980", stored: "1980-04-07" },
    { label: "typed with full stops", input: "17.04.1980", stored: "1980-04-17" },
    { label: "a leap day", input: "2004-02-29", stored: "2004-02-29" },
    { label: "today", input: today, stored: today },
    { label: "empty means none", input: "", stored: null },
    { label: "31 February", input: "1980-02-31", error: "birthDateInvalid" },
    { label: "29 February in a common year", input: "29-02-1981", error: "birthDateInvalid" },
    { label: "month 13", input: "17-13-1980", error: "birthDateInvalid" },
    { label: "words", input: "zeventien april", error: "birthDateInvalid" },
    { label: "American order", input: "04/17/1980", error: "birthDateInvalid" },
    { label: "tomorrow", input: "2026-06-16", error: "birthDateFuture" },
    { label: "before 1900", input: "1899-12-31", error: "birthDateTooOld" },
  ])("$label", (row) => check(birthDateSchema(today), row));

  it.each([
    { label: "ISO", input: "2006-04-17", parsed: "2006-04-17" },
    { label: "Dutch", input: "17-4-2006", parsed: "2006-04-17" },
    { label: "two-digit year", input: "17-4-06", parsed: null },
    { label: "30 April is fine, 31 is not", input: "31-04-2006", parsed: null },
  ])("parseBirthDate: $label", ({ input, parsed }) => {
    expect(parseBirthDate(input)).toBe(parsed);
  });
});

describe("address, postcode and city", () => {
  it.each<Row>([
    { label: "street and number", input: "Kerkstraat 12", stored: "Kerkstraat 12" },
    { label: "a number with a letter and addition", input: "Prins Hendrikstraat 12-bis", stored: "Prins Hendrikstraat 12-bis" },
    { label: "a slash", input: "Molenweg 3/2", stored: "Molenweg 3/2" },
    { label: "empty means none", input: "", stored: null },
    { label: "markup", input: "<b>Kerkstraat</b>", error: "addressCharacters" },
    { label: "201 characters", input: "a".repeat(201), error: "addressTooLong" },
  ])("address: $label", (row) => check(addressSchema, row));

  it.each<Row>([
    { label: "the written form", input: "1234 AB", stored: "1234 AB" },
    { label: "lower case without a space", input: "1234ab", stored: "1234 AB" },
    { label: "spaces around and inside", input: "  3817  bh ", stored: "3817 BH" },
    { label: "a dash", input: "3817-BH", stored: "3817 BH" },
    { label: "empty means none", input: "", stored: null },
    { label: "a leading zero", input: "0123 AB", error: "postcodeInvalid" },
    { label: "three digits", input: "123 AB", error: "postcodeInvalid" },
    { label: "one letter", input: "1234 A", error: "postcodeInvalid" },
    { label: "SA is never issued", input: "1234 SA", error: "postcodeInvalid" },
    { label: "SD is never issued", input: "1234 sd", error: "postcodeInvalid" },
    { label: "SS is never issued", input: "1234SS", error: "postcodeInvalid" },
    { label: "a Belgian postcode", input: "2000", error: "postcodeInvalid" },
    { label: "a British postcode", input: "SW1A 1AA", error: "postcodeInvalid" },
  ])("postcode: $label", (row) => check(postcodeSchema, row));

  it.each<Row>([
    { label: "a town", input: "Amersfoort", stored: "Amersfoort" },
    { label: "with an apostrophe and hyphen", input: "'s-Hertogenbosch", stored: "'s-Hertogenbosch" },
    { label: "with brackets", input: "Bergen (NH)", stored: "Bergen (NH)" },
    { label: "several words", input: "Alphen aan den Rijn", stored: "Alphen aan den Rijn" },
    { label: "empty means none", input: "", stored: null },
    { label: "digits", input: "3817 Amersfoort", error: "cityCharacters" },
    { label: "101 letters", input: "a".repeat(101), error: "cityTooLong" },
  ])("city: $label", (row) => check(citySchema, row));
});

describe("the whole profile form", () => {
  it("leaves out fields that were not sent, so read-only fields are never written", () => {
    const parsed = updateProfileSchema(today).parse({ phone: "0612345678", $ACTION_ID_abc: "" });
    expect(parsed).toEqual({ phone: "+31612345678" });
  });

  it("reports every refused field under its own name", () => {
    const result = updateProfileSchema(today).safeParse({ firstName: "", postcode: "12", phone: "x" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error?.issues.map((issue) => [issue.path[0], issue.message]) ?? []);
    expect(byField).toEqual({ firstName: "firstNameRequired", postcode: "postcodeInvalid", phone: "phoneInvalid" });
  });
});

describe("the admin's profile-field settings", () => {
  it.each([
    {
      label: "ticked boxes become the lists",
      form: { "editable.email": "on", "editable.photo": "on", "visible.phone": "on", "visible.photo": "on" },
      expected: { editable: ["email", "photo"], visible: ["phone", "photo"] },
    },
    { label: "nothing ticked", form: {}, expected: { editable: [], visible: [] } },
    {
      label: "unknown fields and values other than 'on' are ignored",
      form: { "editable.password": "on", "visible.email": "yes", "editable.city": "on" },
      expected: { editable: ["city"], visible: [] },
    },
  ])("$label", ({ form, expected }) => {
    expect(profileFieldSettingsSchema.parse(form)).toEqual(expected);
  });
});

describe("the photo upload form", () => {
  const photo = new File([new Uint8Array([1, 2, 3])], "me.jpg", { type: "image/jpeg" });
  const empty = new File([], "", { type: "application/octet-stream" });
  it.each([
    { label: "a file from the chooser", form: { photo, camera: empty }, chosen: photo },
    { label: "a file from the camera", form: { photo: empty, camera: photo }, chosen: photo },
    { label: "nothing chosen (the browser sends empty files)", form: { photo: empty, camera: empty }, chosen: null },
    { label: "a text field instead of a file", form: { photo: "me.jpg" }, chosen: null },
    { label: "no fields at all", form: {}, chosen: null },
  ])("$label", ({ form, chosen }) => {
    expect(uploadPhotoSchema.parse(form).file).toBe(chosen);
  });
});

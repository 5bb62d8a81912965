// Checking an uploaded member list row by row against the profile's field rules, existing members,
// usernames in use anywhere and the organisation's groups. Each row keeps its number in the file.
import { describe, expect, it } from "vitest";
import type { ColumnTarget } from "@/lib/people/import/mapping";
import { memberKey, usernamesIn, validateImportRows, type ImportContext } from "@/lib/people/import/validation";

const mapping = ["firstName", "infix", "lastName", "email", "phone", "birthDate", "postcode", "startDate", "endDate", "username", "groups"] as const satisfies ColumnTarget[];
const blank = { firstName: "Jan", infix: "", lastName: "Jansen", email: "", phone: "", birthDate: "", postcode: "", startDate: "", endDate: "", username: "", groups: "" };
type Cells = Partial<typeof blank>;

const context: ImportContext = {
  today: "2026-06-01",
  existingMembers: new Set([memberKey({ firstName: "Sanne", infix: "de", lastName: "Vries", email: "sanne@example.org" })]),
  takenUsernames: new Set(["bezet"]),
  groupIdsByName: new Map([
    ["koffieploeg", "group-koffie"],
    ["taalcafé", "group-taal"],
  ]),
};

function rowOf(cells: Cells): string[] {
  const values = { ...blank, ...cells };
  return mapping.map((field) => values[field]);
}

function validate(rows: Cells[]) {
  return validateImportRows({ rows: rows.map(rowOf), rowNumbers: rows.map((_, index) => index + 2) }, mapping, context);
}

describe("a single row", () => {
  it("is valid with only a first and last name, and everything else empty", () => {
    const { valid, invalid } = validate([{}]);
    expect(invalid).toEqual([]);
    expect(valid).toEqual([
      {
        rowNumber: 2,
        username: null,
        groupIds: [],
        person: { firstName: "Jan", infix: null, lastName: "Jansen", email: null, phone: null, birthDate: null, address: null, postcode: null, city: null, startDate: null, endDate: null },
      },
    ]);
  });

  it("is stored the way the profile stores it: email lower case, phone international, postcode spaced, dates ISO", () => {
    const { valid } = validate([{ email: "Jan@Example.ORG", phone: "06-12345678", postcode: "1234ab", birthDate: "17-4-1980", startDate: "1/9/2024", username: " jan.jansen " }]);
    expect(valid[0].person).toMatchObject({ email: "jan@example.org", phone: "+31612345678", postcode: "1234 AB", birthDate: "1980-04-17", startDate: "2024-09-01" });
    expect(valid[0].username).toBe("jan.jansen");
  });

  it.each([
    { label: "no first name", cells: { firstName: "" }, field: "firstName", error: "firstNameRequired" },
    { label: "no last name", cells: { lastName: "  " }, field: "lastName", error: "lastNameRequired" },
    { label: "digits in a name", cells: { lastName: "Jansen2" }, field: "lastName", error: "nameCharacters" },
    { label: "a broken email address", cells: { email: "jan@" }, field: "email", error: "emailInvalid" },
    { label: "a phone number that cannot exist", cells: { phone: "12345" }, field: "phone", error: "phoneInvalid" },
    { label: "a postcode with a leading zero", cells: { postcode: "0123 AB" }, field: "postcode", error: "postcodeInvalid" },
    { label: "a birth date that does not exist", cells: { birthDate: "31-02-1990" }, field: "birthDate", error: "birthDateInvalid" },
    { label: "a birth date in the future", cells: { birthDate: "2030-01-01" }, field: "birthDate", error: "birthDateFuture" },
    { label: "a start date that is no date", cells: { startDate: "binnenkort" }, field: "startDate", error: "startDateInvalid" },
    { label: "an end date that is no date", cells: { endDate: "13-13-2025" }, field: "endDate", error: "endDateInvalid" },
    { label: "an end date before the start date", cells: { startDate: "2025-05-01", endDate: "2025-04-01" }, field: "endDate", error: "endBeforeStart" },
    { label: "a username with a space", cells: { username: "jan jansen" }, field: "username", error: "usernameInvalid" },
    { label: "a username taken elsewhere, in other letters", cells: { username: "BEZET" }, field: "username", error: "usernameTaken", value: "BEZET" },
    { label: "an unknown group", cells: { groups: "Koffieploeg, Tuinploeg" }, field: "groups", error: "unknownGroup", value: "Tuinploeg" },
    {
      label: "the same name and email as a member, in other letters",
      cells: { firstName: "sanne", infix: "De", lastName: "VRIES", email: "Sanne@example.org" },
      field: "person",
      error: "duplicateMember",
    },
  ])("is refused for $label", ({ cells, field, error, value }: { cells: Cells; field: string; error: string; value?: string }) => {
    const { valid, invalid } = validate([cells]);
    expect(valid).toEqual([]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0].rowNumber).toBe(2);
    expect(invalid[0].problems).toEqual([value ? { field, error, value } : { field, error }]);
  });

  it("reports every problem of a row at once", () => {
    const { invalid } = validate([{ firstName: "", email: "geen-adres", phone: "abc" }]);
    expect(invalid[0].problems.map((problem) => problem.error)).toEqual(["firstNameRequired", "emailInvalid", "phoneInvalid"]);
  });

  it("finds groups by name without case, one or several per cell", () => {
    const { valid } = validate([{ groups: "koffieploeg; TAALCAFÉ" }, { firstName: "Piet", groups: "Koffieploeg,Koffieploeg" }]);
    expect(valid.map((record) => record.groupIds)).toEqual([["group-koffie", "group-taal"], ["group-koffie"]]);
  });
});

describe("rows against each other", () => {
  it("refuses a later row with the same name and email as an earlier one, naming the earlier row", () => {
    const { valid, invalid } = validate([{ email: "jan@example.org" }, { email: "JAN@example.org" }, { email: "ander@example.org" }]);
    expect(valid.map((record) => record.rowNumber)).toEqual([2, 4]);
    expect(invalid).toEqual([{ rowNumber: 3, name: "Jan Jansen", problems: [{ field: "person", error: "duplicateInFile", value: "2" }] }]);
  });

  it("refuses a username that an earlier row already asks for, in any letters", () => {
    const { valid, invalid } = validate([
      { firstName: "Jan", username: "jansen" },
      { firstName: "Piet", username: "Jansen" },
    ]);
    expect(valid.map((record) => record.rowNumber)).toEqual([2]);
    expect(invalid[0].problems).toEqual([{ field: "username", error: "usernameInFile", value: "2" }]);
  });

  it("lets a row through when the earlier row with the same person was refused (it is not added)", () => {
    const { valid, invalid } = validate([
      { email: "jan@example.org", phone: "kapot", username: "jan" },
      { email: "jan@example.org", username: "jan" },
    ]);
    expect(invalid.map((row) => row.rowNumber)).toEqual([2]);
    expect(valid.map((record) => record.rowNumber)).toEqual([3]);
  });

  it("keeps the row numbers it was given, such as the file's line numbers", () => {
    const result = validateImportRows({ rows: [rowOf({ firstName: "" })], rowNumbers: [17] }, mapping, context);
    expect(result.invalid[0].rowNumber).toBe(17);
  });
});

describe("the usernames a file asks for", () => {
  it("are lower-cased, trimmed and listed once, without empty cells", () => {
    const file = { rows: [rowOf({ username: " Jan " }), rowOf({ username: "jan" }), rowOf({ username: "" }), rowOf({ username: "Piet" })], rowNumbers: [2, 3, 4, 5] };
    expect(usernamesIn(file, mapping)).toEqual(["jan", "piet"]);
  });

  it("are none when no column holds usernames", () => {
    expect(usernamesIn({ rows: [["Jan", "Jansen"]], rowNumbers: [2] }, ["firstName", "lastName"])).toEqual([]);
  });
});

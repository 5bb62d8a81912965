// Checking an uploaded member list row by row: each mapped cell through the profile's own field rules
// (lib/people/schemas.ts), then duplicates (an existing member or an earlier row with the same name and
// email), usernames (in the file or anywhere in the installation) and group names. Pure: what the
// database knows comes in as `ImportContext`.
import type { z } from "zod";
import { checkUsername, normaliseUsername } from "@/lib/accounts/rules";
import { isProfileErrorKey, parseBirthDate, profileFieldSchemas, type ProfileErrorKey } from "@/lib/people/schemas";
import type { TextProfileField } from "@/lib/people/rules";
import type { MemberRecordValues } from "@/lib/people/member-record-schemas";
import type { ColumnTarget, ImportField } from "./mapping";

/** Message keys of memberImport.errors: the profile's own, and those only an import can run into. */
export const importOnlyErrorKeys = [
  "startDateInvalid",
  "endDateInvalid",
  "endBeforeStart",
  "duplicateMember",
  "duplicateInFile",
  "usernameInvalid",
  "usernameTaken",
  "usernameInFile",
  "unknownGroup",
] as const;
export type ImportErrorKey = ProfileErrorKey | (typeof importOnlyErrorKeys)[number];

export type RowProblem = {
  /** "person" when the row as a whole is the problem (a duplicate). */
  field: ImportField | "person";
  error: ImportErrorKey;
  /** What the message names: the unknown group, the earlier row number. */
  value?: string;
};

export type ImportRecord = { rowNumber: number; person: MemberRecordValues; username: string | null; groupIds: string[] };
export type InvalidRow = { rowNumber: number; name: string; problems: RowProblem[] };
export type ImportValidation = { valid: ImportRecord[]; invalid: InvalidRow[] };

export type ImportContext = {
  /** The organisation's calendar day, "YYYY-MM-DD": a birth date after it is a typing mistake. */
  today: string;
  /** memberKey() of every member of the organisation. */
  existingMembers: ReadonlySet<string>;
  /** Usernames in use anywhere in the installation, lower-cased. */
  takenUsernames: ReadonlySet<string>;
  /** The organisation's groups by lower-cased name. */
  groupIdsByName: ReadonlyMap<string, string>;
};

type RowFile = { rows: readonly (readonly string[])[]; rowNumbers: readonly number[] };

/** Same person: same name (with infix) and email address, compared without case; no email counts as one value. */
export function memberKey(person: { firstName: string; infix: string | null; lastName: string; email: string | null }): string {
  return [person.firstName, person.infix ?? "", person.lastName, person.email ?? ""]
    .map((part) => part.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("nl-NL"))
    .join("\u0000");
}

/** Several groups in one cell: "Koffieploeg, Taalcafé" or "Koffieploeg; Taalcafé". */
export function splitGroupNames(cell: string): string[] {
  return [...new Set(cell.split(/[,;|]/).map((name) => name.replace(/\s+/g, " ").trim()).filter((name) => name !== ""))];
}

function cellOf(row: readonly string[], mapping: readonly ColumnTarget[], field: ImportField): string {
  const column = mapping.indexOf(field);
  return column === -1 ? "" : (row[column] ?? "");
}

/** The usernames a file asks for, lower-cased, so the database is asked about exactly these. */
export function usernamesIn(file: RowFile, mapping: readonly ColumnTarget[]): string[] {
  if (!mapping.includes("username")) return [];
  return [...new Set(file.rows.map((row) => normaliseUsername(cellOf(row, mapping, "username")).toLowerCase()).filter((name) => name !== ""))];
}

type Check<T> = { ok: true; value: T } | { ok: false; error: ImportErrorKey };

function through<T>(schema: z.ZodType<T, unknown>, cell: string): Check<T> {
  const parsed = schema.safeParse(cell);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "invalid";
  return { ok: false, error: isProfileErrorKey(message) ? message : "invalid" };
}

function optionalDate(cell: string, error: ImportErrorKey): Check<string | null> {
  if (cell.trim() === "") return { ok: true, value: null };
  const parsed = parseBirthDate(cell);
  return parsed === null ? { ok: false, error } : { ok: true, value: parsed };
}

/** Every row as a member to add, or the reasons it cannot be; rows keep their number in the file. */
export function validateImportRows(file: RowFile, mapping: readonly ColumnTarget[], context: ImportContext): ImportValidation {
  const valid: ImportRecord[] = [];
  const invalid: InvalidRow[] = [];
  const seenMembers = new Map<string, number>();
  const seenUsernames = new Map<string, number>();
  const fieldSchemas = Object.entries(profileFieldSchemas(context.today)) as [TextProfileField, z.ZodType][];

  file.rows.forEach((row, index) => {
    const rowNumber = file.rowNumbers[index] ?? index + 2;
    const cell = (field: ImportField) => cellOf(row, mapping, field);
    const problems: RowProblem[] = [];
    const values: Record<string, string | null> = {};
    for (const [field, schema] of fieldSchemas) {
      const checked = through(schema as z.ZodType<string | null, unknown>, cell(field));
      if (checked.ok) values[field] = checked.value;
      else problems.push({ field, error: checked.error });
    }
    const startDate = optionalDate(cell("startDate"), "startDateInvalid");
    const endDate = optionalDate(cell("endDate"), "endDateInvalid");
    if (!startDate.ok) problems.push({ field: "startDate", error: startDate.error });
    if (!endDate.ok) problems.push({ field: "endDate", error: endDate.error });
    if (startDate.ok && endDate.ok && startDate.value && endDate.value && endDate.value < startDate.value) problems.push({ field: "endDate", error: "endBeforeStart" });

    const person: MemberRecordValues = {
      firstName: values.firstName ?? "",
      infix: values.infix ?? null,
      lastName: values.lastName ?? "",
      email: values.email ?? null,
      phone: values.phone ?? null,
      birthDate: values.birthDate ?? null,
      address: values.address ?? null,
      postcode: values.postcode ?? null,
      city: values.city ?? null,
      startDate: startDate.ok ? startDate.value : null,
      endDate: endDate.ok ? endDate.value : null,
    };

    const nameAndEmailOk = !problems.some((problem) => ["firstName", "infix", "lastName", "email"].includes(problem.field));
    const key = memberKey(person);
    if (nameAndEmailOk) {
      if (context.existingMembers.has(key)) problems.push({ field: "person", error: "duplicateMember" });
      else if (seenMembers.has(key)) problems.push({ field: "person", error: "duplicateInFile", value: String(seenMembers.get(key)) });
    }

    const username = normaliseUsername(cell("username"));
    const usernameKey = username.toLowerCase();
    if (username !== "") {
      if (checkUsername(username) !== null) problems.push({ field: "username", error: "usernameInvalid" });
      else if (context.takenUsernames.has(usernameKey)) problems.push({ field: "username", error: "usernameTaken", value: username });
      else if (seenUsernames.has(usernameKey)) problems.push({ field: "username", error: "usernameInFile", value: String(seenUsernames.get(usernameKey)) });
    }

    const groupIds: string[] = [];
    for (const name of splitGroupNames(cell("groups"))) {
      const groupId = context.groupIdsByName.get(name.toLocaleLowerCase("nl-NL"));
      if (groupId) groupIds.push(groupId);
      else problems.push({ field: "groups", error: "unknownGroup", value: name });
    }

    if (problems.length > 0) {
      invalid.push({ rowNumber, name: [cell("firstName"), cell("infix"), cell("lastName")].filter(Boolean).join(" "), problems });
      return;
    }
    seenMembers.set(key, rowNumber);
    if (username !== "") seenUsernames.set(usernameKey, rowNumber);
    valid.push({ rowNumber, person, username: username === "" ? null : username, groupIds: [...new Set(groupIds)] });
  });
  return { valid, invalid };
}

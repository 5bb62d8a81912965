// A person's name as Ploeg writes it, the Dutch way: first name, tussenvoegsel (infix), last name.
// The one place for it, in TypeScript and in SQL (for queries that return names built in the database).
import { sql, type SQL } from "drizzle-orm";

export type PersonName = { firstName: string; infix: string | null; lastName: string };

type NameParts = { firstName: string | null; infix?: string | null; lastName: string | null };

/** "Sanne de Vries"; a missing or blank part is skipped. */
export function formatPersonName(person: NameParts): string {
  return [person.firstName, person.infix, person.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
}

/** The family name as a vCard's N field and the photo book print it: "de Vries". */
export function familyNameOf(person: Pick<NameParts, "infix" | "lastName">): string {
  return [person.infix, person.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
}

/** Two letters for a photo placeholder, the Dutch way: "Sanne de Vries" → "SV" (the infix is skipped). */
export function initialsOf(person: PersonName): string {
  const first = Array.from(person.firstName.trim())[0] ?? "";
  const last = Array.from(person.lastName.trim())[0] ?? "";
  return `${first}${last}`.toLocaleUpperCase("nl-NL");
}

/**
 * The SQL twin of `formatPersonName` for a `people` row under `alias` (a trusted identifier written in
 * code, never input): "Sanne de Vries", an empty infix skipped like a missing one.
 */
export function personNameSql(alias: string): SQL<string> {
  return sql<string>`${sql.raw(`concat_ws(' ', ${alias}.first_name, nullif(trim(${alias}.infix), ''), ${alias}.last_name)`)}`;
}

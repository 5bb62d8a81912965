// Reads of the member import: one import of an organisation (never an expired one), and what the
// validation needs to know from the database, each in one statement however long the file is.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { memberImports, type MemberImportResult } from "@/lib/db/schema/member-imports";
import { people } from "@/lib/db/schema/people";
import { groups } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
import { isColumnTarget, type ColumnTarget } from "./mapping";
import { memberKey, type ImportContext } from "./validation";

export type MemberImport = {
  id: string;
  fileName: string;
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
  mapping: ColumnTarget[];
  status: "draft" | "imported";
  result: MemberImportResult | null;
  createdAt: Date;
  importedAt: Date | null;
};

const importColumns = {
  id: memberImports.id,
  fileName: memberImports.fileName,
  headers: memberImports.headers,
  rows: memberImports.rows,
  rowNumbers: memberImports.rowNumbers,
  mapping: memberImports.mapping,
  status: memberImports.status,
  result: memberImports.result,
  createdAt: memberImports.createdAt,
  importedAt: memberImports.importedAt,
};

/** An import of this organisation that has not expired, or null (also for another organisation's id). */
export async function getMemberImport(tenantId: string, importId: string, options: { tx?: DbOrTx; lock?: boolean; now?: Date } = {}): Promise<MemberImport | null> {
  const db = options.tx ?? (await getDb());
  const query = db
    .select(importColumns)
    .from(memberImports)
    .where(and(eq(memberImports.tenantId, tenantId), eq(memberImports.id, importId), gt(memberImports.expiresAt, options.now ?? new Date())));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) return null;
  return { ...row, mapping: row.headers.map((_, column) => (isColumnTarget(row.mapping[column]) ? row.mapping[column] : "ignore")) };
}

/** memberKey() of every person of the organisation, to find rows that would add someone twice. */
export async function listExistingMemberKeys(tenantId: string, tx?: DbOrTx): Promise<Set<string>> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({ firstName: people.firstName, infix: people.infix, lastName: people.lastName, email: people.email })
    .from(people)
    .where(personOf(tenantId));
  return new Set(rows.map(memberKey));
}

/**
 * Which of these lower-cased usernames are in use anywhere in the installation (usernames are unique
 * across organisations: signing in never asks for one). Not scoped by tenant on purpose; only the
 * names asked about come back, never who holds them.
 */
export async function listTakenUsernames(usernames: readonly string[], tx?: DbOrTx): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const db = tx ?? (await getDb());
  const taken = new Set<string>();
  for (let start = 0; start < usernames.length; start += 1000) {
    const chunk = usernames.slice(start, start + 1000);
    const rows = await db
      .select({ username: sql<string>`lower(${users.username})` })
      .from(users)
      .where(inArray(sql`lower(${users.username})`, chunk));
    for (const row of rows) taken.add(row.username);
  }
  return taken;
}

/** The organisation's groups by lower-cased name, as an import names them. */
export async function listGroupIdsByName(tenantId: string, tx?: DbOrTx): Promise<Map<string, string>> {
  const db = tx ?? (await getDb());
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.tenantId, tenantId));
  return new Map(rows.map((group) => [group.name.replace(/\s+/g, " ").trim().toLocaleLowerCase("nl-NL"), group.id]));
}

/** Everything validateImportRows needs from the database for this file. */
export async function loadImportContext(tenantId: string, usernames: readonly string[], today: string, tx?: DbOrTx): Promise<ImportContext> {
  // One after the other: inside a transaction the statements share one connection anyway.
  const existingMembers = await listExistingMemberKeys(tenantId, tx);
  const takenUsernames = await listTakenUsernames(usernames, tx);
  const groupIdsByName = await listGroupIdsByName(tenantId, tx);
  return { today, existingMembers, takenUsernames, groupIdsByName };
}

/** The organisation's group names by id, to show the groups a preview row will join. */
export async function listGroupNamesById(tenantId: string): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.tenantId, tenantId));
  return new Map(rows.map((group) => [group.id, group.name]));
}

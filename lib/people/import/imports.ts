// The member import's use cases: upload (parse and keep as a draft), choose the columns, preview, and
// confirm, which adds every valid row in one transaction with set-based inserts (people, their logins
// and group memberships), marks the import done and audits it. Nothing touches people before confirm.
import { randomUUID } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { memberImports, type MemberImportResult } from "@/lib/db/schema/member-imports";
import { people } from "@/lib/db/schema/people";
import { groupMembers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { recordAudit } from "@/lib/tenancy/audit";
import { checkMapping, guessMapping, type ColumnTarget, type MappingProblem } from "./mapping";
import { parseMemberFile, type ParseRefusal } from "./parsing";
import { getMemberImport, loadImportContext, type MemberImport } from "./queries";
import { usernamesIn, validateImportRows, type ImportValidation } from "./validation";

/** An unfinished import holds personal data: it is gone a day after upload. */
export const IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Rows per INSERT statement: well under Postgres's 65,535 parameters at a dozen columns a row. */
const INSERT_CHUNK = 1000;

export type ImportActor = { tenantId: string; userId: string };

export async function createMemberImport(
  actor: ImportActor,
  file: { name: string; bytes: Uint8Array },
  now = new Date(),
): Promise<{ ok: true; importId: string } | { ok: false; reason: ParseRefusal }> {
  const parsed = await parseMemberFile(file.name, file.bytes);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Expired imports of any organisation go here, so none outlives its day by much without a cron job.
    await tx.delete(memberImports).where(lt(memberImports.expiresAt, now));
    const [created] = await tx
      .insert(memberImports)
      .values({
        tenantId: actor.tenantId,
        createdById: actor.userId,
        fileName: file.name.slice(0, 200),
        headers: parsed.file.headers,
        rows: parsed.file.rows,
        rowNumbers: parsed.file.rowNumbers,
        mapping: guessMapping(parsed.file.headers),
        expiresAt: new Date(now.getTime() + IMPORT_LIFETIME_MS),
      })
      .returning({ id: memberImports.id });
    return { ok: true as const, importId: created.id };
  });
}

export type SaveMappingResult = { outcome: "saved" } | { outcome: "invalid"; problems: MappingProblem[] } | { outcome: "notFound" } | { outcome: "alreadyImported" };

/** Stores the coordinator's column choices; a mapping without first and last name is refused. */
export async function saveImportMapping(tenantId: string, importId: string, mapping: ColumnTarget[]): Promise<SaveMappingResult> {
  const found = await getMemberImport(tenantId, importId);
  if (!found) return { outcome: "notFound" };
  if (found.status === "imported") return { outcome: "alreadyImported" };
  const chosen = found.headers.map((_, column) => mapping[column] ?? "ignore");
  const problems = checkMapping(chosen);
  if (problems.length > 0) return { outcome: "invalid", problems };
  const db = await getDb();
  await db
    .update(memberImports)
    .set({ mapping: chosen })
    .where(and(eq(memberImports.tenantId, tenantId), eq(memberImports.id, importId)));
  return { outcome: "saved" };
}

export type ImportPreview = {
  memberImport: MemberImport;
  problems: MappingProblem[];
  validation: ImportValidation;
};

/** The rows as they would be imported now, with every row's problems; writes nothing. */
export async function previewMemberImport(tenantId: string, importId: string, today: string): Promise<ImportPreview | null> {
  const found = await getMemberImport(tenantId, importId);
  if (!found) return null;
  const problems = checkMapping(found.mapping);
  if (problems.length > 0 || found.status === "imported") return { memberImport: found, problems, validation: { valid: [], invalid: [] } };
  const context = await loadImportContext(tenantId, usernamesIn(found, found.mapping), today);
  return { memberImport: found, problems, validation: validateImportRows(found, found.mapping, context) };
}

export type ConfirmImportResult =
  | { outcome: "imported"; result: MemberImportResult }
  | { outcome: "alreadyImported"; result: MemberImportResult | null }
  | { outcome: "invalidMapping"; problems: MappingProblem[] }
  | { outcome: "countChanged"; count: number }
  | { outcome: "nothingToImport" }
  | { outcome: "notFound" };

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
}

/**
 * Adds every valid row in one transaction: people, then a login for each row with a username (active,
 * no password: they sign in by link or "login opvragen"), then group memberships, then the import is
 * marked imported and audited. The import row is locked first, so a second confirm finds it imported
 * and does nothing. `expectedCount` is what the confirmation named; if the rows changed meanwhile
 * (a member added elsewhere), nothing is written and the new count is returned.
 */
export async function importMembers(actor: ImportActor, importId: string, today: string, expectedCount: number, now = new Date()): Promise<ConfirmImportResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ConfirmImportResult> => {
    const found = await getMemberImport(actor.tenantId, importId, { tx, lock: true, now });
    if (!found) return { outcome: "notFound" };
    if (found.status === "imported") return { outcome: "alreadyImported", result: found.result };
    const problems = checkMapping(found.mapping);
    if (problems.length > 0) return { outcome: "invalidMapping", problems };
    const context = await loadImportContext(actor.tenantId, usernamesIn(found, found.mapping), today, tx);
    const { valid, invalid } = validateImportRows(found, found.mapping, context);
    if (valid.length === 0) return { outcome: "nothingToImport" };
    if (valid.length !== expectedCount) return { outcome: "countChanged", count: valid.length };

    const personIds = await addPeople(tx, actor.tenantId, valid);
    // Name and email on the login as every other way of creating one writes them (Auth.js's columns).
    const logins = valid.flatMap((record, index) =>
      record.username
        ? [{ tenantId: actor.tenantId, personId: personIds[index], username: record.username, status: "active" as const, name: formatPersonName(record.person), email: record.person.email }]
        : [],
    );
    await insertInChunks(logins, async (chunk) => {
      await tx.insert(users).values(chunk);
    });
    const memberships = valid.flatMap((record, index) => record.groupIds.map((groupId) => ({ tenantId: actor.tenantId, groupId, personId: personIds[index] })));
    await insertInChunks(memberships, async (chunk) => {
      await tx.insert(groupMembers).values(chunk);
    });

    const result: MemberImportResult = {
      added: valid.length,
      logins: logins.length,
      groupMemberships: memberships.length,
      skipped: invalid.map((row) => ({ row: row.rowNumber, errors: row.problems.map((problem) => ({ field: problem.field, error: problem.error, ...(problem.value ? { value: problem.value } : {}) })) })),
    };
    // The rows themselves are not kept once imported: the people table holds what was added.
    await tx
      .update(memberImports)
      .set({ status: "imported", importedAt: now, result, rows: [], rowNumbers: [] })
      .where(and(eq(memberImports.tenantId, actor.tenantId), eq(memberImports.id, importId)));
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "people.imported",
      details: { fileName: found.fileName, added: result.added, skipped: result.skipped.length, logins: result.logins, groupMemberships: result.groupMemberships },
    });
    return { outcome: "imported", result };
  });
}

/** Inserts the people and returns their ids in the records' order (chosen here, so no reliance on RETURNING order). */
async function addPeople(tx: Tx, tenantId: string, records: ImportValidation["valid"]): Promise<string[]> {
  const ids = records.map(() => randomUUID());
  const rows = records.map((record, index) => ({ id: ids[index], tenantId, role: "member" as const, ...record.person }));
  await insertInChunks(rows, async (chunk) => {
    await tx.insert(people).values(chunk);
  });
  return ids;
}

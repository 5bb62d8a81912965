// What groups and locations share as records a coordinator names, archives, unarchives and deletes:
// archiving in its own audited transaction, the "archived last, then by name" order and the coming
// shifts count of their overview pages, and how their forms turn an action's answer into form state
// (translated from the record's own message namespace).
import { and, asc, eq, sql } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { shifts } from "@/lib/db/schema/roster";
import { groups, locations } from "@/lib/db/schema/tenancy";
import { recordNotFound, type ActionResult } from "@/lib/auth/guards";
import type { FormState } from "@/components/ui/form-state";
import { recordAudit } from "@/lib/tenancy/audit";

type ArchivableKind = "group" | "location";

const tables = { group: groups, location: locations } as const;

/**
 * Archives or unarchives a group or location and records `<kind>.archived` or `<kind>.unarchived`
 * with its id and name. Repeating it changes nothing and records nothing.
 */
export async function setRecordArchived(
  kind: ArchivableKind,
  tenantId: string,
  actorUserId: string,
  id: string,
  archived: boolean,
  now: Date,
): Promise<{ changed: boolean }> {
  // Both tables have the same id, tenant, name and archive columns; one type lets drizzle check them.
  const table = tables[kind] as typeof groups;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: table.name, archivedAt: table.archivedAt })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.id, id)))
      .for("update");
    if (!current) recordNotFound();
    if ((current.archivedAt !== null) === archived) return { changed: false };
    await tx
      .update(table)
      .set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: `${kind}.${archived ? "archived" : "unarchived"}` as const,
      details: { [`${kind}Id`]: id, name: current.name },
    });
    return { changed: true };
  });
}

/** The overview order: archived records last, each part alphabetically regardless of letter case. */
export function archivedLastByName(kind: ArchivableKind) {
  const table = tables[kind];
  return [sql`${table.archivedAt} is not null`, asc(sql`lower(${table.name})`)] as const;
}

/**
 * Coming shifts (starting after `now`, not cancelled) that have the outer row's group or location.
 * The outer table is named explicitly: drizzle leaves columns unqualified in a one-table select, so
 * "id" would mean the inner table's.
 */
export function comingShiftsOf(kind: ArchivableKind, tenantId: string, now: Date) {
  const outerId = sql.raw(kind === "group" ? `s.group_id = "groups"."id"` : `s.location_id = "locations"."id"`);
  return sql<number>`(select count(*) from ${shifts} s where s.tenant_id = ${tenantId} and ${outerId} and s.starts_at > ${now.toISOString()}::timestamptz and s.cancelled_at is null)`.mapWith(
    Number,
  );
}

export type RecordFormState = FormState & { status?: "saved" | "unchanged" | "failed" };

/**
 * A refused or invalid call as a group or location form shows it; a lost session goes to sign-in.
 * Field errors are translated only for the message keys the namespace knows (`errors.<key>`).
 */
export async function recordFormFailure(
  namespace: "groups" | "locations",
  fieldErrorKeys: readonly string[],
  result: Extract<ActionResult<unknown>, { ok: false }>,
): Promise<RecordFormState> {
  const t = await getTranslations(namespace);
  if (result.error === "unauthorised") redirect("/sign-in");
  if (result.error !== "invalid") return { status: "failed", message: t(`errors.${result.error}`) };
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
    const key = fieldErrorKeys.find((known) => known === keys[0]);
    if (key) fieldErrors[field] = [t(`errors.${key}`)];
  }
  return { status: "failed", message: t("errors.checkFields"), fieldErrors };
}

/** Archive or unarchive as the record page's buttons post them (`intent`), with the saved message. */
export async function changeArchivedForm<T>(
  namespace: "groups" | "locations",
  intent: FormDataEntryValue | null,
  run: { archive: () => Promise<ActionResult<T>>; unarchive: () => Promise<ActionResult<T>> },
  fieldErrorKeys: readonly string[],
): Promise<RecordFormState> {
  const result = intent === "unarchive" ? await run.unarchive() : await run.archive();
  if (!result.ok) return recordFormFailure(namespace, fieldErrorKeys, result);
  const t = await getTranslations(namespace);
  return { status: "saved", message: t(intent === "unarchive" ? "unarchived" : "archived") };
}

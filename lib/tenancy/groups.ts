// A coordinator's changes to the organisation's groups: create, rename and set the email address,
// archive and unarchive, delete, and add or remove many members at once. Each use case owns its
// transaction and writes its audit entry in it.
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import { recordNotFound } from "@/lib/auth/guards";
import { personOf } from "@/lib/people/members";
import { setRecordArchived } from "@/lib/tenancy/archivable-records";
import { recordAudit } from "@/lib/tenancy/audit";
import type { CreateGroupInput, GroupMembershipInput, UpdateGroupInput } from "@/lib/tenancy/groups-schemas";

export type GroupSaveResult = { outcome: "saved"; groupId: string; changed: boolean } | { outcome: "refused"; problem: "nameTaken" };

/** Postgres reports a unique-index conflict as SQLSTATE 23505, possibly wrapped by the driver or Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && "code" in current && current.code === "23505") return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

/** Whether another group of the organisation already has this name, ignoring letter case (as the unique index does). */
async function isNameTaken(tx: Tx, tenantId: string, name: string, exceptGroupId: string | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), sql`lower(${groups.name}) = lower(${name})`, exceptGroupId ? sql`${groups.id} <> ${exceptGroupId}` : undefined))
    .limit(1);
  return Boolean(row);
}

/** Runs a save; a name taken by a concurrent save (the unique index has the last word) ends as "nameTaken". */
async function savingName(save: () => Promise<GroupSaveResult>): Promise<GroupSaveResult> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "refused", problem: "nameTaken" };
    throw error;
  }
}

export async function createGroup(tenantId: string, actorUserId: string, input: CreateGroupInput): Promise<GroupSaveResult> {
  const db = await getDb();
  return savingName(() =>
    db.transaction(async (tx): Promise<GroupSaveResult> => {
      if (await isNameTaken(tx, tenantId, input.name, null)) return { outcome: "refused", problem: "nameTaken" };
      const [row] = await tx.insert(groups).values({ tenantId, name: input.name, email: input.email }).returning({ id: groups.id });
      await recordAudit(tx, { tenantId, actorUserId, action: "group.created", details: { groupId: row.id, name: input.name, email: input.email } });
      return { outcome: "saved", groupId: row.id, changed: true };
    }),
  );
}

/** Renames the group and sets or clears its email address; one audit entry per kind of change. */
export async function updateGroup(tenantId: string, actorUserId: string, input: UpdateGroupInput, now: Date = new Date()): Promise<GroupSaveResult> {
  const db = await getDb();
  return savingName(() =>
    db.transaction(async (tx): Promise<GroupSaveResult> => {
      const [current] = await tx
        .select({ name: groups.name, email: groups.email })
        .from(groups)
        .where(and(eq(groups.tenantId, tenantId), eq(groups.id, input.groupId)))
        .for("update");
      if (!current) recordNotFound();
      const renamed = current.name !== input.name;
      const emailChanged = (current.email ?? null) !== input.email;
      if (!renamed && !emailChanged) return { outcome: "saved", groupId: input.groupId, changed: false };
      // A change of letter case only is this group's own name, not a duplicate.
      if (renamed && (await isNameTaken(tx, tenantId, input.name, input.groupId))) return { outcome: "refused", problem: "nameTaken" };
      await tx.update(groups).set({ name: input.name, email: input.email, updatedAt: now }).where(and(eq(groups.tenantId, tenantId), eq(groups.id, input.groupId)));
      const entries = [];
      if (renamed) {
        entries.push({ tenantId, actorUserId, action: "group.renamed" as const, details: { groupId: input.groupId, name: input.name, before: { name: current.name }, after: { name: input.name } } });
      }
      if (emailChanged) {
        entries.push({
          tenantId,
          actorUserId,
          action: "group.email-changed" as const,
          details: { groupId: input.groupId, name: input.name, before: { email: current.email }, after: { email: input.email } },
        });
      }
      await recordAudit(tx, entries);
      return { outcome: "saved", groupId: input.groupId, changed: true };
    }),
  );
}

/**
 * Archives or unarchives a group: an archived group is no longer offered for new shifts, filters or
 * bulk changes; its members and the shifts restricted to it stay as they are. Repeating it changes nothing.
 */
export async function setGroupArchived(tenantId: string, actorUserId: string, groupId: string, archived: boolean, now: Date = new Date()): Promise<{ changed: boolean }> {
  return setRecordArchived("group", tenantId, actorUserId, groupId, archived, now);
}

export type GroupDeleted = { name: string; members: number; comingShifts: number };

/**
 * Deletes a group. Its memberships go with it; shifts and series restricted to it lose the
 * restriction (the foreign key sets it to null), so anyone may take those shifts afterwards. Members
 * keep everything else. Returns what the audit entry records.
 */
export async function deleteGroup(tenantId: string, actorUserId: string, groupId: string, now: Date = new Date()): Promise<GroupDeleted> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: groups.name })
      .from(groups)
      .where(and(eq(groups.tenantId, tenantId), eq(groups.id, groupId)))
      .for("update");
    if (!current) recordNotFound();
    const [counts] = await tx
      .select({
        members: sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.groupId} = ${groupId})`,
        comingShifts: sql<number>`count(*)::int`,
      })
      .from(shifts)
      .where(and(eq(shifts.tenantId, tenantId), eq(shifts.groupId, groupId), gt(shifts.startsAt, now), isNull(shifts.cancelledAt)));
    await tx.delete(groups).where(and(eq(groups.tenantId, tenantId), eq(groups.id, groupId)));
    const deleted = { name: current.name, members: counts?.members ?? 0, comingShifts: counts?.comingShifts ?? 0 };
    await recordAudit(tx, { tenantId, actorUserId, action: "group.deleted", details: { groupId, ...deleted } });
    return deleted;
  });
}

export type MembershipChange = { outcome: "changed"; groupName: string; changed: number; unchanged: number } | { outcome: "refused"; problem: "archived" };

async function lockGroup(tx: Tx, tenantId: string, groupId: string) {
  const [group] = await tx
    .select({ name: groups.name, archivedAt: groups.archivedAt })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, groupId)))
    .for("update");
  if (!group) recordNotFound();
  return group;
}

/** The answer of a bulk membership change; only a change that moved someone is audited, with the counts. */
async function membershipChanged(
  tx: Tx,
  group: { tenantId: string; actorUserId: string; groupId: string; groupName: string },
  action: "group.members-added" | "group.members-removed",
  changed: number,
  selected: number,
): Promise<MembershipChange> {
  const { tenantId, actorUserId, groupId, groupName } = group;
  if (changed > 0) await recordAudit(tx, { tenantId, actorUserId, action, details: { groupId, name: groupName, count: changed, selected } });
  return { outcome: "changed", groupName, changed, unchanged: selected - changed };
}

/**
 * Adds people of the organisation to a group in one statement; those already in it are left alone,
 * so repeating it adds nobody twice. Only changes are audited, with their count. An archived group
 * takes no new members.
 */
export async function addMembersToGroup(tenantId: string, actorUserId: string, input: GroupMembershipInput): Promise<MembershipChange> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<MembershipChange> => {
    const group = await lockGroup(tx, tenantId, input.groupId);
    if (group.archivedAt) return { outcome: "refused", problem: "archived" };
    const personIds = [...new Set(input.personIds)];
    const added = await tx
      .insert(groupMembers)
      .select(
        tx
          .select({
            tenantId: sql<string>`${tenantId}::uuid`.as("tenant_id"),
            groupId: sql<string>`${input.groupId}::uuid`.as("group_id"),
            personId: people.id,
            createdAt: sql<Date>`now()`.as("created_at"),
            updatedAt: sql<Date>`now()`.as("updated_at"),
          })
          .from(people)
          .where(and(personOf(tenantId), inArray(people.id, personIds))),
      )
      .onConflictDoNothing()
      .returning({ personId: groupMembers.personId });
    return membershipChanged(tx, { tenantId, actorUserId, groupId: input.groupId, groupName: group.name }, "group.members-added", added.length, personIds.length);
  });
}

/** Takes people out of a group in one statement; those not in it are left alone. Only changes are audited. */
export async function removeMembersFromGroup(tenantId: string, actorUserId: string, input: GroupMembershipInput): Promise<MembershipChange> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<MembershipChange> => {
    const group = await lockGroup(tx, tenantId, input.groupId);
    const personIds = [...new Set(input.personIds)];
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, input.groupId), inArray(groupMembers.personId, personIds)))
      .returning({ personId: groupMembers.personId });
    return membershipChanged(tx, { tenantId, actorUserId, groupId: input.groupId, groupName: group.name }, "group.members-removed", removed.length, personIds.length);
  });
}

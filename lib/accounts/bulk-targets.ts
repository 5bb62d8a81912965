// What every bulk account change (blocking, username resends, logins, temporary passwords) shares: who
// may act, resolving a target (one person, a selection, a group, everyone) to people with their login,
// and the count-then-confirm steps (a preview names who, the confirmation must repeat that count).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, type Role } from "@/lib/db/schema/people";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import { canCoordinate } from "@/lib/auth/permissions";
import { personOf } from "@/lib/people/members";
import { formatPersonName } from "@/lib/people/names";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";

/** Who is acting; the same fields as the session's Actor, so an Actor can be passed as is. */
export type BulkActorRef = { userId: string; personId: string | null; tenantId: string; role: Role };

/**
 * Defence in depth: the actions' guard already checked the role, but the data layer refuses a member
 * or a mismatched tenant itself, so no other caller can skip the check. Throws: reaching it is a bug.
 * `feature` names the change in the message ("Access changes", "Temporary passwords", …).
 */
export function assertCoordinatorOf(tenantId: string, actor: Pick<BulkActorRef, "tenantId" | "role">, feature: string): void {
  if (actor.tenantId !== tenantId) throw new Error(`${feature}: the actor belongs to another organisation`);
  if (!canCoordinate(actor.role)) throw new Error(`${feature}: coordinators and admins only`);
}

/** One person a target names, with their login's fields (all null without a login). */
export type TargetRow = Awaited<ReturnType<typeof selectTargetRows>>[number];

export type ResolvedTarget =
  | { ok: true; rows: TargetRow[]; groupName: string | null }
  | { ok: false; reason: "unknownPeople" | "unknownGroup" };

function selectTargetRows(db: DbOrTx, tenantId: string, condition: SQL | undefined) {
  return (
    db
      .select({
        personId: people.id,
        role: people.role,
        firstName: people.firstName,
        infix: people.infix,
        lastName: people.lastName,
        email: people.email,
        endDate: people.endDate,
        userId: users.id,
        username: users.username,
        status: users.status,
        lockedAt: users.lockedAt,
        loginCount: users.loginCount,
        blockedAt: users.blockedAt,
        blockScheduledFor: users.blockScheduledFor,
        locale: users.locale,
      })
      .from(people)
      .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
      // The tenant condition is always present; `condition` only narrows within it.
      .where(and(personOf(tenantId), condition))
      .orderBy(sql`lower(${people.lastName})`, sql`lower(${people.firstName})`, people.id)
  );
}

/**
 * Everyone `target` names in this organisation, with their login (if any), sorted by family name.
 * Explicit ids that are not (live) people of this organisation, or a group of another one, refuse the
 * whole request: a stale page or a forged id must not half-apply.
 */
export async function resolveBulkTarget(db: DbOrTx, tenantId: string, target: AccessTarget): Promise<ResolvedTarget> {
  let condition: SQL | undefined;
  let groupName: string | null = null;
  let expectedIds: Set<string> | null = null;
  switch (target.kind) {
    case "person":
      expectedIds = new Set([target.personId]);
      condition = eq(people.id, target.personId);
      break;
    case "selection":
      expectedIds = new Set(target.personIds);
      condition = inArray(people.id, [...expectedIds]);
      break;
    case "group": {
      const [group] = await db
        .select({ name: groups.name })
        .from(groups)
        .where(and(eq(groups.tenantId, tenantId), eq(groups.id, target.groupId)));
      if (!group) return { ok: false, reason: "unknownGroup" };
      groupName = group.name;
      condition = inArray(
        people.id,
        db
          .select({ personId: groupMembers.personId })
          .from(groupMembers)
          .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, target.groupId))),
      );
      break;
    }
    case "everyone":
      condition = undefined;
      break;
  }
  const rows = await selectTargetRows(db, tenantId, condition);
  if (expectedIds && rows.length !== expectedIds.size) return { ok: false, reason: "unknownPeople" };
  return { ok: true, rows, groupName };
}

/** How the target was named, for the audit row's details: a group by name, a selection by its size. */
export function auditVia(target: AccessTarget, groupName: string | null): { via: AccessTarget["kind"]; groupName?: string; size?: number } {
  if (target.kind === "group") return { via: "group", groupName: groupName ?? undefined };
  if (target.kind === "selection") return { via: "selection", size: target.personIds.length };
  return { via: target.kind };
}

/** How many names a confirmation shows, so it says who, not only how many. */
export const PREVIEW_NAMES = 8;

type Named = { firstName: string; infix: string | null; lastName: string };

/** The preview a coordinator confirms: how many, the first few names, who is left out and why. */
export function previewOf<Skipped>(affected: readonly Named[], skipped: Skipped, groupName: string | null) {
  return {
    outcome: "preview" as const,
    affected: affected.length,
    names: affected.slice(0, PREVIEW_NAMES).map(formatPersonName),
    skipped,
    groupName,
  };
}

/**
 * The refusal when the confirmed count no longer holds: nobody is affected any more, or another number
 * than the coordinator confirmed. `null` when the change may go ahead.
 */
export function confirmationRefusal<Skipped>(
  affected: number,
  expectedCount: number,
  skipped: Skipped,
): { outcome: "refused"; reason: "nobodyAffected" | "countChanged"; count?: number; skipped: Skipped } | null {
  if (affected === 0) return { outcome: "refused", reason: "nobodyAffected", skipped };
  if (affected !== expectedCount) return { outcome: "refused", reason: "countChanged", count: affected, skipped };
  return null;
}

// Merging two records of one person, in one transaction with both people rows locked: the kept record
// takes the other's shifts, handovers, hours, groups, photo, calendar feeds and login; the other is
// marked merged (never deleted) and everything that pointed at it points at the kept record.
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { authSessions, users } from "@/lib/db/schema/accounts";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { calendarFeeds, people, photos, type Role } from "@/lib/db/schema/people";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { assignments, handoverRecipients, handoverRequests, shiftSeries, shifts } from "@/lib/db/schema/roster";
import { groupMembers } from "@/lib/db/schema/tenancy";
import { revokeAccessTokens } from "@/lib/accounts/links/sign-in-links";
import { recordAudit } from "@/lib/tenancy/audit";
import { memberRecordColumns } from "@/lib/people/member-record-queries";
import {
  droppedAssignments,
  filledFields,
  findOverlaps,
  loginOutcome,
  mergedRole,
  mergeRefusal,
  type ComingAssignment,
  type MergeRefusal,
  type MergeSide,
} from "./rules";
import type { MergePeopleInput } from "./schemas";

/** Who is merging; the session's Actor fits as is. `personId` is null for a visiting provider admin. */
export type MergeActor = { userId: string; personId: string | null; tenantId: string; role: Role };

/** What moved to the kept record, as the audit entry and the result page count it. */
export type MergeCounts = {
  assignments: number;
  droppedAssignments: number;
  handoverRequests: number;
  handoverRecipients: number;
  workedHours: number;
  weekConfirmations: number;
  groups: number;
  calendarFeeds: number;
  photo: boolean;
};

export type MergeResult =
  | { outcome: "done"; keptId: string; mergedId: string; counts: MergeCounts; survivingLogin: string | null; blockedLogin: string | null }
  | { outcome: "refused"; reason: MergeRefusal }
  | { outcome: "notFound" };

const { email, phone, birthDate, address, postcode, city, startDate } = memberRecordColumns;
const fillableColumns = { email, phone, birthDate, address, postcode, city, startDate };

/**
 * Merges `input.mergePersonId` into `input.keepPersonId`. Both rows are locked FOR UPDATE in id order
 * (so two merges of overlapping pairs wait for each other instead of deadlocking), then checked again:
 * a second coordinator merging the same records at once finds one already merged and is refused.
 * A record of another organisation is not found, exactly like a missing one.
 */
export async function mergePeople(actor: MergeActor, input: MergePeopleInput, now: Date = new Date()): Promise<MergeResult> {
  const tenantId = actor.tenantId;
  const keepId = input.keepPersonId;
  const mergeId = input.mergePersonId;
  if (keepId === mergeId) {
    const [row] = await (await getDb()).select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, keepId)));
    return row ? { outcome: "refused", reason: "self" } : { outcome: "notFound" };
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<MergeResult> => {
    const locked = await tx
      .select({ id: people.id, role: people.role, mergedIntoId: people.mergedIntoId, photoId: people.photoId, ...fillableColumns })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, [keepId, mergeId])))
      .orderBy(asc(people.id))
      .for("update");
    const keep = locked.find((row) => row.id === keepId);
    const merge = locked.find((row) => row.id === mergeId);
    if (!keep || !merge) return { outcome: "notFound" };
    const refusal = mergeRefusal(actor.role, keep, merge);
    if (refusal) return { outcome: "refused", reason: refusal };

    const logins = await tx
      .select({ id: users.id, personId: users.personId, username: users.username })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.personId, [keepId, mergeId])))
      .for("update");
    const loginOf = (side: MergeSide) => logins.find((login) => login.personId === (side === "keep" ? keepId : mergeId)) ?? null;
    const outcome = loginOutcome({ keep: loginOf("keep") !== null, merge: loginOf("merge") !== null }, input.survivingLogin);
    if (!outcome.ok) return { outcome: "refused", reason: outcome.reason };

    const coming = await comingAssignments(tx, tenantId, [keepId, mergeId], now);
    const overlaps = findOverlaps(
      coming.filter((row) => row.personId === keepId),
      coming.filter((row) => row.personId === mergeId),
    );
    const dropped = droppedAssignments(overlaps, input.overlapChoices);
    if (!dropped.ok) return { outcome: "refused", reason: dropped.reason };

    const counts = await moveEverything(tx, tenantId, keepId, mergeId, dropped, now);
    counts.photo = await movePhoto(tx, tenantId, keep, merge);

    const surviving = outcome.surviving ? loginOf(outcome.surviving) : null;
    const blocked = outcome.blocked ? loginOf(outcome.blocked) : null;
    await moveLogins(tx, tenantId, keepId, mergeId, surviving, blocked, now);

    await tx
      .update(people)
      .set({ ...filledFields(keep, merge), role: mergedRole(keep.role, merge.role), updatedAt: now })
      .where(and(eq(people.tenantId, tenantId), eq(people.id, keepId)));
    await tx.update(people).set({ mergedIntoId: keepId, updatedAt: now }).where(and(eq(people.tenantId, tenantId), eq(people.id, mergeId)));
    // Records merged into this one earlier now point at the kept record too: one hop always finds it.
    await tx.update(people).set({ mergedIntoId: keepId, updatedAt: now }).where(and(eq(people.tenantId, tenantId), eq(people.mergedIntoId, mergeId)));

    const details = {
      keptId: keepId,
      mergedId: mergeId,
      moved: counts,
      survivingLogin: surviving?.username ?? null,
      blockedLogin: blocked?.username ?? null,
    };
    await recordAudit(tx, [
      { tenantId, actorUserId: actor.userId, action: "people.merged", targetPersonId: keepId, details },
      { tenantId, actorUserId: actor.userId, action: "people.merged", targetPersonId: mergeId, details },
    ]);
    return { outcome: "done", keptId: keepId, mergedId: mergeId, counts, survivingLogin: details.survivingLogin, blockedLogin: details.blockedLogin };
  });
}

type ComingRow = ComingAssignment & { personId: string };

/** The not-cancelled shifts of these people that have not ended yet, the comparison page's "coming". */
export async function comingAssignments(db: DbOrTx, tenantId: string, personIds: string[], now: Date): Promise<ComingRow[]> {
  return db
    .select({ personId: assignments.personId, shiftId: shifts.id, startsAt: shifts.startsAt, endsAt: shifts.endsAt })
    .from(assignments)
    .innerJoin(shifts, and(eq(shifts.id, assignments.shiftId), eq(shifts.tenantId, tenantId)))
    .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.personId, personIds), isNull(shifts.cancelledAt), gt(shifts.endsAt, now)))
    .orderBy(asc(shifts.startsAt));
}

/**
 * Re-points every reference to the merged record at the kept one. Rows that would collide with a
 * unique key (the same shift, group, request or week on both) are resolved first: the kept record's
 * row stays and the merged record's is dropped, so nothing is counted twice.
 */
async function moveEverything(
  tx: DbOrTx,
  tenantId: string,
  keepId: string,
  mergeId: string,
  dropped: { keep: Set<string>; merge: Set<string> },
  now: Date,
): Promise<MergeCounts> {
  const dropFrom = async (personId: string, shiftIds: Set<string>) => {
    if (shiftIds.size === 0) return 0;
    // A shift the person no longer has cannot be handed over either: its open request ends with it.
    await tx
      .update(handoverRequests)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.requesterId, personId), eq(handoverRequests.status, "open"), inArray(handoverRequests.shiftId, [...shiftIds])));
    const rows = await tx
      .delete(assignments)
      .where(and(eq(assignments.tenantId, tenantId), eq(assignments.personId, personId), inArray(assignments.shiftId, [...shiftIds])))
      .returning({ id: assignments.id });
    return rows.length;
  };
  let droppedCount = (await dropFrom(keepId, dropped.keep)) + (await dropFrom(mergeId, dropped.merge));

  // Past shifts both records worked (an import twice over): one assignment, the kept record's.
  const keptShifts = tx.select({ shiftId: assignments.shiftId }).from(assignments).where(and(eq(assignments.tenantId, tenantId), eq(assignments.personId, keepId)));
  const duplicates = await tx
    .delete(assignments)
    .where(and(eq(assignments.tenantId, tenantId), eq(assignments.personId, mergeId), inArray(assignments.shiftId, keptShifts)))
    .returning({ id: assignments.id });
  droppedCount += duplicates.length;
  const movedAssignments = await tx
    .update(assignments)
    .set({ personId: keepId, updatedAt: now })
    .where(and(eq(assignments.tenantId, tenantId), eq(assignments.personId, mergeId)))
    .returning({ id: assignments.id });

  // One open request per shift and requester: the kept record's open request for the same shift wins.
  const keptOpen = tx
    .select({ shiftId: handoverRequests.shiftId })
    .from(handoverRequests)
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.requesterId, keepId), eq(handoverRequests.status, "open")));
  await tx
    .update(handoverRequests)
    .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.requesterId, mergeId), eq(handoverRequests.status, "open"), inArray(handoverRequests.shiftId, keptOpen)));
  const movedRequests = await tx
    .update(handoverRequests)
    .set({ requesterId: keepId, updatedAt: now })
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.requesterId, mergeId)))
    .returning({ id: handoverRequests.id });
  await tx
    .update(handoverRequests)
    .set({ acceptedById: keepId, updatedAt: now })
    .where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.acceptedById, mergeId)));

  // Asked of both records, or asked of the merged record by the kept one (now their own request): dropped.
  const keptAsked = tx.select({ requestId: handoverRecipients.requestId }).from(handoverRecipients).where(and(eq(handoverRecipients.tenantId, tenantId), eq(handoverRecipients.personId, keepId)));
  const ownRequests = tx.select({ id: handoverRequests.id }).from(handoverRequests).where(and(eq(handoverRequests.tenantId, tenantId), eq(handoverRequests.requesterId, keepId)));
  await tx
    .delete(handoverRecipients)
    .where(and(eq(handoverRecipients.tenantId, tenantId), eq(handoverRecipients.personId, mergeId), sql`(${inArray(handoverRecipients.requestId, keptAsked)} or ${inArray(handoverRecipients.requestId, ownRequests)})`));
  const movedRecipients = await tx
    .update(handoverRecipients)
    .set({ personId: keepId, updatedAt: now })
    .where(and(eq(handoverRecipients.tenantId, tenantId), eq(handoverRecipients.personId, mergeId)))
    .returning({ id: handoverRecipients.id });

  // One correction per person and shift: where the kept record has its own for a shift, that one stays.
  const keptCorrections = tx
    .select({ shiftId: workedHours.shiftId })
    .from(workedHours)
    .where(and(eq(workedHours.tenantId, tenantId), eq(workedHours.personId, keepId), isNotNull(workedHours.shiftId)));
  await tx
    .delete(workedHours)
    .where(and(eq(workedHours.tenantId, tenantId), eq(workedHours.personId, mergeId), inArray(workedHours.shiftId, keptCorrections)));
  const movedHours = await tx
    .update(workedHours)
    .set({ personId: keepId, updatedAt: now })
    .where(and(eq(workedHours.tenantId, tenantId), eq(workedHours.personId, mergeId)))
    .returning({ id: workedHours.id });
  await tx.update(workedHours).set({ correctedById: keepId }).where(and(eq(workedHours.tenantId, tenantId), eq(workedHours.correctedById, mergeId)));
  // One sign-off per person and week: the kept record's week stays; its hours now include the moved ones.
  const keptWeeks = tx.select({ weekStart: weekConfirmations.weekStart }).from(weekConfirmations).where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.personId, keepId)));
  await tx
    .delete(weekConfirmations)
    .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.personId, mergeId), inArray(weekConfirmations.weekStart, keptWeeks)));
  const movedWeeks = await tx
    .update(weekConfirmations)
    .set({ personId: keepId, updatedAt: now })
    .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.personId, mergeId)))
    .returning({ id: weekConfirmations.id });
  await tx.update(weekConfirmations).set({ returnedById: keepId }).where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.returnedById, mergeId)));
  await tx.update(weekConfirmations).set({ correctionHandledById: keepId }).where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.correctionHandledById, mergeId)));
  await tx.update(weekConfirmations).set({ approvedById: keepId }).where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.approvedById, mergeId)));

  // Groups: the union, without duplicates.
  const mergedGroups = await tx
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.personId, mergeId)));
  const addedGroups =
    mergedGroups.length === 0
      ? []
      : await tx
          .insert(groupMembers)
          .values(mergedGroups.map((row) => ({ tenantId, groupId: row.groupId, personId: keepId })))
          .onConflictDoNothing()
          .returning({ groupId: groupMembers.groupId });
  await tx.delete(groupMembers).where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.personId, mergeId)));

  const movedFeeds = await tx
    .update(calendarFeeds)
    .set({ personId: keepId, updatedAt: now })
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, mergeId)))
    .returning({ id: calendarFeeds.id });

  await tx.update(shifts).set({ coordinatorId: keepId }).where(and(eq(shifts.tenantId, tenantId), eq(shifts.coordinatorId, mergeId)));
  await tx.update(shiftSeries).set({ coordinatorId: keepId }).where(and(eq(shiftSeries.tenantId, tenantId), eq(shiftSeries.coordinatorId, mergeId)));
  await tx.update(outbox).set({ personId: keepId }).where(and(eq(outbox.tenantId, tenantId), eq(outbox.personId, mergeId)));
  // The history follows the person; the merge's own entries (written after this) name both records.
  await tx.update(auditLog).set({ targetPersonId: keepId }).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.targetPersonId, mergeId)));

  return {
    assignments: movedAssignments.length,
    droppedAssignments: droppedCount,
    handoverRequests: movedRequests.length,
    handoverRecipients: movedRecipients.length,
    workedHours: movedHours.length,
    weekConfirmations: movedWeeks.length,
    groups: addedGroups.length,
    calendarFeeds: movedFeeds.length,
    photo: false,
  };
}

/**
 * The kept record keeps its photo; without one it takes the other's. The merged record's photos are
 * otherwise deleted: nobody can see a merged record, and a photo is personal data kept for no one.
 */
async function movePhoto(tx: DbOrTx, tenantId: string, keep: { id: string; photoId: string | null }, merge: { id: string; photoId: string | null }): Promise<boolean> {
  const take = keep.photoId === null && merge.photoId !== null;
  if (take) {
    await tx.update(photos).set({ personId: keep.id }).where(and(eq(photos.tenantId, tenantId), eq(photos.id, merge.photoId as string)));
    await tx.update(people).set({ photoId: merge.photoId }).where(and(eq(people.tenantId, tenantId), eq(people.id, keep.id)));
  }
  await tx.update(people).set({ photoId: null }).where(and(eq(people.tenantId, tenantId), eq(people.id, merge.id)));
  await tx.delete(photos).where(and(eq(photos.tenantId, tenantId), eq(photos.personId, merge.id)));
  return take;
}

type Login = { id: string; personId: string | null; username: string };

/**
 * The surviving login ends on the kept record; a blocked one ends on the merged record (a record has
 * one login, users.person_id is unique), where it stays for the audit trail and can never sign in:
 * blocked, its sessions ended and its links revoked, as a coordinator's block does.
 */
async function moveLogins(tx: DbOrTx, tenantId: string, keepId: string, mergeId: string, surviving: Login | null, blocked: Login | null, now: Date): Promise<void> {
  if (blocked) {
    await tx
      .update(users)
      .set({ status: "blocked", blockedAt: now, blockScheduledFor: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, blocked.id)));
    await tx.delete(authSessions).where(eq(authSessions.userId, blocked.id));
    await revokeAccessTokens(tx, blocked.id, now);
  }
  if (!surviving || surviving.personId === keepId) return;
  // The surviving login was the merged record's: swap, freeing the kept record's slot first.
  if (blocked) await tx.update(users).set({ personId: null }).where(and(eq(users.tenantId, tenantId), eq(users.id, blocked.id)));
  await tx.update(users).set({ personId: keepId, updatedAt: now }).where(and(eq(users.tenantId, tenantId), eq(users.id, surviving.id)));
  if (blocked) await tx.update(users).set({ personId: mergeId }).where(and(eq(users.tenantId, tenantId), eq(users.id, blocked.id), ne(users.id, surviving.id)));
}

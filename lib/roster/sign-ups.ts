// A member signing up for a free place (inschrijven) and signing off again (uitschrijven).
//
// Lock order, for every roster write that adds or removes people (here, lib/roster/planning.ts and the
// handover): the shift row first (FOR UPDATE), then the people rows in id order (FOR NO KEY UPDATE).
// The shift lock makes "count, then insert" atomic, so two members can never take the last place at
// once; the person lock makes "check overlap, then insert" atomic for one person's parallel sign-ups.
// Facts are read in a statement after the locks: under READ COMMITTED that statement sees every
// change committed by whoever held them before.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { assignments, handoverRequests, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
import { personNameSql } from "@/lib/people/names";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { notifyAboutShift } from "./notifications";
import { whyCannotSignOff, whyCannotSignUp, type CandidateFacts, type ShiftFacts, type SignOffProblem, type SignUpProblem, type TimeSpan } from "./rules";

/** Who is acting: a member of the tenant, in the organisation's time zone. */
export type RosterMember = { tenantId: string; personId: string; timeZone: string };

export type LockedShift = ShiftFacts & {
  id: string;
  activity: string;
  locationId: string | null;
  locationName: string | null;
  seriesId: string | null;
};

/** Locks the shift row for the rest of `tx`; `filled` is read after the lock. Null if not of this tenant. */
export async function lockShift(tx: Tx, tenantId: string, shiftId: string): Promise<LockedShift | null> {
  const [shift] = await tx
    .select({
      id: shifts.id,
      activity: shifts.activity,
      locationId: shifts.locationId,
      locationName: locations.name,
      seriesId: shifts.seriesId,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      groupId: shifts.groupId,
      cancelledAt: shifts.cancelledAt,
    })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, shiftId)))
    .for("update", { of: shifts });
  if (!shift) return null;
  const [{ filled }] = await tx
    .select({ filled: sql<number>`count(*)::int` })
    .from(assignments)
    .where(and(eq(assignments.tenantId, tenantId), eq(assignments.shiftId, shiftId)));
  return { ...shift, filled };
}

/** Locks the people rows (id order, see the lock order above); returns the ids that are of this tenant. */
export async function lockPeople(tx: Tx, tenantId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(personOf(tenantId), inArray(people.id, [...personIds])))
    .orderBy(people.id)
    .for("no key update");
  return rows.map((row) => row.id);
}

export type CandidateRow = CandidateFacts & { personId: string; name: string; overlapping: (TimeSpan & { id: string; activity: string }) | null };

/**
 * What the rules need about each person and this shift: their groups, whether they are on it, and
 * their own (not cancelled) shifts that overlap it. One statement for any number of people.
 */
export async function readCandidates(tx: Tx, tenantId: string, shift: { id: string; startsAt: Date; endsAt: Date }, personIds: readonly string[]): Promise<CandidateRow[]> {
  if (personIds.length === 0) return [];
  // Spelled out: drizzle leaves columns unqualified in a query without joins, which the subqueries would misread.
  const personRef = sql.raw('"people"."id"');
  const rows = await tx
    .select({
      personId: people.id,
      name: personNameSql('"people"'),
      groupIds: sql<unknown>`(select coalesce(json_agg(gm.group_id), '[]'::json) from group_members gm where gm.person_id = ${personRef} and gm.tenant_id = ${tenantId})`,
      isOnShift: sql<boolean>`exists (select 1 from ${assignments} a where a.shift_id = ${shift.id} and a.person_id = ${personRef})`,
      overlapping: sql<unknown>`(
        select json_build_object('id', other.id, 'activity', other.activity, 'startsAt', other.starts_at, 'endsAt', other.ends_at)
        from ${assignments} theirs join ${shifts} other on other.id = theirs.shift_id
        where theirs.person_id = ${personRef} and theirs.tenant_id = ${tenantId} and other.id <> ${shift.id} and other.cancelled_at is null
          and other.starts_at < ${shift.endsAt.toISOString()}::timestamptz and other.ends_at > ${shift.startsAt.toISOString()}::timestamptz
        order by other.starts_at limit 1
      )`,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
  return rows.map((row) => {
    const groupIds = parseJson(row.groupIds);
    const overlap = parseJson(row.overlapping) as { id: string; activity: string; startsAt: string; endsAt: string } | null;
    const overlapping = overlap
      ? { id: overlap.id, activity: overlap.activity, startsAt: new Date(overlap.startsAt), endsAt: new Date(overlap.endsAt) }
      : null;
    return {
      personId: row.personId,
      name: row.name,
      groupIds: Array.isArray(groupIds) ? groupIds.map(String) : [],
      isOnShift: Boolean(row.isOnShift),
      otherShifts: overlapping ? [overlapping] : [],
      overlapping,
    };
  });
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** Ends the open handover requests these people made for the shift: they are no longer on it. */
export async function endOpenHandovers(tx: Tx, tenantId: string, shiftIds: readonly string[], requesterIds: readonly string[] | "everyone", now: Date): Promise<void> {
  if (shiftIds.length === 0 || requesterIds.length === 0) return;
  await tx
    .update(handoverRequests)
    .set({ status: "cancelled", cancelledAt: now })
    .where(
      and(
        eq(handoverRequests.tenantId, tenantId),
        inArray(handoverRequests.shiftId, [...shiftIds]),
        eq(handoverRequests.status, "open"),
        requesterIds === "everyone" ? sql`true` : inArray(handoverRequests.requesterId, [...requesterIds]),
      ),
    );
}

export type SignUpResult =
  | { outcome: "signedUp" }
  | { outcome: "refused"; problem: SignUpProblem | "notFound"; overlapping?: { id: string; activity: string; startsAt: Date; endsAt: Date } };

/**
 * Takes a free place on the shift for the member, if the rules allow it (not cancelled or started, in
 * the group, not on it, no overlap, a place left). Exactly one of any number of simultaneous members
 * gets the last place; the others are told it is full. The member gets a confirmation with the
 * add-to-calendar link, written in the same transaction and handed to delivery after commit.
 */
export async function signUp(member: RosterMember, shiftId: string, now: Date = new Date()): Promise<SignUpResult> {
  const db = await getDb();
  let mailIds: string[] = [];
  const result = await db.transaction(async (tx): Promise<SignUpResult> => {
    const shift = await lockShift(tx, member.tenantId, shiftId);
    if (!shift) return { outcome: "refused", problem: "notFound" };
    const locked = await lockPeople(tx, member.tenantId, [member.personId]);
    if (locked.length === 0) return { outcome: "refused", problem: "notFound" };
    const [candidate] = await readCandidates(tx, member.tenantId, shift, [member.personId]);
    const problem = whyCannotSignUp(shift, candidate, now);
    if (problem) {
      return problem === "overlap" && candidate.overlapping
        ? { outcome: "refused", problem, overlapping: candidate.overlapping }
        : { outcome: "refused", problem };
    }
    await tx.insert(assignments).values({
      tenantId: member.tenantId,
      shiftId: shift.id,
      personId: member.personId,
      source: "self",
      signedUpAt: now,
      createdAt: now,
      updatedAt: now,
    });
    mailIds = await notifyAboutShift(tx, { tenantId: member.tenantId, notice: "signedUp", shift, personIds: [member.personId], now });
    return { outcome: "signedUp" };
  });
  // Best effort and never throws: what fails is retried by the outbox cron.
  await deliverAfterCommit(mailIds);
  return result;
}

export type SignOffResult = { outcome: "signedOff" } | { outcome: "refused"; problem: "notFound" | "notOnShift" | SignOffProblem };

/**
 * Leaves the shift: only a place the member took themselves, only on the calendar day (organisation's
 * zone) on which they took it, and before it starts. Otherwise the answer says why, and the page
 * offers a handover instead. The member gets a confirmation, delivered after commit like a sign-up's.
 */
export async function signOff(member: RosterMember, shiftId: string, now: Date = new Date()): Promise<SignOffResult> {
  const db = await getDb();
  let mailIds: string[] = [];
  const result = await db.transaction(async (tx): Promise<SignOffResult> => {
    const shift = await lockShift(tx, member.tenantId, shiftId);
    if (!shift) return { outcome: "refused", problem: "notFound" };
    const [assignment] = await tx
      .select({ id: assignments.id, source: assignments.source, signedUpAt: assignments.signedUpAt })
      .from(assignments)
      .where(and(eq(assignments.tenantId, member.tenantId), eq(assignments.shiftId, shift.id), eq(assignments.personId, member.personId)));
    if (!assignment) return { outcome: "refused", problem: "notOnShift" };
    const problem = whyCannotSignOff(assignment, shift.startsAt, now, member.timeZone);
    if (problem) return { outcome: "refused", problem };
    await tx.delete(assignments).where(and(eq(assignments.tenantId, member.tenantId), eq(assignments.id, assignment.id)));
    await endOpenHandovers(tx, member.tenantId, [shift.id], [member.personId], now);
    mailIds = await notifyAboutShift(tx, { tenantId: member.tenantId, notice: "signedOff", shift, personIds: [member.personId], now });
    return { outcome: "signedOff" };
  });
  await deliverAfterCommit(mailIds);
  return result;
}

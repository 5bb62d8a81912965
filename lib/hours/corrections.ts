// Coordinators correcting a member's worked hours: the start, end and break of a shift they worked, a
// no-show, and hours worked outside a shift (added, changed, removed). Every change keeps who made it
// (correctedById, and an "hours.corrected" audit entry with before and after). An approved week is
// locked; a change to a week the member already confirmed sends it back to them to confirm again.
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Actor } from "@/lib/accounts/queries";
import { recordNotFound } from "@/lib/auth/guards";
import { getDb, type Tx } from "@/lib/db/client";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";
import { recordAudit } from "@/lib/tenancy/audit";
import { getHoursSettings } from "./queries";
import { weekStartOf, whyInvalidSpan, type SpanProblem } from "./rules";

export type HoursCorrector = Pick<Actor, "tenantId" | "personId" | "userId">;

export type CorrectionResult =
  | { outcome: "changed"; weekStart: string; /** The member had confirmed: the week went back to them. */ reopened: boolean }
  | { outcome: "refused"; problem: "approved" | SpanProblem };

type Line = { startsAt: Date; endsAt: Date; breakMinutes: number; noShow: boolean };

function auditLine(line: Line | null) {
  return line ? { startsAt: line.startsAt.toISOString(), endsAt: line.endsAt.toISOString(), breakMinutes: line.breakMinutes, noShow: line.noShow } : null;
}

async function timeZoneOf(tx: Tx, tenantId: string): Promise<string> {
  const settings = await getHoursSettings(tenantId, tx);
  if (!settings) recordNotFound();
  return settings.timeZone;
}

/**
 * Locks the member's records of these weeks. Refuses when one is approved; otherwise, after the change,
 * `reopen` puts confirmed weeks back to the member ("returned"), so they confirm the corrected hours.
 */
async function lockWeeks(tx: Tx, tenantId: string, personId: string, weekStarts: readonly string[]) {
  const rows = await tx
    .select({ id: weekConfirmations.id, weekStart: weekConfirmations.weekStart, status: weekConfirmations.status })
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.personId, personId), inArray(weekConfirmations.weekStart, [...new Set(weekStarts)])))
    .for("update");
  const approved = rows.some((row) => row.status === "approved");
  return {
    approved,
    async reopen(actor: HoursCorrector, now: Date): Promise<boolean> {
      const confirmed = rows.filter((row) => row.status === "confirmed").map((row) => row.id);
      if (confirmed.length === 0) return false;
      await tx
        .update(weekConfirmations)
        .set({ status: "returned", confirmedAt: null, returnedAt: now, returnedById: actor.personId, returnComment: null, updatedAt: now })
        .where(and(eq(weekConfirmations.tenantId, tenantId), inArray(weekConfirmations.id, confirmed)));
      return true;
    },
  };
}

async function audit(tx: Tx, actor: HoursCorrector, personId: string, details: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: "hours.corrected", targetPersonId: personId, details });
}

// ── A shift the member worked ───────────────────────────────────────────────────────────────────

export type ShiftCorrection = {
  personId: string;
  shiftId: string;
  /** New times and break; left out: kept as they are. */
  startsAt?: Date;
  endsAt?: Date;
  breakMinutes?: number;
  noShow?: boolean;
};

/**
 * Corrects the member's line of a shift (times, break, no-show): upserts their worked_hours row. The
 * member must be on the shift, and the shift this organisation's, ended and not cancelled; else "not
 * found". Both the week the line was in and the week it moves to must not be approved.
 */
export async function correctShiftHours(actor: HoursCorrector, input: ShiftCorrection, now: Date = new Date()): Promise<CorrectionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const timeZone = await timeZoneOf(tx, actor.tenantId);
    const [current] = await tx
      .select({
        plannedStartsAt: shifts.startsAt,
        plannedEndsAt: shifts.endsAt,
        rowId: workedHours.id,
        startsAt: workedHours.startsAt,
        endsAt: workedHours.endsAt,
        breakMinutes: workedHours.breakMinutes,
        noShow: workedHours.noShow,
      })
      .from(assignments)
      .innerJoin(shifts, and(eq(shifts.id, assignments.shiftId), eq(shifts.tenantId, actor.tenantId)))
      .leftJoin(workedHours, and(eq(workedHours.shiftId, shifts.id), eq(workedHours.personId, assignments.personId), eq(workedHours.tenantId, actor.tenantId)))
      .where(
        and(
          eq(assignments.tenantId, actor.tenantId),
          eq(assignments.shiftId, input.shiftId),
          eq(assignments.personId, input.personId),
          isNull(shifts.cancelledAt),
          lte(shifts.endsAt, now),
        ),
      );
    if (!current) recordNotFound();
    const before: Line = {
      startsAt: current.startsAt ?? current.plannedStartsAt,
      endsAt: current.endsAt ?? current.plannedEndsAt,
      breakMinutes: current.breakMinutes ?? 0,
      noShow: current.noShow ?? false,
    };
    const after: Line = {
      startsAt: input.startsAt ?? before.startsAt,
      endsAt: input.endsAt ?? before.endsAt,
      breakMinutes: input.breakMinutes ?? before.breakMinutes,
      noShow: input.noShow ?? before.noShow,
    };
    const problem = whyInvalidSpan(after);
    if (problem) return { outcome: "refused", problem };
    const weekStart = weekStartOf(after.startsAt, timeZone);
    const weeks = await lockWeeks(tx, actor.tenantId, input.personId, [weekStartOf(before.startsAt, timeZone), weekStart]);
    if (weeks.approved) return { outcome: "refused", problem: "approved" };

    await tx
      .insert(workedHours)
      .values({ tenantId: actor.tenantId, personId: input.personId, shiftId: input.shiftId, ...after, correctedById: actor.personId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [workedHours.personId, workedHours.shiftId],
        set: { ...after, correctedById: actor.personId, updatedAt: now },
      });
    const reopened = await weeks.reopen(actor, now);
    const kind = input.noShow !== undefined && input.startsAt === undefined && input.endsAt === undefined && input.breakMinutes === undefined ? "no-show" : "shift";
    await audit(tx, actor, input.personId, { kind, week: weekStart, shiftId: input.shiftId, before: auditLine(before), after: auditLine(after), reopened });
    return { outcome: "changed", weekStart, reopened };
  });
}

// ── Hours outside a shift ───────────────────────────────────────────────────────────────────────

export type ExtraHours = {
  personId: string;
  startsAt: Date;
  endsAt: Date;
  breakMinutes: number;
  /** What was done, in a few words. */
  activity: string;
  locationId: string | null;
};

async function requirePerson(tx: Tx, tenantId: string, personId: string): Promise<void> {
  const [person] = await tx.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!person) recordNotFound();
}

async function requireLocation(tx: Tx, tenantId: string, locationId: string | null): Promise<void> {
  if (locationId === null) return;
  const [location] = await tx.select({ id: locations.id }).from(locations).where(and(eq(locations.tenantId, tenantId), eq(locations.id, locationId)));
  if (!location) recordNotFound();
}

/** Adds hours the member worked outside any shift. */
export async function addExtraHours(actor: HoursCorrector, input: ExtraHours, now: Date = new Date()): Promise<CorrectionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const timeZone = await timeZoneOf(tx, actor.tenantId);
    await requirePerson(tx, actor.tenantId, input.personId);
    await requireLocation(tx, actor.tenantId, input.locationId);
    const after: Line = { startsAt: input.startsAt, endsAt: input.endsAt, breakMinutes: input.breakMinutes, noShow: false };
    const problem = whyInvalidSpan(after);
    if (problem) return { outcome: "refused", problem };
    const weekStart = weekStartOf(input.startsAt, timeZone);
    const weeks = await lockWeeks(tx, actor.tenantId, input.personId, [weekStart]);
    if (weeks.approved) return { outcome: "refused", problem: "approved" };
    const [row] = await tx
      .insert(workedHours)
      .values({
        tenantId: actor.tenantId,
        personId: input.personId,
        shiftId: null,
        activity: input.activity,
        locationId: input.locationId,
        ...after,
        correctedById: actor.personId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: workedHours.id });
    const reopened = await weeks.reopen(actor, now);
    await audit(tx, actor, input.personId, {
      kind: "extra-added",
      week: weekStart,
      entryId: row.id,
      activity: input.activity,
      locationId: input.locationId,
      before: null,
      after: auditLine(after),
      reopened,
    });
    return { outcome: "changed", weekStart, reopened };
  });
}

async function lockExtra(tx: Tx, tenantId: string, personId: string, entryId: string) {
  const [row] = await tx
    .select({
      id: workedHours.id,
      startsAt: workedHours.startsAt,
      endsAt: workedHours.endsAt,
      breakMinutes: workedHours.breakMinutes,
      noShow: workedHours.noShow,
      activity: workedHours.activity,
      locationId: workedHours.locationId,
    })
    .from(workedHours)
    .where(and(eq(workedHours.tenantId, tenantId), eq(workedHours.personId, personId), eq(workedHours.id, entryId), isNull(workedHours.shiftId)))
    .for("update");
  if (!row) recordNotFound();
  return row;
}

/** Changes a line of hours outside a shift (`entryId`, of the member `personId`). */
export async function changeExtraHours(actor: HoursCorrector, input: ExtraHours & { entryId: string }, now: Date = new Date()): Promise<CorrectionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const timeZone = await timeZoneOf(tx, actor.tenantId);
    const before = await lockExtra(tx, actor.tenantId, input.personId, input.entryId);
    await requireLocation(tx, actor.tenantId, input.locationId);
    const after: Line = { startsAt: input.startsAt, endsAt: input.endsAt, breakMinutes: input.breakMinutes, noShow: false };
    const problem = whyInvalidSpan(after);
    if (problem) return { outcome: "refused", problem };
    const weekStart = weekStartOf(input.startsAt, timeZone);
    const weeks = await lockWeeks(tx, actor.tenantId, input.personId, [weekStartOf(before.startsAt, timeZone), weekStart]);
    if (weeks.approved) return { outcome: "refused", problem: "approved" };
    await tx
      .update(workedHours)
      .set({ ...after, activity: input.activity, locationId: input.locationId, correctedById: actor.personId, updatedAt: now })
      .where(and(eq(workedHours.tenantId, actor.tenantId), eq(workedHours.id, before.id)));
    const reopened = await weeks.reopen(actor, now);
    await audit(tx, actor, input.personId, {
      kind: "extra-changed",
      week: weekStart,
      entryId: before.id,
      before: { ...auditLine(before), activity: before.activity, locationId: before.locationId },
      after: { ...auditLine(after), activity: input.activity, locationId: input.locationId },
      reopened,
    });
    return { outcome: "changed", weekStart, reopened };
  });
}

/** Removes a line of hours outside a shift. */
export async function removeExtraHours(actor: HoursCorrector, input: { personId: string; entryId: string }, now: Date = new Date()): Promise<CorrectionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const timeZone = await timeZoneOf(tx, actor.tenantId);
    const before = await lockExtra(tx, actor.tenantId, input.personId, input.entryId);
    const weekStart = weekStartOf(before.startsAt, timeZone);
    const weeks = await lockWeeks(tx, actor.tenantId, input.personId, [weekStart]);
    if (weeks.approved) return { outcome: "refused", problem: "approved" };
    await tx.delete(workedHours).where(and(eq(workedHours.tenantId, actor.tenantId), eq(workedHours.id, before.id)));
    const reopened = await weeks.reopen(actor, now);
    await audit(tx, actor, input.personId, {
      kind: "extra-removed",
      week: weekStart,
      entryId: before.id,
      before: { ...auditLine(before), activity: before.activity, locationId: before.locationId },
      after: null,
      reopened,
    });
    return { outcome: "changed", weekStart, reopened };
  });
}

// The coordinator's roster writes: create a shift or a weekly series, edit one occurrence or all
// following, cancel, and assign or remove people. Members are mailed in the same transaction.
// Locks follow the order described in lib/roster/sign-ups.ts (shift rows, then people in id order).
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { coordinatingRoleSql } from "@/lib/auth/permissions";
import { getDb, type Tx } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts, shiftSeries } from "@/lib/db/schema/roster";
import { groups, locations } from "@/lib/db/schema/tenancy";
import { localDateKey } from "@/lib/dates";
import { notifyAboutShift } from "./notifications";
import {
  addDaysToDateKey,
  localWeekday,
  seriesOccurrences,
  shiftSpanFromLocal,
  splitAssignable,
  type AssignProblem,
  type SeriesProblem,
  type TimeSpan,
} from "./rules";
import type { CancelShiftInput, CreateShiftInput, EditShiftInput, ShiftErrorKey, ShiftPeopleInput } from "./schemas";
import { endOpenHandovers, lockPeople, lockShift, readCandidates } from "./sign-ups";
import { personOfAlias } from "@/lib/people/members";

/** The coordinator acting, in the organisation's time zone. */
export type Planner = { tenantId: string; timeZone: string };

export type FieldErrors = Partial<Record<string, ShiftErrorKey[]>>;

/** A change plus the mail it wrote, to deliver after commit. */
export type PlanningChange<R> = { result: R; mailIds: string[] };

type ShiftFieldsInput = Pick<CreateShiftInput, "activity" | "locationId" | "groupId" | "coordinatorId" | "needed" | "notes">;

/**
 * Location, group and coordinator must be of the planner's own organisation; checked in one statement.
 * An archived location or group is refused too, unless the edited shift (`shiftId`) already has it.
 */
async function checkReferences(tenantId: string, input: ShiftFieldsInput, shiftId: string | null = null): Promise<FieldErrors> {
  const db = await getDb();
  const kept = (column: "location_id" | "group_id", id: string) =>
    shiftId ? sql`or exists (select 1 from ${shifts} s where s.id = ${shiftId} and s.tenant_id = ${tenantId} and s.${sql.raw(column)} = ${id})` : sql``;
  const [row] = await db
    .select({
      location: input.locationId
        ? sql<boolean>`exists (select 1 from ${locations} l where l.id = ${input.locationId} and l.tenant_id = ${tenantId} and (l.archived_at is null ${kept("location_id", input.locationId)}))`
        : sql<boolean>`true`,
      group: input.groupId
        ? sql<boolean>`exists (select 1 from ${groups} g where g.id = ${input.groupId} and g.tenant_id = ${tenantId} and (g.archived_at is null ${kept("group_id", input.groupId)}))`
        : sql<boolean>`true`,
      coordinator: input.coordinatorId
        ? sql<boolean>`exists (select 1 from ${people} c where c.id = ${input.coordinatorId} and ${personOfAlias("c", tenantId)} and ${coordinatingRoleSql("c")})`
        : sql<boolean>`true`,
    })
    .from(sql`(select 1) as one`);
  const errors: FieldErrors = {};
  if (!row?.location) errors.locationId = ["locationUnknown"];
  if (!row?.group) errors.groupId = ["groupUnknown"];
  if (!row?.coordinator) errors.coordinatorId = ["coordinatorUnknown"];
  return errors;
}

/** Which form field a time problem belongs next to. */
function timeProblemField(problem: SeriesProblem): string {
  switch (problem) {
    case "startTimeDoesNotExist":
      return "startTime";
    case "endTimeDoesNotExist":
    case "endBeforeStart":
    case "tooLong":
      return "endTime";
    case "endsBeforeStart":
    case "noOccurrences":
    case "tooManyOccurrences":
      return "endsOn";
  }
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

function shiftColumns(input: ShiftFieldsInput) {
  return {
    activity: input.activity,
    locationId: input.locationId,
    needed: input.needed,
    groupId: input.groupId,
    coordinatorId: input.coordinatorId,
    notes: input.notes,
  };
}

// ── Create ───────────────────────────────────────────────────────────────────────────────────────

export type SaveShiftResult =
  | { outcome: "saved"; shiftId: string; count: number }
  | { outcome: "invalid"; fieldErrors: FieldErrors }
  | { outcome: "refused"; problem: "notFound" | "cancelled" };

/** A single shift, or a weekly series materialised as one shift per week (at most a year). */
export async function createShifts(planner: Planner, input: CreateShiftInput, now: Date = new Date()): Promise<SaveShiftResult> {
  const errors = await checkReferences(planner.tenantId, input);
  let spans: TimeSpan[] = [];
  if (input.repeat === "once") {
    const span = shiftSpanFromLocal(input, planner.timeZone);
    if (span.ok) spans = [span.span];
    else errors[timeProblemField(span.problem)] = [span.problem];
  } else {
    const series = seriesOccurrences(input, planner.timeZone);
    if (series.ok) spans = series.occurrences;
    else errors[timeProblemField(series.problem)] = [series.problem];
  }
  if (hasErrors(errors)) return { outcome: "invalid", fieldErrors: errors };

  const db = await getDb();
  return db.transaction(async (tx) => {
    let seriesId: string | null = null;
    if (input.repeat === "weekly") {
      const [series] = await tx
        .insert(shiftSeries)
        .values({
          tenantId: planner.tenantId,
          ...shiftColumns(input),
          weekday: input.weekday,
          startTime: input.startTime,
          endTime: input.endTime,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: shiftSeries.id });
      seriesId = series.id;
    }
    const created = await tx
      .insert(shifts)
      .values(spans.map((span) => ({ tenantId: planner.tenantId, seriesId, ...shiftColumns(input), ...span, createdAt: now, updatedAt: now })))
      .returning({ id: shifts.id, startsAt: shifts.startsAt });
    const first = created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    return { outcome: "saved", shiftId: first.id, count: created.length };
  });
}

// ── Edit ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Edits one shift, or (scope "following") this occurrence and every later one of its series that is
 * not cancelled: each keeps its own date and gets the new times and details. The series is split at
 * this occurrence, so the series row keeps describing what its shifts are. People stay on their
 * shifts; `needed` may not drop below the number already on any of them. The people on a shift whose
 * date, time or place changed are mailed (not for other details, nor for a shift that is over).
 */
export async function editShifts(planner: Planner, input: EditShiftInput, now: Date = new Date()): Promise<PlanningChange<SaveShiftResult>> {
  const errors = await checkReferences(planner.tenantId, input, input.shiftId);
  const db = await getDb();
  return db.transaction(async (tx): Promise<PlanningChange<SaveShiftResult>> => {
    const unchanged = (result: SaveShiftResult) => ({ result, mailIds: [] });
    const shift = await lockShift(tx, planner.tenantId, input.shiftId);
    if (!shift) return unchanged({ outcome: "refused", problem: "notFound" });
    if (shift.cancelledAt) return unchanged({ outcome: "refused", problem: "cancelled" });
    const times = { startTime: input.startTime, endTime: input.endTime, endsNextDay: input.endsNextDay };
    const edited = (before: EditedShift, span: TimeSpan): ShiftEdit => ({
      before,
      after: { id: before.id, activity: input.activity, locationId: input.locationId, ...span },
    });

    if (input.scope === "one" || !shift.seriesId) {
      const span = shiftSpanFromLocal({ date: input.date, ...times }, planner.timeZone);
      if (!span.ok) errors[timeProblemField(span.problem)] = [span.problem];
      if (input.needed < shift.filled) errors.needed = ["neededBelowFilled"];
      if (!span.ok || hasErrors(errors)) return unchanged({ outcome: "invalid", fieldErrors: errors });
      await tx
        .update(shifts)
        .set({ ...shiftColumns(input), ...span.span, updatedAt: now })
        .where(and(eq(shifts.tenantId, planner.tenantId), eq(shifts.id, shift.id)));
      const mailIds = await notifyShiftChanges(tx, planner.tenantId, [edited(shift, span.span)], now);
      return { result: { outcome: "saved", shiftId: shift.id, count: 1 }, mailIds };
    }

    const seriesId = shift.seriesId;
    const thisDate = localDateKey(shift.startsAt, planner.timeZone);
    if (input.date !== thisDate) errors.date = ["dateOnlyForOne"];
    const following = await tx
      .select({
        id: shifts.id,
        activity: shifts.activity,
        locationId: shifts.locationId,
        startsAt: shifts.startsAt,
        endsAt: shifts.endsAt,
        cancelledAt: shifts.cancelledAt,
      })
      .from(shifts)
      .where(and(eq(shifts.tenantId, planner.tenantId), eq(shifts.seriesId, seriesId), gte(shifts.startsAt, shift.startsAt)))
      .orderBy(asc(shifts.startsAt))
      .for("update");
    const live = following.filter((row) => !row.cancelledAt);
    const filledRows = await tx
      .select({ shiftId: assignments.shiftId, filled: sql<number>`count(*)::int` })
      .from(assignments)
      .where(and(eq(assignments.tenantId, planner.tenantId), inArray(assignments.shiftId, live.map((row) => row.id))))
      .groupBy(assignments.shiftId);
    if (filledRows.some((row) => row.filled > input.needed)) errors.needed = ["neededBelowFilled"];
    const updates: (TimeSpan & { id: string })[] = [];
    const edits: ShiftEdit[] = [];
    for (const row of live) {
      const span = shiftSpanFromLocal({ date: localDateKey(row.startsAt, planner.timeZone), ...times }, planner.timeZone);
      if (!span.ok) {
        errors[timeProblemField(span.problem)] = [span.problem];
        break;
      }
      updates.push({ id: row.id, ...span.span });
      edits.push(edited(row, span.span));
    }
    if (hasErrors(errors)) return unchanged({ outcome: "invalid", fieldErrors: errors });

    const values = sql.join(
      updates.map((row) => sql`(${row.id}::uuid, ${row.startsAt.toISOString()}::timestamptz, ${row.endsAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${shifts} set
        starts_at = v.starts_at, ends_at = v.ends_at,
        activity = ${input.activity}, location_id = ${input.locationId}::uuid, needed = ${input.needed},
        group_id = ${input.groupId}::uuid, coordinator_id = ${input.coordinatorId}::uuid, notes = ${input.notes},
        updated_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as v(id, starts_at, ends_at)
      where ${shifts.id} = v.id and ${shifts.tenantId} = ${planner.tenantId}`);

    const template = {
      ...shiftColumns(input),
      weekday: localWeekday(shift.startsAt, planner.timeZone),
      startTime: input.startTime,
      endTime: input.endTime,
      updatedAt: now,
    };
    const [earlier] = await tx
      .select({ id: shifts.id })
      .from(shifts)
      .where(and(eq(shifts.tenantId, planner.tenantId), eq(shifts.seriesId, seriesId), lt(shifts.startsAt, shift.startsAt)))
      .limit(1);
    if (!earlier) {
      await tx.update(shiftSeries).set(template).where(and(eq(shiftSeries.tenantId, planner.tenantId), eq(shiftSeries.id, seriesId)));
    } else {
      // Split: the old series ends the day before; a new one carries this occurrence and the later ones.
      const [old] = await tx
        .select({ endsOn: shiftSeries.endsOn })
        .from(shiftSeries)
        .where(and(eq(shiftSeries.tenantId, planner.tenantId), eq(shiftSeries.id, seriesId)))
        .for("update");
      await tx
        .update(shiftSeries)
        .set({ endsOn: addDaysToDateKey(thisDate, -1), updatedAt: now })
        .where(and(eq(shiftSeries.tenantId, planner.tenantId), eq(shiftSeries.id, seriesId)));
      const [created] = await tx
        .insert(shiftSeries)
        .values({ tenantId: planner.tenantId, ...template, startsOn: thisDate, endsOn: old?.endsOn ?? null, createdAt: now })
        .returning({ id: shiftSeries.id });
      await tx
        .update(shifts)
        .set({ seriesId: created.id })
        .where(and(eq(shifts.tenantId, planner.tenantId), inArray(shifts.id, following.map((row) => row.id))));
    }
    const mailIds = await notifyShiftChanges(tx, planner.tenantId, edits, now);
    return { result: { outcome: "saved", shiftId: shift.id, count: updates.length }, mailIds };
  });
}

type EditedShift = TimeSpan & { id: string; activity: string; locationId: string | null };
type ShiftEdit = { before: EditedShift; after: EditedShift };

/** What the people on a shift must hear about: the date, the time or the place changed. */
function movesPeople({ before, after }: ShiftEdit): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.locationId !== after.locationId
  );
}

/**
 * Mails the people currently on each edited shift whose date, time or place changed, old and new side
 * by side, unless the shift is over. Returns the outbox ids.
 */
async function notifyShiftChanges(tx: Tx, tenantId: string, edits: readonly ShiftEdit[], now: Date): Promise<string[]> {
  const moved = edits.filter((edit) => movesPeople(edit) && !isOver(edit.after, now));
  if (moved.length === 0) return [];
  const onShifts = await tx
    .select({ shiftId: assignments.shiftId, personId: assignments.personId })
    .from(assignments)
    .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.shiftId, moved.map((edit) => edit.after.id))));
  if (onShifts.length === 0) return [];
  const locationIds = [...new Set(moved.flatMap((edit) => [edit.before.locationId, edit.after.locationId]))].filter((id) => id !== null);
  const names =
    locationIds.length === 0
      ? []
      : await tx
          .select({ id: locations.id, name: locations.name })
          .from(locations)
          .where(and(eq(locations.tenantId, tenantId), inArray(locations.id, locationIds)));
  const withPlace = (shift: EditedShift) => ({ ...shift, locationName: names.find((row) => row.id === shift.locationId)?.name ?? null });
  const mailIds: string[] = [];
  for (const edit of moved) {
    const personIds = onShifts.filter((row) => row.shiftId === edit.after.id).map((row) => row.personId);
    if (personIds.length === 0) continue;
    mailIds.push(
      ...(await notifyAboutShift(tx, { tenantId, notice: "changed", shift: withPlace(edit.after), previous: withPlace(edit.before), personIds, now })),
    );
  }
  return mailIds;
}

// ── Cancel ───────────────────────────────────────────────────────────────────────────────────────

export type CancelShiftResult =
  | { outcome: "cancelled"; count: number; notified: number }
  | { outcome: "refused"; problem: "notFound" | "cancelled" | "started" };

/**
 * Cancels the shift, or this and all following occurrences of its series that have not been
 * cancelled. People stay on a cancelled shift (their calendar feed shows it as cancelled) and are
 * mailed; open handover requests for it end.
 */
export async function cancelShifts(planner: Planner, input: CancelShiftInput, now: Date = new Date()): Promise<PlanningChange<CancelShiftResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const shift = await lockShift(tx, planner.tenantId, input.shiftId);
    if (!shift) return { result: { outcome: "refused", problem: "notFound" }, mailIds: [] };
    if (shift.cancelledAt) return { result: { outcome: "refused", problem: "cancelled" }, mailIds: [] };
    if (shift.startsAt.getTime() <= now.getTime()) return { result: { outcome: "refused", problem: "started" }, mailIds: [] };

    const targets =
      input.scope === "following" && shift.seriesId
        ? await tx
            .select({ id: shifts.id, activity: shifts.activity, startsAt: shifts.startsAt, endsAt: shifts.endsAt, locationName: locations.name })
            .from(shifts)
            .leftJoin(locations, eq(locations.id, shifts.locationId))
            .where(
              and(
                eq(shifts.tenantId, planner.tenantId),
                eq(shifts.seriesId, shift.seriesId),
                gte(shifts.startsAt, shift.startsAt),
                isNull(shifts.cancelledAt),
              ),
            )
            .orderBy(asc(shifts.startsAt))
            .for("update", { of: shifts })
        : [shift];
    const targetIds = targets.map((target) => target.id);
    await tx
      .update(shifts)
      .set({ cancelledAt: now, updatedAt: now })
      .where(and(eq(shifts.tenantId, planner.tenantId), inArray(shifts.id, targetIds)));
    await endOpenHandovers(tx, planner.tenantId, targetIds, "everyone", now);

    const onShifts = await tx
      .select({ shiftId: assignments.shiftId, personId: assignments.personId })
      .from(assignments)
      .where(and(eq(assignments.tenantId, planner.tenantId), inArray(assignments.shiftId, targetIds)));
    const mailIds: string[] = [];
    for (const target of targets) {
      const personIds = onShifts.filter((row) => row.shiftId === target.id).map((row) => row.personId);
      mailIds.push(...(await notifyAboutShift(tx, { tenantId: planner.tenantId, notice: "cancelled", shift: target, personIds, now })));
    }
    return { result: { outcome: "cancelled", count: targets.length, notified: mailIds.length }, mailIds };
  });
}

// ── Assign and remove ────────────────────────────────────────────────────────────────────────────

export type NotAssignedPerson = {
  personId: string;
  name: string;
  problem: AssignProblem;
  overlapping?: { id: string; activity: string; startsAt: Date; endsAt: Date };
};

export type AssignResult =
  | { outcome: "refused"; problem: "notFound" | "cancelled" | "unknownPeople" }
  | { outcome: "assigned"; assigned: { personId: string; name: string }[]; notAssigned: NotAssignedPerson[] };

/**
 * Puts the chosen people on the shift who may work it, in the order chosen, while places last; says
 * for everyone else why not (outside the shift's group, already on it or working at that time, no
 * place left). A coordinator may assign to a shift that has begun and is not bound by the sign-up
 * day. Each person put on it is mailed (unless the shift is over). Refused as a whole for a
 * cancelled shift or for people who are not of the organisation.
 */
export async function assignPeople(planner: Planner, input: ShiftPeopleInput, now: Date = new Date()): Promise<PlanningChange<AssignResult>> {
  const chosen = [...new Set(input.personIds)];
  const personIds = [...chosen].sort();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refuse = (result: AssignResult) => ({ result, mailIds: [] });
    const shift = await lockShift(tx, planner.tenantId, input.shiftId);
    if (!shift) return refuse({ outcome: "refused", problem: "notFound" });
    if (shift.cancelledAt) return refuse({ outcome: "refused", problem: "cancelled" });
    const locked = await lockPeople(tx, planner.tenantId, personIds);
    if (locked.length !== personIds.length) return refuse({ outcome: "refused", problem: "unknownPeople" });

    const candidates = new Map((await readCandidates(tx, planner.tenantId, shift, personIds)).map((candidate) => [candidate.personId, candidate]));
    const inOrder = chosen.flatMap((personId) => candidates.get(personId) ?? []);
    const { assign, skip } = splitAssignable(shift, inOrder, now);
    const assigned = assign.map(({ personId, name }) => ({ personId, name }));
    const notAssigned = skip.map(({ candidate, problem }): NotAssignedPerson => ({
      personId: candidate.personId,
      name: candidate.name,
      problem,
      ...(candidate.overlapping && problem === "overlap" ? { overlapping: candidate.overlapping } : {}),
    }));
    if (assigned.length === 0) return { result: { outcome: "assigned", assigned, notAssigned }, mailIds: [] };

    await tx.insert(assignments).values(
      assigned.map(({ personId }) => ({
        tenantId: planner.tenantId,
        shiftId: shift.id,
        personId,
        source: "coordinator" as const,
        signedUpAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const assignedIds = assigned.map((person) => person.personId);
    const mailIds = isOver(shift, now) ? [] : await notifyAboutShift(tx, { tenantId: planner.tenantId, notice: "assigned", shift, personIds: assignedIds, now });
    return { result: { outcome: "assigned", assigned, notAssigned }, mailIds };
  });
}

export type RemoveResult = { outcome: "removed"; count: number } | { outcome: "refused"; problem: "notFound" | "notOnShift" };

/** Takes people off the shift at any time; those who were on it are mailed unless it is over or cancelled. */
export async function removePeople(planner: Planner, input: ShiftPeopleInput, now: Date = new Date()): Promise<PlanningChange<RemoveResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const shift = await lockShift(tx, planner.tenantId, input.shiftId);
    if (!shift) return { result: { outcome: "refused", problem: "notFound" }, mailIds: [] };
    const removed = await tx
      .delete(assignments)
      .where(and(eq(assignments.tenantId, planner.tenantId), eq(assignments.shiftId, shift.id), inArray(assignments.personId, [...input.personIds])))
      .returning({ personId: assignments.personId });
    if (removed.length === 0) return { result: { outcome: "refused", problem: "notOnShift" }, mailIds: [] };
    const personIds = removed.map((row) => row.personId);
    await endOpenHandovers(tx, planner.tenantId, [shift.id], personIds, now);
    const mailIds =
      isOver(shift, now) || shift.cancelledAt ? [] : await notifyAboutShift(tx, { tenantId: planner.tenantId, notice: "removed", shift, personIds, now });
    return { result: { outcome: "removed", count: removed.length }, mailIds };
  });
}

function isOver(shift: TimeSpan, now: Date): boolean {
  return shift.endsAt.getTime() <= now.getTime();
}

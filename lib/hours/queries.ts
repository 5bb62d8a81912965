// Reads of worked hours and week sign-offs that the member's pages, the coordinator's lists, the
// reminders and the export share. Every function takes the tenant first. A member's hours of a range
// are two statements whatever the roster's size: their assignments on ended shifts (each overridden by
// its correction row, if any) and their hours outside a shift.
import { and, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { defaultOrganisationSettings, locations, organisations, type OrganisationSettings } from "@/lib/db/schema/tenancy";
import type { HoursDeadline, WeekStatus } from "./rules";

/** One line of a timesheet: a shift worked (as planned or corrected) or hours outside a shift. */
export type WorkedHoursEntry = {
  /** "shift:<shift id>" or "extra:<worked_hours id>": stable within a person's week. */
  key: string;
  personId: string;
  shiftId: string | null;
  /** The correction or extra row, when there is one. */
  workedHoursId: string | null;
  activity: string | null;
  locationId: string | null;
  locationName: string | null;
  startsAt: Date;
  endsAt: Date;
  breakMinutes: number;
  noShow: boolean;
  note: string | null;
  /** The shift as planned; null for hours outside a shift. */
  plannedStartsAt: Date | null;
  plannedEndsAt: Date | null;
  /** First stops of the fallback chain for a correction request. */
  coordinatorId: string | null;
  groupId: string | null;
  correctedById: string | null;
};

/** The organisation's hours settings, with the defaults for what it never set. */
export type HoursSettings = {
  timeZone: string;
  deadline: HoursDeadline;
  reminderHoursBefore: number;
  organisationName: string;
  organisationEmail: string | null;
};

export function hoursSettingsOf(row: {
  timeZone: string;
  settings: Partial<OrganisationSettings> | null;
  name: string;
  email: string | null;
}): HoursSettings {
  return {
    timeZone: row.timeZone,
    deadline: { ...defaultOrganisationSettings.hoursDeadline, ...(row.settings?.hoursDeadline ?? {}) },
    reminderHoursBefore: row.settings?.hoursReminderHoursBefore ?? defaultOrganisationSettings.hoursReminderHoursBefore,
    organisationName: row.name,
    organisationEmail: row.email,
  };
}

export const hoursSettingsColumns = {
  timeZone: organisations.timeZone,
  settings: organisations.settings,
  name: organisations.name,
  email: organisations.email,
};

export async function getHoursSettings(tenantId: string, tx?: DbOrTx): Promise<HoursSettings | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select(hoursSettingsColumns).from(organisations).where(eq(organisations.id, tenantId));
  return row ? hoursSettingsOf(row) : null;
}

export type WorkedHoursRange = {
  /** Hours that started in [from, to). */
  from: Date;
  to: Date;
  /**
   * Only shifts that have ended by now count; null: every shift of the range, ended or not (for facts
   * kept in the page cache, which leave "ended by now" to each request through `plannedEndsAt`).
   */
  now: Date | null;
  /** Only these people; everyone of the organisation when left out. */
  personIds?: readonly string[];
};

/** Shifts whose correction moved their start by more than a day are not expected; the scan allows it. */
const SLACK_MS = 24 * 3_600_000;

/**
 * Every worked-hours line of the range, ordered by start: assignments on ended, not cancelled shifts
 * (with their correction applied) and hours outside a shift. Two statements.
 */
export async function listWorkedHours(tenantId: string, range: WorkedHoursRange, tx?: DbOrTx): Promise<WorkedHoursEntry[]> {
  const db = tx ?? (await getDb());
  if (range.personIds && range.personIds.length === 0) return [];
  const personIds = range.personIds ? [...new Set(range.personIds)] : null;
  const effectiveStart = sql<Date>`coalesce(${workedHours.startsAt}, ${shifts.startsAt})`;
  const shiftConditions: SQL[] = [
    eq(assignments.tenantId, tenantId),
    eq(shifts.tenantId, tenantId),
    isNull(shifts.cancelledAt),
    // The planned start bounds the index scan; the effective start decides the week.
    gte(shifts.startsAt, new Date(range.from.getTime() - SLACK_MS)),
    lt(shifts.startsAt, new Date(range.to.getTime() + SLACK_MS)),
    sql`${effectiveStart} >= ${range.from}`,
    sql`${effectiveStart} < ${range.to}`,
  ];
  if (range.now) shiftConditions.push(lte(shifts.endsAt, range.now));
  if (personIds) shiftConditions.push(inArray(assignments.personId, personIds));
  const extraConditions: SQL[] = [
    eq(workedHours.tenantId, tenantId),
    isNull(workedHours.shiftId),
    gte(workedHours.startsAt, range.from),
    lt(workedHours.startsAt, range.to),
  ];
  if (personIds) extraConditions.push(inArray(workedHours.personId, personIds));

  const [fromShifts, extras] = await Promise.all([
    db
      .select({
        personId: assignments.personId,
        shiftId: shifts.id,
        workedHoursId: workedHours.id,
        activity: shifts.activity,
        locationId: shifts.locationId,
        locationName: locations.name,
        plannedStartsAt: shifts.startsAt,
        plannedEndsAt: shifts.endsAt,
        correctedStartsAt: workedHours.startsAt,
        correctedEndsAt: workedHours.endsAt,
        breakMinutes: workedHours.breakMinutes,
        noShow: workedHours.noShow,
        note: workedHours.note,
        coordinatorId: shifts.coordinatorId,
        groupId: shifts.groupId,
        correctedById: workedHours.correctedById,
      })
      .from(assignments)
      .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
      .leftJoin(
        workedHours,
        and(eq(workedHours.shiftId, shifts.id), eq(workedHours.personId, assignments.personId), eq(workedHours.tenantId, tenantId)),
      )
      .leftJoin(locations, eq(locations.id, shifts.locationId))
      .where(and(...shiftConditions)),
    db
      .select({
        personId: workedHours.personId,
        workedHoursId: workedHours.id,
        activity: workedHours.activity,
        locationId: workedHours.locationId,
        locationName: locations.name,
        startsAt: workedHours.startsAt,
        endsAt: workedHours.endsAt,
        breakMinutes: workedHours.breakMinutes,
        noShow: workedHours.noShow,
        note: workedHours.note,
        correctedById: workedHours.correctedById,
      })
      .from(workedHours)
      .leftJoin(locations, eq(locations.id, workedHours.locationId))
      .where(and(...extraConditions)),
  ]);

  const entries: WorkedHoursEntry[] = [
    ...fromShifts.map((row) => ({
      key: `shift:${row.shiftId}`,
      personId: row.personId,
      shiftId: row.shiftId,
      workedHoursId: row.workedHoursId,
      activity: row.activity,
      locationId: row.locationId,
      locationName: row.locationName,
      startsAt: row.correctedStartsAt ?? row.plannedStartsAt,
      endsAt: row.correctedEndsAt ?? row.plannedEndsAt,
      breakMinutes: row.breakMinutes ?? 0,
      noShow: row.noShow ?? false,
      note: row.note,
      plannedStartsAt: row.plannedStartsAt,
      plannedEndsAt: row.plannedEndsAt,
      coordinatorId: row.coordinatorId,
      groupId: row.groupId,
      correctedById: row.correctedById,
    })),
    ...extras.map((row) => ({
      key: `extra:${row.workedHoursId}`,
      personId: row.personId,
      shiftId: null,
      workedHoursId: row.workedHoursId,
      activity: row.activity,
      locationId: row.locationId,
      locationName: row.locationName,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      breakMinutes: row.breakMinutes,
      noShow: row.noShow,
      note: row.note,
      plannedStartsAt: null,
      plannedEndsAt: null,
      coordinatorId: null,
      groupId: null,
      correctedById: row.correctedById,
    })),
  ];
  return entries.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.key.localeCompare(b.key));
}

/** A week's sign-off record as the pages need it; absent while nothing happened to the week. */
export type WeekConfirmation = {
  personId: string;
  weekStart: string;
  status: WeekStatus;
  confirmedAt: Date | null;
  approvedAt: Date | null;
  returnedAt: Date | null;
  returnComment: string | null;
  correctionRequest: string | null;
  correctionRequestedAt: Date | null;
  correctionHandledAt: Date | null;
  reminderSentAt: Date | null;
};

export const weekConfirmationColumns = {
  personId: weekConfirmations.personId,
  weekStart: weekConfirmations.weekStart,
  status: weekConfirmations.status,
  confirmedAt: weekConfirmations.confirmedAt,
  approvedAt: weekConfirmations.approvedAt,
  returnedAt: weekConfirmations.returnedAt,
  returnComment: weekConfirmations.returnComment,
  correctionRequest: weekConfirmations.correctionRequest,
  correctionRequestedAt: weekConfirmations.correctionRequestedAt,
  correctionHandledAt: weekConfirmations.correctionHandledAt,
  reminderSentAt: weekConfirmations.reminderSentAt,
};

/** The sign-off records of these weeks (and these people, when given), one statement. */
export async function listWeekConfirmations(
  tenantId: string,
  weekStarts: readonly string[],
  personIds?: readonly string[],
  tx?: DbOrTx,
): Promise<WeekConfirmation[]> {
  if (weekStarts.length === 0 || (personIds && personIds.length === 0)) return [];
  const db = tx ?? (await getDb());
  const conditions: SQL[] = [eq(weekConfirmations.tenantId, tenantId), inArray(weekConfirmations.weekStart, [...new Set(weekStarts)])];
  if (personIds) conditions.push(inArray(weekConfirmations.personId, [...new Set(personIds)]));
  return db.select(weekConfirmationColumns).from(weekConfirmations).where(and(...conditions));
}

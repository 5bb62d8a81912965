// Pure roster rules on plain data: places, overlap, who may take or leave a shift, and weeks, days and
// local times in the organisation's zone. Every calendar rule is computed with TZDate in that zone, so
// it holds across DST; nothing here adds hours by hand. No db, auth or next imports.
import { TZDate } from "@date-fns/tz";
import { localDateKey } from "@/lib/dates";
import { formats } from "@/lib/i18n/formats";
import { addDays, addWeeks, getISODay, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek, startOfWeek } from "date-fns";

export function placesLeft(needed: number, filled: number): number {
  return Math.max(0, needed - filled);
}

/** Monday 00:00 to next Monday 00:00 of the week containing `now`, in the given IANA zone (DST-safe). */
export function weekRange(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const monday = startOfWeek(local, { weekStartsOn: 1 });
  return { from: new Date(monday.getTime()), to: new Date(addDays(monday, 7).getTime()) };
}

// ── Overlap and eligibility ──────────────────────────────────────────────────────────────────────

export type TimeSpan = { startsAt: Date; endsAt: Date };

/** Half-open intervals: a shift ending at 12:00 and one starting at 12:00 do not overlap. */
export function shiftsOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** What the rules need to know about a shift. `filled` counts everyone on it. */
export type ShiftFacts = TimeSpan & {
  needed: number;
  filled: number;
  groupId: string | null;
  cancelledAt: Date | null;
};

/** What the rules need to know about the person who would work it. */
export type CandidateFacts = {
  /** Groups the person is in. */
  groupIds: readonly string[];
  isOnShift: boolean;
  /** The person's other shifts that are not cancelled (at least those near this one). */
  otherShifts: readonly TimeSpan[];
};

/**
 * Why someone may not work a shift. The same reasons answer a member signing up, a coordinator
 * assigning and a colleague accepting a handover (PRODUCT.md §4: "only people allowed to work that
 * shift can accept").
 */
export type WorkProblem = "cancelled" | "alreadyOn" | "started" | "notInGroup" | "overlap";
export type SignUpProblem = WorkProblem | "full";

/**
 * Null when the person may work the shift, else the first reason they may not. A coordinator may
 * assign to a shift that has begun (to put the roster straight for hours): `allowStarted`.
 */
export function whyCannotWork(
  shift: ShiftFacts,
  candidate: CandidateFacts,
  now: Date,
  options: { allowStarted?: boolean } = {},
): WorkProblem | null {
  if (shift.cancelledAt) return "cancelled";
  if (candidate.isOnShift) return "alreadyOn";
  if (!options.allowStarted && shift.startsAt.getTime() <= now.getTime()) return "started";
  if (shift.groupId !== null && !candidate.groupIds.includes(shift.groupId)) return "notInGroup";
  if (candidate.otherShifts.some((other) => shiftsOverlap(shift, other))) return "overlap";
  return null;
}

/** Signing up oneself: allowed to work it and a free place left. */
export function whyCannotSignUp(shift: ShiftFacts, candidate: CandidateFacts, now: Date): SignUpProblem | null {
  const problem = whyCannotWork(shift, candidate, now);
  if (problem) return problem;
  return placesLeft(shift.needed, shift.filled) === 0 ? "full" : null;
}

/** A member as the roster lists judge them: the groups they are in and their own shifts (not cancelled). */
export type MemberRosterFacts = {
  groupIds: string[];
  shifts: (TimeSpan & { id: string })[];
};

/**
 * The shifts of a list this member may sign up for now: `whyCannotSignUp` on each, so "Open diensten"
 * follows the same rule as the sign-up itself. The member's shifts need only cover those that could
 * overlap a shift of the list.
 */
export function openShiftsFor<S extends ShiftFacts & { id: string }>(list: readonly S[], member: MemberRosterFacts, now: Date): S[] {
  const onIt = new Set(member.shifts.map((shift) => shift.id));
  return list.filter(
    (shift) => whyCannotSignUp(shift, { groupIds: member.groupIds, isOnShift: onIt.has(shift.id), otherShifts: member.shifts }, now) === null,
  );
}

/** Why a coordinator's choice was not put on a shift: a rule of who may work it, or no place left. */
export type AssignProblem = WorkProblem | "noPlace";

/**
 * A coordinator puts several people on a shift at once: everyone who may work it, in the order
 * chosen, while places last (a coordinator may fill a shift that has begun). The others are kept
 * with the reason, so the coordinator is told who was not put on and why.
 */
export function splitAssignable<C extends CandidateFacts>(
  shift: ShiftFacts,
  chosen: readonly C[],
  now: Date,
): { assign: C[]; skip: { candidate: C; problem: AssignProblem }[] } {
  let left = placesLeft(shift.needed, shift.filled);
  const assign: C[] = [];
  const skip: { candidate: C; problem: AssignProblem }[] = [];
  for (const candidate of chosen) {
    const problem = whyCannotWork(shift, candidate, now, { allowStarted: true });
    if (problem) skip.push({ candidate, problem });
    else if (left === 0) skip.push({ candidate, problem: "noPlace" });
    else {
      assign.push(candidate);
      left -= 1;
    }
  }
  return { assign, skip };
}

/** How a person got on a shift: they took the place themselves, a coordinator put them on, or a colleague handed it over. */
export type PlaceSource = "self" | "coordinator" | "handover";

/** A person's place on a shift, as far as leaving it goes. */
export type PlaceFacts = { source: PlaceSource; signedUpAt: Date };

export type SignOffProblem = "started" | "notOwnSignUp" | "notSignUpDay";

/**
 * Null when the person may sign off (uitschrijven), else why not. Only a place they took themselves
 * can be given back, only on the calendar day, in the organisation's zone, on which they took it, and
 * only before the shift starts (PRODUCT.md §4). A place a coordinator gave them or a colleague handed
 * over was arranged with someone who counts on it: the way out of it, as of any place after that day,
 * is a handover.
 */
export function whyCannotSignOff(place: PlaceFacts, startsAt: Date, now: Date, timeZone: string): SignOffProblem | null {
  if (now.getTime() >= startsAt.getTime()) return "started";
  if (place.source !== "self") return "notOwnSignUp";
  return localDateKey(place.signedUpAt, timeZone) === localDateKey(now, timeZone) ? null : "notSignUpDay";
}

export function canSignOff(place: PlaceFacts, startsAt: Date, now: Date, timeZone: string): boolean {
  return whyCannotSignOff(place, startsAt, now, timeZone) === null;
}

/**
 * Until when signing off stays possible: the end of the sign-up day (midnight in the organisation's
 * zone, 23 or 25 hours after the day began on a DST change), or the start of the shift if earlier.
 */
export function signOffDeadline(signedUpAt: Date, startsAt: Date, timeZone: string): { until: Date; by: "endOfDay" | "shiftStart" } {
  const local = new TZDate(signedUpAt.getTime(), timeZone);
  const nextMidnight = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, timeZone);
  return nextMidnight.getTime() <= startsAt.getTime()
    ? { until: new Date(nextMidnight.getTime()), by: "endOfDay" }
    : { until: startsAt, by: "shiftStart" };
}

// ── Local dates and times ────────────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, "0");

/** "09:30": the wall-clock time of `date` in the zone. */
export function localTimeKey(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  return `${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** ISO weekday of `date` in the zone, 1 = Monday. */
export function localWeekday(date: Date, timeZone: string): number {
  return getISODay(new TZDate(date.getTime(), timeZone));
}

function parseDateKey(dateKey: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateKey);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Whether "YYYY-MM-DD" names a real calendar date (no 31 February). */
export function isRealDateKey(dateKey: string): boolean {
  return parseDateKey(dateKey) !== null;
}

/**
 * The moment a wall clock in the zone shows `time` ("HH:MM") on `dateKey`. Null when that moment does
 * not exist: the hour skipped when summer time starts (02:00–03:00 on the last Sunday of March in
 * Europe/Amsterdam). A time that occurs twice (October) is read as the later one.
 */
export function toInstant(dateKey: string, time: string, timeZone: string): Date | null {
  const date = parseDateKey(dateKey);
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!date || !clock) return null;
  const [hours, minutes] = [Number(clock[1]), Number(clock[2])];
  const local = new TZDate(date.year, date.month - 1, date.day, hours, minutes, timeZone);
  const sameWallClock =
    local.getFullYear() === date.year &&
    local.getMonth() === date.month - 1 &&
    local.getDate() === date.day &&
    local.getHours() === hours &&
    local.getMinutes() === minutes;
  return sameWallClock ? new Date(local.getTime()) : null;
}

/** `dateKey` moved by whole calendar days. */
export function addDaysToDateKey(dateKey: string, days: number): string {
  const date = parseDateKey(dateKey);
  if (!date) throw new Error(`Not a date: ${dateKey}`);
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** ISO weekday of a calendar date, 1 = Monday (zone-free: a date is a date). */
export function weekdayOfDateKey(dateKey: string): number {
  const date = parseDateKey(dateKey);
  if (!date) throw new Error(`Not a date: ${dateKey}`);
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

// ── Shift times from a form ──────────────────────────────────────────────────────────────────────

/** A shift lasts at most a day; anything longer is a typing mistake. */
export const MAX_SHIFT_HOURS = 24;

export type LocalShiftTimes = { date: string; startTime: string; endTime: string; endsNextDay: boolean };
export type SpanProblem = "startTimeDoesNotExist" | "endTimeDoesNotExist" | "endBeforeStart" | "tooLong";

/** The start and end of a shift typed as a date, two wall-clock times and "ends the next day". */
export function shiftSpanFromLocal(times: LocalShiftTimes, timeZone: string): { ok: true; span: TimeSpan } | { ok: false; problem: SpanProblem } {
  const startsAt = toInstant(times.date, times.startTime, timeZone);
  if (!startsAt) return { ok: false, problem: "startTimeDoesNotExist" };
  const endDate = times.endsNextDay ? addDaysToDateKey(times.date, 1) : times.date;
  const endsAt = toInstant(endDate, times.endTime, timeZone);
  if (!endsAt) return { ok: false, problem: "endTimeDoesNotExist" };
  if (endsAt.getTime() <= startsAt.getTime()) return { ok: false, problem: "endBeforeStart" };
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000) return { ok: false, problem: "tooLong" };
  return { ok: true, span: { startsAt, endsAt } };
}

// ── Weekly series ────────────────────────────────────────────────────────────────────────────────

/** A series is materialised at once, so it is bounded: a year of weeks. */
export const MAX_SERIES_OCCURRENCES = 53;

export type SeriesPattern = {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startTime: string;
  endTime: string;
  endsNextDay: boolean;
  startsOn: string;
  endsOn: string;
};

export type SeriesProblem = SpanProblem | "endsBeforeStart" | "noOccurrences" | "tooManyOccurrences";

/**
 * Every occurrence of a weekly series from `startsOn` to `endsOn` (inclusive), each at the same wall-clock
 * times in the zone, so a 09:00 shift stays at 09:00 across the DST change.
 */
export function seriesOccurrences(
  pattern: SeriesPattern,
  timeZone: string,
): { ok: true; occurrences: (TimeSpan & { date: string })[] } | { ok: false; problem: SeriesProblem; date?: string } {
  if (pattern.endsOn < pattern.startsOn) return { ok: false, problem: "endsBeforeStart" };
  const offset = (pattern.weekday - weekdayOfDateKey(pattern.startsOn) + 7) % 7;
  const occurrences: (TimeSpan & { date: string })[] = [];
  for (let date = addDaysToDateKey(pattern.startsOn, offset); date <= pattern.endsOn; date = addDaysToDateKey(date, 7)) {
    if (occurrences.length === MAX_SERIES_OCCURRENCES) return { ok: false, problem: "tooManyOccurrences" };
    const span = shiftSpanFromLocal({ date, startTime: pattern.startTime, endTime: pattern.endTime, endsNextDay: pattern.endsNextDay }, timeZone);
    if (!span.ok) return { ok: false, problem: span.problem, date };
    occurrences.push({ ...span.span, date });
  }
  if (occurrences.length === 0) return { ok: false, problem: "noOccurrences" };
  return { ok: true, occurrences };
}

// ── Weeks for the pages ──────────────────────────────────────────────────────────────────────────

export type RosterWeek = {
  /** "2026-W13" */
  key: string;
  year: number;
  number: number;
  from: Date;
  to: Date;
  /** The seven calendar days, Monday first. */
  days: string[];
  previousKey: string;
  nextKey: string;
  isCurrent: boolean;
};

/** Pages may page back and forth this far; further is a made-up URL and shows this week. */
const WEEK_YEARS = { min: 2000, max: 2100 };

export function weekKeyOf(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
}

function weekStartingAt(monday: TZDate, timeZone: string, now: Date): RosterWeek {
  const next = addWeeks(monday, 1);
  const days = Array.from({ length: 7 }, (_, i) => localDateKey(addDays(monday, i), timeZone));
  return {
    key: weekKeyOf(monday, timeZone),
    year: getISOWeekYear(monday),
    number: getISOWeek(monday),
    from: new Date(monday.getTime()),
    to: new Date(next.getTime()),
    days,
    previousKey: weekKeyOf(addWeeks(monday, -1), timeZone),
    nextKey: weekKeyOf(next, timeZone),
    isCurrent: weekKeyOf(now, timeZone) === weekKeyOf(monday, timeZone),
  };
}

/** The Monday 00:00 of ISO week "YYYY-Www" in the zone, or null for a week that does not exist. */
function mondayOfWeekKey(key: string, timeZone: string): TZDate | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (year < WEEK_YEARS.min || year > WEEK_YEARS.max || week < 1) return null;
  // 4 January always lies in ISO week 1.
  const fourthOfJanuary = new TZDate(year, 0, 4, timeZone);
  if (week > getISOWeeksInYear(fourthOfJanuary)) return null;
  return new TZDate(addWeeks(startOfISOWeek(fourthOfJanuary), week - 1).getTime(), timeZone);
}

/**
 * The week a page shows: `week` ("2026-W13") or the week holding `from` ("2026-03-26"), else the
 * current week. A malformed or absurd value is never an error, just this week.
 */
export function resolveWeek(params: { week?: string | null; from?: string | null }, now: Date, timeZone: string): RosterWeek {
  const byKey = params.week ? mondayOfWeekKey(params.week, timeZone) : null;
  if (byKey) return weekStartingAt(byKey, timeZone, now);
  const day = params.from ? parseDateKey(params.from) : null;
  if (day && day.year >= WEEK_YEARS.min && day.year <= WEEK_YEARS.max) {
    return weekStartingAt(startOfISOWeek(new TZDate(day.year, day.month - 1, day.day, timeZone)), timeZone, now);
  }
  return weekStartingAt(startOfISOWeek(new TZDate(now.getTime(), timeZone)), timeZone, now);
}

/** Shifts grouped by their calendar day in the zone, days in order; days without shifts are left out. */
export function groupByDay<T extends { startsAt: Date }>(items: readonly T[], timeZone: string): { day: string; items: T[] }[] {
  const byDay = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const day = localDateKey(item.startsAt, timeZone);
    const list = byDay.get(day);
    if (list) list.push(item);
    else byDay.set(day, [item]);
  }
  return [...byDay.entries()].map(([day, list]) => ({ day, items: list }));
}

/**
 * Above this many shifts in a week (three a day) the roster opens on one day instead of the whole
 * week: a long list is hard to scan on a phone and heavy to load on a weak connection (a whole week of
 * three shifts a day was over 60 KiB). "Hele week" still shows all.
 */
export const WHOLE_WEEK_AT_MOST = 21;

/**
 * How many shifts of a day a roster page lists before its "meer" link: a few per day in the week's
 * view, more on one day's own view, and more again at each tap of "meer" there. A crowded day then
 * still fits a phone on a slow connection; the rest is one tap (a plain link, no JavaScript) away.
 */
export const SHIFTS_PER_DAY_IN_WEEK = 3;
export const SHIFTS_PER_DAY_AT_FIRST = 6;
export const SHIFTS_PER_MORE = 6;

/** How many of each day's shifts a roster page lists: see SHIFTS_PER_DAY_IN_WEEK. */
export function shiftsShownPerDay(input: { wholeWeek: boolean; asked: number | undefined }): number {
  return input.wholeWeek ? SHIFTS_PER_DAY_IN_WEEK : (input.asked ?? SHIFTS_PER_DAY_AT_FIRST);
}

/**
 * The day a roster page shows, or null for the whole week: the day asked for when it is in the
 * week; the whole week when asked ("all") or when the week is not crowded; otherwise today when it
 * has shifts, else the week's first day with shifts.
 */
export function chooseShownDay(input: { requested: string | undefined; weekDays: readonly string[]; daysWithShifts: readonly string[]; today: string; crowded: boolean }): string | null {
  const { requested, weekDays, daysWithShifts, today, crowded } = input;
  if (requested && requested !== "all" && weekDays.includes(requested)) return requested;
  if (requested === "all" || !crowded) return null;
  return daysWithShifts.includes(today) ? today : (daysWithShifts[0] ?? null);
}

/** One day of a roster page: its first shifts (in order) and how many it has in all. */
export type RosterDayList<S> = { day: string; shifts: S[]; total: number };

/** What a roster page shows of a week's listed shifts: the numbers per day, the day shown and its (or each day's) first shifts. */
export type RosterView<S> = {
  /** Shifts per day, in the order of the week's days. */
  counts: number[];
  total: number;
  crowded: boolean;
  /** See chooseShownDay. */
  shownDay: string | null;
  /** The days shown that have shifts, each with its first shifts (see shiftsShownPerDay). */
  days: RosterDayList<S>[];
};

/**
 * The roster page's choice of what to show from the week's listed shifts, given in order with the
 * calendar day (in the organisation's zone) each starts on: `requested` and `asked` are the page's
 * `day` and `shown` parameters.
 */
export function rosterViewOf<S extends { day: string }>(
  listed: readonly S[],
  input: { weekDays: readonly string[]; requested: string | undefined; today: string; asked: number | undefined },
): RosterView<S> {
  const byDay = new Map<string, S[]>();
  for (const shift of listed) {
    const list = byDay.get(shift.day);
    if (list) list.push(shift);
    else byDay.set(shift.day, [shift]);
  }
  const total = listed.length;
  const crowded = total > WHOLE_WEEK_AT_MOST;
  const daysWithShifts = input.weekDays.filter((day) => byDay.has(day));
  const shownDay = chooseShownDay({ requested: input.requested, weekDays: input.weekDays, daysWithShifts, today: input.today, crowded });
  const perDay = shiftsShownPerDay({ wholeWeek: shownDay === null, asked: input.asked });
  return {
    counts: input.weekDays.map((day) => byDay.get(day)?.length ?? 0),
    total,
    crowded,
    shownDay,
    days: daysWithShifts
      .filter((day) => shownDay === null || day === shownDay)
      .map((day) => {
        const shifts = byDay.get(day) ?? [];
        return { day, shifts: shifts.slice(0, perDay), total: shifts.length };
      }),
  };
}

/** [start, end) of one day of the week in the zone: 24 hours, or 23 or 25 on a DST change. */
export function dayRange(week: RosterWeek, day: string, timeZone: string): { from: Date; to: Date } {
  const index = week.days.indexOf(day);
  if (index < 0) return { from: week.from, to: week.to };
  const from = index === 0 ? week.from : toInstant(day, "00:00", timeZone);
  const to = index === 6 ? week.to : toInstant(week.days[index + 1], "00:00", timeZone);
  return from && to ? { from, to } : { from: week.from, to: week.to };
}

/** The noon of a calendar day in the zone: a safe instant to format a day-only label from. */
export function middayOf(dateKey: string, timeZone: string): Date {
  return toInstant(dateKey, "12:00", timeZone) ?? new Date(`${dateKey}T12:00:00Z`);
}

// ── The coordinator's list ───────────────────────────────────────────────────────────────────────

export type PlanningState = "unfilled" | "full" | "past" | "cancelled";

export function planningStateOf(shift: ShiftFacts, now: Date): PlanningState {
  if (shift.cancelledAt) return "cancelled";
  if (shift.endsAt.getTime() <= now.getTime()) return "past";
  return placesLeft(shift.needed, shift.filled) > 0 ? "unfilled" : "full";
}

const planningOrder: Record<PlanningState, number> = { unfilled: 0, full: 1, past: 2, cancelled: 3 };

/** Unfilled coming shifts first, then full ones, then those already over, then cancelled; by start within each. */
export function sortForPlanning<T extends ShiftFacts>(items: readonly T[], now: Date): T[] {
  return [...items].sort(
    (a, b) =>
      planningOrder[planningStateOf(a, now)] - planningOrder[planningStateOf(b, now)] || a.startsAt.getTime() - b.startsAt.getTime(),
  );
}

// ── Email ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The {dienst} placeholder: "Koffieochtend (De Linde), maandag 30 maart 2026, 09:30–12:00", in the
 * recipient's language and the organisation's zone.
 */
export function describeShift(
  shift: TimeSpan & { activity: string; locationName: string | null },
  locale: "nl" | "en",
  timeZone: string,
): string {
  const tag = locale === "en" ? "en-GB" : "nl-NL";
  // Weekday and date apart: English ICU puts a comma after the weekday, and the text has enough commas.
  const weekday = new Intl.DateTimeFormat(tag, { ...formats.dateTime.weekdayLong, timeZone }).format(shift.startsAt);
  const date = new Intl.DateTimeFormat(tag, { ...formats.dateTime.day, timeZone }).format(shift.startsAt);
  const time = new Intl.DateTimeFormat(tag, { ...formats.dateTime.time, hourCycle: "h23", timeZone });
  const what = shift.locationName ? `${shift.activity} (${shift.locationName})` : shift.activity;
  return `${what}, ${weekday} ${date}, ${time.format(shift.startsAt)}–${time.format(shift.endsAt)}`;
}

// Pure rules of the weekly hours sign-off: which week a moment belongs to, when confirming opens and
// closes (the deadline in the organisation's zone), when a reminder is due, who is late, and how worked
// minutes add up per day and per location. Weeks are named by their Monday (YYYY-MM-DD) in the
// organisation's zone; every calendar step goes through TZDate in that zone, so it holds across DST.
// No db, auth or next imports.
import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear, startOfWeek } from "date-fns";
import { localDateKey } from "@/lib/dates";
import { formats } from "@/lib/i18n/formats";

export type HoursDeadline = { weekday: number; time: string };
export type WeekStatus = "open" | "confirmed" | "approved" | "returned";

const WEEK_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday (YYYY-MM-DD, organisation zone) of the week containing `instant`. */
export function weekStartOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return localDateKey(new Date(startOfWeek(local, { weekStartsOn: 1 }).getTime()), timeZone);
}

/** Whether `value` names a week: a real calendar day that is a Monday. */
export function isWeekStart(value: string): boolean {
  if (!WEEK_KEY.test(value)) return false;
  const day = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) && day.getUTCDay() === 1;
}

/** The calendar day `days` after `dayKey` (negative goes back). */
export function addDaysToKey(dayKey: string, days: number): string {
  const day = new Date(`${dayKey}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The instant of `time` (HH:MM) on the calendar day `dayKey` in the zone. */
export function localInstant(dayKey: string, time: string, timeZone: string): Date {
  const [year, month, day] = dayKey.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, day, hours, minutes, 0, 0, timeZone).getTime());
}

/** Monday 00:00 to next Monday 00:00 of the week, as instants. */
export function weekBounds(weekStart: string, timeZone: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: localInstant(weekStart, "00:00", timeZone), endsAt: localInstant(addDaysToKey(weekStart, 7), "00:00", timeZone) };
}

/** ISO week number and year of the week, for "week 47". */
export function weekNumberOf(weekStart: string): { week: number; year: number } {
  const monday = new Date(`${weekStart}T12:00:00Z`);
  return { week: getISOWeek(monday), year: getISOWeekYear(monday) };
}

/**
 * When confirming the week closes: the deadline's weekday (1 = Monday) and time in the week after, in
 * the organisation's zone. Monday 09:00 by default, so the week before must be confirmed by then.
 */
export function confirmationDeadline(weekStart: string, timeZone: string, deadline: HoursDeadline): Date {
  return localInstant(addDaysToKey(weekStart, 7 + deadline.weekday - 1), deadline.time, timeZone);
}

/** The week's whole sign-off state as a member and coordinator see it. */
export type WeekPhase =
  /** The week has not ended yet: nothing to confirm. */
  | "notYet"
  /** Waiting for the member, before the deadline (or sent back by the coordinator). */
  | "toConfirm"
  /** The deadline passed without a confirmation. */
  | "late"
  /** Confirmed by the member, waiting for the coordinator. */
  | "confirmed"
  | "approved";

export type WeekFacts = {
  weekStart: string;
  timeZone: string;
  deadline: HoursDeadline;
  /** Null while nothing has happened to the week. */
  status: WeekStatus | null;
  now: Date;
};

export function weekPhase({ weekStart, timeZone, deadline, status, now }: WeekFacts): WeekPhase {
  if (status === "approved") return "approved";
  if (status === "confirmed") return "confirmed";
  if (now.getTime() < weekBounds(weekStart, timeZone).endsAt.getTime()) return "notYet";
  // A week sent back asks the member to confirm again, whatever the clock says.
  if (status === "returned") return "toConfirm";
  return now.getTime() < confirmationDeadline(weekStart, timeZone, deadline).getTime() ? "toConfirm" : "late";
}

export type ConfirmProblem = "notYet" | "closed" | "alreadyConfirmed" | "approved";

/** Null when the member may press *bevestig* now; else why not. */
export function whyCannotConfirm(facts: WeekFacts): ConfirmProblem | null {
  const phase = weekPhase(facts);
  if (phase === "toConfirm") return null;
  if (phase === "late") return "closed";
  if (phase === "confirmed") return "alreadyConfirmed";
  return phase;
}

/** The first moment a reminder for the week may go out: `hoursBefore` the deadline. */
export function reminderDueAt(weekStart: string, timeZone: string, deadline: HoursDeadline, hoursBefore: number): Date {
  return new Date(confirmationDeadline(weekStart, timeZone, deadline).getTime() - hoursBefore * 3_600_000);
}

/**
 * The week whose reminder is due at `now`, if any: the week before the current one while `now` lies
 * between its reminder moment and its deadline. Deadlines fall within the week after, so no other week
 * can be due.
 */
export function weekToRemindAt(now: Date, timeZone: string, deadline: HoursDeadline, hoursBefore: number): string | null {
  const weekStart = addDaysToKey(weekStartOf(now, timeZone), -7);
  const due = reminderDueAt(weekStart, timeZone, deadline, hoursBefore).getTime();
  const closes = confirmationDeadline(weekStart, timeZone, deadline).getTime();
  const earliest = Math.max(due, weekBounds(weekStart, timeZone).endsAt.getTime());
  return now.getTime() >= earliest && now.getTime() < closes ? weekStart : null;
}

// ── Worked minutes ───────────────────────────────────────────────────────────────────────────────

export type WorkedSpan = { startsAt: Date; endsAt: Date; breakMinutes: number; noShow: boolean };

/**
 * Minutes worked: the real time between start and end (a night across a clock change counts the hour
 * it really was) less the break, never below zero; a no-show counts nothing.
 */
export function workedMinutes(span: WorkedSpan): number {
  if (span.noShow) return 0;
  const minutes = Math.round((span.endsAt.getTime() - span.startsAt.getTime()) / 60_000);
  return Math.max(0, minutes - span.breakMinutes);
}

export type SummaryEntry = WorkedSpan & { locationId: string | null; locationName: string | null };

export type WeekSummary = {
  totalMinutes: number;
  /** Every day of the week that has hours, in order; a shift counts on the day it started. */
  days: { day: string; minutes: number }[];
  /** Per location (null: no location), most minutes first. */
  locations: { locationId: string | null; locationName: string | null; minutes: number }[];
};

export function summariseWeek(entries: readonly SummaryEntry[], timeZone: string): WeekSummary {
  const days = new Map<string, number>();
  const locations = new Map<string | null, { locationId: string | null; locationName: string | null; minutes: number }>();
  let totalMinutes = 0;
  for (const entry of entries) {
    const minutes = workedMinutes(entry);
    totalMinutes += minutes;
    const day = localDateKey(entry.startsAt, timeZone);
    days.set(day, (days.get(day) ?? 0) + minutes);
    const location = locations.get(entry.locationId) ?? { locationId: entry.locationId, locationName: entry.locationName, minutes: 0 };
    location.minutes += minutes;
    locations.set(entry.locationId, location);
  }
  return {
    totalMinutes,
    days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, minutes]) => ({ day, minutes })),
    locations: [...locations.values()].sort((a, b) => b.minutes - a.minutes || (a.locationName ?? "").localeCompare(b.locationName ?? "")),
  };
}

/** "7:30" for 450 minutes: how hours are written on a timesheet. */
export function formatMinutesAsHours(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const absolute = Math.abs(minutes);
  return `${sign}${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, "0")}`;
}

/** Hours as a decimal number for spreadsheets (450 minutes → 7.5). */
export function minutesAsDecimalHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** The weeks a member may look back on: this many before the current one. */
export const WEEKS_SHOWN = 8;

export function recentWeekStarts(now: Date, timeZone: string, count: number = WEEKS_SHOWN): string[] {
  const current = weekStartOf(now, timeZone);
  return Array.from({ length: count }, (_, index) => addDaysToKey(current, -7 * (index + 1)));
}

// ── Words for emails ─────────────────────────────────────────────────────────────────────────────

type TextLocale = "nl" | "en";

const localeTag = (locale: TextLocale) => (locale === "en" ? "en-GB" : "nl-NL");

/**
 * The {week} placeholder: "week 47 (16–22 november)", or "week 49 (30 november – 6 december)" across
 * two months. Week keys are calendar days, so they are formatted in UTC.
 */
export function describeWeek(weekStart: string, locale: TextLocale): string {
  const tag = localeTag(locale);
  const first = new Date(`${weekStart}T12:00:00Z`);
  const last = new Date(`${addDaysToKey(weekStart, 6)}T12:00:00Z`);
  const dayMonth = new Intl.DateTimeFormat(tag, { ...formats.dateTime.dayMonth, timeZone: "UTC" });
  const range =
    first.getUTCMonth() === last.getUTCMonth()
      ? `${new Intl.DateTimeFormat(tag, { ...formats.dateTime.dayOfMonth, timeZone: "UTC" }).format(first)}–${dayMonth.format(last)}`
      : `${dayMonth.format(first)} – ${dayMonth.format(last)}`;
  return `week ${weekNumberOf(weekStart).week} (${range})`;
}

/** The {deadline} placeholder: "maandag 30 november 09:00", in the recipient's language and the zone. */
export function describeDeadline(at: Date, locale: TextLocale, timeZone: string): string {
  const tag = localeTag(locale);
  // Weekday apart: English ICU puts a comma after it.
  const weekday = new Intl.DateTimeFormat(tag, { ...formats.dateTime.weekdayLong, timeZone }).format(at);
  const day = new Intl.DateTimeFormat(tag, { ...formats.dateTime.dayMonth, timeZone }).format(at);
  const time = new Intl.DateTimeFormat(tag, { ...formats.dateTime.time, hourCycle: "h23", timeZone }).format(at);
  return `${weekday} ${day} ${time}`;
}

// ── Corrections ──────────────────────────────────────────────────────────────────────────────────

export type SpanProblem = "endNotAfterStart" | "tooLong" | "breakNegative" | "breakTooLong";

/** Null when a corrected or added line is sound: end after start, at most 24 hours, a break shorter than the span. */
export function whyInvalidSpan(span: { startsAt: Date; endsAt: Date; breakMinutes: number }): SpanProblem | null {
  const minutes = (span.endsAt.getTime() - span.startsAt.getTime()) / 60_000;
  if (minutes <= 0) return "endNotAfterStart";
  if (minutes > 24 * 60) return "tooLong";
  if (span.breakMinutes < 0) return "breakNegative";
  if (span.breakMinutes >= minutes) return "breakTooLong";
  return null;
}

/** "09:30": the wall-clock time (HH:MM, 24 hours) of `instant` in the zone, as time fields and exports write it. */
export function clockTimeOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
}

/**
 * The instants of a line written as a day and two clock times (HH:MM) in the zone; an end at or before
 * the start is on the next day (a night shift).
 */
export function spanOnDay(day: string, start: string, end: string, timeZone: string): { startsAt: Date; endsAt: Date } {
  const startsAt = localInstant(day, start, timeZone);
  const endsAt = localInstant(end <= start ? addDaysToKey(day, 1) : day, end, timeZone);
  return { startsAt, endsAt };
}

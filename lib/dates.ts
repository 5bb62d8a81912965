// Calendar days in an organisation's time zone: the one place "today" and "the day of this moment"
// are computed. Days are YYYY-MM-DD strings; every conversion goes through TZDate in the IANA zone,
// so it holds across DST and around midnight UTC. No db, auth or next imports.
import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-29": the calendar day of `date` in the zone. */
export function localDateKey(date: Date, timeZone: string): string {
  const local = new TZDate(date.getTime(), timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** Today in the zone, as YYYY-MM-DD: what "today" means for an organisation's people and rosters. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateKey(now, timeZone);
}

/**
 * A stored calendar day (YYYY-MM-DD) as the instant of its midnight in UTC, to be formatted with
 * `timeZone: "UTC"` so the day printed is the day stored, whatever the reader's zone.
 */
export function dayKeyAsDate(dayKey: string): Date {
  return new Date(`${dayKey}T00:00:00Z`);
}

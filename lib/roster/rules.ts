// Pure roster rules on plain data: places left, week boundaries in the organisation's zone.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfWeek } from "date-fns";

export function placesLeft(needed: number, filled: number): number {
  return Math.max(0, needed - filled);
}

/** Monday 00:00 to next Monday 00:00 of the week containing `now`, in the given IANA zone (DST-safe). */
export function weekRange(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const monday = startOfWeek(local, { weekStartsOn: 1 });
  return { from: new Date(monday.getTime()), to: new Date(addDays(monday, 7).getTime()) };
}

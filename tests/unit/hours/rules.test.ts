// The sign-off rules a member feels: when *bevestig* works and when it is too late (Monday 09:00 in
// Amsterdam, also in the weeks the clocks change), which week a moment belongs to, and how the hours
// of a week add up (nights across midnight and across a clock change, breaks, no-shows).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  confirmationDeadline,
  isWeekStart,
  summariseWeek,
  weekPhase,
  weekStartOf,
  whyCannotConfirm,
  workedMinutes,
  type HoursDeadline,
  type SummaryEntry,
  type WeekStatus,
} from "@/lib/hours/rules";

const TZ = "Europe/Amsterdam";
const MONDAY_NINE: HoursDeadline = { weekday: 1, time: "09:00" };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether the member may confirm `weekStart` with the clock set to `at`. */
function mayConfirmAt(at: string, weekStart: string, status: WeekStatus | null = null, deadline: HoursDeadline = MONDAY_NINE) {
  vi.setSystemTime(new Date(at));
  return whyCannotConfirm({ weekStart, timeZone: TZ, deadline, status, now: new Date() });
}

describe("confirming closes at Monday 09:00 Amsterdam time, the week after", () => {
  const weeks = [
    { label: "a normal winter week (CET)", weekStart: "2026-11-16", deadline: "2026-11-23T08:00:00.000Z" },
    { label: "the week before the clocks go forward (still CET)", weekStart: "2026-03-16", deadline: "2026-03-23T08:00:00.000Z" },
    { label: "the week the clocks go forward on its Sunday (deadline in CEST)", weekStart: "2026-03-23", deadline: "2026-03-30T07:00:00.000Z" },
    { label: "the first full summer week (CEST)", weekStart: "2026-03-30", deadline: "2026-04-06T07:00:00.000Z" },
    { label: "the week the clocks go back on its Sunday (deadline in CET)", weekStart: "2026-10-19", deadline: "2026-10-26T08:00:00.000Z" },
    { label: "the week before the clocks go back (deadline Monday still CEST)", weekStart: "2026-10-12", deadline: "2026-10-19T07:00:00.000Z" },
  ];

  it.each(weeks)("$label: the deadline is $deadline", ({ weekStart, deadline }) => {
    expect(confirmationDeadline(weekStart, TZ, MONDAY_NINE).toISOString()).toBe(deadline);
  });

  it.each(weeks)("$label: allowed at 08:59:59, refused as closed at 09:00:00", ({ weekStart, deadline }) => {
    const closes = new Date(deadline).getTime();
    expect(mayConfirmAt(new Date(closes - 1000).toISOString(), weekStart)).toBeNull();
    expect(mayConfirmAt(new Date(closes).toISOString(), weekStart)).toBe("closed");
  });

  it("says 'late' once the deadline passed unconfirmed", () => {
    vi.setSystemTime(new Date("2026-11-23T08:00:00Z"));
    expect(weekPhase({ weekStart: "2026-11-16", timeZone: TZ, deadline: MONDAY_NINE, status: "open", now: new Date() })).toBe("late");
  });
});

describe("what else decides whether a week can be confirmed", () => {
  const cases: { label: string; at: string; status: WeekStatus | null; expected: ReturnType<typeof whyCannotConfirm> }[] = [
    { label: "not while the week runs (Sunday 23:59:59)", at: "2026-11-22T22:59:59Z", status: null, expected: "notYet" },
    { label: "from Monday 00:00 after the week", at: "2026-11-22T23:00:00Z", status: null, expected: null },
    { label: "a week sent back can be confirmed after the deadline", at: "2026-11-25T12:00:00Z", status: "returned", expected: null },
    { label: "an open week after the deadline is closed", at: "2026-11-25T12:00:00Z", status: "open", expected: "closed" },
    { label: "a confirmed week cannot be confirmed again", at: "2026-11-23T07:00:00Z", status: "confirmed", expected: "alreadyConfirmed" },
    { label: "an approved week cannot be confirmed", at: "2026-11-23T07:00:00Z", status: "approved", expected: "approved" },
  ];
  it.each(cases)("$label", ({ at, status, expected }) => {
    expect(mayConfirmAt(at, "2026-11-16", status)).toBe(expected);
  });

  it("follows a custom deadline setting: Sunday 23:59 of the week after", () => {
    const sundayLate: HoursDeadline = { weekday: 7, time: "23:59" };
    expect(confirmationDeadline("2026-11-16", TZ, sundayLate).toISOString()).toBe("2026-11-29T22:59:00.000Z");
    expect(mayConfirmAt("2026-11-29T22:58:59Z", "2026-11-16", null, sundayLate)).toBeNull();
    expect(mayConfirmAt("2026-11-29T22:59:00Z", "2026-11-16", null, sundayLate)).toBe("closed");
    // Monday 09:00 no longer matters.
    expect(mayConfirmAt("2026-11-25T12:00:00Z", "2026-11-16", null, sundayLate)).toBeNull();
  });
});

describe("the week a moment belongs to", () => {
  const moments = [
    { label: "Sunday 23:59 Amsterdam is still the old week", at: "2026-11-22T22:59:00Z", week: "2026-11-16" },
    { label: "Monday 00:00 Amsterdam starts the new week (still Sunday in UTC)", at: "2026-11-22T23:00:00Z", week: "2026-11-23" },
    { label: "Monday 00:30 Amsterdam", at: "2026-11-22T23:30:00Z", week: "2026-11-23" },
    { label: "Monday 00:30 in summer time (22:30 UTC on Sunday)", at: "2026-03-29T22:30:00Z", week: "2026-03-30" },
    { label: "the Sunday night the clocks go back", at: "2026-10-25T22:59:00Z", week: "2026-10-19" },
  ];
  it.each(moments)("$label", ({ at, week }) => {
    expect(weekStartOf(new Date(at), TZ)).toBe(week);
  });

  const names = [
    { value: "2026-11-16", ok: true, label: "a Monday" },
    { value: "2026-11-17", ok: false, label: "a Tuesday" },
    { value: "2026-11-22", ok: false, label: "a Sunday" },
    { value: "2026-02-30", ok: false, label: "an impossible date" },
    { value: "2026-13-02", ok: false, label: "an impossible month" },
    { value: "2026-11-16T00:00", ok: false, label: "a moment instead of a day" },
    { value: "16-11-2026", ok: false, label: "a Dutch-written date" },
    { value: "", ok: false, label: "nothing" },
  ];
  it.each(names)("isWeekStart: $label ($value) → $ok", ({ value, ok }) => {
    expect(isWeekStart(value)).toBe(ok);
  });
});

describe("how a week's hours add up", () => {
  const entry = (startsAt: string, endsAt: string, extra: Partial<SummaryEntry> = {}): SummaryEntry => ({
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    breakMinutes: 0,
    noShow: false,
    locationId: "kade",
    locationName: "De Kade",
    ...extra,
  });

  const spans = [
    { label: "a morning of three hours", span: entry("2026-11-17T08:00:00Z", "2026-11-17T11:00:00Z"), minutes: 180 },
    { label: "a 30-minute break is subtracted", span: entry("2026-11-17T08:00:00Z", "2026-11-17T12:00:00Z", { breakMinutes: 30 }), minutes: 210 },
    { label: "a no-show counts nothing", span: entry("2026-11-17T08:00:00Z", "2026-11-17T12:00:00Z", { noShow: true }), minutes: 0 },
    { label: "a break longer than the shift never goes below zero", span: entry("2026-11-17T08:00:00Z", "2026-11-17T08:30:00Z", { breakMinutes: 45 }), minutes: 0 },
    { label: "a night 22:00–02:00 is four hours", span: entry("2026-11-18T21:00:00Z", "2026-11-19T01:00:00Z"), minutes: 240 },
    { label: "the night of 24→25 October 2026, 22:00–02:00, is five real hours", span: entry("2026-10-24T20:00:00Z", "2026-10-25T01:00:00Z"), minutes: 300 },
    { label: "the night of 28→29 March 2026, 22:00–04:00 by the clock, is five real hours", span: entry("2026-03-28T21:00:00Z", "2026-03-29T02:00:00Z"), minutes: 300 },
  ];
  it.each(spans)("$label", ({ span, minutes }) => {
    expect(workedMinutes(span)).toBe(minutes);
  });

  it("counts a night shift on the day it started and sums the week per day and per location", () => {
    const summary = summariseWeek(
      [
        entry("2026-11-18T21:00:00Z", "2026-11-19T01:00:00Z"), // Wednesday 22:00 → Thursday 02:00
        entry("2026-11-19T08:00:00Z", "2026-11-19T12:00:00Z", { breakMinutes: 30, locationId: "linde", locationName: "De Linde" }),
        entry("2026-11-20T08:00:00Z", "2026-11-20T12:00:00Z", { noShow: true }),
      ],
      TZ,
    );
    expect(summary.totalMinutes).toBe(240 + 210);
    expect(summary.days).toEqual([
      { day: "2026-11-18", minutes: 240 },
      { day: "2026-11-19", minutes: 210 },
      { day: "2026-11-20", minutes: 0 },
    ]);
    expect(summary.locations).toEqual([
      { locationId: "kade", locationName: "De Kade", minutes: 240 },
      { locationId: "linde", locationName: "De Linde", minutes: 210 },
    ]);
  });

  it("puts the night of the autumn clock change on Saturday 24 October with five hours", () => {
    const summary = summariseWeek([entry("2026-10-24T20:00:00Z", "2026-10-25T01:00:00Z")], TZ);
    expect(summary).toMatchObject({ totalMinutes: 300, days: [{ day: "2026-10-24", minutes: 300 }] });
  });
});

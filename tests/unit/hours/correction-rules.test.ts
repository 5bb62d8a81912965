// The rules a coordinator's correction must pass: end after start, at most 24 hours, a break shorter
// than the span; clock times on a day in the organisation's zone, a night running into the next day.
import { describe, expect, it } from "vitest";
import { clockTimeOf, spanOnDay, whyInvalidSpan } from "@/lib/hours/rules";

const TZ = "Europe/Amsterdam";
const at = (iso: string) => new Date(iso);

describe("a corrected or added line must be sound", () => {
  it.each([
    { label: "a morning with a half-hour break", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-17T12:00:00Z", breakMinutes: 30, problem: null },
    { label: "exactly 24 hours", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-18T08:00:00Z", breakMinutes: 0, problem: null },
    { label: "an end before the start", startsAt: "2026-11-17T12:00:00Z", endsAt: "2026-11-17T08:00:00Z", breakMinutes: 0, problem: "endNotAfterStart" },
    { label: "an end equal to the start", startsAt: "2026-11-17T12:00:00Z", endsAt: "2026-11-17T12:00:00Z", breakMinutes: 0, problem: "endNotAfterStart" },
    { label: "a minute over 24 hours", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-18T08:01:00Z", breakMinutes: 0, problem: "tooLong" },
    { label: "a negative break", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-17T12:00:00Z", breakMinutes: -1, problem: "breakNegative" },
    { label: "a break as long as the span", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-17T09:00:00Z", breakMinutes: 60, problem: "breakTooLong" },
    { label: "a break one minute shorter than the span", startsAt: "2026-11-17T08:00:00Z", endsAt: "2026-11-17T09:00:00Z", breakMinutes: 59, problem: null },
  ])("$label", ({ startsAt, endsAt, breakMinutes, problem }) => {
    expect(whyInvalidSpan({ startsAt: at(startsAt), endsAt: at(endsAt), breakMinutes })).toBe(problem);
  });
});

describe("clock times on a day become instants in the organisation's zone", () => {
  it.each([
    { label: "a winter morning (UTC+1)", day: "2026-11-17", start: "09:00", end: "13:30", startsAt: "2026-11-17T08:00:00.000Z", endsAt: "2026-11-17T12:30:00.000Z" },
    { label: "a summer morning (UTC+2)", day: "2026-07-14", start: "09:00", end: "10:00", startsAt: "2026-07-14T07:00:00.000Z", endsAt: "2026-07-14T08:00:00.000Z" },
    { label: "a night: an end before the start is the next day", day: "2026-11-17", start: "22:00", end: "02:00", startsAt: "2026-11-17T21:00:00.000Z", endsAt: "2026-11-18T01:00:00.000Z" },
    { label: "the night the clocks go back lasts an hour longer", day: "2026-10-24", start: "22:00", end: "06:00", startsAt: "2026-10-24T20:00:00.000Z", endsAt: "2026-10-25T05:00:00.000Z" },
  ])("$label", ({ day, start, end, startsAt, endsAt }) => {
    const span = spanOnDay(day, start, end, TZ);
    expect(span.startsAt.toISOString()).toBe(startsAt);
    expect(span.endsAt.toISOString()).toBe(endsAt);
    expect(clockTimeOf(span.startsAt, TZ)).toBe(start);
    expect(clockTimeOf(span.endsAt, TZ)).toBe(end);
  });
});

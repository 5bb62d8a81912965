// Today and the calendar day of a moment in an organisation's zone, around midnight UTC and DST.
import { describe, expect, it } from "vitest";
import { localDateKey, todayIn } from "@/lib/dates";

describe("today in a time zone", () => {
  it.each([
    { label: "a winter evening after 23:00 UTC is already tomorrow in Amsterdam (UTC+1)", now: "2026-01-14T23:30:00Z", zone: "Europe/Amsterdam", day: "2026-01-15" },
    { label: "a winter night before 23:00 UTC is still today in Amsterdam", now: "2026-01-14T22:59:59Z", zone: "Europe/Amsterdam", day: "2026-01-14" },
    { label: "a summer evening after 22:00 UTC is already tomorrow in Amsterdam (UTC+2)", now: "2026-07-01T22:00:00Z", zone: "Europe/Amsterdam", day: "2026-07-02" },
    { label: "a summer evening just before 22:00 UTC is still today in Amsterdam", now: "2026-07-01T21:59:59Z", zone: "Europe/Amsterdam", day: "2026-07-01" },
    { label: "midnight UTC is 01:00 in Amsterdam in winter", now: "2026-01-15T00:00:00Z", zone: "Europe/Amsterdam", day: "2026-01-15" },
    { label: "the night the clocks go forward (29 March 2026), 22:30 UTC", now: "2026-03-28T22:30:00Z", zone: "Europe/Amsterdam", day: "2026-03-28" },
    { label: "the night the clocks go forward, 23:00 UTC is midnight in Amsterdam", now: "2026-03-28T23:00:00Z", zone: "Europe/Amsterdam", day: "2026-03-29" },
    { label: "the first summer-time evening turns over at 22:00 UTC", now: "2026-03-29T22:00:00Z", zone: "Europe/Amsterdam", day: "2026-03-30" },
    { label: "the night the clocks go back (25 October 2026), 22:00 UTC is midnight in Amsterdam", now: "2026-10-24T22:00:00Z", zone: "Europe/Amsterdam", day: "2026-10-25" },
    { label: "the first winter-time evening turns over at 23:00 UTC", now: "2026-10-25T22:59:00Z", zone: "Europe/Amsterdam", day: "2026-10-25" },
    { label: "a new year in Amsterdam before it is one in UTC", now: "2026-12-31T23:15:00Z", zone: "Europe/Amsterdam", day: "2027-01-01" },
    { label: "the same moment in UTC", now: "2026-12-31T23:15:00Z", zone: "UTC", day: "2026-12-31" },
    { label: "a zone west of UTC is still yesterday", now: "2026-01-15T02:00:00Z", zone: "America/New_York", day: "2026-01-14" },
  ])("$label", ({ now, zone, day }) => {
    expect(todayIn(zone, new Date(now))).toBe(day);
    expect(localDateKey(new Date(now), zone)).toBe(day);
  });

  it("without a moment, today is now", () => {
    const before = todayIn("Europe/Amsterdam");
    expect([before, localDateKey(new Date(), "Europe/Amsterdam")]).toContain(todayIn("Europe/Amsterdam"));
  });
});

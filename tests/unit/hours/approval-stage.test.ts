// The approval list is kept per stage of its week (running, open for confirming, closed), not per
// moment: that is only right if every moment of a stage gives each week the phase the stage's own
// moment gives it, for every sign-off state, around the week's end, the deadline and a clock change.
import { describe, expect, it } from "vitest";
import { momentOfStage, weekCalendarOf, weekStageAt } from "@/lib/hours/coordinator-queries";
import { localInstant, weekPhase, type HoursDeadline, type WeekStatus } from "@/lib/hours/rules";

const TZ = "Europe/Amsterdam";
const statuses: (WeekStatus | null)[] = [null, "open", "returned", "confirmed", "approved"];

const cases: { label: string; weekStart: string; deadline: HoursDeadline; moments: [day: string, time: string][] }[] = [
  {
    label: "Monday 09:00 deadline",
    weekStart: "2026-11-16",
    deadline: { weekday: 1, time: "09:00" },
    moments: [["2026-11-16", "00:00"], ["2026-11-22", "23:59"], ["2026-11-23", "00:00"], ["2026-11-23", "08:59"], ["2026-11-23", "09:00"], ["2026-12-20", "12:00"]],
  },
  {
    label: "Sunday 23:59 deadline in the week the clocks go back",
    weekStart: "2026-10-19",
    deadline: { weekday: 7, time: "23:59" },
    moments: [["2026-10-25", "02:30"], ["2026-10-26", "00:00"], ["2026-11-01", "23:58"], ["2026-11-01", "23:59"], ["2026-11-02", "10:00"]],
  },
];

describe("a stage of the week stands for every moment in it", () => {
  for (const { label, weekStart, deadline, moments } of cases) {
    it(label, () => {
      const calendar = weekCalendarOf(weekStart, { timeZone: TZ, deadline });
      for (const [day, time] of moments) {
        const now = localInstant(day, time, TZ);
        const stand = momentOfStage(calendar, weekStageAt(calendar, now));
        for (const status of statuses) {
          expect(weekPhase({ weekStart, timeZone: TZ, deadline, status, now: stand }), `${day} ${time}, ${status}`).toBe(weekPhase({ weekStart, timeZone: TZ, deadline, status, now }));
        }
      }
    });
  }
});

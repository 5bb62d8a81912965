// The roster's pure rules: overlap, who may work or take a shift, signing off on the sign-up day across
// DST, local times, weekly series and the weeks the pages show. Europe/Amsterdam changes to summer
// time on the last Sunday of March (02:00 → 03:00) and back on the last Sunday of October (03:00 → 02:00).
import { describe, expect, it } from "vitest";
import { localDateKey } from "@/lib/dates";
import {
  canSignOff,
  chooseShownDay,
  dayRange,
  describeShift,
  groupByDay,
  openShiftsFor,
  placesLeft,
  resolveWeek,
  rosterViewOf,
  seriesOccurrences,
  shiftsShownPerDay,
  shiftSpanFromLocal,
  shiftsOverlap,
  signOffDeadline,
  sortForPlanning,
  splitAssignable,
  toInstant,
  whyCannotSignOff,
  whyCannotSignUp,
  whyCannotWork,
  type CandidateFacts,
  type ShiftFacts,
} from "@/lib/roster/rules";

const tz = "Europe/Amsterdam";
/** An instant given as Amsterdam wall-clock time, with its offset spelled out so the test reads plainly. */
const at = (iso: string) => new Date(iso);

describe("placesLeft", () => {
  it.each([
    { label: "room left", needed: 3, filled: 1, left: 2 },
    { label: "exactly full", needed: 2, filled: 2, left: 0 },
    { label: "overfull counts as full", needed: 2, filled: 3, left: 0 },
  ])("$label", ({ needed, filled, left }) => {
    expect(placesLeft(needed, filled)).toBe(left);
  });
});

describe("shiftsOverlap", () => {
  const morning = { startsAt: at("2026-05-04T09:00:00+02:00"), endsAt: at("2026-05-04T12:00:00+02:00") };
  it.each([
    { label: "the same shift", other: morning, overlaps: true },
    { label: "one inside the other", other: { startsAt: at("2026-05-04T10:00:00+02:00"), endsAt: at("2026-05-04T11:00:00+02:00") }, overlaps: true },
    { label: "starting before it ends", other: { startsAt: at("2026-05-04T11:59:00+02:00"), endsAt: at("2026-05-04T14:00:00+02:00") }, overlaps: true },
    { label: "starting when it ends (back to back)", other: { startsAt: at("2026-05-04T12:00:00+02:00"), endsAt: at("2026-05-04T14:00:00+02:00") }, overlaps: false },
    { label: "ending when it starts", other: { startsAt: at("2026-05-04T07:00:00+02:00"), endsAt: at("2026-05-04T09:00:00+02:00") }, overlaps: false },
    { label: "another day", other: { startsAt: at("2026-05-05T09:00:00+02:00"), endsAt: at("2026-05-05T12:00:00+02:00") }, overlaps: false },
  ])("$label", ({ other, overlaps }) => {
    expect(shiftsOverlap(morning, other)).toBe(overlaps);
    expect(shiftsOverlap(other, morning)).toBe(overlaps);
  });
});

describe("who may work or take a shift", () => {
  const now = at("2026-05-01T12:00:00+02:00");
  const shift: ShiftFacts = {
    startsAt: at("2026-05-04T09:00:00+02:00"),
    endsAt: at("2026-05-04T12:00:00+02:00"),
    needed: 3,
    filled: 1,
    groupId: null,
    cancelledAt: null,
  };
  const free: CandidateFacts = { groupIds: ["g-kitchen"], isOnShift: false, otherShifts: [] };
  const overlapping = { startsAt: at("2026-05-04T11:00:00+02:00"), endsAt: at("2026-05-04T13:00:00+02:00") };

  it.each([
    { label: "an open shift for anyone", shift, candidate: free, signUp: null, work: null },
    { label: "a full shift", shift: { ...shift, filled: 3 }, candidate: free, signUp: "full", work: null },
    { label: "a cancelled shift", shift: { ...shift, cancelledAt: now }, candidate: free, signUp: "cancelled", work: "cancelled" },
    { label: "already on it", shift, candidate: { ...free, isOnShift: true }, signUp: "alreadyOn", work: "alreadyOn" },
    { label: "a shift that has started", shift: { ...shift, startsAt: now }, candidate: free, signUp: "started", work: "started" },
    { label: "a group shift for a member of that group", shift: { ...shift, groupId: "g-kitchen" }, candidate: free, signUp: null, work: null },
    { label: "a group shift for someone outside the group", shift: { ...shift, groupId: "g-drivers" }, candidate: free, signUp: "notInGroup", work: "notInGroup" },
    { label: "overlapping another shift of theirs", shift, candidate: { ...free, otherShifts: [overlapping] }, signUp: "overlap", work: "overlap" },
    { label: "a full group shift for an outsider names the group first", shift: { ...shift, filled: 3, groupId: "g-drivers" }, candidate: free, signUp: "notInGroup", work: "notInGroup" },
  ] as const)("$label", ({ shift: facts, candidate, signUp, work }) => {
    expect(whyCannotSignUp(facts, candidate, now)).toBe(signUp);
    expect(whyCannotWork(facts, candidate, now)).toBe(work);
  });

  it("'Open diensten' keeps exactly the shifts the member may sign up for, in the list's order", () => {
    const member = { groupIds: ["g-kitchen"], shifts: [{ id: "mine", ...shift }, { id: "elsewhere", ...overlapping, startsAt: at("2026-05-05T11:00:00+02:00"), endsAt: at("2026-05-05T13:00:00+02:00") }] };
    const list = [
      { id: "mine", ...shift },
      { id: "open", ...shift, startsAt: at("2026-05-06T09:00:00+02:00"), endsAt: at("2026-05-06T12:00:00+02:00") },
      { id: "full", ...shift, startsAt: at("2026-05-06T09:00:00+02:00"), endsAt: at("2026-05-06T12:00:00+02:00"), filled: 3 },
      { id: "overlaps", ...shift, startsAt: at("2026-05-05T12:00:00+02:00"), endsAt: at("2026-05-05T14:00:00+02:00") },
      { id: "back to back", ...shift, startsAt: at("2026-05-05T13:00:00+02:00"), endsAt: at("2026-05-05T15:00:00+02:00") },
      { id: "own group", ...shift, startsAt: at("2026-05-07T09:00:00+02:00"), endsAt: at("2026-05-07T12:00:00+02:00"), groupId: "g-kitchen" },
      { id: "other group", ...shift, startsAt: at("2026-05-07T09:00:00+02:00"), endsAt: at("2026-05-07T12:00:00+02:00"), groupId: "g-drivers" },
      { id: "started", ...shift, startsAt: at("2026-05-01T11:00:00+02:00"), endsAt: at("2026-05-01T14:00:00+02:00") },
    ];
    expect(openShiftsFor(list, member, now).map((s) => s.id)).toEqual(["open", "back to back", "own group"]);
    expect(openShiftsFor(list, { groupIds: [], shifts: [] }, now).map((s) => s.id)).toEqual(["mine", "open", "overlaps", "back to back"]);
  });

  it("a coordinator may assign to a shift that has begun, but not outside its group", () => {
    const begun = { ...shift, startsAt: at("2026-05-01T11:00:00+02:00") };
    expect(whyCannotWork(begun, free, now, { allowStarted: true })).toBeNull();
    expect(whyCannotWork({ ...begun, groupId: "g-drivers" }, free, now, { allowStarted: true })).toBe("notInGroup");
  });
});

describe("canSignOff: only on the sign-up day (Amsterdam) and before the shift starts", () => {
  const shiftStart = at("2026-11-10T09:00:00+01:00");
  it.each([
    { label: "a minute after signing up", signedUp: "2026-11-02T14:00:00+01:00", now: "2026-11-02T14:01:00+01:00", allowed: true },
    { label: "at 23:59 on the sign-up day", signedUp: "2026-11-02T08:00:00+01:00", now: "2026-11-02T23:59:00+01:00", allowed: true },
    { label: "at 00:00 the next day", signedUp: "2026-11-02T08:00:00+01:00", now: "2026-11-03T00:00:00+01:00", allowed: false },
    { label: "signed up at 00:30, 23:30 later is still the same day", signedUp: "2026-11-02T00:30:00+01:00", now: "2026-11-02T23:30:00+01:00", allowed: true },
    { label: "an hour later but past midnight", signedUp: "2026-11-02T23:30:00+01:00", now: "2026-11-03T00:30:00+01:00", allowed: false },
    // The same UTC day is not the same Amsterdam day: 23:30 UTC is already tomorrow in Amsterdam.
    { label: "same UTC date, next Amsterdam day", signedUp: "2026-11-02T10:00:00Z", now: "2026-11-02T23:30:00Z", allowed: false },
    // Spring forward: Sunday 29 March 2026 has 23 hours.
    { label: "DST March: 23:59 on the short day", signedUp: "2026-03-29T01:30:00+01:00", now: "2026-03-29T23:59:00+02:00", allowed: true, start: "2026-04-02T09:00:00+02:00" },
    { label: "DST March: 00:01 the day after the short day", signedUp: "2026-03-29T10:00:00+02:00", now: "2026-03-30T00:01:00+02:00", allowed: false, start: "2026-04-02T09:00:00+02:00" },
    { label: "DST March: 22 hours later is already the next day", signedUp: "2026-03-29T01:00:00+01:00", now: "2026-03-30T00:00:00+02:00", allowed: false, start: "2026-04-02T09:00:00+02:00" },
    // Fall back: Sunday 25 October 2026 has 25 hours.
    { label: "DST October: 23:59 on the long day, 24½ hours after signing up", signedUp: "2026-10-25T00:29:00+02:00", now: "2026-10-25T23:59:00+01:00", allowed: true, start: "2026-10-30T09:00:00+01:00" },
    { label: "DST October: 00:01 the day after the long day", signedUp: "2026-10-25T10:00:00+01:00", now: "2026-10-26T00:01:00+01:00", allowed: false, start: "2026-10-30T09:00:00+01:00" },
    { label: "DST October: in the repeated hour, same day", signedUp: "2026-10-25T02:30:00+02:00", now: "2026-10-25T02:15:00+01:00", allowed: true, start: "2026-10-30T09:00:00+01:00" },
    { label: "not once the shift has started, even on the sign-up day", signedUp: "2026-11-10T07:00:00+01:00", now: "2026-11-10T09:00:00+01:00", allowed: false },
    { label: "a minute before it starts on the sign-up day", signedUp: "2026-11-10T07:00:00+01:00", now: "2026-11-10T08:59:00+01:00", allowed: true },
  ])("$label", ({ signedUp, now, allowed, start }) => {
    expect(canSignOff({ source: "self", signedUpAt: at(signedUp) }, start ? at(start) : shiftStart, at(now), tz)).toBe(allowed);
  });

  it.each([
    { label: "midnight after the sign-up day", signedUp: "2026-03-29T10:00:00+02:00", start: "2026-04-02T09:00:00+02:00", until: "2026-03-30T00:00:00+02:00", by: "endOfDay" },
    { label: "the start of a shift later that day", signedUp: "2026-03-29T10:00:00+02:00", start: "2026-03-29T18:00:00+02:00", until: "2026-03-29T18:00:00+02:00", by: "shiftStart" },
    { label: "midnight after the long October day", signedUp: "2026-10-25T00:10:00+02:00", start: "2026-11-02T09:00:00+01:00", until: "2026-10-26T00:00:00+01:00", by: "endOfDay" },
    { label: "midnight at the end of a month", signedUp: "2026-01-31T12:00:00+01:00", start: "2026-02-05T09:00:00+01:00", until: "2026-02-01T00:00:00+01:00", by: "endOfDay" },
  ])("the sign-off deadline is $label", ({ signedUp, start, until, by }) => {
    expect(signOffDeadline(at(signedUp), at(start), tz)).toEqual({ until: at(until), by });
  });
});

describe("splitAssignable: a coordinator's choice, in order, while places last", () => {
  const now = at("2026-05-01T12:00:00+02:00");
  const shift: ShiftFacts = { startsAt: at("2026-05-04T09:00:00+02:00"), endsAt: at("2026-05-04T12:00:00+02:00"), needed: 3, filled: 1, groupId: "g-kitchen", cancelledAt: null };
  const person = (id: string, facts: Partial<CandidateFacts> = {}) => ({ id, groupIds: ["g-kitchen"], isOnShift: false, otherShifts: [], ...facts });
  const clash = { startsAt: at("2026-05-04T11:00:00+02:00"), endsAt: at("2026-05-04T13:00:00+02:00") };
  it.each([
    { label: "fewer chosen than places: all", chosen: [person("a"), person("b")], assign: ["a", "b"], skip: [] },
    { label: "more chosen than places: the first ones, the rest without a place", chosen: [person("c"), person("a"), person("b")], assign: ["c", "a"], skip: [["b", "noPlace"]] },
    {
      label: "someone who may not work it takes no place from the next one",
      chosen: [person("x", { groupIds: [] }), person("a"), person("y", { isOnShift: true }), person("b"), person("z", { otherShifts: [clash] })],
      assign: ["a", "b"],
      skip: [["x", "notInGroup"], ["y", "alreadyOn"], ["z", "overlap"]],
    },
    { label: "a full shift: nobody", shift: { ...shift, filled: 3 }, chosen: [person("a")], assign: [], skip: [["a", "noPlace"]] },
    { label: "a shift that has begun may still be filled", shift: { ...shift, startsAt: at("2026-05-01T11:00:00+02:00") }, chosen: [person("a")], assign: ["a"], skip: [] },
    { label: "a cancelled shift: nobody, with the reason", shift: { ...shift, cancelledAt: now }, chosen: [person("a")], assign: [], skip: [["a", "cancelled"]] },
  ])("$label", ({ shift: facts = shift, chosen, assign, skip }) => {
    const split = splitAssignable(facts, chosen, now);
    expect(split.assign.map((candidate) => candidate.id)).toEqual(assign);
    expect(split.skip.map(({ candidate, problem }) => [candidate.id, problem])).toEqual(skip);
  });
});

describe("whyCannotSignOff: only a place the member took themselves, on that day, before the start", () => {
  const start = at("2026-11-10T09:00:00+01:00");
  const sameDay = { signedUpAt: at("2026-11-02T14:00:00+01:00"), now: at("2026-11-02T18:00:00+01:00") };
  const nextDay = { signedUpAt: at("2026-11-02T14:00:00+01:00"), now: at("2026-11-03T10:00:00+01:00") };
  const begun = { signedUpAt: at("2026-11-10T07:00:00+01:00"), now: at("2026-11-10T09:30:00+01:00") };
  it.each([
    { label: "signed up themselves, same day", source: "self", when: sameDay, problem: null },
    { label: "signed up themselves, the next day", source: "self", when: nextDay, problem: "notSignUpDay" },
    { label: "signed up themselves, the shift has begun", source: "self", when: begun, problem: "started" },
    { label: "put on by a coordinator, same day", source: "coordinator", when: sameDay, problem: "notOwnSignUp" },
    { label: "put on by a coordinator, the next day", source: "coordinator", when: nextDay, problem: "notOwnSignUp" },
    { label: "put on by a coordinator, the shift has begun", source: "coordinator", when: begun, problem: "started" },
    { label: "taken over from a colleague, same day", source: "handover", when: sameDay, problem: "notOwnSignUp" },
    { label: "taken over from a colleague, the next day", source: "handover", when: nextDay, problem: "notOwnSignUp" },
    { label: "taken over from a colleague, the shift has begun", source: "handover", when: begun, problem: "started" },
  ] as const)("$label: $problem", ({ source, when, problem }) => {
    expect(whyCannotSignOff({ source, signedUpAt: when.signedUpAt }, start, when.now, tz)).toBe(problem);
    expect(canSignOff({ source, signedUpAt: when.signedUpAt }, start, when.now, tz)).toBe(problem === null);
  });
});

describe("local times in the organisation's zone", () => {
  it.each([
    { label: "a winter morning", date: "2026-01-12", time: "09:00", instant: "2026-01-12T08:00:00.000Z" },
    { label: "a summer morning", date: "2026-07-13", time: "09:00", instant: "2026-07-13T07:00:00.000Z" },
    { label: "just before the March gap", date: "2026-03-29", time: "01:59", instant: "2026-03-29T00:59:00.000Z" },
    { label: "inside the March gap: does not exist", date: "2026-03-29", time: "02:30", instant: null },
    { label: "just after the March gap", date: "2026-03-29", time: "03:00", instant: "2026-03-29T01:00:00.000Z" },
    { label: "the repeated October hour reads as the later one", date: "2026-10-25", time: "02:30", instant: "2026-10-25T01:30:00.000Z" },
    { label: "31 February does not exist", date: "2026-02-31", time: "09:00", instant: null },
  ])("$label", ({ date, time, instant }) => {
    expect(toInstant(date, time, tz)?.toISOString() ?? null).toBe(instant);
  });

  it.each([
    { label: "a morning shift", times: { date: "2026-05-04", startTime: "09:00", endTime: "12:00", endsNextDay: false }, result: { ok: true, hours: 3 } },
    { label: "end before start", times: { date: "2026-05-04", startTime: "12:00", endTime: "09:00", endsNextDay: false }, result: { ok: false, problem: "endBeforeStart" } },
    { label: "end equal to start", times: { date: "2026-05-04", startTime: "09:00", endTime: "09:00", endsNextDay: false }, result: { ok: false, problem: "endBeforeStart" } },
    { label: "a night shift ending the next day", times: { date: "2026-05-04", startTime: "23:00", endTime: "07:00", endsNextDay: true }, result: { ok: true, hours: 8 } },
    { label: "longer than a day", times: { date: "2026-05-04", startTime: "09:00", endTime: "10:00", endsNextDay: true }, result: { ok: false, problem: "tooLong" } },
    { label: "the night the clocks go forward is an hour shorter", times: { date: "2026-03-28", startTime: "23:00", endTime: "07:00", endsNextDay: true }, result: { ok: true, hours: 7 } },
    { label: "the night the clocks go back is an hour longer", times: { date: "2026-10-24", startTime: "23:00", endTime: "07:00", endsNextDay: true }, result: { ok: true, hours: 9 } },
    { label: "a start in the March gap", times: { date: "2026-03-29", startTime: "02:15", endTime: "06:00", endsNextDay: false }, result: { ok: false, problem: "startTimeDoesNotExist" } },
  ])("shift times: $label", ({ times, result }) => {
    const span = shiftSpanFromLocal(times, tz);
    if (result.ok) {
      expect(span.ok).toBe(true);
      if (span.ok) expect((span.span.endsAt.getTime() - span.span.startsAt.getTime()) / 3_600_000).toBe(result.hours);
    } else {
      expect(span).toEqual({ ok: false, problem: result.problem });
    }
  });
});

describe("weekly series", () => {
  it("keeps 09:00 on the wall clock across the March change", () => {
    const series = seriesOccurrences({ weekday: 1, startTime: "09:00", endTime: "12:00", endsNextDay: false, startsOn: "2026-03-16", endsOn: "2026-04-06" }, tz);
    if (!series.ok) throw new Error(series.problem);
    expect(series.occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-03-16T08:00:00.000Z",
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
  });

  it.each([
    { label: "starts on the first matching weekday on or after the start date", pattern: { weekday: 3, startsOn: "2026-05-04", endsOn: "2026-05-20" }, dates: ["2026-05-06", "2026-05-13", "2026-05-20"] },
    { label: "includes the end date", pattern: { weekday: 1, startsOn: "2026-05-04", endsOn: "2026-05-11" }, dates: ["2026-05-04", "2026-05-11"] },
    { label: "Sunday is weekday 7", pattern: { weekday: 7, startsOn: "2026-05-04", endsOn: "2026-05-17" }, dates: ["2026-05-10", "2026-05-17"] },
  ])("$label", ({ pattern, dates }) => {
    const series = seriesOccurrences({ ...pattern, startTime: "10:00", endTime: "11:00", endsNextDay: false }, tz);
    if (!series.ok) throw new Error(series.problem);
    expect(series.occurrences.map((o) => o.date)).toEqual(dates);
    expect(series.occurrences.map((o) => localDateKey(o.startsAt, tz))).toEqual(dates);
  });

  it.each([
    { label: "an end before the start", pattern: { weekday: 1, startsOn: "2026-05-11", endsOn: "2026-05-04" }, problem: "endsBeforeStart" },
    { label: "no matching day in the range", pattern: { weekday: 1, startsOn: "2026-05-05", endsOn: "2026-05-10" }, problem: "noOccurrences" },
    { label: "more than a year of weeks", pattern: { weekday: 1, startsOn: "2026-01-05", endsOn: "2027-06-01" }, problem: "tooManyOccurrences" },
  ])("refuses $label", ({ pattern, problem }) => {
    const series = seriesOccurrences({ ...pattern, startTime: "10:00", endTime: "11:00", endsNextDay: false }, tz);
    expect(series.ok).toBe(false);
    if (!series.ok) expect(series.problem).toBe(problem);
  });
});

describe("the week a page shows", () => {
  const now = at("2026-11-18T10:00:00+01:00");
  it.each([
    { label: "no parameter: this week", params: {}, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
    { label: "an ISO week", params: { week: "2026-W13" }, key: "2026-W13", from: "2026-03-23T00:00:00+01:00", current: false },
    { label: "the week after the March change starts at +02:00", params: { week: "2026-W14" }, key: "2026-W14", from: "2026-03-30T00:00:00+02:00", current: false },
    { label: "a date inside a week", params: { from: "2026-03-26" }, key: "2026-W13", from: "2026-03-23T00:00:00+01:00", current: false },
    { label: "week 53 of a long year", params: { week: "2026-W53" }, key: "2026-W53", from: "2026-12-28T00:00:00+01:00", current: false },
    { label: "week 53 of a short year: this week", params: { week: "2025-W53" }, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
    { label: "week 0: this week", params: { week: "2026-W00" }, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
    { label: "nonsense: this week", params: { week: "volgende" }, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
    { label: "a date that does not exist: this week", params: { from: "2026-02-30" }, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
    { label: "a far-off year: this week", params: { week: "9999-W01" }, key: "2026-W47", from: "2026-11-16T00:00:00+01:00", current: true },
  ])("$label", ({ params, key, from, current }) => {
    const week = resolveWeek(params, now, tz);
    expect(week.key).toBe(key);
    expect(week.from.toISOString()).toBe(at(from).toISOString());
    expect(week.isCurrent).toBe(current);
    expect(week.days).toHaveLength(7);
  });

  it("the week of the March change is 167 hours long, and links to its neighbours", () => {
    const week = resolveWeek({ week: "2026-W13" }, now, tz);
    expect((week.to.getTime() - week.from.getTime()) / 3_600_000).toBe(167);
    expect(week.days).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect([week.previousKey, week.nextKey]).toEqual(["2026-W12", "2026-W14"]);
  });

  it("a day of the week runs from midnight to midnight, 23 hours on the day clocks go forward", () => {
    const week = resolveWeek({ week: "2026-W13" }, now, tz);
    const sunday = dayRange(week, "2026-03-29", tz);
    expect(sunday.from.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(sunday.to.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    const monday = dayRange(week, "2026-03-23", tz);
    expect([monday.from.toISOString(), monday.to.toISOString()]).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-23T23:00:00.000Z"]);
    expect(dayRange(week, "2026-04-01", tz)).toEqual({ from: week.from, to: week.to });
  });

  it("the year turns over between week 53 and week 1", () => {
    const week = resolveWeek({ week: "2026-W53" }, now, tz);
    expect(week.nextKey).toBe("2027-W01");
    expect(resolveWeek({ week: "2027-W01" }, now, tz).previousKey).toBe("2026-W53");
  });
});

describe("lists", () => {
  it("groups shifts by Amsterdam day, not UTC day", () => {
    const late = { id: "late", startsAt: at("2026-05-04T23:30:00+02:00") };
    const early = { id: "early", startsAt: at("2026-05-04T08:00:00+02:00") };
    const next = { id: "next", startsAt: at("2026-05-05T00:30:00+02:00") };
    expect(groupByDay([next, late, early], tz)).toEqual([
      { day: "2026-05-04", items: [early, late] },
      { day: "2026-05-05", items: [next] },
    ]);
  });

  it("puts unfilled coming shifts first, then full, then past, then cancelled", () => {
    const now = at("2026-05-04T12:00:00+02:00");
    const base = { needed: 2, groupId: null, cancelledAt: null as Date | null };
    const shifts = [
      { id: "past", ...base, filled: 0, startsAt: at("2026-05-04T08:00:00+02:00"), endsAt: at("2026-05-04T10:00:00+02:00") },
      { id: "full", ...base, filled: 2, startsAt: at("2026-05-05T08:00:00+02:00"), endsAt: at("2026-05-05T10:00:00+02:00") },
      { id: "cancelled", ...base, filled: 0, cancelledAt: now, startsAt: at("2026-05-04T14:00:00+02:00"), endsAt: at("2026-05-04T16:00:00+02:00") },
      { id: "open-later", ...base, filled: 1, startsAt: at("2026-05-06T08:00:00+02:00"), endsAt: at("2026-05-06T10:00:00+02:00") },
      { id: "open-soon", ...base, filled: 0, startsAt: at("2026-05-04T13:00:00+02:00"), endsAt: at("2026-05-04T15:00:00+02:00") },
    ];
    expect(sortForPlanning(shifts, now).map((s) => s.id)).toEqual(["open-soon", "open-later", "full", "past", "cancelled"]);
  });

  it.each([
    { locale: "nl" as const, text: "Koffieochtend (De Linde), maandag 30 maart 2026, 09:30–12:00" },
    { locale: "en" as const, text: "Koffieochtend (De Linde), Monday 30 March 2026, 09:30–12:00" },
  ])("describes a shift for an email in $locale", ({ locale, text }) => {
    const shift = { activity: "Koffieochtend", locationName: "De Linde", startsAt: at("2026-03-30T09:30:00+02:00"), endsAt: at("2026-03-30T12:00:00+02:00") };
    expect(describeShift(shift, locale, tz)).toBe(text);
  });
});

describe("shiftsShownPerDay: a day's first shifts, the rest behind 'meer'", () => {
  it.each([
    { label: "the whole week lists a few per day", wholeWeek: true, asked: undefined, shown: 3 },
    { label: "the whole week ignores a number asked for", wholeWeek: true, asked: 40, shown: 3 },
    { label: "one day lists a first handful", wholeWeek: false, asked: undefined, shown: 6 },
    { label: "one day lists as many as 'meer' asked for", wholeWeek: false, asked: 12, shown: 12 },
  ])("$label", ({ wholeWeek, asked, shown }) => {
    expect(shiftsShownPerDay({ wholeWeek, asked })).toBe(shown);
  });
});

describe("chooseShownDay: one day or the whole week", () => {
  const weekDays = ["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"];
  const base = { weekDays, daysWithShifts: ["2026-03-24", "2026-03-26"], today: "2026-03-26" };

  it("shows a quiet week whole", () => {
    expect(chooseShownDay({ ...base, requested: undefined, crowded: false })).toBeNull();
  });

  it("opens a crowded week on today when today has shifts, else on its first day with shifts", () => {
    expect(chooseShownDay({ ...base, requested: undefined, crowded: true })).toBe("2026-03-26");
    expect(chooseShownDay({ ...base, today: "2026-03-25", requested: undefined, crowded: true })).toBe("2026-03-24");
    expect(chooseShownDay({ ...base, today: "2026-04-02", requested: undefined, crowded: true })).toBe("2026-03-24");
  });

  it("shows the day asked for, also an empty one, and the whole week when asked", () => {
    expect(chooseShownDay({ ...base, requested: "2026-03-28", crowded: true })).toBe("2026-03-28");
    expect(chooseShownDay({ ...base, requested: "2026-03-28", crowded: false })).toBe("2026-03-28");
    expect(chooseShownDay({ ...base, requested: "all", crowded: true })).toBeNull();
  });

  it("ignores a day of another week", () => {
    expect(chooseShownDay({ ...base, requested: "2026-04-01", crowded: true })).toBe("2026-03-26");
    expect(chooseShownDay({ ...base, requested: "2026-04-01", crowded: false })).toBeNull();
  });
});

describe("rosterViewOf: what a roster page shows of a week's shifts", () => {
  const weekDays = ["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"];
  const quiet = [
    { id: "a", day: "2026-03-24" },
    { id: "b", day: "2026-03-24" },
    { id: "c", day: "2026-03-24" },
    { id: "d", day: "2026-03-24" },
    { id: "e", day: "2026-03-26" },
  ];
  const crowded = Array.from({ length: 41 }, (_, i) => ({ id: `s${i}`, day: i < 30 ? "2026-03-24" : "2026-03-26" }));
  const ids = (view: { days: { day: string; shifts: { id: string }[]; total: number }[] }) => view.days.map((d) => [d.day, d.shifts.map((s) => s.id).join(""), d.total]);

  it("shows a quiet week whole, a few shifts per day, with the numbers of each day", () => {
    const view = rosterViewOf(quiet, { weekDays, requested: undefined, today: "2026-03-26", asked: undefined });
    expect(view).toMatchObject({ counts: [0, 4, 0, 1, 0, 0, 0], total: 5, crowded: false, shownDay: null });
    expect(ids(view)).toEqual([["2026-03-24", "abc", 4], ["2026-03-26", "e", 1]]);
  });

  it("opens a crowded week on today, with a first handful and more as asked", () => {
    const view = rosterViewOf(crowded, { weekDays, requested: undefined, today: "2026-03-26", asked: undefined });
    expect(view).toMatchObject({ total: 41, crowded: true, shownDay: "2026-03-26" });
    expect(ids(view)).toEqual([["2026-03-26", "s30s31s32s33s34s35", 11]]);
    expect(ids(rosterViewOf(crowded, { weekDays, requested: "2026-03-26", today: "2026-03-26", asked: 12 }))).toEqual([["2026-03-26", crowded.slice(30).map((s) => s.id).join(""), 11]]);
  });

  it("opens a week of more than three shifts a day on one day, and shows one of three a day whole", () => {
    const week = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `w${i}`, day: weekDays[i % 7] }));
    expect(rosterViewOf(week(21), { weekDays, requested: undefined, today: "2026-03-26", asked: undefined })).toMatchObject({ crowded: false, shownDay: null });
    expect(rosterViewOf(week(22), { weekDays, requested: undefined, today: "2026-03-26", asked: undefined })).toMatchObject({ crowded: true, shownDay: "2026-03-26" });
  });

  it("shows an empty day asked for as a day without shifts", () => {
    expect(rosterViewOf(quiet, { weekDays, requested: "2026-03-28", today: "2026-03-26", asked: undefined })).toMatchObject({ shownDay: "2026-03-28", days: [] });
  });
});

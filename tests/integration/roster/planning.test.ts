// The coordinator's roster: create a shift or a weekly series, edit one occurrence or all following,
// cancel, and the refusals around them. Actions run through the real guard with a stubbed session.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { shifts, shiftSeries } from "@/lib/db/schema/roster";
import { createAssignment } from "@/lib/demo/factories";
import { assignPeopleToShift, cancelShift, createShift, editShift, removePeopleFromShift } from "@/lib/roster/actions";
import { localDateKey } from "@/lib/dates";
import { addDaysToDateKey, localTimeKey, weekdayOfDateKey } from "@/lib/roster/rules";
import type { ActionResult } from "@/lib/auth/guards";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, peopleOn, shiftIn, shiftRow, type RosterOrganisation } from "./roster-fixtures";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

let database: TestDatabase;
let one: RosterOrganisation;
let two: RosterOrganisation;
const TZ = "Europe/Amsterdam";

beforeAll(async () => {
  database = await createTestDatabase();
  one = await createRosterOrganisation(database.db, "Eén");
  two = await createRosterOrganisation(database.db, "Twee");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  signOut();
});

async function asCoordinatorOf(org: RosterOrganisation) {
  signInAs(await actorOf(org.coordinator));
}

const shiftFields = (org: RosterOrganisation) => ({
  activity: "  Maaltijd   koken ",
  locationId: org.location.id,
  startTime: "16:00",
  endTime: "19:30",
  needed: "4",
  groupId: org.group.id,
  coordinatorId: org.coordinator.person.id,
  notes: "Schort mee",
});

async function seriesShifts(seriesId: string) {
  return database.db.select().from(shifts).where(eq(shifts.seriesId, seriesId)).orderBy(asc(shifts.startsAt));
}

async function shiftsOfTenant(tenantId: string) {
  return database.db.select({ id: shifts.id }).from(shifts).where(eq(shifts.tenantId, tenantId));
}

describe("creating shifts", () => {
  it("a coordinator creates a single shift; text is tidied and times are Amsterdam wall-clock times", async () => {
    await asCoordinatorOf(one);
    const result = await createShift(formOf({ repeat: "once", date: "2027-03-29", ...shiftFields(one) }));
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    const row = await shiftRow(database.db, result.value.shiftId);
    expect(row).toMatchObject({
      tenantId: one.organisation.id,
      activity: "Maaltijd koken",
      needed: 4,
      groupId: one.group.id,
      locationId: one.location.id,
      coordinatorId: one.coordinator.person.id,
      notes: "Schort mee",
      seriesId: null,
    });
    // 29 March 2027 is after the change to summer time (28 March): 16:00 is 14:00 UTC.
    expect(row.startsAt.toISOString()).toBe("2027-03-29T14:00:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2027-03-29T17:30:00.000Z");
  });

  it("a night shift may end the next day", async () => {
    await asCoordinatorOf(one);
    const result = await createShift(formOf({ repeat: "once", date: "2027-03-27", ...shiftFields(one), startTime: "23:00", endTime: "07:00", endsNextDay: "on" }));
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    const row = await shiftRow(database.db, result.value.shiftId);
    // The night the clocks go forward is an hour shorter.
    expect((row.endsAt.getTime() - row.startsAt.getTime()) / 3_600_000).toBe(7);
  });

  it.each([
    { label: "an empty activity", change: { activity: "   " }, field: "activity", key: "activityRequired" },
    { label: "an activity of 101 characters", change: { activity: "x".repeat(101) }, field: "activity", key: "activityTooLong" },
    { label: "nobody needed", change: { needed: "0" }, field: "needed", key: "neededRange" },
    { label: "101 people needed", change: { needed: "101" }, field: "needed", key: "neededRange" },
    { label: "a fraction of a person", change: { needed: "2.5" }, field: "needed", key: "neededRange" },
    { label: "a date that does not exist", change: { date: "2027-02-30" }, field: "date", key: "dateInvalid" },
    { label: "a time that is not a time", change: { startTime: "25:00" }, field: "startTime", key: "timeInvalid" },
    { label: "a location id that is not an id", change: { locationId: "de-linde" }, field: "locationId", key: "locationUnknown" },
  ])("$label is refused next to its field and nothing is created", async ({ change, field, key }) => {
    await asCoordinatorOf(one);
    const before = (await shiftsOfTenant(one.organisation.id)).length;
    const result = await createShift(formOf({ repeat: "once", date: "2027-04-12", ...shiftFields(one), ...change }));
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [field]: [key] } });
    expect(await shiftsOfTenant(one.organisation.id)).toHaveLength(before);
  });

  it.each([
    { label: "an end before the start", change: { startTime: "16:00", endTime: "09:00" }, field: "endTime", key: "endBeforeStart" },
    { label: "a start in the hour skipped for summer time", change: { date: "2027-03-28", startTime: "02:30", endTime: "05:00" }, field: "startTime", key: "startTimeDoesNotExist" },
  ])("$label is refused next to its field and nothing is created", async ({ change, field, key }) => {
    await asCoordinatorOf(one);
    const before = (await shiftsOfTenant(one.organisation.id)).length;
    const result = await createShift(formOf({ repeat: "once", date: "2027-04-12", ...shiftFields(one), ...change }));
    expect(result).toEqual({ ok: true, value: { outcome: "invalid", fieldErrors: { [field]: [key] } } });
    expect(await shiftsOfTenant(one.organisation.id)).toHaveLength(before);
  });

  it("another organisation's location, group and coordinator are refused and nothing is created", async () => {
    await asCoordinatorOf(one);
    const before = (await shiftsOfTenant(one.organisation.id)).length;
    const result = await createShift(
      formOf({ repeat: "once", date: "2027-04-12", ...shiftFields(one), locationId: two.location.id, groupId: two.group.id, coordinatorId: two.coordinator.person.id }),
    );
    expect(result).toEqual({ ok: false, error: "notFound" });
    expect(await shiftsOfTenant(one.organisation.id)).toHaveLength(before);
  });

  it("a weekly series becomes one shift per week at the same wall-clock time across the DST change", async () => {
    await asCoordinatorOf(one);
    const result = await createShift(formOf({ repeat: "weekly", weekday: "2", startsOn: "2027-03-15", endsOn: "2027-04-06", ...shiftFields(one) }));
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    expect(result.value.count).toBe(4);
    const first = await shiftRow(database.db, result.value.shiftId);
    const series = await seriesShifts(first.seriesId ?? "");
    expect(series.map((s) => localDateKey(s.startsAt, TZ))).toEqual(["2027-03-16", "2027-03-23", "2027-03-30", "2027-04-06"]);
    expect(new Set(series.map((s) => `${localTimeKey(s.startsAt, TZ)}-${localTimeKey(s.endsAt, TZ)}`))).toEqual(new Set(["16:00-19:30"]));
    const [row] = await database.db.select().from(shiftSeries).where(eq(shiftSeries.id, first.seriesId ?? ""));
    expect(row).toMatchObject({ weekday: 2, startsOn: "2027-03-15", endsOn: "2027-04-06", tenantId: one.organisation.id });
  });

  it("a series longer than a year is refused and nothing is created", async () => {
    await asCoordinatorOf(one);
    const before = (await shiftsOfTenant(one.organisation.id)).length;
    const result = await createShift(formOf({ repeat: "weekly", weekday: "1", startsOn: "2027-01-04", endsOn: "2028-06-01", ...shiftFields(one) }));
    expect(result).toEqual({ ok: true, value: { outcome: "invalid", fieldErrors: { endsOn: ["tooManyOccurrences"] } } });
    expect(await shiftsOfTenant(one.organisation.id)).toHaveLength(before);
  });
});

describe("editing shifts and series", () => {
  async function createSeries(org: RosterOrganisation) {
    await asCoordinatorOf(org);
    const result = await createShift(formOf({ repeat: "weekly", weekday: "4", startsOn: "2027-05-03", endsOn: "2027-05-31", ...shiftFields(org) }));
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    const first = await shiftRow(database.db, result.value.shiftId);
    return seriesShifts(first.seriesId ?? "");
  }

  it("editing one occurrence changes only that one, including its date", async () => {
    const series = await createSeries(one);
    const third = series[2];
    const result = await editShift(formOf({ shiftId: third.id, scope: "one", date: "2027-05-21", ...shiftFields(one), activity: "Extra kookavond", startTime: "17:00", endTime: "20:00" }));
    expect(result).toEqual({ ok: true, value: { outcome: "saved", shiftId: third.id, count: 1 } });
    const after = await seriesShifts(series[0].seriesId ?? "");
    expect(after.map((s) => [localDateKey(s.startsAt, TZ), localTimeKey(s.startsAt, TZ), s.activity])).toEqual([
      ["2027-05-06", "16:00", "Maaltijd koken"],
      ["2027-05-13", "16:00", "Maaltijd koken"],
      ["2027-05-21", "17:00", "Extra kookavond"],
      ["2027-05-27", "16:00", "Maaltijd koken"],
    ]);
  });

  it("editing this and all following occurrences changes those, keeps earlier ones, and splits the series", async () => {
    const series = await createSeries(one);
    const seriesId = series[0].seriesId ?? "";
    const result = await editShift(
      formOf({ shiftId: series[1].id, scope: "following", date: "2027-05-13", ...shiftFields(one), activity: "Soep koken", startTime: "15:00", endTime: "18:00", needed: "2" }),
    );
    expect(result).toEqual({ ok: true, value: { outcome: "saved", shiftId: series[1].id, count: 3 } });
    const rows = await Promise.all(series.map((s) => shiftRow(database.db, s.id)));
    expect(rows.map((s) => [localDateKey(s.startsAt, TZ), localTimeKey(s.startsAt, TZ), localTimeKey(s.endsAt, TZ), s.activity, s.needed])).toEqual([
      ["2027-05-06", "16:00", "19:30", "Maaltijd koken", 4],
      ["2027-05-13", "15:00", "18:00", "Soep koken", 2],
      ["2027-05-20", "15:00", "18:00", "Soep koken", 2],
      ["2027-05-27", "15:00", "18:00", "Soep koken", 2],
    ]);
    expect(rows[0].seriesId).toBe(seriesId);
    const newSeriesId = rows[1].seriesId;
    expect(newSeriesId).not.toBe(seriesId);
    expect(new Set(rows.slice(1).map((s) => s.seriesId))).toEqual(new Set([newSeriesId]));
    const [old] = await database.db.select().from(shiftSeries).where(eq(shiftSeries.id, seriesId));
    const [split] = await database.db.select().from(shiftSeries).where(eq(shiftSeries.id, newSeriesId ?? ""));
    expect(old).toMatchObject({ startsOn: "2027-05-03", endsOn: "2027-05-12", activity: "Maaltijd koken" });
    expect(split).toMatchObject({ startsOn: "2027-05-13", endsOn: "2027-05-31", activity: "Soep koken", startTime: "15:00:00", needed: 2, weekday: 4 });
  });

  it("editing from the first occurrence updates the series itself", async () => {
    const series = await createSeries(one);
    const seriesId = series[0].seriesId ?? "";
    await editShift(formOf({ shiftId: series[0].id, scope: "following", date: localDateKey(series[0].startsAt, TZ), ...shiftFields(one), endTime: "20:00" }));
    const rows = await seriesShifts(seriesId);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((s) => localTimeKey(s.endsAt, TZ)))).toEqual(new Set(["20:00"]));
    const [row] = await database.db.select().from(shiftSeries).where(eq(shiftSeries.id, seriesId));
    expect(row.endTime).toBe("20:00:00");
  });

  it("a new date applies to one occurrence only; asking it for all following is refused", async () => {
    const series = await createSeries(one);
    const result = await editShift(formOf({ shiftId: series[1].id, scope: "following", date: "2027-05-14", ...shiftFields(one) }));
    expect(result).toEqual({ ok: true, value: { outcome: "invalid", fieldErrors: { date: ["dateOnlyForOne"] } } });
  });

  it("needed cannot drop below the people already on any of the shifts", async () => {
    const series = await createSeries(one);
    for (const m of one.members.slice(0, 2)) {
      await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: series[3].id, personId: m.person.id });
    }
    const result = await editShift(formOf({ shiftId: series[1].id, scope: "following", date: localDateKey(series[1].startsAt, TZ), ...shiftFields(one), needed: "1" }));
    expect(result).toEqual({ ok: true, value: { outcome: "invalid", fieldErrors: { needed: ["neededBelowFilled"] } } });
    expect((await shiftRow(database.db, series[1].id)).needed).toBe(4);
  });

  it("a coordinator cannot edit another organisation's shift", async () => {
    const theirs = await shiftIn(database.db, two, { startsAt: daysAhead(3, "09:00") });
    await asCoordinatorOf(one);
    const result = await editShift(formOf({ shiftId: theirs.id, date: localDateKey(theirs.startsAt, TZ), ...shiftFields(one), activity: "Overgenomen" }));
    expect(result).toEqual({ ok: false, error: "notFound" });
    expect((await shiftRow(database.db, theirs.id)).activity).toBe("Koffieochtend");
  });
});

describe("cancelling", () => {
  it("cancelling one shift keeps the people on it (their calendars show it cancelled)", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(4, "09:00") });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: shift.id, personId: one.members[2].person.id });
    await asCoordinatorOf(one);
    expect(await cancelShift(formOf({ shiftId: shift.id }))).toEqual({ ok: true, value: { outcome: "cancelled", count: 1, notified: 1 } });
    expect((await shiftRow(database.db, shift.id)).cancelledAt).not.toBeNull();
    expect(await peopleOn(database.db, shift.id)).toEqual([one.members[2].person.id]);
    expect(await cancelShift(formOf({ shiftId: shift.id }))).toEqual({ ok: true, value: { outcome: "refused", problem: "cancelled" } });
  });

  it("cancelling this and all following occurrences leaves earlier ones alone", async () => {
    await asCoordinatorOf(one);
    const startsOn = localDateKey(daysAhead(1, "12:00"), TZ);
    const weekday = String(weekdayOfDateKey(startsOn));
    const created = await createShift(formOf({ repeat: "weekly", weekday, startsOn, endsOn: addDaysToDateKey(startsOn, 21), ...shiftFields(one) }));
    if (!created.ok || created.value.outcome !== "saved") throw new Error(JSON.stringify(created));
    const series = await seriesShifts((await shiftRow(database.db, created.value.shiftId)).seriesId ?? "");
    expect(series).toHaveLength(4);
    expect(await cancelShift(formOf({ shiftId: series[2].id, scope: "following" }))).toEqual({ ok: true, value: { outcome: "cancelled", count: 2, notified: 0 } });
    const rows = await seriesShifts(series[0].seriesId ?? "");
    expect(rows.map((s) => s.cancelledAt !== null)).toEqual([false, false, true, true]);
  });

  it("a shift that has started cannot be cancelled", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: new Date(Date.now() - 60_000) });
    await asCoordinatorOf(one);
    expect(await cancelShift(formOf({ shiftId: shift.id }))).toEqual({ ok: true, value: { outcome: "refused", problem: "started" } });
  });
});

type AnyAction = (org: RosterOrganisation, shiftId: string) => Promise<ActionResult<{ outcome: string }>>;

describe("every coordinator action refuses members and other organisations", () => {
  it.each<{ name: string; call: AnyAction }>([
    { name: "createShift", call: (org: RosterOrganisation) => createShift(formOf({ repeat: "once", date: "2027-06-01", ...shiftFields(org) })) },
    { name: "editShift", call: (org: RosterOrganisation, shiftId: string) => editShift(formOf({ shiftId, date: "2027-06-01", ...shiftFields(org) })) },
    { name: "cancelShift", call: (_org: RosterOrganisation, shiftId: string) => cancelShift(formOf({ shiftId })) },
    { name: "assignPeopleToShift", call: (org: RosterOrganisation, shiftId: string) => assignPeopleToShift({ shiftId, personIds: [org.members[2].person.id] }) },
    { name: "removePeopleFromShift", call: (org: RosterOrganisation, shiftId: string) => removePeopleFromShift({ shiftId, personIds: [org.members[3].person.id] }) },
  ])("$name: a member gets 'forbidden', a coordinator of another organisation 'notFound', and nothing changes", async ({ call }) => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(6, "09:00") });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: shift.id, personId: one.members[3].person.id });
    const before = { row: await shiftRow(database.db, shift.id), people: await peopleOn(database.db, shift.id), count: (await shiftsOfTenant(one.organisation.id)).length };

    signInAs(await actorOf(one.members[0]));
    expect(await call(one, shift.id)).toEqual({ ok: false, error: "forbidden" });

    await asCoordinatorOf(two);
    // Another organisation's coordinator cannot use this organisation's ids (shift, location, people).
    expect(await call(one, shift.id)).toEqual({ ok: false, error: "notFound" });

    signOut();
    expect(await call(one, shift.id)).toEqual({ ok: false, error: "unauthorised" });

    expect(await shiftRow(database.db, shift.id)).toEqual(before.row);
    expect(await peopleOn(database.db, shift.id)).toEqual(before.people);
    expect(await shiftsOfTenant(one.organisation.id)).toHaveLength(before.count);
    const [series] = await database.db.select({ id: shiftSeries.id }).from(shiftSeries).where(and(eq(shiftSeries.tenantId, two.organisation.id)));
    expect(series).toBeUndefined();
  });
});

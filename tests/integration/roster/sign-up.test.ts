// Signing up for a free place and signing off again, through the real guard (stubbed session) and the
// domain functions with a fixed `now`. Runs unchanged on PGlite, PostgreSQL and the Neon driver.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { people } from "@/lib/db/schema/people";
import { assignments, handoverRequests } from "@/lib/db/schema/roster";
import { createAssignment, createGroup } from "@/lib/demo/factories";
import { signOffFromShift, signUpForShift } from "@/lib/roster/actions";
import { getShiftForMember, listShiftCards } from "@/lib/roster/queries";
import { organisationKey } from "@/lib/cache/tags";
import { todayIn } from "@/lib/dates";
import { readAllShiftsView, readMemberComing, readMemberRosterFacts, readWeekFreePlaces } from "@/lib/roster/page-cache";
import { openShiftsFor, resolveWeek, rosterViewOf, toInstant, whyCannotSignUp } from "@/lib/roster/rules";
import { signOff, signUp, type RosterMember } from "@/lib/roster/sign-ups";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, peopleOn, shiftIn, type Member, type RosterOrganisation } from "./roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
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
beforeEach(() => {
  signOut();
});

const asMember = (member: Member, org: RosterOrganisation): RosterMember => ({ tenantId: org.organisation.id, personId: member.person.id, timeZone: TZ });

describe("two people can never take the last place at once", () => {
  it("50 members racing for the last place: exactly one gets it, 49 hear it is full", async () => {
    const org = one.organisation.id;
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(5, "09:00"), needed: 2 });
    await createAssignment(database.db, { tenantId: org, shiftId: shift.id, personId: one.members[3].person.id });
    const racers = await database.db
      .insert(people)
      .values(Array.from({ length: 50 }, (_, i) => ({ tenantId: org, firstName: `Renner${i}`, lastName: "Snel" })))
      .returning({ id: people.id });

    const now = new Date();
    const results = await Promise.all(racers.map((racer) => signUp({ tenantId: org, personId: racer.id, timeZone: TZ }, shift.id, now)));

    expect(results.filter((r) => r.outcome === "signedUp")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "refused" && r.problem === "full")).toHaveLength(49);
    expect(await peopleOn(database.db, shift.id)).toHaveLength(2);
  });

  it("one member tapping twice gets one place and a clear second answer", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(6, "09:00"), needed: 3 });
    const member = asMember(one.members[2], one);
    const results = await Promise.all([signUp(member, shift.id), signUp(member, shift.id)]);
    expect(results.map((r) => (r.outcome === "refused" ? r.problem : r.outcome)).sort()).toEqual(["alreadyOn", "signedUp"]);
    expect(await peopleOn(database.db, shift.id)).toEqual([one.members[2].person.id]);
  });
});

describe("who may sign up", () => {
  it("a member signs up for a free place through the action and is on the shift, signed up by themselves", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(7, "14:00") });
    signInAs(await actorOf(one.members[2]));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    const [row] = await database.db.select().from(assignments).where(eq(assignments.shiftId, shift.id));
    expect(row).toMatchObject({ personId: one.members[2].person.id, source: "self", tenantId: one.organisation.id });
  });

  it("a shift restricted to a group refuses someone outside it and accepts someone in it", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(8, "10:00"), groupId: one.group.id });
    signInAs(await actorOf(one.members[2]));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notInGroup" } });
    signInAs(await actorOf(one.members[0]));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([one.members[0].person.id]);
  });

  it("a shift overlapping one the member already has is refused, naming that shift; back to back is fine", async () => {
    const mine = await shiftIn(database.db, one, { startsAt: daysAhead(9, "09:00"), activity: "Taalcafé" });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: mine.id, personId: one.members[1].person.id });
    const overlapping = await shiftIn(database.db, one, { startsAt: daysAhead(9, "11:00") });
    const backToBack = await shiftIn(database.db, one, { startsAt: daysAhead(9, "12:00") });
    signInAs(await actorOf(one.members[1]));

    const refused = await signUpForShift({ shiftId: overlapping.id });
    expect(refused).toMatchObject({ ok: true, value: { outcome: "refused", problem: "overlap", overlapping: { id: mine.id, activity: "Taalcafé" } } });
    expect(await peopleOn(database.db, overlapping.id)).toEqual([]);
    expect(await signUpForShift({ shiftId: backToBack.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
  });

  it("a cancelled shift does not count as overlap, and cannot be taken itself", async () => {
    const cancelled = await shiftIn(database.db, one, { startsAt: daysAhead(10, "09:00"), cancelledAt: new Date() });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: cancelled.id, personId: one.members[3].person.id });
    const same = await shiftIn(database.db, one, { startsAt: daysAhead(10, "09:00") });
    signInAs(await actorOf(one.members[3]));
    expect(await signUpForShift({ shiftId: same.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    signInAs(await actorOf(one.members[2]));
    expect(await signUpForShift({ shiftId: cancelled.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "cancelled" } });
  });

  it("a shift that has started cannot be taken", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: new Date(Date.now() - 60_000) });
    signInAs(await actorOf(one.members[2]));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "started" } });
  });

  it("a member of another organisation cannot take a shift, and it stays empty", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(11, "09:00") });
    signInAs(await actorOf(two.members[0]));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: false, error: "notFound" });
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: false, error: "notFound" });
    expect(await peopleOn(database.db, shift.id)).toEqual([]);
  });

  it("without a session nothing happens; a malformed shift id is refused as invalid", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(11, "14:00") });
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: false, error: "unauthorised" });
    signInAs(await actorOf(one.members[2]));
    expect(await signUpForShift({ shiftId: "1; drop table shifts" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await peopleOn(database.db, shift.id)).toEqual([]);
  });
});

describe("signing off only on the sign-up day, in Amsterdam, across DST", () => {
  // Sunday 29 March 2026 is 23 hours long (02:00 → 03:00); Sunday 25 October 2026 is 25 hours long.
  it.each([
    {
      label: "spring forward",
      signUpAt: "2026-03-29T10:00:00+02:00",
      lastMinute: "2026-03-29T23:59:00+02:00",
      nextDay: "2026-03-30T00:01:00+02:00",
      startsAt: "2026-04-02T09:00:00+02:00",
    },
    {
      label: "fall back",
      signUpAt: "2026-10-25T10:00:00+01:00",
      lastMinute: "2026-10-25T23:59:00+01:00",
      nextDay: "2026-10-26T00:01:00+01:00",
      startsAt: "2026-10-29T09:00:00+01:00",
    },
  ])("$label: allowed at 23:59 on the sign-up day, refused at 00:01 the next day", async ({ signUpAt, lastMinute, nextDay, startsAt }) => {
    const shift = await shiftIn(database.db, one, { startsAt: new Date(startsAt) });
    const early = asMember(one.members[2], one);
    const late = asMember(one.members[3], one);
    expect(await signUp(early, shift.id, new Date(signUpAt))).toEqual({ outcome: "signedUp" });
    expect(await signUp(late, shift.id, new Date(signUpAt))).toEqual({ outcome: "signedUp" });

    expect(await signOff(late, shift.id, new Date(nextDay))).toEqual({ outcome: "refused", problem: "notSignUpDay" });
    expect(await signOff(early, shift.id, new Date(lastMinute))).toEqual({ outcome: "signedOff" });
    expect(await peopleOn(database.db, shift.id)).toEqual([one.members[3].person.id]);
  });

  it("not after the shift has started, even on the sign-up day", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: new Date("2026-06-10T18:00:00+02:00") });
    const member = asMember(one.members[2], one);
    await signUp(member, shift.id, new Date("2026-06-10T09:00:00+02:00"));
    expect(await signOff(member, shift.id, new Date("2026-06-10T18:00:00+02:00"))).toEqual({ outcome: "refused", problem: "started" });
    expect(await signOff(member, shift.id, new Date("2026-06-10T17:59:00+02:00"))).toEqual({ outcome: "signedOff" });
  });

  it("a member who signed up themselves yesterday cannot sign off today", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(12, "09:00") });
    await createAssignment(database.db, {
      tenantId: one.organisation.id,
      shiftId: shift.id,
      personId: one.members[2].person.id,
      source: "self",
      signedUpAt: new Date(Date.now() - 86_400_000),
    });
    signInAs(await actorOf(one.members[2]));
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notSignUpDay" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([one.members[2].person.id]);
  });

  it("signing off through the action on the sign-up day frees the place and ends an open handover request", async () => {
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(12, "14:00") });
    signInAs(await actorOf(one.members[2]));
    await signUpForShift({ shiftId: shift.id });
    const [request] = await database.db
      .insert(handoverRequests)
      .values({ tenantId: one.organisation.id, shiftId: shift.id, requesterId: one.members[2].person.id })
      .returning();
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedOff" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([]);
    const [after] = await database.db.select().from(handoverRequests).where(eq(handoverRequests.id, request.id));
    expect(after.status).toBe("cancelled");
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notOnShift" } });
  });
});

describe("the member pages' lists", () => {
  it("Open diensten lists exactly the shifts the rules let the member take", async () => {
    const org = await createRosterOrganisation(database.db, "Drie");
    const tenantId = org.organisation.id;
    const me = org.members[0];
    const now = new Date();
    const week = resolveWeek({}, daysAhead(14, "12:00"), TZ);
    const day = (n: number, time: string) => toInstant(week.days[n], time, TZ) ?? new Date(NaN);
    const drivers = await createGroup(database.db, { tenantId, name: "Vervoer Drie" });

    const mine = await shiftIn(database.db, org, { startsAt: day(0, "09:00"), activity: "mijn dienst" });
    await createAssignment(database.db, { tenantId, shiftId: mine.id, personId: me.person.id });
    const full = await shiftIn(database.db, org, { startsAt: day(1, "09:00"), needed: 1, activity: "vol" });
    await createAssignment(database.db, { tenantId, shiftId: full.id, personId: org.members[3].person.id });
    await shiftIn(database.db, org, { startsAt: day(2, "09:00"), activity: "andere groep", groupId: drivers.id });
    await shiftIn(database.db, org, { startsAt: day(3, "09:00"), activity: "eigen groep", groupId: org.group.id });
    await shiftIn(database.db, org, { startsAt: day(0, "10:00"), activity: "overlapt" });
    await shiftIn(database.db, org, { startsAt: day(4, "09:00"), activity: "open" });
    await shiftIn(database.db, org, { startsAt: day(5, "09:00"), activity: "gaat niet door", cancelledAt: now });
    await shiftIn(database.db, two, { startsAt: day(4, "09:00"), activity: "andere organisatie" });

    // What the pages read from the page cache: "Alle diensten" as shown, the week's free places (the
    // same for everyone) and the member's own facts.
    const all = await readAllShiftsView(organisationKey(tenantId), week.key, TZ, { day: "all", shown: null, today: todayIn(TZ) });
    expect(all.counts).toEqual([2, 1, 1, 1, 1, 0, 0]);
    const weekIds = all.days.flatMap((d) => d.shifts.map((s) => s.id));
    const cards = await listShiftCards(tenantId, weekIds);
    expect(cards.map((s) => s.id)).toEqual(weekIds);
    const activityOf = new Map(cards.map((s) => [s.id, s.activity]));
    const myFacts = await readMemberRosterFacts(organisationKey(tenantId), me.person.id, week.key, TZ);
    expect(myFacts).toEqual({ groupIds: [org.group.id], shifts: [{ id: mine.id, startsAt: mine.startsAt, endsAt: mine.endsAt }] });
    const freePlaces = await readWeekFreePlaces(organisationKey(tenantId), week.key, TZ);
    expect(freePlaces.map((s) => activityOf.get(s.id)).sort()).toEqual(["andere groep", "eigen groep", "mijn dienst", "open", "overlapt"]);
    const openList = openShiftsFor(freePlaces, myFacts, now);
    expect(openList.map((s) => activityOf.get(s.id)).sort()).toEqual(["eigen groep", "open"]);
    // The day strip's numbers count the same shifts, per day; one day's list holds that day's only.
    const open = rosterViewOf(openList, { weekDays: week.days, requested: "all", today: todayIn(TZ), asked: undefined });
    expect(open.counts).toEqual([0, 0, 0, 1, 1, 0, 0]);
    const thursday = rosterViewOf(openList, { weekDays: week.days, requested: week.days[4], today: todayIn(TZ), asked: undefined });
    expect(thursday.days.map((d) => [d.day, d.shifts.map((s) => activityOf.get(s.id))])).toEqual([[week.days[4], ["open"]]]);

    // Alle diensten: everything of this organisation's week but the cancelled one, each judged by the
    // rules on the shift page's own read; the open list holds exactly those without a reason.
    const verdicts = await Promise.all(
      weekIds.map(async (id) => {
        const detail = await getShiftForMember(tenantId, me.person.id, id);
        if (!detail) throw new Error(`no detail for ${activityOf.get(id)}`);
        const candidate = {
          groupIds: detail.inGroup && detail.groupId ? [detail.groupId] : [],
          isOnShift: detail.myPlace !== null,
          otherShifts: detail.overlapping ? [detail.overlapping] : [],
        };
        return [detail.activity, whyCannotSignUp(detail, candidate, now)] as const;
      }),
    );
    expect(Object.fromEntries(verdicts)).toEqual({
      "andere groep": "notInGroup",
      "eigen groep": null,
      "mijn dienst": "alreadyOn",
      open: null,
      overlapt: "overlap",
      vol: "full",
    });
    expect(cards.find((s) => s.id === full.id)).toMatchObject({ filled: 1, needed: 1 });
  });

  it("Mijn pagina reads the member's own coming shifts and open handover requests, nobody else's", async () => {
    const org = await createRosterOrganisation(database.db, "Vier");
    const tenantId = org.organisation.id;
    const [me, colleague] = org.members;
    const soon = await shiftIn(database.db, org, { startsAt: daysAhead(3, "09:00"), activity: "straks" });
    const later = await shiftIn(database.db, org, { startsAt: daysAhead(5, "09:00"), activity: "later" });
    const theirs = await shiftIn(database.db, org, { startsAt: daysAhead(4, "09:00"), activity: "van een collega" });
    await createAssignment(database.db, { tenantId, shiftId: later.id, personId: me.person.id });
    await createAssignment(database.db, { tenantId, shiftId: soon.id, personId: me.person.id });
    await createAssignment(database.db, { tenantId, shiftId: theirs.id, personId: colleague.person.id });
    const [request] = await database.db.insert(handoverRequests).values({ tenantId, shiftId: later.id, requesterId: me.person.id }).returning();

    const coming = await readMemberComing(organisationKey(tenantId), me.person.id, todayIn(TZ), TZ);
    expect(coming.shifts.map((s) => s.activity)).toEqual(["straks", "later"]);
    expect(coming.shifts[0]).not.toHaveProperty("people");
    expect(coming.handovers.map((h) => [h.id, h.shiftId])).toEqual([[request.id, later.id]]);
  });
});

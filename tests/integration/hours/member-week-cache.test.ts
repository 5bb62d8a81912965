// The member's week as the page cache keeps it: its facts are read without the clock (what has ended,
// the phase and whether *bevestig* may be pressed are worked out per request), they are one member's
// only, and every step that changes what the week page shows stamps a tag the cached week carries, so
// the very next read shows the change.
import { and, gt, inArray, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { organisationKey } from "@/lib/cache/tags";
import { cacheTagExpirations } from "@/lib/db/schema/platform";
import { approveWeeks, sendWeekBack } from "@/lib/hours/approval";
import { confirmWeek } from "@/lib/hours/confirmation";
import { requestCorrection } from "@/lib/hours/correction-requests";
import { addExtraHours, correctShiftHours } from "@/lib/hours/corrections";
import { getMemberWeek, memberWeekOf, readMemberWeekFacts, type MemberWeek } from "@/lib/hours/member-queries";
import { saveOrganisationSettings } from "@/lib/tenancy/organisation-settings";
import { setUpTestDatabase } from "@/tests/setup/database";
import { amsterdam, createHoursOrganisation, putOnShift, type HoursMember, type HoursOrganisation } from "./fixtures";

// The tags a "use cache" function gives its entry, as Next would record them.
const cacheTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ cacheTag, cacheLife: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpTestDatabase();

/** The week the clocks go forward (Sunday 29 March 2026); by default it closes Monday 30 March 09:00 CEST. */
const WEEK = "2026-03-23";
/** Wednesday of that week, 13:00 in Amsterdam: Tuesday's shift has ended, the week has not. */
const MIDWEEK = amsterdam("2026-03-25", "13:00");
/** Monday 30 March 08:00 in Amsterdam: the week has ended and may still be confirmed. */
const NOW = amsterdam("2026-03-30", "08:00");

const coordinatorOf = (org: HoursOrganisation) => ({ tenantId: org.organisation.id, personId: org.coordinator.person.id, userId: org.coordinator.user.id });

describe("the facts of a member's week", () => {
  let org: HoursOrganisation;
  beforeAll(async () => {
    org = await createHoursOrganisation(database.db);
    const [first, second] = org.members;
    await putOnShift(database.db, org, [first, second], { day: "2026-03-24", from: "09:00", hours: 3, activity: "Koffieochtend" });
    // Sunday night into Monday: it belongs to this week, and ends after it.
    await putOnShift(database.db, org, [first], { day: "2026-03-29", from: "22:00", hours: 4, activity: "Nachtdienst" });
  });

  it("are the same whenever they are read, and a shift counts from the moment it ends", async () => {
    const [first] = org.members;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(MIDWEEK);
      const midweek = await readMemberWeekFacts(organisationKey(org.organisation.id), first.person.id, WEEK);
      vi.setSystemTime(NOW);
      const later = await readMemberWeekFacts(organisationKey(org.organisation.id), first.person.id, WEEK);
      expect(later).toEqual(midweek);
    } finally {
      vi.useRealTimers();
    }

    const facts = await readMemberWeekFacts(organisationKey(org.organisation.id), first.person.id, WEEK);
    if (!facts) throw new Error("no facts for the week");
    const running = memberWeekOf(facts, MIDWEEK);
    expect(running).toMatchObject({ phase: "notYet", problem: "notYet", summary: { totalMinutes: 180 } });
    expect(running?.entries.map((entry) => entry.activity)).toEqual(["Koffieochtend"]);
    // Monday 01:59 the night shift is still on; at 02:00 it has ended and counts.
    expect(memberWeekOf(facts, amsterdam("2026-03-30", "01:59"))?.entries).toHaveLength(1);
    const ended = memberWeekOf(facts, NOW);
    expect(ended).toMatchObject({ phase: "toConfirm", problem: null, summary: { totalMinutes: 420 } });
    expect(ended?.entries.map((entry) => entry.activity)).toEqual(["Koffieochtend", "Nachtdienst"]);
    // At the deadline the same facts read as too late.
    expect(memberWeekOf(facts, amsterdam("2026-03-30", "09:00"))).toMatchObject({ phase: "late", problem: "closed" });
    // A week that has not started yet is no page at all.
    expect(memberWeekOf({ ...facts, weekStart: "2026-04-06" }, NOW)).toBeNull();
  });

  it("hold one member's lines and sign-off only, never a colleague's on the same shift", async () => {
    const [first, second] = org.members;
    const [shared] = (await readMemberWeekFacts(organisationKey(org.organisation.id), first.person.id, WEEK))?.entries ?? [];
    if (!shared?.shiftId) throw new Error("no shared shift");
    expect(await correctShiftHours(coordinatorOf(org), { personId: second.person.id, shiftId: shared.shiftId, breakMinutes: 30 }, NOW)).toMatchObject({ outcome: "changed" });
    expect(await confirmWeek(org.organisation.id, second.person.id, WEEK, NOW)).toMatchObject({ outcome: "confirmed" });

    const mine = await readMemberWeekFacts(organisationKey(org.organisation.id), first.person.id, WEEK);
    const theirs = await readMemberWeekFacts(organisationKey(org.organisation.id), second.person.id, WEEK);
    expect(mine?.entries.map((entry) => [entry.personId, entry.activity, entry.breakMinutes])).toEqual([
      [first.person.id, "Koffieochtend", 0],
      [first.person.id, "Nachtdienst", 0],
    ]);
    expect(mine?.confirmation).toBeNull();
    expect(theirs?.entries.map((entry) => [entry.personId, entry.activity, entry.breakMinutes])).toEqual([[second.person.id, "Koffieochtend", 30]]);
    expect(theirs?.confirmation).toMatchObject({ personId: second.person.id, status: "confirmed" });
  });
});

describe("every change the week page shows expires the member's cached week", () => {
  let org: HoursOrganisation;
  let member: HoursMember;
  let tags: string[];
  beforeAll(async () => {
    org = await createHoursOrganisation(database.db);
    member = org.members[0];
    await putOnShift(database.db, org, [member], { day: "2026-03-24", from: "09:00", hours: 3 });
    // Read the week as the page does inside Next's cache: the tags its entry is kept under.
    process.env.__NEXT_USE_CACHE = "1";
    cacheTag.mockClear();
    await readMemberWeekFacts(organisationKey(org.organisation.id), member.person.id, WEEK);
    delete process.env.__NEXT_USE_CACHE;
    tags = cacheTag.mock.calls.flat();
  });
  afterAll(() => {
    delete process.env.__NEXT_USE_CACHE;
  });

  async function lastStamp(): Promise<number> {
    const [row] = await database.db.select({ id: max(cacheTagExpirations.id) }).from(cacheTagExpirations);
    return row?.id ?? 0;
  }

  /** Runs the step; then at least one tag of the cached week must be stamped, and the next read returns the week. */
  async function afterStep(step: () => Promise<unknown>, now = NOW): Promise<MemberWeek | null> {
    const before = await lastStamp();
    await step();
    const stamped = await database.db
      .select({ tag: cacheTagExpirations.tag })
      .from(cacheTagExpirations)
      .where(and(gt(cacheTagExpirations.id, before), inArray(cacheTagExpirations.tag, tags)));
    expect(stamped, "a tag of the cached week stamped by the step").not.toEqual([]);
    return getMemberWeek(org.organisation.id, member.person.id, WEEK, now);
  }

  it("is kept per organisation under its roster and hours", () => {
    expect(tags.sort()).toEqual([`tenant:${org.organisation.id}:hours`, `tenant:${org.organisation.id}:roster`]);
  });

  it("a coordinator's correction, hours outside a shift and a later shift show on the next read", async () => {
    const before = await getMemberWeek(org.organisation.id, member.person.id, WEEK, NOW);
    expect(before).toMatchObject({ summary: { totalMinutes: 180 } });
    const shiftId = before?.entries[0]?.shiftId;
    if (!shiftId) throw new Error("no shift line");

    const corrected = await afterStep(() => correctShiftHours(coordinatorOf(org), { personId: member.person.id, shiftId, breakMinutes: 15 }, NOW));
    expect(corrected?.entries.map((entry) => [entry.breakMinutes, entry.corrected])).toEqual([[15, true]]);
    expect(corrected?.summary.totalMinutes).toBe(165);

    const extra = await afterStep(() =>
      addExtraHours(
        coordinatorOf(org),
        { personId: member.person.id, startsAt: amsterdam("2026-03-26", "19:00"), endsAt: amsterdam("2026-03-26", "21:00"), breakMinutes: 0, activity: "Vergadering", locationId: org.location.id },
        NOW,
      ),
    );
    expect(extra?.entries.map((entry) => [entry.activity, entry.shiftId === null])).toEqual([
      ["Koffieochtend", false],
      ["Vergadering", true],
    ]);

    const planned = await afterStep(() => putOnShift(database.db, org, [member], { day: "2026-03-28", from: "10:00", hours: 2, activity: "Markt" }));
    expect(planned?.summary.totalMinutes).toBe(165 + 120 + 120);
  });

  it("a correction request, confirming, sending back, a new deadline and approving show on the next read", async () => {
    const requested = await afterStep(() => requestCorrection(org.organisation.id, member.person.id, WEEK, "De markt duurde langer.", NOW));
    expect(requested?.confirmation).toMatchObject({ correctionRequest: "De markt duurde langer.", correctionRequestedAt: NOW });

    const confirmed = await afterStep(() => confirmWeek(org.organisation.id, member.person.id, WEEK, NOW));
    expect(confirmed).toMatchObject({ phase: "confirmed", problem: "alreadyConfirmed", confirmation: { confirmedAt: NOW } });

    const returned = await afterStep(() => sendWeekBack(coordinatorOf(org), { personId: member.person.id, weekStart: WEEK, comment: "Je pauze ontbreekt." }, NOW));
    expect(returned).toMatchObject({ phase: "toConfirm", problem: null, confirmation: { status: "returned", returnComment: "Je pauze ontbreekt." } });

    // The admin gives members until Wednesday 18:00: the week's deadline moves with it.
    const moved = await afterStep(() =>
      saveOrganisationSettings(org.organisation.id, org.coordinator.user.id, {
        name: org.organisation.name,
        email: "",
        timeZone: "Europe/Amsterdam",
        locale: "nl",
        hoursDeadlineWeekday: 3,
        hoursDeadlineTime: "18:00",
        hoursReminderHoursBefore: 24,
      }),
    );
    expect(moved?.deadline).toEqual(amsterdam("2026-04-01", "18:00"));

    await afterStep(() => confirmWeek(org.organisation.id, member.person.id, WEEK, NOW));
    const approved = await afterStep(() => approveWeeks(coordinatorOf(org), [{ personId: member.person.id, weekStart: WEEK }], NOW));
    expect(approved).toMatchObject({ phase: "approved", problem: "approved", confirmation: { status: "approved", approvedAt: NOW } });
  });
});

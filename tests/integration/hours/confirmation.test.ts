// The member's side of the weekly sign-off on a real database: *bevestig* works until Monday 09:00
// Amsterdam time (here in the week the clocks go forward) and locks the week; a member confirms and
// reads only their own week whatever the input says, and a member of another organisation changes
// nothing here; a correction request reaches the shift's coordinator, else its group's address, else
// the organisation's, and shows on the week.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/accounts/queries";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { confirmWeek } from "@/lib/hours/confirmation";
import { requestCorrection } from "@/lib/hours/correction-requests";
import { confirmMyWeek, confirmMyWeekForm, requestMyCorrection, requestMyCorrectionForm } from "@/lib/hours/member-actions";
import { getMemberWeek, listMemberWeeks, listWeeksAwaitingMember } from "@/lib/hours/member-queries";
import { auditEntriesOf } from "@/tests/setup/audit-entries";
import { formOf } from "@/tests/setup/forms";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { addHoursOutsideShift, createHoursOrganisation, actorOf, putOnShift, type HoursMember, type HoursOrganisation } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));
const afterResponse = vi.hoisted(() => vi.fn());
vi.mock("next/server", () => ({ after: afterResponse }));

const database = setUpSignedOutDatabase();

/** The week the clocks go forward (Sunday 29 March 2026): its deadline is Monday 30 March 09:00 CEST. */
const WEEK = "2026-03-23";
const JUST_BEFORE = new Date("2026-03-30T06:59:59Z");
const DEADLINE = new Date("2026-03-30T07:00:00Z");

async function statusOf(org: HoursOrganisation, member: HoursMember, weekStart = WEEK) {
  const [row] = await database.db
    .select({ status: weekConfirmations.status, confirmedAt: weekConfirmations.confirmedAt })
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.tenantId, org.organisation.id), eq(weekConfirmations.personId, member.person.id), eq(weekConfirmations.weekStart, weekStart)));
  return row ?? null;
}

async function correctionMails(org: HoursOrganisation) {
  const rows = await database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, org.organisation.id), eq(outbox.template, "correction-request")));
  return withMailBodies(rows);
}

describe("confirming a week before Monday 09:00, in the week the clocks go forward", () => {
  let org: HoursOrganisation;
  beforeAll(async () => {
    org = await createHoursOrganisation(database.db);
    await putOnShift(database.db, org, org.members.slice(0, 2), { day: "2026-03-24", from: "09:00", hours: 3 });
  });

  it("confirms at 08:59:59 Amsterdam time and then locks the week for the member", async () => {
    const [member] = org.members;
    const result = await confirmWeek(org.organisation.id, member.person.id, WEEK, JUST_BEFORE, member.user.id);
    expect(result).toEqual({ outcome: "confirmed", confirmedAt: JUST_BEFORE });
    expect(await statusOf(org, member)).toEqual({ status: "confirmed", confirmedAt: JUST_BEFORE });

    // Locked: a second press changes nothing, and the week reads as confirmed with nothing to press.
    expect(await confirmWeek(org.organisation.id, member.person.id, WEEK, JUST_BEFORE)).toEqual({ outcome: "refused", problem: "alreadyConfirmed" });
    const week = await getMemberWeek(org.organisation.id, member.person.id, WEEK, JUST_BEFORE);
    expect(week).toMatchObject({ phase: "confirmed", problem: "alreadyConfirmed", summary: { totalMinutes: 180 } });
    expect(week?.deadline).toEqual(DEADLINE);
    const audit = await auditEntriesOf(database.db, org.organisation.id, "hours.week-confirmed", { targetPersonId: auditLog.targetPersonId, details: auditLog.details });
    expect(audit).toEqual([{ targetPersonId: member.person.id, details: { week: WEEK, again: false, lines: 1 } }]);
  });

  it("refuses at 09:00:00 as too late and leaves the week unconfirmed", async () => {
    const member = org.members[1];
    expect(await confirmWeek(org.organisation.id, member.person.id, WEEK, DEADLINE)).toEqual({ outcome: "refused", problem: "closed" });
    expect((await statusOf(org, member))?.status).not.toBe("confirmed");
    const week = await getMemberWeek(org.organisation.id, member.person.id, WEEK, DEADLINE);
    expect(week).toMatchObject({ phase: "late", problem: "closed" });
    // Mijn pagina flags it as late.
    expect((await listWeeksAwaitingMember(org.organisation.id, member.person.id, DEADLINE)).map((w) => [w.weekStart, w.badge])).toContainEqual([WEEK, "late"]);
  });

  it("lets the member confirm a week the coordinator sent back, after the deadline, and shows the comment before", async () => {
    const member = org.members[1];
    await database.db
      .update(weekConfirmations)
      .set({ status: "returned", returnComment: "Je pauze ontbreekt, wil je even kijken?" })
      .where(and(eq(weekConfirmations.tenantId, org.organisation.id), eq(weekConfirmations.personId, member.person.id)));
    const later = new Date("2026-04-01T12:00:00Z");
    const week = await getMemberWeek(org.organisation.id, member.person.id, WEEK, later);
    expect(week).toMatchObject({ phase: "toConfirm", problem: null, confirmation: { returnComment: "Je pauze ontbreekt, wil je even kijken?" } });
    expect((await listMemberWeeks(org.organisation.id, member.person.id, later)).find((w) => w.weekStart === WEEK)?.badge).toBe("returned");
    expect(await confirmWeek(org.organisation.id, member.person.id, WEEK, later)).toMatchObject({ outcome: "confirmed" });
    expect((await statusOf(org, member))?.status).toBe("confirmed");
  });

  it("refuses a week still running and a week without any hours, and creates no week for them", async () => {
    const member = org.members[2];
    expect(await confirmWeek(org.organisation.id, member.person.id, "2026-03-30", JUST_BEFORE)).toEqual({ outcome: "refused", problem: "notYet" });
    expect(await confirmWeek(org.organisation.id, member.person.id, WEEK, JUST_BEFORE)).toEqual({ outcome: "refused", problem: "noHours" });
    expect(await statusOf(org, member, "2026-03-30")).toBeNull();
    expect(await statusOf(org, member)).toBeNull();
    expect(await getMemberWeek(org.organisation.id, member.person.id, "2026-04-06", JUST_BEFORE)).toBeNull();
  });
});

describe("through the member's own actions", () => {
  let org: HoursOrganisation;
  let other: HoursOrganisation;
  let mine: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    org = await createHoursOrganisation(database.db);
    other = await createHoursOrganisation(database.db);
    const shift = await putOnShift(database.db, org, org.members.slice(0, 2), { day: "2026-03-25", from: "13:00", hours: 4, coordinatorId: org.coordinator.person.id });
    // The second member's line was corrected: a 30-minute break.
    const [, second] = org.members;
    await database.db.insert(workedHours).values({
      tenantId: org.organisation.id,
      personId: second.person.id,
      shiftId: shift.id,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      breakMinutes: 30,
      correctedById: org.coordinator.person.id,
    });
    mine = await actorOf(org.members[0]);
    outsider = await actorOf(other.members[0]);
  });
  beforeEach(() => {
    // Monday 30 March 08:00 in Amsterdam: the week before may still be confirmed.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-30T06:00:00Z"));
    afterResponse.mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a member confirms only their own week, even when the input names another member", async () => {
    const [first, second] = org.members;
    signInAs(mine);
    const result = await confirmMyWeek({ weekStart: WEEK, personId: second.person.id });
    expect(result).toMatchObject({ ok: true, value: { outcome: "confirmed" } });
    expect((await statusOf(org, first))?.status).toBe("confirmed");
    expect((await statusOf(org, second))?.status ?? null).not.toBe("confirmed");
  });

  it("refuses a day that is not a Monday, and a signed-out visitor", async () => {
    expect(await confirmMyWeek({ weekStart: WEEK })).toMatchObject({ ok: false, error: "unauthorised" });
    signInAs(mine);
    expect(await confirmMyWeek({ weekStart: "2026-03-24" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await requestMyCorrection({ weekStart: "2026-02-30", message: "Klopt niet" })).toMatchObject({ ok: false, error: "invalid" });
  });

  it("a member reads only their own hours of the week they share with a colleague", async () => {
    const [first, second] = org.members;
    const now = new Date();
    const own = await getMemberWeek(org.organisation.id, first.person.id, WEEK, now);
    expect(own?.entries.map((entry) => [entry.personId, entry.breakMinutes, entry.corrected, entry.minutes])).toEqual([[first.person.id, 0, false, 240]]);
    const theirs = await getMemberWeek(org.organisation.id, second.person.id, WEEK, now);
    expect(theirs?.entries.map((entry) => [entry.personId, entry.breakMinutes, entry.corrected, entry.minutes])).toEqual([[second.person.id, 30, true, 210]]);
    const weeks = await listMemberWeeks(org.organisation.id, first.person.id, now);
    expect(weeks.find((week) => week.weekStart === WEEK)).toMatchObject({ totalMinutes: 240, phase: "confirmed", badge: "confirmed" });
  });

  it("a member of another organisation changes nothing in this one", async () => {
    const second = org.members[1];
    const before = await database.db.select().from(weekConfirmations).where(eq(weekConfirmations.tenantId, org.organisation.id));
    signInAs(outsider);
    expect(await confirmMyWeek({ weekStart: WEEK, personId: second.person.id })).toMatchObject({ ok: true, value: { outcome: "refused", problem: "noHours" } });
    expect(await requestMyCorrection({ weekStart: WEEK, personId: second.person.id, message: "Dit is niet mijn week" })).toMatchObject({ ok: true, value: { outcome: "requested" } });
    expect(await database.db.select().from(weekConfirmations).where(eq(weekConfirmations.tenantId, org.organisation.id))).toEqual(before);
    expect(await correctionMails(org)).toEqual([]);
    // Their request sits on their own week, in their own organisation.
    const theirs = await getMemberWeek(other.organisation.id, other.members[0].person.id, WEEK, new Date());
    expect(theirs?.confirmation?.correctionRequest).toBe("Dit is niet mijn week");
  });

  it("a correction request goes to the shift's coordinator, shows on the week and is delivered after the response", async () => {
    const [first] = org.members;
    signInAs(mine);
    const message = "Ik ben om 18:00 weggegaan, niet om 17:00.";
    const result = await requestMyCorrection({ weekStart: WEEK, message });
    expect(result).toMatchObject({ ok: true, value: { outcome: "requested", sentTo: org.coordinator.person.email } });
    expect(afterResponse).toHaveBeenCalledTimes(1);
    const [mail, ...more] = await correctionMails(org);
    expect(more).toEqual([]);
    expect(mail.toAddress).toBe(org.coordinator.person.email);
    expect(mail.subject).toContain(`Lid1 ${first.person.lastName}`);
    expect(mail.subject).toContain("week 13");
    expect(mail.html).toContain(message);
    expect(mail.html).toContain(`/dashboard/hours/${first.person.id}/${WEEK}`);
    const week = await getMemberWeek(org.organisation.id, first.person.id, WEEK, new Date());
    expect(week?.confirmation).toMatchObject({ correctionRequest: message, correctionRequestedAt: new Date("2026-03-30T06:00:00Z"), correctionHandledAt: null });

    // A second message right away waits; the confirmed week stays confirmed.
    expect(await requestMyCorrection({ weekStart: WEEK, message: "Nog een keer" })).toMatchObject({ ok: true, value: { outcome: "refused", problem: "tooSoon" } });
    expect((await statusOf(org, first))?.status).toBe("confirmed");
    expect(await correctionMails(org)).toHaveLength(1);
  });
});

describe("what the week page's forms tell the member", () => {
  let org: HoursOrganisation;
  beforeAll(async () => {
    org = await createHoursOrganisation(database.db);
    await putOnShift(database.db, org, org.members.slice(0, 2), { day: "2026-03-28", from: "22:00", hours: 4 });
  });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("after the deadline *bevestig* says it is too late and to contact the planner", async () => {
    vi.setSystemTime(DEADLINE);
    signInAs(await actorOf(org.members[0]));
    expect(await confirmMyWeekForm({}, formOf({ weekStart: WEEK }))).toEqual({ message: "Te laat: de deadline is voorbij. Neem contact op met je planner." });
    expect((await statusOf(org, org.members[0]))?.status).not.toBe("confirmed");
  });

  it("before the deadline *bevestig* confirms and comes back to the week; an empty correction asks what is wrong", async () => {
    vi.setSystemTime(JUST_BEFORE);
    signInAs(await actorOf(org.members[1]));
    await expect(confirmMyWeekForm({}, formOf({ weekStart: WEEK }))).rejects.toThrow(`NEXT_REDIRECT /my/hours/${WEEK}?done=confirmed`);
    expect((await statusOf(org, org.members[1]))?.status).toBe("confirmed");
    expect(await requestMyCorrectionForm({}, formOf({ weekStart: WEEK, message: "   " }))).toEqual({ fieldErrors: { message: ["Schrijf wat er niet klopt."] } });
    await expect(requestMyCorrectionForm({}, formOf({ weekStart: WEEK, message: "De nacht liep tot 03:00." }))).rejects.toThrow(`NEXT_REDIRECT /my/hours/${WEEK}?done=correction`);
  });
});

describe("where a correction request goes when the shift has no coordinator", () => {
  const NOW = new Date("2026-03-31T10:00:00Z");

  it("to the group's address for a shift of a group without a coordinator", async () => {
    const org = await createHoursOrganisation(database.db, { groupEmail: "keuken@ploeg.example.org", organisationEmail: "planning@ploeg.example.org" });
    const [member] = org.members;
    await putOnShift(database.db, org, [member], { day: "2026-03-26", from: "10:00", groupId: org.group.id });
    const result = await requestCorrection(org.organisation.id, member.person.id, WEEK, "Ik stond er ook op donderdagmiddag.", NOW);
    expect(result).toMatchObject({ outcome: "requested", sentTo: "keuken@ploeg.example.org" });
    expect((await correctionMails(org)).map((mail) => mail.toAddress)).toEqual(["keuken@ploeg.example.org"]);
  });

  it("to the organisation's address when neither the shift nor its group has one, using the week's latest shift", async () => {
    const org = await createHoursOrganisation(database.db, { organisationEmail: "planning@ploeg2.example.org" });
    const [member] = org.members;
    await putOnShift(database.db, org, [member], { day: "2026-03-23", from: "10:00", coordinatorId: org.coordinator.person.id });
    await putOnShift(database.db, org, [member], { day: "2026-03-27", from: "10:00", groupId: org.group.id });
    const result = await requestCorrection(org.organisation.id, member.person.id, WEEK, "Vrijdag klopt niet.", NOW);
    expect(result).toMatchObject({ outcome: "requested", sentTo: "planning@ploeg2.example.org" });
    expect((await correctionMails(org)).map((mail) => mail.toAddress)).toEqual(["planning@ploeg2.example.org"]);
  });

  it("to the organisation's address for a week with only hours outside a shift", async () => {
    const org = await createHoursOrganisation(database.db, { groupEmail: "groep@ploeg3.example.org", organisationEmail: "planning@ploeg3.example.org" });
    const [member] = org.members;
    await addHoursOutsideShift(database.db, org, member, { day: "2026-03-25", from: "19:00", hours: 2 });
    expect(await requestCorrection(org.organisation.id, member.person.id, WEEK, "De vergadering duurde langer.", NOW)).toMatchObject({
      outcome: "requested",
      sentTo: "planning@ploeg3.example.org",
    });
  });

  it("keeps the request without mail when nobody in the chain has an address; refuses a running or approved week", async () => {
    const org = await createHoursOrganisation(database.db, { organisationEmail: null });
    const [member, approvedMember] = org.members;
    await putOnShift(database.db, org, [member, approvedMember], { day: "2026-03-24", from: "10:00" });
    expect(await requestCorrection(org.organisation.id, member.person.id, WEEK, "Mis ik iets?", NOW)).toEqual({ outcome: "requested", sentTo: null, mailIds: [] });
    expect((await getMemberWeek(org.organisation.id, member.person.id, WEEK, NOW))?.confirmation?.correctionRequest).toBe("Mis ik iets?");

    expect(await requestCorrection(org.organisation.id, member.person.id, "2026-03-30", "Te vroeg", NOW)).toEqual({ outcome: "refused", problem: "notYet" });
    await database.db.insert(weekConfirmations).values({ tenantId: org.organisation.id, personId: approvedMember.person.id, weekStart: WEEK, status: "approved", approvedAt: NOW });
    expect(await requestCorrection(org.organisation.id, approvedMember.person.id, WEEK, "Toch nog iets", NOW)).toEqual({ outcome: "refused", problem: "approved" });
  });
});


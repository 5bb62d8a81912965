// The coordinator's sign-off of members' weeks: approving many at once (confirmed weeks only), sending a
// week back with a comment that reaches the member by email, the approval list and correction requests,
// and who may do any of it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { accessTokens } from "@/lib/db/schema/accounts";
import { auditLog } from "@/lib/db/schema/platform";
import {
  addHoursOutsideShift,
  approveHours,
  changeHoursOutsideShift,
  correctShift,
  markCorrectionRequestHandled,
  removeHoursOutsideShift,
  sendHoursBack,
  setNoShow,
} from "@/lib/hours/coordinator-actions";
import { listOpenCorrectionRequests, listWeekApprovals } from "@/lib/hours/coordinator-queries";
import PersonHoursWeekPage from "@/app/(coordinator)/dashboard/hours/[personId]/[week]/page";
import { confirmWeek } from "@/lib/hours/confirmation";
import { addDaysToKey } from "@/lib/hours/rules";
import { auditEntriesOf } from "@/tests/setup/audit-entries";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import {
  actorOf,
  asCoordinator,
  at,
  createHoursOrganisation,
  mailTo,
  pastWeek,
  setWeekStatus,
  weekRef,
  weekRowOf,
  workedHoursOf,
  workedShift,
  type HoursOrganisation,
  type HoursMember,
} from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const database = setUpSignedOutDatabase();
const week = pastWeek(2);

describe("approving many weeks at once", () => {
  it("approves only the confirmed weeks and reports the rest by reason", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 4 });
    const [confirmed, open, approved, returned] = org.members;
    for (const member of org.members) await workedShift(database.db, org, member, week, 1, "09:00", "12:00");
    await setWeekStatus(database.db, confirmed, week, "confirmed");
    await setWeekStatus(database.db, approved, week, "approved");
    await setWeekStatus(database.db, returned, week, "returned", { returnComment: "Klopt dinsdag?" });
    await asCoordinator(org);

    const result = await approveHours({ weeks: org.members.map((member) => weekRef(member, week)) });
    expect(result).toEqual({ ok: true, value: { approved: 1, skipped: { notConfirmed: 2, alreadyApproved: 1 } } });

    const confirmedRecord = await weekRowOf(database.db, confirmed, week);
    expect(confirmedRecord).toMatchObject({ status: "approved", approvedById: org.coordinator.person.id });
    expect(await weekRowOf(database.db, open, week)).toBeNull();
    expect((await weekRowOf(database.db, returned, week))?.status).toBe("returned");
    const entries = await auditEntriesOf(database.db, org.organisation.id, "hours.approved", { targetPersonId: auditLog.targetPersonId, details: auditLog.details });
    expect(entries).toEqual([{ targetPersonId: confirmed.person.id, details: { week } }]);

    const list = await listWeekApprovals(org.organisation.id, week);
    expect(list.counts).toMatchObject({ approved: 2, toConfirm: 1, late: 1, confirmed: 0 });
  });
});

describe("sending a week back", () => {
  it("mails the member the comment with a button that signs them in on their week, and lets them confirm again", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    await workedShift(database.db, org, member, week, 1, "09:00", "12:00");
    await setWeekStatus(database.db, member, week, "confirmed");
    await asCoordinator(org);
    const comment = "Je was dinsdag tot 11:00, niet tot 12:00. Wil je het aanpassen?";

    expect(await sendHoursBack({ ...weekRef(member, week), comment })).toEqual({ ok: true, value: { outcome: "sentBack", emailed: true } });

    const record = await weekRowOf(database.db, member, week);
    expect(record).toMatchObject({ status: "returned", returnComment: comment, returnedById: org.coordinator.person.id });
    const [mail] = await mailTo(database.db, member.person.id);
    expect(mail.template).toBe("hours-sent-back");
    expect(mail.toAddress).toBe(member.person.email);
    expect(mail.text).toContain(comment);
    expect(mail.html).toContain("Je was dinsdag tot 11:00");
    const links = await database.db
      .select({ destination: accessTokens.destination })
      .from(accessTokens)
      .where(and(eq(accessTokens.userId, member.user.id), eq(accessTokens.purpose, "sign_in")));
    expect(links).toEqual([{ destination: `/my/hours/${week}` }]);
    const list = await listWeekApprovals(org.organisation.id, week);
    expect(list.rows.find((row) => row.personId === member.person.id)).toMatchObject({ phase: "toConfirm", returnComment: comment });
    const [entry] = await auditEntriesOf(database.db, org.organisation.id, "hours.sent-back", { details: auditLog.details });
    expect(entry.details).toMatchObject({ week, comment, previousStatus: "confirmed" });

    // The deadline has passed, yet the member confirms the week again, and it waits for approval once more.
    expect(await confirmWeek(org.organisation.id, member.person.id, week)).toMatchObject({ outcome: "confirmed" });
    expect((await weekRowOf(database.db, member, week))?.status).toBe("confirmed");
    expect(await approveHours({ weeks: [weekRef(member, week)] })).toEqual({ ok: true, value: { approved: 1, skipped: {} } });
  });

  it("sends back a late week that was never confirmed, so the member can still confirm it", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    await workedShift(database.db, org, member, week, 2, "13:00", "17:00");
    expect((await listWeekApprovals(org.organisation.id, week)).rows[0].phase).toBe("late");
    await asCoordinator(org);

    await sendHoursBack({ ...weekRef(member, week), comment: "Wil je je uren nog bevestigen?" });

    expect((await weekRowOf(database.db, member, week))?.status).toBe("returned");
    expect((await listWeekApprovals(org.organisation.id, week)).rows[0].phase).toBe("toConfirm");
  });

  it("needs a comment, and refuses an approved week and a week that has not ended", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member, approved] = org.members;
    await setWeekStatus(database.db, approved, week, "approved");
    await asCoordinator(org);

    expect(await sendHoursBack({ ...weekRef(member, week), comment: "   " })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { comment: ["commentMissing"] } });
    expect(await sendHoursBack({ ...weekRef(approved, week), comment: "Nog even kijken" })).toEqual({ ok: true, value: { outcome: "refused", problem: "approved" } });
    const thisWeek = pastWeek(0);
    expect(await sendHoursBack({ ...weekRef(member, thisWeek), comment: "Te vroeg" })).toEqual({ ok: true, value: { outcome: "refused", problem: "notYet" } });
    expect(await mailTo(database.db, member.person.id)).toEqual([]);
    expect(await mailTo(database.db, approved.person.id)).toEqual([]);
    expect((await weekRowOf(database.db, approved, week))?.status).toBe("approved");
  });
});

describe("the approval list of a week", () => {
  it("lists everyone with hours or a sign-off record, with their total, phase and open correction request, filtered by phase", async () => {
    const org = await createHoursOrganisation(database.db);
    const [worked, confirmed, requested] = org.members;
    await workedShift(database.db, org, worked, week, 0, "09:00", "11:30");
    await workedShift(database.db, org, confirmed, week, 3, "14:00", "18:00");
    await setWeekStatus(database.db, confirmed, week, "confirmed");
    await setWeekStatus(database.db, requested, week, "open", { correctionRequest: "Ik was er zaterdag ook", correctionRequestedAt: new Date() });

    const list = await listWeekApprovals(org.organisation.id, week);
    expect(list.rows.map((row) => [row.name, row.totalMinutes, row.phase, row.correctionRequest])).toEqual([
      [`Lid1 Uren ${org.organisation.name.split(" ").pop()}`, 150, "late", null],
      [`Lid2 Uren ${org.organisation.name.split(" ").pop()}`, 240, "confirmed", null],
      [`Lid3 Uren ${org.organisation.name.split(" ").pop()}`, 0, "late", "Ik was er zaterdag ook"],
    ]);
    expect(list.counts).toMatchObject({ late: 2, confirmed: 1, approved: 0, toConfirm: 0 });
    expect(list.rows.find((row) => row.personId === confirmed.person.id)?.confirmedAt).toBeInstanceOf(Date);

    // Before the deadline the same unconfirmed weeks are still to confirm, not late.
    const beforeDeadline = at(addDaysToKey(week, 7), 0, "08:00");
    expect((await listWeekApprovals(org.organisation.id, week, beforeDeadline)).counts).toMatchObject({ toConfirm: 2, late: 0, confirmed: 1 });
  });
});

describe("correction requests", () => {
  it("stay on the list until a coordinator marks them handled, which is kept in the audit log", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const older = pastWeek(3);
    await setWeekStatus(database.db, member, older, "open", { correctionRequest: "Mijn dienst van woensdag mist", correctionRequestedAt: new Date() });
    await asCoordinator(org);

    expect(await listOpenCorrectionRequests(org.organisation.id)).toEqual([
      expect.objectContaining({ personId: member.person.id, weekStart: older, message: "Mijn dienst van woensdag mist" }),
    ]);
    expect(await markCorrectionRequestHandled(weekRef(member, older))).toEqual({ ok: true, value: { outcome: "handled" } });
    expect(await listOpenCorrectionRequests(org.organisation.id)).toEqual([]);
    expect(await weekRowOf(database.db, member, older)).toMatchObject({ correctionHandledById: org.coordinator.person.id });
    expect(await auditEntriesOf(database.db, org.organisation.id, "hours.correction-handled", { targetPersonId: auditLog.targetPersonId })).toEqual([{ targetPersonId: member.person.id }]);
    // Handled once: a second time there is nothing open to handle.
    expect(await markCorrectionRequestHandled(weekRef(member, older))).toEqual({ ok: false, error: "notFound" });
  });
});

describe("who may correct, approve and send back", () => {
  function everyAction(org: HoursOrganisation, member: HoursMember, shiftId: string, entryId: string) {
    const day = addDaysToKey(week, 1);
    return {
      correctShift: () => correctShift({ personId: member.person.id, shiftId, day, start: "09:00", end: "17:00", breakMinutes: 0 }),
      setNoShow: () => setNoShow({ personId: member.person.id, shiftId, noShow: true }),
      addHoursOutsideShift: () => addHoursOutsideShift({ personId: member.person.id, day, start: "18:00", end: "20:00", breakMinutes: 0, activity: "Extra", locationId: org.location.id }),
      changeHoursOutsideShift: () => changeHoursOutsideShift({ personId: member.person.id, entryId, day, start: "18:00", end: "23:00", breakMinutes: 0, activity: "Extra", locationId: "" }),
      removeHoursOutsideShift: () => removeHoursOutsideShift({ personId: member.person.id, entryId }),
      approveHours: () => approveHours({ weeks: [weekRef(member, week)] }),
      sendHoursBack: () => sendHoursBack({ ...weekRef(member, week), comment: "Terug" }),
      markCorrectionRequestHandled: () => markCorrectionRequestHandled(weekRef(member, week)),
    };
  }

  async function extraLine(org: HoursOrganisation, member: HoursMember): Promise<string> {
    await asCoordinator(org);
    await addHoursOutsideShift({ personId: member.person.id, day: addDaysToKey(week, 4), start: "10:00", end: "11:00", breakMinutes: 0, activity: "Opruimen", locationId: "" });
    const rows = await workedHoursOf(database.db, member);
    return rows.find((row) => row.shiftId === null)?.id ?? "";
  }

  it("a coordinator of another organisation gets 'not found' for every hours action naming this organisation's people, and nothing changes", async () => {
    const org = await createHoursOrganisation(database.db);
    const other = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    const entryId = await extraLine(org, member);
    await setWeekStatus(database.db, member, week, "confirmed", { correctionRequest: "Klopt niet", correctionRequestedAt: new Date() });
    const before = await workedHoursOf(database.db, member);
    await asCoordinator(other);

    for (const [name, call] of Object.entries(everyAction(org, member, shift.id, entryId))) {
      expect(await call(), name).toEqual({ ok: false, error: "notFound" });
    }
    expect(await workedHoursOf(database.db, member)).toEqual(before);
    expect(await weekRowOf(database.db, member, week)).toMatchObject({ status: "confirmed", correctionHandledAt: null });
    expect(await mailTo(database.db, member.person.id)).toEqual([]);
  });

  it("a member is refused every coordinator action, even on their own week", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    const entryId = await extraLine(org, member);
    await setWeekStatus(database.db, member, week, "confirmed", { correctionRequest: "Klopt niet", correctionRequestedAt: new Date() });
    const before = await workedHoursOf(database.db, member);
    signInAs(await actorOf(member));

    for (const [name, call] of Object.entries(everyAction(org, member, shift.id, entryId))) {
      expect(await call(), name).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await workedHoursOf(database.db, member)).toEqual(before);
    expect((await weekRowOf(database.db, member, week))?.status).toBe("confirmed");
  });

  it("the member's week page answers 'not found' for another organisation's person and for a day that is not a week", async () => {
    const org = await createHoursOrganisation(database.db);
    const other = await createHoursOrganisation(database.db);
    const [member] = org.members;
    await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    const open = (personId: string, weekStart: string) => PersonHoursWeekPage({ params: Promise.resolve({ personId, week: weekStart }) });

    await asCoordinator(org);
    await expect(open(member.person.id, week)).resolves.toBeTruthy();
    await expect(open(member.person.id, addDaysToKey(week, 1))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(open("not-a-person", week)).rejects.toThrow("NEXT_NOT_FOUND");
    await asCoordinator(other);
    await expect(open(member.person.id, week)).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

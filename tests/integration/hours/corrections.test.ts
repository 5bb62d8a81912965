// Coordinators correcting worked hours: times and breaks of a shift, no-shows and hours outside a shift,
// each change kept with who made it; an approved week is locked and a confirmed week goes back to the member.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createShift } from "@/lib/demo/factories";
import { correctShiftHours } from "@/lib/hours/corrections";
import { addHoursOutsideShift, changeHoursOutsideShift, correctShift, removeHoursOutsideShift, setNoShow } from "@/lib/hours/coordinator-actions";
import { getPersonWeek, listWeekApprovals } from "@/lib/hours/coordinator-queries";
import { addDaysToKey, weekPhase } from "@/lib/hours/rules";
import { auditLog } from "@/lib/db/schema/platform";
import { shifts } from "@/lib/db/schema/roster";
import { createAssignment } from "@/lib/demo/factories";
import { auditEntriesOf } from "@/tests/setup/audit-entries";
import { setUpSignedOutDatabase } from "@/tests/setup/sign-in-as";
import {
  actorOf,
  asCoordinator,
  at,
  createHoursOrganisation,
  pastWeek,
  setWeekStatus,
  weekRowOf,
  workedHoursOf,
  workedShift,
  type HoursOrganisation,
} from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();
const week = pastWeek(2);

async function totalOf(org: HoursOrganisation, personId: string): Promise<number> {
  const week_ = await getPersonWeek(org.organisation.id, personId, week);
  return week_?.summary.totalMinutes ?? -1;
}

describe("a coordinator corrects the times and break of a shift a member worked", () => {
  it("keeps who changed what: the new times and break, the coordinator on the row, and an audit entry with before and after", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    await asCoordinator(org);

    const result = await correctShift({ personId: member.person.id, shiftId: shift.id, day: addDaysToKey(week, 1), start: "08:30", end: "14:00", breakMinutes: "30" });
    expect(result).toEqual({ ok: true, value: { outcome: "changed", weekStart: week, reopened: false } });

    const [row] = await workedHoursOf(database.db, member);
    expect(row.startsAt).toEqual(at(week, 1, "08:30"));
    expect(row.endsAt).toEqual(at(week, 1, "14:00"));
    expect(row.breakMinutes).toBe(30);
    expect(row.correctedById).toBe(org.coordinator.person.id);

    const entries = await auditEntriesOf(database.db, org.organisation.id, "hours.corrected", { actorUserId: auditLog.actorUserId, targetPersonId: auditLog.targetPersonId, details: auditLog.details });
    expect(entries).toEqual([
      {
        actorUserId: org.coordinator.user.id,
        targetPersonId: member.person.id,
        details: expect.objectContaining({
          week,
          shiftId: shift.id,
          before: { startsAt: at(week, 1, "09:00").toISOString(), endsAt: at(week, 1, "13:00").toISOString(), breakMinutes: 0, noShow: false },
          after: { startsAt: at(week, 1, "08:30").toISOString(), endsAt: at(week, 1, "14:00").toISOString(), breakMinutes: 30, noShow: false },
        }),
      },
    ]);
  });

  it("subtracts the break from the member's total, on the member's week and on the approval list", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 2, "10:00", "16:00");
    expect(await totalOf(org, member.person.id)).toBe(360);
    await asCoordinator(org);

    await correctShift({ personId: member.person.id, shiftId: shift.id, day: addDaysToKey(week, 2), start: "10:00", end: "16:00", breakMinutes: 45 });

    expect(await totalOf(org, member.person.id)).toBe(315);
    const list = await listWeekApprovals(org.organisation.id, week);
    expect(list.rows.find((row) => row.personId === member.person.id)?.totalMinutes).toBe(315);
  });

  it("refuses an end before the start, more than 24 hours and a break as long as the shift, changing nothing", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    const coordinator = await actorOf(org.coordinator);
    const correct = (startsAt: Date, endsAt: Date, breakMinutes: number) => correctShiftHours(coordinator, { personId: member.person.id, shiftId: shift.id, startsAt, endsAt, breakMinutes });

    expect(await correct(at(week, 1, "13:00"), at(week, 1, "09:00"), 0)).toEqual({ outcome: "refused", problem: "endNotAfterStart" });
    expect(await correct(at(week, 1, "09:00"), at(week, 2, "09:30"), 0)).toEqual({ outcome: "refused", problem: "tooLong" });
    expect(await correct(at(week, 1, "09:00"), at(week, 1, "10:00"), 60)).toEqual({ outcome: "refused", problem: "breakTooLong" });
    await asCoordinator(org);
    const negative = await correctShift({ personId: member.person.id, shiftId: shift.id, day: addDaysToKey(week, 1), start: "09:00", end: "13:00", breakMinutes: -5 });
    expect(negative).toMatchObject({ ok: false, error: "invalid", fieldErrors: { breakMinutes: ["breakNegative"] } });
    expect(await workedHoursOf(database.db, member)).toEqual([]);
  });

  it("answers 'not found' for a shift the member was not on, one that has not ended and one that was cancelled", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member, other] = org.members;
    const notTheirs = await workedShift(database.db, org, other, week, 1, "09:00", "13:00");
    const tomorrow = new Date(Date.now() + 86_400_000);
    const future = await createShift(database.db, { tenantId: org.organisation.id, startsAt: tomorrow, endsAt: new Date(tomorrow.getTime() + 3_600_000) });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: future.id, personId: member.person.id });
    const cancelled = await workedShift(database.db, org, member, week, 3, "09:00", "12:00");
    await database.db.update(shifts).set({ cancelledAt: new Date() }).where(eq(shifts.id, cancelled.id));
    await asCoordinator(org);

    for (const shift of [notTheirs, future, cancelled]) {
      const result = await setNoShow({ personId: member.person.id, shiftId: shift.id, noShow: true });
      expect(result).toEqual({ ok: false, error: "notFound" });
    }
    expect(await workedHoursOf(database.db, member)).toEqual([]);
  });
});

describe("a no-show", () => {
  it("counts nothing while marked, and the planned hours again once unmarked", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 4, "18:00", "21:00");
    await asCoordinator(org);

    expect(await setNoShow({ personId: member.person.id, shiftId: shift.id, noShow: "on" })).toMatchObject({ ok: true, value: { outcome: "changed" } });
    expect(await totalOf(org, member.person.id)).toBe(0);
    const entries = await auditEntriesOf(database.db, org.organisation.id, "hours.corrected", { details: auditLog.details });
    expect(entries[0].details).toMatchObject({ kind: "no-show", before: { noShow: false }, after: { noShow: true } });

    await setNoShow({ personId: member.person.id, shiftId: shift.id, noShow: false });
    expect(await totalOf(org, member.person.id)).toBe(180);
  });
});

describe("hours outside a shift", () => {
  it("are added, changed and removed, each with who did it, and count in the member's total", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    await asCoordinator(org);

    const added = await addHoursOutsideShift({ personId: member.person.id, day: addDaysToKey(week, 5), start: "10:00", end: "12:30", breakMinutes: 0, activity: "Flyers rondbrengen", locationId: org.location.id });
    expect(added).toMatchObject({ ok: true, value: { outcome: "changed", weekStart: week } });
    const [extra] = await workedHoursOf(database.db, member);
    expect(extra).toMatchObject({ shiftId: null, activity: "Flyers rondbrengen", locationId: org.location.id, correctedById: org.coordinator.person.id });
    expect(await totalOf(org, member.person.id)).toBe(150);

    await changeHoursOutsideShift({ entryId: extra.id, personId: member.person.id, day: addDaysToKey(week, 5), start: "10:00", end: "13:00", breakMinutes: 15, activity: "Flyers rondbrengen", locationId: "" });
    expect(await totalOf(org, member.person.id)).toBe(165);
    const [changed] = await workedHoursOf(database.db, member);
    expect(changed.locationId).toBeNull();

    await removeHoursOutsideShift({ personId: member.person.id, entryId: extra.id });
    expect(await workedHoursOf(database.db, member)).toEqual([]);
    expect(await totalOf(org, member.person.id)).toBe(0);

    const kinds = (await auditEntriesOf(database.db, org.organisation.id, "hours.corrected", { details: auditLog.details })).map((entry) => (entry.details as { kind: string }).kind);
    expect(kinds.sort()).toEqual(["extra-added", "extra-changed", "extra-removed"]);
  });

  it("refuses a location of another organisation as not found", async () => {
    const org = await createHoursOrganisation(database.db);
    const other = await createHoursOrganisation(database.db);
    await asCoordinator(org);
    const result = await addHoursOutsideShift({ personId: org.members[0].person.id, day: addDaysToKey(week, 1), start: "10:00", end: "11:00", breakMinutes: 0, activity: "Opruimen", locationId: other.location.id });
    expect(result).toEqual({ ok: false, error: "notFound" });
    expect(await workedHoursOf(database.db, org.members[0])).toEqual([]);
  });
});

describe("the week's sign-off decides whether hours can change", () => {
  it("refuses every change to an approved week with its reason, and changes nothing", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    await setWeekStatus(database.db, member, week, "approved");
    await asCoordinator(org);

    const corrected = await correctShift({ personId: member.person.id, shiftId: shift.id, day: addDaysToKey(week, 1), start: "09:00", end: "15:00", breakMinutes: 0 });
    expect(corrected).toEqual({ ok: true, value: { outcome: "refused", problem: "approved" } });
    const noShow = await setNoShow({ personId: member.person.id, shiftId: shift.id, noShow: true });
    expect(noShow).toEqual({ ok: true, value: { outcome: "refused", problem: "approved" } });
    const added = await addHoursOutsideShift({ personId: member.person.id, day: addDaysToKey(week, 2), start: "10:00", end: "11:00", breakMinutes: 0, activity: "Opruimen", locationId: "" });
    expect(added).toEqual({ ok: true, value: { outcome: "refused", problem: "approved" } });

    expect(await workedHoursOf(database.db, member)).toEqual([]);
    expect((await weekRowOf(database.db, member, week))?.status).toBe("approved");
    expect(await totalOf(org, member.person.id)).toBe(240);
  });

  it("sends a week the member already confirmed back to them, to confirm the corrected hours again", async () => {
    const org = await createHoursOrganisation(database.db);
    const [member] = org.members;
    const shift = await workedShift(database.db, org, member, week, 1, "09:00", "13:00");
    await setWeekStatus(database.db, member, week, "confirmed");
    await asCoordinator(org);

    const result = await correctShift({ personId: member.person.id, shiftId: shift.id, day: addDaysToKey(week, 1), start: "09:00", end: "12:00", breakMinutes: 0 });
    expect(result).toEqual({ ok: true, value: { outcome: "changed", weekStart: week, reopened: true } });

    const record = await weekRowOf(database.db, member, week);
    expect(record?.status).toBe("returned");
    expect(record?.returnedById).toBe(org.coordinator.person.id);
    // The member sees the week as one to confirm again, even though its deadline has passed.
    expect(weekPhase({ weekStart: week, timeZone: "Europe/Amsterdam", deadline: { weekday: 1, time: "09:00" }, status: record?.status ?? null, now: new Date() })).toBe("toConfirm");
    const list = await listWeekApprovals(org.organisation.id, week);
    expect(list.rows.find((row) => row.personId === member.person.id)).toMatchObject({ phase: "toConfirm", totalMinutes: 180 });
    const [audit] = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, org.organisation.id), eq(auditLog.action, "hours.corrected")));
    expect(audit.details).toMatchObject({ reopened: true });
  });
});

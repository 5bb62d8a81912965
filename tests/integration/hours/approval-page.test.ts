// The approval list as the coordinator's page reads it: a page of 15 people, the counts of the whole
// week, a name search, the open correction requests with how many there are, what a change does to
// the very next read (the page cache's triggers stamp the organisation's hours in the same
// transaction), and a week with a shift still running read as it stands.
import { and, eq, gt } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { cacheTagExpirations } from "@/lib/db/schema/platform";
import { APPROVAL_PAGE_SIZE, listWeekApprovals, type ApprovalQuery } from "@/lib/hours/coordinator-queries";
import { getApprovalPage, readApprovalWeek, readOpenCorrectionRequests } from "@/lib/hours/approval-page-cache";
import { approveHours } from "@/lib/hours/coordinator-actions";
import { organisationKey, organisationTag } from "@/lib/cache/tags";
import { setUpSignedOutDatabase } from "@/tests/setup/sign-in-as";
import { asCoordinator, at, createHoursOrganisation, memberWithLogin, pastWeek, putOnShift, setWeekStatus, weekRef, workedShift } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const database = setUpSignedOutDatabase();
const week = pastWeek(2);
const everyone: ApprovalQuery = { filter: "all", name: "", page: 1 };

describe("the approval list a page at a time", () => {
  it("shows a page of people at a time with the counts of the whole week, and finds a member on any page by part of the name", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 3 });
    const extra = [];
    for (let index = 0; index < 27; index++) extra.push(await memberWithLogin(database.db, org, `Vrijwilliger${String(index).padStart(2, "0")}`));
    const members = [...org.members, ...extra];
    await putOnShift(database.db, org, members, { day: week, from: "09:00", to: "12:00" });
    await setWeekStatus(database.db, members[0], week, "confirmed");
    await setWeekStatus(database.db, members[29], week, "confirmed");
    const now = new Date();

    const first = await getApprovalPage(org.organisation.id, week, everyone, now);
    expect(first.rows).toHaveLength(APPROVAL_PAGE_SIZE);
    expect(first).toMatchObject({ total: 30, matching: 30, page: 1, pageCount: 2, counts: { confirmed: 2, late: 28 } });
    const second = await getApprovalPage(org.organisation.id, week, { ...everyone, page: 2 }, now);
    expect(second.rows).toHaveLength(30 - APPROVAL_PAGE_SIZE);
    expect(second.page).toBe(2);
    // Together the pages hold everyone once, in the order of the whole list.
    const whole = await listWeekApprovals(org.organisation.id, week, now);
    expect([...first.rows, ...second.rows].map((row) => row.personId)).toEqual(whole.rows.map((row) => row.personId));
    // A page past the end shows the first.
    expect((await getApprovalPage(org.organisation.id, week, { ...everyone, page: 9 }, now)).page).toBe(1);

    const awaiting = await getApprovalPage(org.organisation.id, week, { ...everyone, filter: "awaiting" }, now);
    expect(awaiting.rows.map((row) => row.personId).sort()).toEqual([members[0].person.id, members[29].person.id].sort());
    expect(awaiting).toMatchObject({ matching: 2, pageCount: 1, total: 30 });

    const last = whole.rows.at(-1)!;
    const found = await getApprovalPage(org.organisation.id, week, { ...everyone, name: last.name.split(" ")[0].toUpperCase() }, now);
    expect(found.rows.map((row) => row.personId)).toEqual([last.personId]);
    expect(found.matching).toBe(1);
  });

  it("finds a name typed without its accents", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 1 });
    const noel = await memberWithLogin(database.db, org, "Noël");
    await putOnShift(database.db, org, [...org.members, noel], { day: week, from: "09:00", to: "11:00" });

    const found = await getApprovalPage(org.organisation.id, week, { ...everyone, name: "noel" }, new Date());
    expect(found.rows.map((row) => row.personId)).toEqual([noel.person.id]);
  });
});

describe("changes on the very next read", () => {
  it("shows an approval on the next read, and the approval stamps the organisation's hours for every server's page cache", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 2 });
    const [member] = org.members;
    await workedShift(database.db, org, member, week, 1, "09:00", "12:00");
    await setWeekStatus(database.db, member, week, "confirmed");
    const before = await getApprovalPage(org.organisation.id, week, everyone, new Date());
    expect(before.rows.find((row) => row.personId === member.person.id)?.phase).toBe("confirmed");
    const stampedBefore = new Date();
    await asCoordinator(org);

    expect(await approveHours({ weeks: [weekRef(member, week)] })).toMatchObject({ ok: true, value: { approved: 1 } });

    const after = await getApprovalPage(org.organisation.id, week, everyone, new Date());
    expect(after.rows.find((row) => row.personId === member.person.id)?.phase).toBe("approved");
    expect(after.counts).toMatchObject({ approved: 1, confirmed: 0 });
    const stamps = await database.db
      .select({ tag: cacheTagExpirations.tag })
      .from(cacheTagExpirations)
      .where(and(eq(cacheTagExpirations.tag, organisationTag(org.organisation.id, "hours")), gt(cacheTagExpirations.expiredAt, new Date(stampedBefore.getTime() - 1_000))));
    expect(stamps.length).toBeGreaterThan(0);
  });
});

describe("a week with a shift still running", () => {
  it("counts only the shifts that have ended and shows the week as running", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 2 });
    const [early, late] = org.members;
    await workedShift(database.db, org, early, week, 0, "09:00", "12:00");
    await workedShift(database.db, org, early, week, 3, "09:00", "11:00");
    await workedShift(database.db, org, late, week, 4, "09:00", "12:00");
    const wednesday = at(week, 2, "12:00");

    const page = await getApprovalPage(org.organisation.id, week, everyone, wednesday);
    expect(page.rows.map((row) => [row.personId, row.totalMinutes, row.phase])).toEqual([[early.person.id, 180, "notYet"]]);
    expect(page.counts).toMatchObject({ notYet: 1 });
    // Once every shift has ended, the whole week counts.
    const later = await getApprovalPage(org.organisation.id, week, everyone, new Date());
    expect(later.rows.map((row) => row.totalMinutes).sort()).toEqual([180, 300]);
  });

  it("is kept in the page cache with every shift counted, ended or not, and when the last one ends", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 1 });
    const [member] = org.members;
    const coming = pastWeek(-1);
    await workedShift(database.db, org, member, coming, 0, "09:00", "12:00");
    const last = await workedShift(database.db, org, member, coming, 2, "09:00", "11:00");

    const cached = await readApprovalWeek(organisationKey(org.organisation.id), coming);
    expect(cached?.people.map((person) => [person.personId, person.totalMinutes])).toEqual([[member.person.id, 300]]);
    expect(cached?.lastShiftEndsAt).toEqual(last.endsAt);
  });
});

describe("the open correction requests on the page", () => {
  it("shows the oldest few and says how many there are", async () => {
    const org = await createHoursOrganisation(database.db, { memberCount: 3 });
    for (const [index, member] of org.members.entries()) {
      await setWeekStatus(database.db, member, week, "open", { correctionRequest: `Verzoek ${index}`, correctionRequestedAt: new Date(Date.now() - (10 - index) * 60_000) });
    }

    const few = await readOpenCorrectionRequests(organisationKey(org.organisation.id), 2);
    expect(few.total).toBe(3);
    expect(few.requests.map((request) => request.message)).toEqual(["Verzoek 0", "Verzoek 1"]);
    expect((await readOpenCorrectionRequests(organisationKey(org.organisation.id), null)).requests).toHaveLength(3);
  });
});

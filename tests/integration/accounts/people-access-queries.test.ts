// The reads behind the people & logins page and the audit page: filters, search, counts and paging,
// always within one organisation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPeopleByAccessStatus, listGroupOptions, listPeopleAccess } from "@/lib/accounts/blocking/queries";
import type { AccessStatusFilter } from "@/lib/accounts/blocking/rules";
import { blockAccess, scheduleBlock } from "@/lib/accounts/blocking/blocking";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { createPerson } from "@/lib/demo/factories";
import { listAuditEntries } from "@/lib/tenancy/audit-queries";
import { recordAudit } from "@/lib/tenancy/audit";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { actorOf, createAccessOrganisation, type AccessOrganisation } from "./access-fixtures";

let database: TestDatabase;
let one: AccessOrganisation;
let two: AccessOrganisation;
/** Zoë van der Meer, without a login (the other members' names are random and may be the same). */
let withoutLogin: { id: string };
const today = "2027-05-10";
const now = new Date("2027-05-10T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  one = await createAccessOrganisation(database.db, "Stichting Eén");
  two = await createAccessOrganisation(database.db, "Stichting Twee");
  const coordinator = await actorOf(one.coordinator);
  // members[0] blocked, members[1] locked and left last month, members[2] signed in and leaves soon.
  await blockAccess(one.organisation.id, coordinator, { target: { kind: "person", personId: one.members[0].person.id }, expectedCount: 1 }, now);
  await database.db.update(users).set({ lockedAt: now, failedPasswordCount: 5 }).where(eq(users.id, one.members[1].user.id));
  await database.db.update(people).set({ endDate: "2027-04-10" }).where(eq(people.id, one.members[1].person.id));
  await database.db.update(users).set({ loginCount: 4, lastLoginAt: now }).where(eq(users.id, one.members[2].user.id));
  await database.db.update(people).set({ endDate: "2027-05-31" }).where(eq(people.id, one.members[2].person.id));
  await scheduleBlock(one.organisation.id, coordinator, { target: { kind: "person", personId: one.members[2].person.id }, date: "2027-06-01" }, now);
  withoutLogin = await createPerson(database.db, { tenantId: one.organisation.id, firstName: "Zoë", infix: "van der", lastName: "Meer" });
  // The other organisation has someone who left too; they must never show up in the first one's lists.
  await database.db.update(people).set({ endDate: "2027-01-01" }).where(eq(people.id, two.members[0].person.id));
});
afterAll(async () => {
  await database.close();
});

function idsOf(rows: { personId: string }[]): string[] {
  return rows.map((row) => row.personId).sort();
}

describe("the people & logins list", () => {
  it("lists only the organisation's own people, with their login state", async () => {
    const page = await listPeopleAccess(one.organisation.id, { status: "all", page: 1 }, today);
    expect(page.total).toBe(8);
    const theirs = new Set([two.coordinator, two.admin, ...two.members, two.withoutEmail].map((m) => m.person.id));
    expect(page.rows.some((row) => theirs.has(row.personId))).toBe(false);
    const blocked = page.rows.find((row) => row.personId === one.members[0].person.id);
    expect(blocked?.login).toMatchObject({ status: "blocked", username: one.members[0].user.username, blockedAt: now });
    const noLogin = page.rows.find((row) => row.personId === withoutLogin.id);
    expect(noLogin?.login).toBeNull();
    expect(page.rows.find((row) => row.personId === one.members[0].person.id)?.groups).toEqual([one.group.name]);
  });

  it.each<{ status: AccessStatusFilter; expected: () => string[] }>([
    { status: "blocked", expected: () => [one.members[0].person.id] },
    { status: "locked", expected: () => [one.members[1].person.id] },
    { status: "left", expected: () => [one.members[1].person.id] },
    { status: "scheduled", expected: () => [one.members[2].person.id] },
    { status: "no-login", expected: () => [] },
    {
      status: "never-signed-in",
      expected: () => [one.coordinator, one.admin, one.members[0], one.members[1], one.members[3], one.withoutEmail].map((m) => m.person.id),
    },
  ])("the '$status' filter shows exactly those people", async ({ status, expected }) => {
    const page = await listPeopleAccess(one.organisation.id, { status, page: 1 }, today);
    if (status === "no-login") {
      expect(page.rows.map((row) => row.firstName)).toEqual(["Zoë"]);
      return;
    }
    expect(idsOf(page.rows)).toEqual([...expected()].sort());
  });

  it("filters by group, and a group of another organisation shows nobody", async () => {
    const inGroup = await listPeopleAccess(one.organisation.id, { status: "all", groupId: one.group.id, page: 1 }, today);
    expect(idsOf(inGroup.rows)).toEqual([one.members[0].person.id, one.members[1].person.id].sort());
    const forged = await listPeopleAccess(one.organisation.id, { status: "all", groupId: two.group.id, page: 1 }, today);
    expect(forged.rows).toEqual([]);
  });

  it.each([
    { label: "without the accent", search: "zoe" },
    { label: "with the infix", search: "van der meer" },
    { label: "without the infix", search: "zoë meer" },
    { label: "in capitals", search: "ZOË" },
  ])("finds a name $label", async ({ search }) => {
    const page = await listPeopleAccess(one.organisation.id, { status: "all", search, page: 1 }, today);
    expect(page.rows.map((row) => `${row.firstName} ${row.lastName}`)).toContain("Zoë Meer");
  });

  it("finds a username, and treats % and _ as ordinary characters", async () => {
    const byUsername = await listPeopleAccess(one.organisation.id, { status: "all", search: one.members[3].user.username, page: 1 }, today);
    expect(idsOf(byUsername.rows)).toEqual([one.members[3].person.id]);
    const wildcard = await listPeopleAccess(one.organisation.id, { status: "all", search: "%", page: 1 }, today);
    expect(wildcard.rows).toEqual([]);
  });

  it("counts every status for the filter's labels", async () => {
    expect(await countPeopleByAccessStatus(one.organisation.id, today)).toEqual({
      all: 8,
      active: 6,
      blocked: 1,
      locked: 1,
      "never-signed-in": 6,
      left: 1,
      scheduled: 1,
      "not-activated": 0,
      "no-login": 1,
    });
  });

  it("lists the organisation's groups with their size", async () => {
    expect(await listGroupOptions(one.organisation.id)).toEqual([{ id: one.group.id, name: one.group.name, members: 2 }]);
  });
});

describe("the audit log page", () => {
  it("shows the organisation's own entries, newest first, with actor and target names", async () => {
    const page = await listAuditEntries(one.organisation.id, { page: 1 });
    expect(page.entries.map((entry) => entry.action)).toEqual(["account.block-scheduled", "account.blocked"]);
    const [scheduled, blocked] = page.entries;
    expect(scheduled.actor?.name).toBe([one.coordinator.person.firstName, one.coordinator.person.infix, one.coordinator.person.lastName].filter(Boolean).join(" "));
    expect(scheduled.target?.personId).toBe(one.members[2].person.id);
    expect(scheduled.details).toEqual({ scheduledFor: "2027-06-01", via: "person" });
    expect(blocked.target?.personId).toBe(one.members[0].person.id);
    expect((await listAuditEntries(two.organisation.id, { page: 1 })).entries).toEqual([]);
  });

  it("pages through a long log", async () => {
    const tenantId = two.organisation.id;
    await recordAudit(
      database.db,
      Array.from({ length: 5 }, () => ({ tenantId, actorUserId: null, action: "account.blocked" as const, targetPersonId: two.members[1].person.id })),
    );
    const first = await listAuditEntries(tenantId, { page: 1, pageSize: 2 });
    const third = await listAuditEntries(tenantId, { page: 3, pageSize: 2 });
    const beyond = await listAuditEntries(tenantId, { page: 9, pageSize: 2 });
    expect([first.total, first.pageCount, first.entries.length, third.entries.length]).toEqual([5, 3, 2, 1]);
    expect(beyond).toMatchObject({ entries: [], total: 5, pageCount: 3 });
    expect(first.entries[0].actor).toBeNull();
    await database.db.delete(auditLog).where(eq(auditLog.tenantId, tenantId));
  });
});

// Scheduled blocks: a coordinator picks a day, the cron job blocks at 00:00 of that day in the
// organisation's zone, and not a minute before.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as runScheduledBlocksCron } from "@/app/api/cron/scheduled-blocks/route";
import { runScheduledBlocks, scheduleBlock } from "@/lib/accounts/blocking/blocking";
import { localDateKey } from "@/lib/dates";
import { cancelPersonScheduledBlock, schedulePeopleBlock } from "@/lib/accounts/blocking/actions";
import { getActorForSession } from "@/lib/accounts/queries";
import { users } from "@/lib/db/schema/accounts";
import { organisations } from "@/lib/db/schema/tenancy";
import { resetEnvCache } from "@/lib/env";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import {
  actorOf,
  auditFor,
  createAccessOrganisation,
  everyoneIn,
  loginOf,
  outboxFor,
  statusesOf,
  type AccessOrganisation,
} from "./access-fixtures";
import { openSession } from "@/tests/setup/sessions";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const ZONE = "Europe/Amsterdam";
const database = setUpTestDatabase();
const savedCronSecret = process.env.CRON_SECRET;

beforeEach(() => {
  signOut();
});
afterEach(() => {
  if (savedCronSecret === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = savedCronSecret;
  resetEnvCache();
});

async function twoOrganisations(): Promise<[AccessOrganisation, AccessOrganisation]> {
  return [await createAccessOrganisation(database.db, "Stichting Eén"), await createAccessOrganisation(database.db, "Stichting Twee")];
}

/** The calendar day `days` from today in Amsterdam, and the moment it starts there. */
function dayFromToday(days: number): { date: string; startsAt: Date } {
  const day = addDays(new TZDate(Date.now(), ZONE), days);
  const date = localDateKey(day, ZONE);
  const [y, m, d] = date.split("-").map(Number);
  return { date, startsAt: new Date(new TZDate(y, m - 1, d, 0, 0, 0, ZONE).getTime()) };
}

describe("scheduling a block", () => {
  it("a scheduled block waits for its day and then blocks, emails and audits like any block", async () => {
    const [one, two] = await twoOrganisations();
    const leaver = one.members[0];
    const claims = await openSession(leaver.user);
    const { date, startsAt } = dayFromToday(10);
    signInAs(await actorOf(one.coordinator));

    const result = await schedulePeopleBlock({ target: { kind: "person", personId: leaver.person.id }, date });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 0, skipped: {} } });
    expect((await loginOf(database.db, leaver)).blockScheduledFor).toEqual(startsAt);
    expect((await auditFor(database.db, leaver)).map((row) => [row.action, row.details])).toEqual([
      ["account.block-scheduled", { scheduledFor: date, via: "person" }],
    ]);
    // Until then the member keeps access and hears nothing.
    expect(await getActorForSession(claims)).not.toBeNull();
    expect(await outboxFor(database.db, leaver)).toHaveLength(0);

    expect(await runScheduledBlocks(new Date(startsAt.getTime() - 60_000))).toMatchObject({ blocked: 0 });
    expect((await loginOf(database.db, leaver)).status).toBe("active");

    const report = await runScheduledBlocks(startsAt);
    expect(report).toMatchObject({ blocked: 1, organisations: 1 });
    expect(report.mailIds).toHaveLength(1);
    const login = await loginOf(database.db, leaver);
    expect(login).toMatchObject({ status: "blocked", blockedAt: startsAt, blockScheduledFor: null });
    expect(await getActorForSession(claims)).toBeNull();
    expect((await outboxFor(database.db, leaver)).map((m) => m.template)).toEqual(["access-blocked"]);
    const carriedOut = (await auditFor(database.db, leaver)).find((row) => row.action === "account.blocked");
    expect(carriedOut).toMatchObject({ actorUserId: null, details: { via: "schedule", scheduledFor: startsAt.toISOString() } });
    expect(await statusesOf(database.db, everyoneIn(two))).not.toContain("blocked");

    // Running again later changes nothing and sends nothing twice.
    expect(await runScheduledBlocks(addDays(startsAt, 1))).toMatchObject({ blocked: 0 });
    expect(await outboxFor(database.db, leaver)).toHaveLength(1);
  });

  it("the block falls at 00:00 in the organisation's zone, across the switch to summer time", async () => {
    const [one] = await twoOrganisations();
    const actor = await actorOf(one.coordinator);
    const now = new Date("2027-03-20T12:00:00Z");
    const change = await scheduleBlock(one.organisation.id, actor, { target: { kind: "person", personId: one.members[1].person.id }, date: "2027-03-28" }, now);
    expect(change.result).toMatchObject({ outcome: "done", changed: 1 });
    // 28 March 2027 00:00 in Amsterdam is still winter time (UTC+1); summer time starts at 02:00.
    expect((await loginOf(database.db, one.members[1])).blockScheduledFor).toEqual(new Date("2027-03-27T23:00:00Z"));
    expect(await runScheduledBlocks(new Date("2027-03-27T22:59:59Z"))).toMatchObject({ blocked: 0 });
    expect(await runScheduledBlocks(new Date("2027-03-27T23:00:00Z"))).toMatchObject({ blocked: 1 });
  });

  it("an organisation in another time zone is blocked at its own midnight", async () => {
    const [one] = await twoOrganisations();
    await database.db.update(organisations).set({ timeZone: "America/Curacao" }).where(eq(organisations.id, one.organisation.id));
    const actor = await actorOf(one.coordinator);
    const now = new Date("2027-06-01T12:00:00Z");
    await scheduleBlock(one.organisation.id, actor, { target: { kind: "person", personId: one.members[2].person.id }, date: "2027-06-10" }, now);
    // Curaçao is UTC−4 all year.
    expect((await loginOf(database.db, one.members[2])).blockScheduledFor).toEqual(new Date("2027-06-10T04:00:00Z"));
  });

  it("a selection can be scheduled at once; who cannot be blocked is skipped and counted", async () => {
    const [one] = await twoOrganisations();
    signInAs(await actorOf(one.coordinator));
    const { date } = dayFromToday(3);
    const personIds = [one.members[0].person.id, one.members[3].person.id, one.admin.person.id, one.coordinator.person.id];
    const result = await schedulePeopleBlock({ target: { kind: "selection", personIds }, date });
    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 2, emailed: 0, skipped: { "admin-only": 1, self: 1 } } });
    expect((await loginOf(database.db, one.admin)).blockScheduledFor).toBeNull();
  });

  it("a scheduled block can be cancelled, and then nothing happens on the day", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    signInAs(await actorOf(one.coordinator));
    const { date, startsAt } = dayFromToday(5);
    await schedulePeopleBlock({ target: { kind: "person", personId: member.person.id }, date });

    expect(await cancelPersonScheduledBlock({ personId: member.person.id })).toEqual({
      ok: true,
      value: { outcome: "done", changed: 1, emailed: 0, skipped: {} },
    });
    expect((await loginOf(database.db, member)).blockScheduledFor).toBeNull();
    expect((await auditFor(database.db, member)).map((row) => row.action).sort()).toEqual(["account.block-schedule-cancelled", "account.block-scheduled"]);
    expect(await cancelPersonScheduledBlock({ personId: member.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "notScheduled" } });
    await runScheduledBlocks(addDays(startsAt, 1));
    expect((await loginOf(database.db, member)).status).toBe("active");
  });

  it("a member blocked by hand before the day is not blocked (or emailed) again on the day", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await database.db.update(users).set({ status: "blocked", blockScheduledFor: new Date("2027-01-01T00:00:00Z") }).where(eq(users.id, member.user.id));
    expect(await runScheduledBlocks(new Date("2027-01-02T00:00:00Z"))).toMatchObject({ blocked: 0 });
    expect(await outboxFor(database.db, member)).toHaveLength(0);
  });
});

describe("bad dates and wrong people are refused and change nothing", () => {
  it.each([
    { label: "a day in the past", date: () => dayFromToday(-1).date, error: { ok: true, value: { outcome: "refused", reason: "dateNotInFuture" } } },
    { label: "today (that is an ordinary block)", date: () => dayFromToday(0).date, error: { ok: true, value: { outcome: "refused", reason: "dateNotInFuture" } } },
    { label: "30 February", date: () => "2031-02-30", error: { ok: true, value: { outcome: "refused", reason: "dateMalformed" } } },
    { label: "month 13", date: () => "2031-13-01", error: { ok: true, value: { outcome: "refused", reason: "dateMalformed" } } },
    { label: "a Dutch date", date: () => "1-3-2031", error: { ok: false, error: "invalid", fieldErrors: { date: ["dateMalformed"] } } },
    { label: "a word", date: () => "morgen", error: { ok: false, error: "invalid", fieldErrors: { date: ["dateMalformed"] } } },
    { label: "nothing", date: () => "", error: { ok: false, error: "invalid", fieldErrors: { date: ["dateMalformed"] } } },
  ])("$label", async ({ date, error }) => {
    const [one] = await twoOrganisations();
    signInAs(await actorOf(one.coordinator));
    const result = await schedulePeopleBlock({ target: { kind: "person", personId: one.members[0].person.id }, date: date() });
    expect(result).toEqual(error);
    expect((await loginOf(database.db, one.members[0])).blockScheduledFor).toBeNull();
    expect(await auditFor(database.db, one.members[0])).toHaveLength(0);
  });

  it("a member, a coordinator of another organisation and no session cannot schedule or cancel", async () => {
    const [one, two] = await twoOrganisations();
    const target = { kind: "person", personId: one.members[0].person.id } as const;
    const { date } = dayFromToday(4);

    signInAs(await actorOf(one.members[1]));
    expect(await schedulePeopleBlock({ target, date })).toEqual({ ok: false, error: "forbidden" });
    expect(await cancelPersonScheduledBlock({ personId: target.personId })).toEqual({ ok: false, error: "forbidden" });

    signInAs(await actorOf(two.coordinator));
    expect(await schedulePeopleBlock({ target, date })).toEqual({ ok: false, error: "notFound" });
    expect(await cancelPersonScheduledBlock({ personId: target.personId })).toEqual({ ok: false, error: "notFound" });

    signOut();
    expect(await schedulePeopleBlock({ target, date })).toEqual({ ok: false, error: "unauthorised" });
    expect((await loginOf(database.db, one.members[0])).blockScheduledFor).toBeNull();
  });
});

describe("the scheduled-blocks cron route", () => {
  function cronRequest(authorization?: string) {
    return new Request("http://localhost:3000/api/cron/scheduled-blocks", { headers: authorization ? { authorization } : {} });
  }

  it.each([
    { label: "without a secret", authorization: undefined },
    { label: "with the wrong secret", authorization: "Bearer not-the-secret" },
  ])("refuses a call $label and blocks nobody", async ({ authorization }) => {
    process.env.CRON_SECRET = "test-cron-secret";
    resetEnvCache();
    const [one] = await twoOrganisations();
    await database.db.update(users).set({ blockScheduledFor: new Date(Date.now() - 60_000) }).where(eq(users.id, one.members[0].user.id));
    const response = await runScheduledBlocksCron(cronRequest(authorization));
    expect(response.status).toBe(401);
    expect((await loginOf(database.db, one.members[0])).status).toBe("active");
    await database.db.update(users).set({ blockScheduledFor: null }).where(eq(users.id, one.members[0].user.id));
  });

  it("with the secret, carries out the blocks that are due", async () => {
    process.env.CRON_SECRET = "test-cron-secret";
    resetEnvCache();
    const [one] = await twoOrganisations();
    await database.db.update(users).set({ blockScheduledFor: new Date(Date.now() - 60_000) }).where(eq(users.id, one.members[0].user.id));
    await database.db.update(users).set({ blockScheduledFor: new Date(Date.now() + 86_400_000) }).where(eq(users.id, one.members[1].user.id));
    const response = await runScheduledBlocksCron(cronRequest("Bearer test-cron-secret"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ blocked: 1, emails: 1 });
    expect(await statusesOf(database.db, one.members)).toEqual(["blocked", "active", "active", "active"]);
  });
});

// Merging two records of one person through the coordinators' action, with the real guard and a stubbed session.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActorForSession } from "@/lib/accounts/queries";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { workedHours } from "@/lib/db/schema/hours";
import { calendarFeeds, people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { assignments, handoverRecipients, handoverRequests } from "@/lib/db/schema/roster";
import { groupMembers } from "@/lib/db/schema/tenancy";
import { addPersonToGroup, atLocalTime, createAssignment, createGroup, createMemberWithLogin, createPerson, createShift, type Person } from "@/lib/demo/factories";
import { mergePeople } from "@/lib/people/merging/actions";
import { findKeptRecordId, getMergeComparison, searchMergeCandidates } from "@/lib/people/merging/queries";
import { listPeople, searchPeople } from "@/lib/people/queries";
import { resolveProfileFieldSettings } from "@/lib/people/rules";
import { setUpTestDatabase } from "@/tests/setup/database";
import { openSession } from "@/tests/setup/sessions";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createAccessOrganisation } from "../accounts/access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));

const database = setUpTestDatabase();
beforeEach(() => {
  signOut();
});

const inDays = (days: number, time: string) => atLocalTime(new Date(Date.now() + days * 86_400_000), time);

/** An organisation with Sanne de Graaf twice: once as a member with a login, once imported again without one. */
async function twoSannes(name = "Stichting Eén") {
  const org = await createAccessOrganisation(database.db, name);
  const tenantId = org.organisation.id;
  const kept = await createMemberWithLogin(database.db, { tenantId, username: `sanne.degraaf.${randomUUID().slice(0, 6)}`, person: { firstName: "Sanne", infix: "de", lastName: "Graaf" } });
  const duplicate = await createPerson(database.db, { tenantId, firstName: "Sanne", infix: "de", lastName: "Graaf", email: null });
  signInAs(await actorOf(org.coordinator));
  return { org, tenantId, kept, duplicate };
}

async function assignmentsOf(person: Pick<Person, "id">) {
  return database.db.select({ shiftId: assignments.shiftId }).from(assignments).where(eq(assignments.personId, person.id));
}

async function groupsOf(person: Pick<Person, "id">) {
  return (await database.db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.personId, person.id))).map((row) => row.groupId).sort();
}

describe("what moves to the kept record", () => {
  it("the kept record has the union of both records' groups and shifts, and the merged one owns nothing", async () => {
    const { org, tenantId, kept, duplicate } = await twoSannes();
    const other = await createGroup(database.db, { tenantId });
    await addPersonToGroup(database.db, { tenantId, groupId: org.group.id, personId: kept.person.id });
    await addPersonToGroup(database.db, { tenantId, groupId: org.group.id, personId: duplicate.id });
    await addPersonToGroup(database.db, { tenantId, groupId: other.id, personId: duplicate.id });
    const monday = await createShift(database.db, { tenantId, startsAt: inDays(2, "09:00") });
    const tuesday = await createShift(database.db, { tenantId, startsAt: inDays(3, "09:00") });
    const lastWeek = await createShift(database.db, { tenantId, startsAt: inDays(-7, "09:00") });
    await createAssignment(database.db, { tenantId, shiftId: monday.id, personId: kept.person.id });
    await createAssignment(database.db, { tenantId, shiftId: tuesday.id, personId: duplicate.id });
    await createAssignment(database.db, { tenantId, shiftId: lastWeek.id, personId: duplicate.id });
    await database.db.insert(workedHours).values({ tenantId, personId: duplicate.id, shiftId: lastWeek.id, startsAt: lastWeek.startsAt, endsAt: lastWeek.endsAt });
    await database.db.insert(calendarFeeds).values({ tenantId, personId: duplicate.id, tokenHash: hashToken(randomUUID()) });

    const result = await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    expect(result.ok && result.value.outcome).toBe("done");
    expect(await groupsOf(kept.person)).toEqual([org.group.id, other.id].sort());
    expect((await assignmentsOf(kept.person)).map((row) => row.shiftId).sort()).toEqual([monday.id, tuesday.id, lastWeek.id].sort());
    expect(await database.db.select().from(workedHours).where(eq(workedHours.personId, kept.person.id))).toHaveLength(1);
    expect(await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, kept.person.id))).toHaveLength(1);
    expect(await assignmentsOf(duplicate)).toEqual([]);
    expect(await groupsOf(duplicate)).toEqual([]);
    expect(await database.db.select().from(workedHours).where(eq(workedHours.personId, duplicate.id))).toEqual([]);
    expect(await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, duplicate.id))).toEqual([]);
    const [merged] = await database.db.select({ mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, duplicate.id));
    expect(merged.mergedIntoId).toBe(kept.person.id);
  });

  it("a handover asked of the merged record, and one it made, now belong to the kept record", async () => {
    const { org, tenantId, kept, duplicate } = await twoSannes();
    const asker = org.members[0].person;
    const theirs = await createShift(database.db, { tenantId, startsAt: inDays(4, "09:00") });
    const ours = await createShift(database.db, { tenantId, startsAt: inDays(5, "09:00") });
    await createAssignment(database.db, { tenantId, shiftId: theirs.id, personId: asker.id });
    await createAssignment(database.db, { tenantId, shiftId: ours.id, personId: duplicate.id });
    const [askedOf] = await database.db.insert(handoverRequests).values({ tenantId, shiftId: theirs.id, requesterId: asker.id }).returning();
    await database.db.insert(handoverRecipients).values({ tenantId, requestId: askedOf.id, personId: duplicate.id });
    const [made] = await database.db.insert(handoverRequests).values({ tenantId, shiftId: ours.id, requesterId: duplicate.id }).returning();

    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    const recipients = await database.db.select({ personId: handoverRecipients.personId }).from(handoverRecipients).where(eq(handoverRecipients.requestId, askedOf.id));
    expect(recipients).toEqual([{ personId: kept.person.id }]);
    const [request] = await database.db.select().from(handoverRequests).where(eq(handoverRequests.id, made.id));
    expect(request).toMatchObject({ requesterId: kept.person.id, status: "open" });
  });

  it("the merged record disappears from search and lists, and its page leads to the kept record", async () => {
    const { org, tenantId, kept, duplicate } = await twoSannes();
    const today = new Date().toISOString().slice(0, 10);
    const settings = resolveProfileFieldSettings(undefined);
    expect((await searchPeople(tenantId, "sanne de graaf", settings, today)).map((card) => card.id).sort()).toEqual([kept.person.id, duplicate.id].sort());

    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    expect((await searchPeople(tenantId, "sanne de graaf", settings, today)).map((card) => card.id)).toEqual([kept.person.id]);
    expect((await searchMergeCandidates(tenantId, org.members[0].person.id, "sanne graaf")).map((row) => row.id)).toEqual([kept.person.id]);
    expect((await listPeople(tenantId)).map((row) => row.id)).not.toContain(duplicate.id);
    expect(await findKeptRecordId(tenantId, duplicate.id)).toBe(kept.person.id);
    expect(await findKeptRecordId(tenantId, kept.person.id)).toBeNull();
  });
});

describe("overlapping coming shifts", () => {
  it("the comparison shows each overlap, and the coordinator's choice per overlap is what remains", async () => {
    const { tenantId, kept, duplicate } = await twoSannes();
    const morning = await createShift(database.db, { tenantId, startsAt: inDays(2, "09:00") });
    const lateMorning = await createShift(database.db, { tenantId, startsAt: inDays(2, "10:00") });
    const both = await createShift(database.db, { tenantId, startsAt: inDays(3, "14:00") });
    await createAssignment(database.db, { tenantId, shiftId: morning.id, personId: kept.person.id });
    await createAssignment(database.db, { tenantId, shiftId: lateMorning.id, personId: duplicate.id });
    await createAssignment(database.db, { tenantId, shiftId: both.id, personId: kept.person.id });
    await createAssignment(database.db, { tenantId, shiftId: both.id, personId: duplicate.id });

    const comparison = await getMergeComparison(tenantId, kept.person.id, duplicate.id);
    expect(comparison?.overlaps.map((overlap) => ({ key: overlap.key, sameShift: overlap.sameShift }))).toEqual([
      { key: `${morning.id}:${lateMorning.id}`, sameShift: false },
      { key: `${both.id}:${both.id}`, sameShift: true },
    ]);

    const result = await mergePeople({
      keepPersonId: kept.person.id,
      mergePersonId: duplicate.id,
      overlapChoices: [{ keepShiftId: morning.id, mergeShiftId: lateMorning.id, winner: "merge" }],
    });

    expect(result.ok && result.value.outcome).toBe("done");
    expect((await assignmentsOf(kept.person)).map((row) => row.shiftId).sort()).toEqual([lateMorning.id, both.id].sort());
    expect(await database.db.select().from(assignments).where(eq(assignments.shiftId, both.id))).toHaveLength(1);
  });

  it("an overlap the coordinator did not decide refuses the merge and changes nothing", async () => {
    const { tenantId, kept, duplicate } = await twoSannes();
    const morning = await createShift(database.db, { tenantId, startsAt: inDays(2, "09:00") });
    const lateMorning = await createShift(database.db, { tenantId, startsAt: inDays(2, "10:00") });
    await createAssignment(database.db, { tenantId, shiftId: morning.id, personId: kept.person.id });
    await createAssignment(database.db, { tenantId, shiftId: lateMorning.id, personId: duplicate.id });

    const result = await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "overlapsChanged" } });
    expect(await assignmentsOf(duplicate)).toEqual([{ shiftId: lateMorning.id }]);
  });
});

describe("logins", () => {
  it("with a login on both records the chosen one survives on the kept record and the other is blocked", async () => {
    const { tenantId, kept } = await twoSannes();
    const second = await createMemberWithLogin(database.db, { tenantId, username: `sanne.g.${randomUUID().slice(0, 6)}`, person: { firstName: "Sanne", lastName: "de Graaf" } });
    const keptClaims = await openSession(kept.user);
    await database.db.insert(accessTokens).values({ userId: kept.user.id, tenantId, purpose: "sign_in", tokenHash: hashToken(randomUUID()), expiresAt: new Date(Date.now() + 86_400_000) });

    const result = await mergePeople({ keepPersonId: kept.person.id, mergePersonId: second.person.id, survivingLogin: "merge" });

    expect(result.ok && result.value.outcome === "done" && result.value.survivingLogin).toBe(second.user.username);
    const [surviving] = await database.db.select().from(users).where(eq(users.id, second.user.id));
    expect(surviving).toMatchObject({ personId: kept.person.id, status: "active" });
    const [blocked] = await database.db.select().from(users).where(eq(users.id, kept.user.id));
    expect(blocked).toMatchObject({ personId: second.person.id, status: "blocked" });
    expect(await getActorForSession(keptClaims)).toBeNull();
    const tokens = await database.db.select().from(accessTokens).where(eq(accessTokens.userId, kept.user.id));
    expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
  });

  it("with a login on both records and none chosen, nothing is merged", async () => {
    const { tenantId, kept } = await twoSannes();
    const second = await createMemberWithLogin(database.db, { tenantId, person: { firstName: "Sanne", lastName: "Graaf" } });

    const result = await mergePeople({ keepPersonId: kept.person.id, mergePersonId: second.person.id });

    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "loginChoiceMissing" } });
    const [still] = await database.db.select({ mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, second.person.id));
    expect(still.mergedIntoId).toBeNull();
  });

  it("the only login, on the merged record, moves to the kept record", async () => {
    const { kept, duplicate } = await twoSannes();
    const result = await mergePeople({ keepPersonId: duplicate.id, mergePersonId: kept.person.id });

    expect(result.ok && result.value.outcome).toBe("done");
    const [login] = await database.db.select({ personId: users.personId, status: users.status }).from(users).where(eq(users.id, kept.user.id));
    expect(login).toEqual({ personId: duplicate.id, status: "active" });
  });
});

describe("the audit log", () => {
  it("records people.merged on both records with what moved and which login survived", async () => {
    const { org, tenantId, kept, duplicate } = await twoSannes();
    await addPersonToGroup(database.db, { tenantId, groupId: org.group.id, personId: duplicate.id });

    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    const entries = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "people.merged")));
    expect(entries.map((entry) => entry.targetPersonId).sort()).toEqual([kept.person.id, duplicate.id].sort());
    expect(entries[0].actorUserId).toBe(org.coordinator.user.id);
    expect(entries[0].details).toMatchObject({ keptId: kept.person.id, mergedId: duplicate.id, survivingLogin: kept.user.username, blockedLogin: null, moved: { groups: 1 } });
  });
});

describe("merging at the same time", () => {
  it("two coordinators merging the same two records opposite ways end with one merge, the other refused", async () => {
    const { kept, duplicate } = await twoSannes();

    const results = await Promise.all([
      mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id }),
      mergePeople({ keepPersonId: duplicate.id, mergePersonId: kept.person.id }),
    ]);

    const outcomes = results.map((result) => (result.ok ? result.value.outcome : result.error)).sort();
    expect(outcomes).toEqual(["done", "refused"]);
    const rows = await database.db.select({ id: people.id, mergedIntoId: people.mergedIntoId }).from(people).where(inArray(people.id, [kept.person.id, duplicate.id]));
    expect(rows.filter((row) => row.mergedIntoId !== null)).toHaveLength(1);
  });

  it("a record merged into one that is merged later leads to the record kept last", async () => {
    const { tenantId, kept, duplicate } = await twoSannes();
    const third = await createPerson(database.db, { tenantId, firstName: "Sanne", lastName: "Graaf" });
    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });
    await mergePeople({ keepPersonId: third.id, mergePersonId: kept.person.id });

    expect(await findKeptRecordId(tenantId, duplicate.id)).toBe(third.id);
  });
});

describe("refused merges", () => {
  it("a record cannot be merged with itself", async () => {
    const { kept } = await twoSannes();
    expect(await mergePeople({ keepPersonId: kept.person.id, mergePersonId: kept.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "self" } });
  });

  it("a record already merged cannot be merged again", async () => {
    const { tenantId, kept, duplicate } = await twoSannes();
    const third = await createPerson(database.db, { tenantId, firstName: "Sanne", lastName: "Graaf" });
    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    expect(await mergePeople({ keepPersonId: third.id, mergePersonId: duplicate.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "alreadyMerged" } });
    expect(await mergePeople({ keepPersonId: duplicate.id, mergePersonId: third.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "alreadyMerged" } });
  });

  it("another organisation's record is answered as not found and stays untouched", async () => {
    const { kept } = await twoSannes();
    const elsewhere = await createAccessOrganisation(database.db, "Stichting Twee");
    const theirs = elsewhere.members[0].person;

    expect(await mergePeople({ keepPersonId: kept.person.id, mergePersonId: theirs.id })).toEqual({ ok: false, error: "notFound" });
    const [untouched] = await database.db.select({ mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, theirs.id));
    expect(untouched.mergedIntoId).toBeNull();
  });

  it("a member cannot merge records", async () => {
    const { org, kept, duplicate } = await twoSannes();
    signInAs(await actorOf(org.members[0]));

    expect(await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id })).toEqual({ ok: false, error: "forbidden" });
  });

  it("a coordinator cannot merge an admin's record", async () => {
    const { org, kept } = await twoSannes();
    expect(await mergePeople({ keepPersonId: kept.person.id, mergePersonId: org.admin.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "adminOnly" } });
  });
});

describe("the merge pages", () => {
  it("the pick page finds the other record, the comparison renders, the merged record's page opens the kept one and the audit log shows the merge", async () => {
    const { kept, duplicate } = await twoSannes();
    const { default: MergePickPage } = await import("@/app/(coordinator)/dashboard/people/[id]/merge/page");
    const { default: MergeComparePage } = await import("@/app/(coordinator)/dashboard/people/[id]/merge/[otherId]/page");
    const { default: MemberPage } = await import("@/app/(coordinator)/dashboard/people/[id]/page");
    await expect(MergePickPage({ params: Promise.resolve({ id: kept.person.id }), searchParams: Promise.resolve({ q: "sanne graaf" }) })).resolves.toBeTruthy();
    await expect(MergeComparePage({ params: Promise.resolve({ id: kept.person.id, otherId: duplicate.id }) })).resolves.toBeTruthy();

    await mergePeople({ keepPersonId: kept.person.id, mergePersonId: duplicate.id });

    await expect(MemberPage({ params: Promise.resolve({ id: duplicate.id }), searchParams: Promise.resolve({}) })).rejects.toThrow(`NEXT_REDIRECT /dashboard/people/${kept.person.id}`);
    const { default: AuditLogPage } = await import("@/app/(coordinator)/dashboard/audit/page");
    await expect(AuditLogPage({ searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
    await expect(MergeComparePage({ params: Promise.resolve({ id: kept.person.id, otherId: duplicate.id }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("comparing with another organisation's record is not found", async () => {
    const { kept } = await twoSannes();
    const elsewhere = await createAccessOrganisation(database.db, "Stichting Twee");
    const { default: MergeComparePage } = await import("@/app/(coordinator)/dashboard/people/[id]/merge/[otherId]/page");

    await expect(MergeComparePage({ params: Promise.resolve({ id: kept.person.id, otherId: elsewhere.members[0].person.id }) })).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

// Blocking and unblocking through the coordinators' actions, with the real guard and a stubbed session.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { blockPeople, countAccessChange, unblockPeople } from "@/lib/accounts/blocking/actions";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { getActorForSession } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens } from "@/lib/db/schema/accounts";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { setUpSignedOutDatabase, signInAs, signOut } from "@/tests/setup/sign-in-as";
import {
  actorOf,
  auditFor,
  createAccessOrganisation,
  everyoneIn,
  FIXTURE_PASSWORD,
  loginOf,
  outboxFor,
  statusesOf,
  tokensOf,
  type AccessOrganisation,
  type Member,
} from "./access-fixtures";
import { openSession } from "@/tests/setup/sessions";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();

async function twoOrganisations(): Promise<[AccessOrganisation, AccessOrganisation]> {
  return [await createAccessOrganisation(database.db, "Stichting Eén"), await createAccessOrganisation(database.db, "Stichting Twee")];
}

async function asCoordinatorOf(org: AccessOrganisation): Promise<void> {
  signInAs(await actorOf(org.coordinator));
}

/** Counts, then blocks with the counted number confirmed, the way the page does. */
async function confirmAndBlock(target: AccessTarget) {
  const preview = await countAccessChange({ change: "block", target });
  if (!preview.ok || preview.value.outcome !== "preview") throw new Error(`preview failed: ${JSON.stringify(preview)}`);
  return blockPeople({ target, expectedCount: preview.value.affected });
}

function signInInput(username: string) {
  return passwordSignInSchema.parse({ username, password: FIXTURE_PASSWORD });
}

async function insertToken(member: Member, purpose: "sign_in" | "password_reset") {
  await database.db.insert(accessTokens).values({
    userId: member.user.id,
    tenantId: member.user.tenantId,
    purpose,
    tokenHash: hashToken(randomUUID()),
    expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000),
  });
}

describe("blocking one member", () => {
  it("a blocked member's existing session is refused on their very next request", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    const claims = await openSession(member.user);
    expect(await getActorForSession(claims)).not.toBeNull();

    await asCoordinatorOf(one);
    const result = await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 1, skipped: {} } });
    expect(await getActorForSession(claims)).toBeNull();
    const login = await loginOf(database.db, member);
    expect(login.status).toBe("blocked");
    expect(login.blockedAt).not.toBeNull();
    expect(login.sessionVersion).toBe(member.user.sessionVersion + 1);
    // Even with the session version of after the block, a blocked status is refused.
    expect(await getActorForSession({ ...claims, sessionVersion: login.sessionVersion })).toBeNull();
  });

  it("blocking revokes every link the member holds, and no one else's", async () => {
    const [one, two] = await twoOrganisations();
    const member = one.members[0];
    await insertToken(member, "sign_in");
    await insertToken(member, "password_reset");
    await insertToken(one.members[1], "sign_in");
    await insertToken(two.members[0], "sign_in");

    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });

    expect((await tokensOf(database.db, member)).map((t) => t.revokedAt !== null)).toEqual([true, true]);
    expect((await tokensOf(database.db, one.members[1])).map((t) => t.revokedAt)).toEqual([null]);
    expect((await tokensOf(database.db, two.members[0])).map((t) => t.revokedAt)).toEqual([null]);
  });

  it("the blocked member gets the blocked-access notice and the block is in the audit log", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });

    const mail = await outboxFor(database.db, member);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "access-blocked", toAddress: member.person.email, tenantId: one.organisation.id });
    expect(mail[0].subject).toContain("Stichting Eén");
    const audit = await auditFor(database.db, member);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.blocked", actorUserId: one.coordinator.user.id, tenantId: one.organisation.id });
    expect(audit[0].details).toEqual({ via: "person" });
  });

  it("a coordinator cannot block themselves", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const result = await blockPeople({ target: { kind: "person", personId: one.coordinator.person.id }, expectedCount: 1 });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "cannotBlockSelf" } });
    expect((await loginOf(database.db, one.coordinator)).status).toBe("active");
  });

  it("only an admin can block an admin", async () => {
    const [one] = await twoOrganisations();
    const target = { kind: "person", personId: one.admin.person.id } as const;
    await asCoordinatorOf(one);
    expect(await blockPeople({ target, expectedCount: 1 })).toEqual({ ok: true, value: { outcome: "refused", reason: "adminOnly" } });
    expect((await loginOf(database.db, one.admin)).status).toBe("active");

    const secondAdmin = await createAccessOrganisation(database.db, "Stichting Drie");
    signInAs(await actorOf(secondAdmin.admin));
    const other = await blockPeople({ target: { kind: "person", personId: secondAdmin.coordinator.person.id }, expectedCount: 1 });
    expect(other).toMatchObject({ ok: true, value: { outcome: "done", changed: 1 } });
  });

  it("blocking someone already blocked says so and changes nothing", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });
    const again = await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });
    expect(again).toEqual({ ok: true, value: { outcome: "refused", reason: "alreadyBlocked" } });
    expect(await outboxFor(database.db, member)).toHaveLength(1);
    expect(await auditFor(database.db, member)).toHaveLength(1);
  });
});

describe("blocking many at once", () => {
  it("blocking a selection blocks exactly the selected members", async () => {
    const [one, two] = await twoOrganisations();
    await asCoordinatorOf(one);
    const selected = [one.members[0], one.members[2]];
    const result = await confirmAndBlock({ kind: "selection", personIds: selected.map((m) => m.person.id) });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 2, emailed: 2, skipped: {} } });
    expect(await statusesOf(database.db, one.members)).toEqual(["blocked", "active", "blocked", "active"]);
    expect(await statusesOf(database.db, everyoneIn(two))).not.toContain("blocked");
    for (const m of selected) {
      expect((await outboxFor(database.db, m)).map((mail) => mail.template)).toEqual(["access-blocked"]);
      expect((await auditFor(database.db, m)).map((row) => row.details)).toEqual([{ via: "selection", size: 2 }]);
    }
  });

  it("blocking a group blocks its members and nobody else", async () => {
    const [one, two] = await twoOrganisations();
    await asCoordinatorOf(one);
    const preview = await countAccessChange({ change: "block", target: { kind: "group", groupId: one.group.id } });
    expect(preview).toMatchObject({ ok: true, value: { outcome: "preview", affected: 2, groupName: one.group.name } });

    const result = await blockPeople({ target: { kind: "group", groupId: one.group.id }, expectedCount: 2 });
    expect(result).toMatchObject({ ok: true, value: { outcome: "done", changed: 2, emailed: 2 } });
    expect(await statusesOf(database.db, one.members)).toEqual(["blocked", "blocked", "active", "active"]);
    expect(await statusesOf(database.db, [one.coordinator, one.admin, one.withoutEmail])).toEqual(["active", "active", "active"]);
    expect(await statusesOf(database.db, everyoneIn(two))).not.toContain("blocked");
    expect((await auditFor(database.db, one.members[0]))[0].details).toEqual({ via: "group", groupName: one.group.name });
  });

  it("blocking everyone blocks the whole organisation except the coordinator doing it, and no other organisation", async () => {
    const [one, two] = await twoOrganisations();
    signInAs(await actorOf(one.admin));
    const preview = await countAccessChange({ change: "block", target: { kind: "everyone" } });
    expect(preview).toMatchObject({ ok: true, value: { outcome: "preview", affected: 6, withoutEmail: 1, skipped: { self: 1 } } });

    const result = await blockPeople({ target: { kind: "everyone" }, expectedCount: 6 });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 6, emailed: 5, skipped: { self: 1 } } });
    expect(await statusesOf(database.db, [one.coordinator, ...one.members, one.withoutEmail])).toEqual(Array(6).fill("blocked"));
    expect((await loginOf(database.db, one.admin)).status).toBe("active");
    expect(await statusesOf(database.db, everyoneIn(two))).toEqual(Array(7).fill("active"));
    // One notice per blocked member with an address; the one without is blocked all the same.
    const notices = await database.db.select().from(outbox).where(eq(outbox.tenantId, one.organisation.id));
    expect(notices.filter((mail) => mail.template === "access-blocked")).toHaveLength(5);
    expect(await outboxFor(database.db, one.withoutEmail)).toHaveLength(0);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.tenantId, one.organisation.id));
    expect(audit.filter((row) => row.action === "account.blocked")).toHaveLength(6);
  });

  it("a coordinator's 'everyone' leaves out admins and themselves, and says how many", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const preview = await countAccessChange({ change: "block", target: { kind: "everyone" } });
    expect(preview).toMatchObject({ ok: true, value: { affected: 5, skipped: { self: 1, "admin-only": 1 } } });
  });

  it("when the number of people changed since it was confirmed, nothing happens and the new number is given", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const result = await blockPeople({ target: { kind: "group", groupId: one.group.id }, expectedCount: 3 });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "countChanged", count: 2, skipped: {} } });
    expect(await statusesOf(database.db, one.members)).toEqual(Array(4).fill("active"));
    expect(await database.db.select().from(outbox).where(eq(outbox.tenantId, one.organisation.id))).toHaveLength(0);
  });

  it("a selection of people who are all blocked already is refused as affecting nobody", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: one.members[0].person.id }, expectedCount: 1 });
    const result = await blockPeople({ target: { kind: "selection", personIds: [one.members[0].person.id] }, expectedCount: 1 });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "nobodyAffected", skipped: { "already-blocked": 1 } } });
  });
});

describe("unblocking", () => {
  it("an unblocked member signs in again with the same password and gets the unblocked email with a sign-in link", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });
    expect(await checkPassword(signInInput(member.user.username))).toEqual({ ok: false, reason: "invalid" });

    const result = await unblockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 1, skipped: {} } });
    const login = await loginOf(database.db, member);
    expect(login).toMatchObject({ status: "active", blockedAt: null, passwordHash: member.user.passwordHash });
    expect((await checkPassword(signInInput(member.user.username))).ok).toBe(true);
    const mail = (await outboxFor(database.db, member)).find((m) => m.template === "access-unblocked");
    expect(mail?.text).toContain(member.user.username);
    expect(mail?.html).toContain("http://localhost:3000/l/");
    const signInLinks = (await tokensOf(database.db, member)).filter((t) => t.purpose === "sign_in" && t.revokedAt === null);
    expect(signInLinks).toHaveLength(1);
    expect(signInLinks[0].expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    expect((await auditFor(database.db, member)).map((row) => row.action).sort()).toEqual(["account.blocked", "account.unblocked"]);
  });

  it("unblocking a selection unblocks only the blocked ones in it", async () => {
    const [one, two] = await twoOrganisations();
    await asCoordinatorOf(one);
    await confirmAndBlock({ kind: "selection", personIds: [one.members[0].person.id, one.members[1].person.id] });
    signInAs(await actorOf(two.coordinator));
    await confirmAndBlock({ kind: "selection", personIds: [two.members[0].person.id] });

    await asCoordinatorOf(one);
    const selection = { kind: "selection", personIds: [one.members[0].person.id, one.members[2].person.id] } as const;
    const preview = await countAccessChange({ change: "unblock", target: selection });
    expect(preview).toMatchObject({ ok: true, value: { affected: 1, skipped: { "not-blocked": 1 } } });
    expect(await unblockPeople({ target: selection, expectedCount: 1 })).toMatchObject({ ok: true, value: { outcome: "done", changed: 1 } });

    expect(await statusesOf(database.db, one.members)).toEqual(["active", "blocked", "active", "active"]);
    expect((await loginOf(database.db, two.members[0])).status).toBe("blocked");
  });

  it("unblocking someone who is not blocked says so", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const result = await unblockPeople({ target: { kind: "person", personId: one.members[0].person.id }, expectedCount: 1 });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "notBlocked" } });
    expect(await outboxFor(database.db, one.members[0])).toHaveLength(0);
  });
});

describe("who may block", () => {
  it("a member is refused by every access action and nothing changes", async () => {
    const [one] = await twoOrganisations();
    signInAs(await actorOf(one.members[0]));
    const target = { kind: "person", personId: one.members[1].person.id } as const;
    expect(await blockPeople({ target, expectedCount: 1 })).toEqual({ ok: false, error: "forbidden" });
    expect(await unblockPeople({ target, expectedCount: 1 })).toEqual({ ok: false, error: "forbidden" });
    expect(await countAccessChange({ change: "block", target: { kind: "everyone" } })).toEqual({ ok: false, error: "forbidden" });
    expect(await statusesOf(database.db, one.members)).toEqual(Array(4).fill("active"));
  });

  it("without a session every access action is refused", async () => {
    const [one] = await twoOrganisations();
    signOut();
    const result = await blockPeople({ target: { kind: "everyone" }, expectedCount: 1 });
    expect(result).toEqual({ ok: false, error: "unauthorised" });
    expect(await statusesOf(database.db, everyoneIn(one))).not.toContain("blocked");
  });

  it("a blocked coordinator's session can no longer block anyone", async () => {
    const [one] = await twoOrganisations();
    signInAs(await actorOf(one.admin));
    await blockPeople({ target: { kind: "person", personId: one.coordinator.person.id }, expectedCount: 1 });
    // The next request resolves the session from the database again: no actor, so no access.
    const actor = await getActorForSession(await openSession(one.coordinator.user));
    expect(actor).toBeNull();
  });

  it("a coordinator of another organisation cannot block, count or unblock this organisation's people, even with their ids, and the attempt is in their own organisation's security log", async () => {
    const [one, two] = await twoOrganisations();
    await asCoordinatorOf(two);
    const forged = [
      { kind: "person", personId: one.members[0].person.id },
      { kind: "selection", personIds: [one.members[0].person.id, one.members[1].person.id] },
      { kind: "selection", personIds: [two.members[0].person.id, one.members[1].person.id] },
    ] as const;
    for (const target of forged) {
      expect(await blockPeople({ target, expectedCount: 1 })).toEqual({ ok: false, error: "notFound" });
      expect(await countAccessChange({ change: "block", target })).toEqual({ ok: false, error: "notFound" });
    }
    const groupTarget = { kind: "group", groupId: one.group.id } as const;
    expect(await blockPeople({ target: groupTarget, expectedCount: 2 })).toEqual({ ok: false, error: "notFound" });
    expect(await countAccessChange({ change: "block", target: groupTarget })).toEqual({ ok: false, error: "notFound" });
    expect(await statusesOf(database.db, everyoneIn(one))).toEqual(Array(7).fill("active"));
    expect(await statusesOf(database.db, everyoneIn(two))).toEqual(Array(7).fill("active"));
    expect(await database.db.select().from(auditLog).where(eq(auditLog.tenantId, one.organisation.id))).toHaveLength(0);
    const refusals = await database.db.select().from(auditLog).where(eq(auditLog.tenantId, two.organisation.id));
    expect(refusals).toHaveLength(8);
    expect(refusals.every((row) => row.action === "security.refused" && row.details.reason === "otherOrganisation")).toBe(true);

    // And the other way round: a member blocked in one organisation cannot be unblocked from the other.
    await asCoordinatorOf(one);
    await blockPeople({ target: { kind: "person", personId: one.members[0].person.id }, expectedCount: 1 });
    await asCoordinatorOf(two);
    const unblock = await unblockPeople({ target: { kind: "person", personId: one.members[0].person.id }, expectedCount: 1 });
    expect(unblock).toEqual({ ok: false, error: "notFound" });
    expect((await loginOf(database.db, one.members[0])).status).toBe("blocked");
  });
});

describe("bad input is refused with a clear message and changes nothing", () => {
  it.each([
    { label: "an empty selection", input: { target: { kind: "selection", personIds: [] }, expectedCount: 1 }, field: "target.personIds", message: "selectionEmpty" },
    { label: "an id that is not an id", input: { target: { kind: "person", personId: "42" }, expectedCount: 1 }, field: "target.personId", message: "unknownPeople" },
    { label: "a group id that is not an id", input: { target: { kind: "group", groupId: "buurthuis" }, expectedCount: 1 }, field: "target.groupId", message: "unknownGroup" },
    { label: "no target", input: { expectedCount: 1 }, field: "target", message: "targetMissing" },
    { label: "an unknown kind of target", input: { target: { kind: "provider" }, expectedCount: 1 }, field: "target.kind", message: "targetMissing" },
    { label: "no confirmed count", input: { target: { kind: "everyone" } }, field: "expectedCount", message: "confirmationMissing" },
    { label: "a confirmed count of zero", input: { target: { kind: "everyone" }, expectedCount: 0 }, field: "expectedCount", message: "confirmationMissing" },
  ])("$label", async ({ input, field, message }) => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const result = await blockPeople(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("invalid");
    expect(result.fieldErrors?.[field]).toContain(message);
    expect(await statusesOf(database.db, everyoneIn(one))).not.toContain("blocked");
  });

  it("ids that belong to nobody are refused as unknown", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const target = { kind: "selection", personIds: [one.members[0].person.id, randomUUID()] } as const;
    expect(await blockPeople({ target, expectedCount: 1 })).toEqual({ ok: true, value: { outcome: "refused", reason: "unknownPeople" } });
    expect(await blockPeople({ target: { kind: "group", groupId: randomUUID() }, expectedCount: 1 })).toEqual({
      ok: true,
      value: { outcome: "refused", reason: "unknownGroup" },
    });
    expect((await loginOf(database.db, one.members[0])).status).toBe("active");
  });

  it("a selection naming the same person twice counts them once", async () => {
    const [one] = await twoOrganisations();
    await asCoordinatorOf(one);
    const id = one.members[0].person.id;
    const result = await confirmAndBlock({ kind: "selection", personIds: [id, id] });
    expect(result).toMatchObject({ ok: true, value: { outcome: "done", changed: 1, emailed: 1 } });
    expect(await statusesOf(database.db, one.members)).toEqual(["blocked", "active", "active", "active"]);
    expect(await auditFor(database.db, one.members[0])).toHaveLength(1);
  });
});

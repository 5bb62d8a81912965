// Roles: an admin makes someone a member, coordinator or admin, audited with before and after; nobody
// else may; and an organisation always keeps an admin who can sign in, also when two admins demote each
// other at the same moment or someone tries to block the last one. Through the real admin action
// (stubbed session) and the real use cases.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { changeRole as changeRoleOf } from "@/lib/accounts/roles/roles";
import { blockAccess } from "@/lib/accounts/blocking/blocking";
import type { Actor } from "@/lib/accounts/queries";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation, type Organisation } from "@/lib/demo/factories";
import { setUpTestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { changeRole, changeRoleForm } = await import("@/lib/accounts/roles/actions");

const database = setUpTestDatabase();
beforeEach(() => signOut());

async function organisationWith(admins = 1) {
  const organisation = await createOrganisation(database.db, { name: "Samen Sterk" });
  const adminLogins = [];
  for (let i = 0; i < admins; i++) adminLogins.push(await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" }));
  const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
  const member = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { organisation, admins: adminLogins, admin: adminLogins[0], coordinator, member };
}

async function roleOf(personId: string) {
  const [row] = await database.db.select({ role: people.role }).from(people).where(eq(people.id, personId));
  return row.role;
}

async function roleChanges(tenantId: string) {
  return database.db
    .select({ actorUserId: auditLog.actorUserId, targetPersonId: auditLog.targetPersonId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "account.role-changed")));
}

/** A provider admin visiting the organisation, as the session resolves one: its admin, without a person. */
function visitingProviderAdmin(organisation: Organisation, userId: string): Actor {
  return {
    userId,
    personId: null,
    tenantId: organisation.id,
    role: "admin",
    firstName: "Provider",
    displayName: "Provider",
    organisationName: organisation.name,
    timeZone: "Europe/Amsterdam",
    locale: "nl",
    mustChangePassword: false,
    providerVisit: { providerId: organisation.providerId, providerName: "Ploeg" },
  };
}

describe("changing a role", () => {
  it("an admin makes a member coordinator, and the audit log has the role before and after", async () => {
    const { organisation, admin, member } = await organisationWith();
    signInAs(await actorOf(admin));
    const result = await changeRole({ personId: member.person.id, role: "coordinator" });
    expect(result).toEqual({ ok: true, value: { outcome: "changed", before: "member", after: "coordinator" } });
    expect(await roleOf(member.person.id)).toBe("coordinator");
    expect(await roleChanges(organisation.id)).toEqual([
      { actorUserId: admin.user.id, targetPersonId: member.person.id, details: { before: "member", after: "coordinator" } },
    ]);
  });

  it("the member's next request already has the new role", async () => {
    const { admin, member } = await organisationWith();
    signInAs(await actorOf(admin));
    await changeRole({ personId: member.person.id, role: "admin" });
    expect((await actorOf(member)).role).toBe("admin");
  });

  it("the role form says what changed, in Dutch", async () => {
    const { admin, member } = await organisationWith();
    signInAs(await actorOf(admin));
    const state = await changeRoleForm({}, formOf({ personId: member.person.id, role: "coordinator" }));
    expect(state).toEqual({ saved: true, message: "De rol is gewijzigd in Coördinator." });
  });

  it("a coordinator cannot change anyone's role, their own included, and nothing is written", async () => {
    const { organisation, coordinator, member } = await organisationWith();
    signInAs(await actorOf(coordinator));
    expect(await changeRole({ personId: member.person.id, role: "coordinator" })).toEqual({ ok: false, error: "forbidden" });
    expect(await changeRole({ personId: coordinator.person.id, role: "admin" })).toEqual({ ok: false, error: "forbidden" });
    expect(await roleOf(member.person.id)).toBe("member");
    expect(await roleOf(coordinator.person.id)).toBe("coordinator");
    expect(await roleChanges(organisation.id)).toEqual([]);
  });

  it("a member cannot change roles either", async () => {
    const { member } = await organisationWith();
    signInAs(await actorOf(member));
    expect(await changeRole({ personId: member.person.id, role: "admin" })).toEqual({ ok: false, error: "forbidden" });
    expect(await roleOf(member.person.id)).toBe("member");
  });

  it("a person of another organisation is not found, and keeps their role", async () => {
    const home = await organisationWith();
    const other = await organisationWith();
    signInAs(await actorOf(home.admin));
    expect(await changeRole({ personId: other.member.person.id, role: "admin" })).toEqual({ ok: false, error: "notFound" });
    expect(await roleOf(other.member.person.id)).toBe("member");
    expect(await roleChanges(other.organisation.id)).toEqual([]);
  });

  it("choosing the role someone already has changes nothing", async () => {
    const { organisation, admin, coordinator } = await organisationWith();
    signInAs(await actorOf(admin));
    expect(await changeRole({ personId: coordinator.person.id, role: "coordinator" })).toEqual({ ok: true, value: { outcome: "refused", reason: "unchanged" } });
    expect(await roleChanges(organisation.id)).toEqual([]);
  });

  it("a provider admin visiting the organisation changes roles as its admin, audited under their account", async () => {
    const { organisation, member } = await organisationWith();
    const { user: outsider } = await createMemberWithLogin(database.db, { tenantId: (await createOrganisation(database.db)).id });
    signInAs(visitingProviderAdmin(organisation, outsider.id));
    expect(await changeRole({ personId: member.person.id, role: "coordinator" })).toMatchObject({ ok: true, value: { outcome: "changed" } });
    expect((await roleChanges(organisation.id))[0]).toMatchObject({ actorUserId: outsider.id });
  });
});

describe("the last admin", () => {
  it("cannot demote themselves, with a message that says why", async () => {
    const { organisation, admin } = await organisationWith();
    signInAs(await actorOf(admin));
    expect(await changeRole({ personId: admin.person.id, role: "member" })).toEqual({ ok: true, value: { outcome: "refused", reason: "lastAdmin" } });
    const state = await changeRoleForm({}, formOf({ personId: admin.person.id, role: "coordinator" }));
    expect(state.message).toContain("laatste beheerder");
    expect(await roleOf(admin.person.id)).toBe("admin");
    expect(await roleChanges(organisation.id)).toEqual([]);
  });

  it("cannot be demoted by a visiting provider admin either", async () => {
    const { organisation, admin } = await organisationWith();
    signInAs(visitingProviderAdmin(organisation, admin.user.id));
    expect(await changeRole({ personId: admin.person.id, role: "coordinator" })).toEqual({ ok: true, value: { outcome: "refused", reason: "lastAdmin" } });
    expect(await roleOf(admin.person.id)).toBe("admin");
  });

  it("a blocked admin does not count: the one admin who can still sign in stays admin", async () => {
    const { admins } = await organisationWith(2);
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, admins[1].user.id));
    signInAs(await actorOf(admins[0]));
    expect(await changeRole({ personId: admins[0].person.id, role: "member" })).toEqual({ ok: true, value: { outcome: "refused", reason: "lastAdmin" } });
  });

  it("with a second admin, an admin may step down", async () => {
    const { admins } = await organisationWith(2);
    signInAs(await actorOf(admins[0]));
    expect(await changeRole({ personId: admins[0].person.id, role: "coordinator" })).toMatchObject({ ok: true, value: { outcome: "changed" } });
    expect(await roleOf(admins[0].person.id)).toBe("coordinator");
  });

  it("two admins demoting each other at the same moment leave exactly one admin", async () => {
    const { organisation, admins } = await organisationWith(2);
    const [first, second] = await Promise.all(admins.map((admin) => actorOf(admin)));
    const results = await Promise.all([
      changeRoleOf(organisation.id, first, { personId: admins[1].person.id, role: "member" }),
      changeRoleOf(organisation.id, second, { personId: admins[0].person.id, role: "member" }),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(["changed", "refused"]);
    expect(results).toContainEqual({ outcome: "refused", reason: "lastAdmin" });
    const remaining = await database.db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, organisation.id), eq(people.role, "admin")));
    expect(remaining).toHaveLength(1);
  });

  it("cannot be blocked, not even by a visiting provider admin, and nobody is emailed", async () => {
    const { organisation, admin } = await organisationWith();
    const change = await blockAccess(organisation.id, visitingProviderAdmin(organisation, admin.user.id), {
      target: { kind: "person", personId: admin.person.id },
      expectedCount: 1,
    });
    expect(change).toEqual({ result: { outcome: "refused", reason: "lastAdmin" }, mailIds: [] });
    const [login] = await database.db.select({ status: users.status }).from(users).where(eq(users.id, admin.user.id));
    expect(login.status).toBe("active");
  });

  it("cannot block themselves", async () => {
    const { organisation, admin } = await organisationWith();
    const change = await blockAccess(organisation.id, await actorOf(admin), { target: { kind: "person", personId: admin.person.id }, expectedCount: 1 });
    expect(change.result.outcome).toBe("refused");
    const [login] = await database.db.select({ status: users.status }).from(users).where(eq(users.id, admin.user.id));
    expect(login.status).toBe("active");
  });

  it("one of two admins may be blocked by the other", async () => {
    const { organisation, admins } = await organisationWith(2);
    const change = await blockAccess(organisation.id, await actorOf(admins[0]), { target: { kind: "person", personId: admins[1].person.id }, expectedCount: 1 });
    expect(change.result).toMatchObject({ outcome: "done", changed: 1 });
  });
});

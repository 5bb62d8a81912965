// A member lost the phone with their authenticator app: a coordinator removes the app from the
// dashboard, after which sign-in falls back to the organisation's usual second step and the member
// can enrol a new app. Through the real coordinator action (stubbed session).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetPersonAuthenticator } from "@/lib/accounts/blocking/actions";
import { listPeopleAccess } from "@/lib/accounts/blocking/queries";
import { chooseSecondFactor } from "@/lib/accounts/two-factor/two-factor";
import { users } from "@/lib/db/schema/accounts";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, auditFor, createAccessOrganisation, loginOf, outboxFor, type AccessOrganisation, type Member } from "./access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

let database: TestDatabase;
let org: AccessOrganisation;
let other: AccessOrganisation;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createAccessOrganisation(database.db, "Stichting App");
  other = await createAccessOrganisation(database.db, "Stichting Elders");
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => signOut());

async function withAuthenticator(member: Member): Promise<void> {
  await database.db.update(users).set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() }).where(eq(users.id, member.user.id));
}

const emailCodeSettings = { twoFactorForMembers: "email", twoFactorForCoordinators: "email" } as const;

describe("a coordinator removes a lost authenticator app", () => {
  it("the app is gone, sign-in asks the usual email code again, and the audit log says who did it", async () => {
    const member = org.members[0];
    await withAuthenticator(member);
    signInAs(await actorOf(org.coordinator));
    expect(await resetPersonAuthenticator({ personId: member.person.id })).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 1, skipped: {} } });
    const login = await loginOf(database.db, member);
    expect(login.totpSecret).toBeNull();
    expect(login.totpEnabledAt).toBeNull();
    const subject = { userId: member.user.id, tenantId: org.organisation.id, role: "member" as const, totpEnabled: login.totpEnabledAt !== null, firstName: "x", email: "x@example.org", personId: member.person.id, settings: emailCodeSettings };
    expect(chooseSecondFactor(subject, "password")).toBe("email");
    const audit = await auditFor(database.db, member);
    expect(audit.map((row) => row.action)).toContain("account.authenticator-reset");
    expect(audit.find((row) => row.action === "account.authenticator-reset")?.actorUserId).toBe(org.coordinator.user.id);
    // The member is told, so someone who did not ask for it learns at once.
    const [notice] = (await outboxFor(database.db, member)).filter((mail) => mail.template === "authenticator-removed");
    expect(notice.subject).toContain("authenticator-app");
    expect(notice.text).toContain("Heb je hier niet om gevraagd?");
    // The password and the account's status are untouched.
    expect(login.passwordHash).toBe(member.user.passwordHash);
    expect(login.status).toBe("active");
  });

  it("the people list offers it only for someone with an app", async () => {
    const member = org.members[1];
    await withAuthenticator(member);
    const page = await listPeopleAccess(org.organisation.id, { status: "all", page: 1 }, "2026-06-15");
    const rows = new Map(page.rows.map((row) => [row.personId, row]));
    expect(rows.get(member.person.id)?.login?.hasAuthenticator).toBe(true);
    expect(rows.get(org.members[2].person.id)?.login?.hasAuthenticator).toBe(false);
  });

  it("says so for someone without an app, and changes nothing", async () => {
    signInAs(await actorOf(org.coordinator));
    expect(await resetPersonAuthenticator({ personId: org.members[3].person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "noAuthenticator" } });
    expect(await auditFor(database.db, org.members[3])).toEqual([]);
  });

  it("only an admin removes an admin's app", async () => {
    await withAuthenticator(org.admin);
    signInAs(await actorOf(org.coordinator));
    expect(await resetPersonAuthenticator({ personId: org.admin.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "adminOnly" } });
    expect((await loginOf(database.db, org.admin)).totpEnabledAt).not.toBeNull();
  });

  it("a member, someone signed out, or a coordinator of another organisation cannot, and nothing changes", async () => {
    const member = org.members[2];
    await withAuthenticator(member);
    signInAs(await actorOf(org.members[3]));
    expect(await resetPersonAuthenticator({ personId: member.person.id })).toEqual({ ok: false, error: "forbidden" });
    signOut();
    expect(await resetPersonAuthenticator({ personId: member.person.id })).toEqual({ ok: false, error: "unauthorised" });
    signInAs(await actorOf(other.coordinator));
    expect(await resetPersonAuthenticator({ personId: member.person.id })).toEqual({ ok: false, error: "notFound" });
    expect(await resetPersonAuthenticator({ personId: "not-an-id" })).toMatchObject({ ok: false, error: "invalid" });
    expect((await loginOf(database.db, member)).totpEnabledAt).not.toBeNull();
  });
});

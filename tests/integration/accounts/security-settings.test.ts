// The admin's sign-in security settings: two-factor for members and for coordinators, and the lockout
// threshold. Saved through the real admin action (stubbed session), read back the way sign-in reads
// them, audited, and refused for anyone but an admin of the organisation.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getLoginByUsername } from "@/lib/accounts/queries";
import { getSecuritySettings } from "@/lib/accounts/security-settings/settings";
import { updateSecuritySettings } from "@/lib/accounts/security-settings/actions";
import { auditLog } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const database = setUpTestDatabase();
beforeEach(() => signOut());

async function organisationWith() {
  const organisation = await createOrganisation(database.db);
  const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" });
  const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
  const member = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { organisation, admin, coordinator, member };
}

const strict = { twoFactorForMembers: "email", twoFactorForCoordinators: "email", lockoutThreshold: "3" };

describe("sign-in security settings", () => {
  it("an admin turns on two-factor and lowers the lockout threshold; sign-in reads it, and the audit log has before and after", async () => {
    const { organisation, admin, member } = await organisationWith();
    expect(await getSecuritySettings(organisation.id)).toEqual({ twoFactorForMembers: "off", twoFactorForCoordinators: "off", lockoutThreshold: 5 });
    signInAs(await actorOf(admin));
    expect(await updateSecuritySettings(strict)).toEqual({ ok: true, value: { changed: true } });
    expect(await getSecuritySettings(organisation.id)).toEqual({ twoFactorForMembers: "email", twoFactorForCoordinators: "email", lockoutThreshold: 3 });
    expect((await getLoginByUsername(member.user.username))?.lockoutThreshold).toBe(3);
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, organisation.id), eq(auditLog.action, "settings.security-changed")));
    expect(row.details).toMatchObject({ before: { lockoutThreshold: 5, twoFactorForMembers: "off" }, after: { lockoutThreshold: 3, twoFactorForMembers: "email" } });
    // Saving the same again changes nothing and writes no second row.
    expect(await updateSecuritySettings(strict)).toEqual({ ok: true, value: { changed: false } });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.tenantId, organisation.id))).toHaveLength(1);
  });

  it("keeps the organisation's other settings as they were", async () => {
    const { organisation, admin } = await organisationWith();
    const [before] = await database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisation.id));
    signInAs(await actorOf(admin));
    await updateSecuritySettings(strict);
    const [after] = await database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisation.id));
    expect(after.settings.visibleProfileFields).toEqual(before.settings.visibleProfileFields);
    expect(after.settings.editableProfileFields).toEqual(before.settings.editableProfileFields);
  });

  it("a coordinator, a member and someone signed out are refused, and nothing changes", async () => {
    const { organisation, coordinator, member } = await organisationWith();
    signInAs(await actorOf(coordinator));
    expect(await updateSecuritySettings(strict)).toEqual({ ok: false, error: "forbidden" });
    signInAs(await actorOf(member));
    expect(await updateSecuritySettings(strict)).toEqual({ ok: false, error: "forbidden" });
    signOut();
    expect(await updateSecuritySettings(strict)).toEqual({ ok: false, error: "unauthorised" });
    expect((await getSecuritySettings(organisation.id)).lockoutThreshold).toBe(5);
  });

  it.each([
    { label: "a threshold of 2", input: { ...strict, lockoutThreshold: "2" }, field: "lockoutThreshold" },
    { label: "a threshold of 21", input: { ...strict, lockoutThreshold: "21" }, field: "lockoutThreshold" },
    { label: "a threshold that is not a number", input: { ...strict, lockoutThreshold: "vijf" }, field: "lockoutThreshold" },
    { label: "an empty threshold", input: { ...strict, lockoutThreshold: "" }, field: "lockoutThreshold" },
    { label: "an unknown two-factor choice", input: { ...strict, twoFactorForMembers: "sms" }, field: "twoFactorForMembers" },
    { label: "a missing two-factor choice", input: { twoFactorForCoordinators: "off", lockoutThreshold: "5" }, field: "twoFactorForMembers" },
  ])("$label is refused with a message on that field, and nothing changes", async ({ input, field }) => {
    const { organisation, admin } = await organisationWith();
    signInAs(await actorOf(admin));
    const result = await updateSecuritySettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("invalid");
    expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    expect(await getSecuritySettings(organisation.id)).toEqual({ twoFactorForMembers: "off", twoFactorForCoordinators: "off", lockoutThreshold: 5 });
  });
});

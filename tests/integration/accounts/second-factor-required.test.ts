// Two-factor fails closed: where the organisation requires an email code, an account without an
// address signs in only with an authenticator app, or not at all with a clear message; and turning the
// code off asks for the admin's own password. Through the real actions; only Next's request helpers,
// Auth.js's cookie writer and the session are stand-ins, and the texts are the real Dutch ones.
import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { getSecuritySettings } from "@/lib/accounts/security-settings/settings";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { auditLog } from "@/lib/db/schema/platform";
import { defaultOrganisationSettings, organisations, type OrganisationSettings } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import nl from "@/lib/i18n/messages/nl.json";
import en from "@/lib/i18n/messages/en.json";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "./access-fixtures";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const request = vi.hoisted(() => ({ client: "192.0.2.1", deferred: [] as unknown[] }));
vi.mock("@/lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/client", () => ({ getClientKey: async () => request.client }));
vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next/server", () => ({ after: (task: unknown) => void request.deferred.push(task) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { signInWithPassword } = await import("@/lib/accounts/sign-in/actions");
const { saveSecuritySettingsForm } = await import("@/lib/accounts/security-settings/actions");

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";
const signInTexts = createTranslator({ locale: "nl", messages: nl, namespace: "signIn" });
const settingsTexts = createTranslator({ locale: "nl", messages: nl, namespace: "securitySettings" });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
let clientNumber = 0;
beforeEach(() => {
  clientNumber += 1;
  request.client = `203.0.113.${clientNumber}`;
  request.deferred.length = 0;
  signOut();
});

function signIn(username: string, pass = password) {
  return checkPassword(passwordSignInSchema.parse({ username, password: pass }));
}

function organisationRequiring(settings: Partial<OrganisationSettings>) {
  return createOrganisation(database.db, { settings: { ...defaultOrganisationSettings, ...settings } });
}

async function tokensOf(userId: string) {
  return database.db.select({ purpose: accessTokens.purpose }).from(accessTokens).where(eq(accessTokens.userId, userId));
}

describe("an account without an email address where the organisation requires a code", () => {
  it("a coordinator without an address and without an app is refused with a message to ask an admin, and gets nothing", async () => {
    const organisation = await organisationRequiring({ twoFactorForCoordinators: "email" });
    const { user } = await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      role: "coordinator",
      username: "coordinator.zonder.mail",
      password,
      person: { email: null },
    });
    expect(await signIn("coordinator.zonder.mail")).toEqual({ ok: false, reason: "secondFactorUnavailable" });
    expect(await signInWithPassword({}, formOf({ username: "coordinator.zonder.mail", password }))).toEqual({
      error: signInTexts("secondFactorUnavailable"),
      username: "coordinator.zonder.mail",
    });
    // No ticket, no challenge: the password alone opened nothing.
    expect(await tokensOf(user.id)).toEqual([]);
  });

  it("an admin without an address is refused the same way, and a temporary password keeps its one use", async () => {
    const organisation = await organisationRequiring({ twoFactorForCoordinators: "email" });
    const { user } = await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      role: "admin",
      username: "beheerder.zonder.mail",
      password,
      person: { email: null },
      login: { mustChangePassword: true, temporaryPasswordExpiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) },
    });
    expect(await signIn("beheerder.zonder.mail")).toEqual({ ok: false, reason: "secondFactorUnavailable" });
    const [row] = await database.db.select({ usedAt: users.temporaryPasswordUsedAt }).from(users).where(eq(users.id, user.id));
    expect(row.usedAt).toBeNull();
  });

  it("a coordinator without an address but with an authenticator app is asked for the app's code", async () => {
    const organisation = await organisationRequiring({ twoFactorForCoordinators: "email" });
    await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      role: "coordinator",
      username: "coordinator.met.app",
      password,
      person: { email: null },
      login: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() },
    });
    expect(await signIn("coordinator.met.app")).toMatchObject({ ok: true, kind: "second-factor", method: "totp" });
  });

  it("a member without an address still signs in with the password: the fail-closed rule is for coordinators and admins", async () => {
    const organisation = await organisationRequiring({ twoFactorForMembers: "email", twoFactorForCoordinators: "email" });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "lid.zonder.mail", password, person: { email: null } });
    expect(await signIn("lid.zonder.mail")).toMatchObject({ ok: true, kind: "session" });
  });

  it("a wrong password or a locked account still gets the plain ‘klopt niet’, never this message", async () => {
    const organisation = await organisationRequiring({ twoFactorForCoordinators: "email" });
    await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      role: "coordinator",
      username: "coordinator.op.slot",
      password,
      person: { email: null },
    });
    expect(await signIn("coordinator.op.slot", "fout")).toEqual({ ok: false, reason: "invalid" });
    for (let attempt = 2; attempt <= 5; attempt++) await signIn("coordinator.op.slot", "fout");
    expect(await signIn("coordinator.op.slot")).toEqual({ ok: false, reason: "invalid" });
  });

  it("the message exists in Dutch and English and tells whom to ask", () => {
    expect(nl.signIn.secondFactorUnavailable).toMatch(/beheerder.*e-mailadres/);
    expect(en.signIn.secondFactorUnavailable).toMatch(/admin.*email address/);
  });
});

describe("turning two-factor off asks for the admin's password", () => {
  async function strictOrganisation() {
    const organisation = await organisationRequiring({ twoFactorForMembers: "email", twoFactorForCoordinators: "email" });
    const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin", password });
    signInAs(await actorOf(admin));
    return { organisation, admin };
  }

  async function auditRows(tenantId: string) {
    return database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "settings.security-changed")));
  }

  const off = { twoFactorForMembers: "off", twoFactorForCoordinators: "email", lockoutThreshold: "5" };

  it("without the password nothing changes, nothing is audited, and the field says why", async () => {
    const { organisation } = await strictOrganisation();
    expect(await saveSecuritySettingsForm({ status: "idle" }, formOf(off))).toEqual({
      status: "invalid",
      message: settingsTexts("errors.checkFields"),
      fieldErrors: { currentPassword: [settingsTexts("errors.passwordRequired")] },
    });
    expect((await getSecuritySettings(organisation.id)).twoFactorForMembers).toBe("email");
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("a wrong password gets a field error; nothing changes and nothing is audited", async () => {
    const { organisation } = await strictOrganisation();
    expect(await saveSecuritySettingsForm({ status: "idle" }, formOf({ ...off, currentPassword: "niet-mijn-wachtwoord" }))).toEqual({
      status: "invalid",
      message: settingsTexts("errors.checkFields"),
      fieldErrors: { currentPassword: [settingsTexts("errors.passwordWrong")] },
    });
    expect((await getSecuritySettings(organisation.id)).twoFactorForMembers).toBe("email");
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("the right password turns it off, audited once, and the password is stored nowhere", async () => {
    const { organisation } = await strictOrganisation();
    expect(await saveSecuritySettingsForm({ status: "idle" }, formOf({ ...off, currentPassword: ` ${password} ` }))).toEqual({
      status: "saved",
      message: settingsTexts("saved"),
    });
    expect(await getSecuritySettings(organisation.id)).toEqual({ twoFactorForMembers: "off", twoFactorForCoordinators: "email", lockoutThreshold: 5 });
    const audit = await auditRows(organisation.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain(password);
    const [row] = await database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisation.id));
    expect(JSON.stringify(row.settings)).not.toContain(password);
    expect(Object.keys(row.settings)).not.toContain("currentPassword");
  });

  it("turning it on or changing only the threshold needs no password", async () => {
    const organisation = await createOrganisation(database.db);
    const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin", password });
    signInAs(await actorOf(admin));
    const on = { twoFactorForMembers: "email", twoFactorForCoordinators: "email", lockoutThreshold: "5" };
    expect((await saveSecuritySettingsForm({ status: "idle" }, formOf(on))).status).toBe("saved");
    expect((await saveSecuritySettingsForm({ status: "idle" }, formOf({ ...on, lockoutThreshold: "7" }))).status).toBe("saved");
    expect(await getSecuritySettings(organisation.id)).toEqual({ twoFactorForMembers: "email", twoFactorForCoordinators: "email", lockoutThreshold: 7 });
  });

  it("guessing the password is limited to five tries per quarter hour", async () => {
    const { organisation } = await strictOrganisation();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await saveSecuritySettingsForm({ status: "idle" }, formOf({ ...off, currentPassword: `gok-${attempt}` }));
    }
    const sixth = await saveSecuritySettingsForm({ status: "idle" }, formOf({ ...off, currentPassword: password }));
    expect(sixth.status).toBe("invalid");
    expect(sixth.message).toMatch(/^Te veel pogingen\./);
    expect((await getSecuritySettings(organisation.id)).twoFactorForMembers).toBe("email");
  });
});

// Provider admins: an account of no organisation and no person that manages its provider's
// organisations. It signs in with username and password plus an email code, gets a session of its own,
// creates organisations with their first admin (the CLI's use case), and opens an organisation's
// dashboard as its admin, audited in that organisation; another provider's organisation is not found
// and nothing is written. Through the real actions (stubbed session) and the real session check.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkSession, isMemberActor, type ProviderAdminActor, type SessionClaims } from "@/lib/accounts/queries";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { authSessions, providerAdmins, users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation, createProvider } from "@/lib/demo/factories";
import { sessionKey } from "@/lib/accounts/sign-in/sessions";
import { listProviderOrganisations } from "@/lib/tenancy/provider-queries";
import { endProviderVisit, startProviderVisit } from "@/lib/tenancy/provider-visits";
import { createProviderAdmin } from "@/lib/tenancy/provisioning";
import { setUpTestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { openSession } from "@/tests/setup/sessions";
import { signInAs, signInAsProviderAdmin, signOut } from "@/tests/setup/sign-in-as";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
const cookie = vi.hoisted(() => ({ claims: null as { userId: string; sessionVersion: number; sessionId: string } | null }));
vi.mock("@/lib/auth/session-token", () => ({ readSessionCookie: async () => cookie.claims, hasSessionCookie: async () => cookie.claims !== null }));
vi.mock("@/lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/client", () => ({ getClientKey: async () => "192.0.2.9" }));
vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { changeProviderPassword, createOrganisationForm, openDashboardForm, openOrganisationDashboard, createProviderOrganisation } = await import(
  "@/lib/tenancy/provider-actions"
);
const { signUpForShift } = await import("@/lib/roster/actions");

const database = setUpTestDatabase();
beforeEach(() => {
  signOut();
  cookie.claims = null;
});

let sequence = 0;

/** A provider with one organisation, and a provider admin through the CLI's use case, password already chosen. */
async function providerWithAdmin(options: { email?: string | null } = {}) {
  sequence += 1;
  const provider = await createProvider(database.db, { name: `Provider ${sequence}`, slug: `provider-${sequence}` });
  const organisation = await createOrganisation(database.db, { providerId: provider.id, name: `Stichting ${sequence}` });
  const created = await createProviderAdmin(database.db, { provider: provider.slug, username: `beheer.${sequence}`, email: options.email ?? `beheer.${sequence}@example.org` });
  await database.db.update(users).set({ mustChangePassword: false, email: options.email === null ? null : undefined }).where(eq(users.id, created.userId));
  const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
  return { provider, organisation, created, user };
}

async function providerAdminOf(claims: SessionClaims): Promise<ProviderAdminActor> {
  const check = await checkSession(claims);
  if (check.status !== "provider" && check.status !== "ok") throw new Error(`no provider admin session: ${check.status}`);
  if (!check.providerAdmin) throw new Error("the session is not a provider admin's");
  return check.providerAdmin;
}

async function auditOf(tenantId: string) {
  return database.db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.tenantId, tenantId));
}

async function visitingOf(claims: SessionClaims) {
  const [row] = await database.db.select({ visiting: authSessions.visitingTenantId }).from(authSessions).where(eq(authSessions.sessionToken, sessionKey(claims.sessionId)));
  return row.visiting;
}

describe("a provider admin account", () => {
  it("the CLI's use case makes an account of no organisation and no person, with a temporary password to change", async () => {
    const provider = await createProvider(database.db, { slug: "regio-oost" });
    const created = await createProviderAdmin(database.db, { provider: "regio-oost", username: "p.devries", email: "p.devries@example.org" });
    const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
    expect(user).toMatchObject({ tenantId: null, personId: null, mustChangePassword: true, email: "p.devries@example.org" });
    expect(created.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const links = await database.db.select().from(providerAdmins).where(eq(providerAdmins.userId, created.userId));
    expect(links.map((link) => link.providerId)).toEqual([provider.id]);
  });

  it("refuses a username that is taken in another letter case", async () => {
    const { user } = await providerWithAdmin();
    await expect(createProviderAdmin(database.db, { provider: "ploeg", username: user.username.toUpperCase(), email: "x@example.org" })).rejects.toThrow(/already taken/);
  });

  it("signs in with a password and always owes an email code, sent to the account's address", async () => {
    const { created } = await providerWithAdmin();
    const check = await checkPassword({ username: created.username, password: created.temporaryPassword });
    expect(check).toMatchObject({ ok: true, kind: "second-factor", method: "email" });
    const mail = await database.db.select({ to: outbox.toAddress, template: outbox.template }).from(outbox).where(eq(outbox.toAddress, `${created.username}@example.org`));
    expect(mail).toEqual([{ to: `${created.username}@example.org`, template: "two-factor-code" }]);
  });

  it("without an email address (and no authenticator app) a password alone never signs in", async () => {
    const { created } = await providerWithAdmin({ email: null });
    expect(await checkPassword({ username: created.username, password: created.temporaryPassword })).toEqual({ ok: false, reason: "secondFactorUnavailable" });
  });

  it("gets a session of its own: their provider, no organisation", async () => {
    const { user, provider } = await providerWithAdmin();
    const check = await checkSession(await openSession(user));
    expect(check).toMatchObject({ status: "provider", providerAdmin: { userId: user.id, providerId: provider.id, providerName: provider.name, visitingTenantId: null } });
  });

  it("a blocked provider admin's session ends", async () => {
    const { user } = await providerWithAdmin();
    const claims = await openSession(user);
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await checkSession(claims)).toEqual({ status: "ended" });
  });
});

describe("the temporary password", () => {
  it("must be replaced before anything else: other provider actions are refused until then", async () => {
    const provider = await createProvider(database.db, { slug: `tijdelijk-${sequence}` });
    const created = await createProviderAdmin(database.db, { provider: provider.slug, username: `tijdelijk.${sequence}`, email: "t@example.org" });
    const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
    const admin = await providerAdminOf(await openSession(user));
    expect(admin.mustChangePassword).toBe(true);
    signInAsProviderAdmin(admin);
    expect(await createProviderOrganisation({ name: "Te vroeg", slug: `te-vroeg-${sequence}`, adminUsername: `te.vroeg.${sequence}`, adminEmail: "v@example.org" })).toEqual({
      ok: false,
      error: "unauthorised",
    });

    const state = await changeProviderPassword({}, formOf({ password: "Zonnebloem-Fiets-Provider-42", passwordRepeat: "Zonnebloem-Fiets-Provider-42" }));
    expect(state).toEqual({});
    const [after] = await database.db.select({ mustChangePassword: users.mustChangePassword, hash: users.passwordHash }).from(users).where(eq(users.id, created.userId));
    expect(after.mustChangePassword).toBe(false);
    expect(after.hash).not.toBe(user.passwordHash);
  });
});

describe("their organisations", () => {
  it("lists only their own provider's organisations", async () => {
    const p = await providerWithAdmin();
    const q = await providerWithAdmin();
    const listed = await listProviderOrganisations(p.provider.id);
    expect(listed.map((organisation) => organisation.id)).toEqual([p.organisation.id]);
    expect(listed.map((organisation) => organisation.id)).not.toContain(q.organisation.id);
  });

  it("creates an organisation of their provider with its first admin, shown once with a temporary password", async () => {
    const { user, provider } = await providerWithAdmin();
    signInAsProviderAdmin(await providerAdminOf(await openSession(user)));
    const state = await createOrganisationForm({}, formOf({ name: "Buurtzorg Noord", slug: `buurtzorg-noord-${sequence}`, adminUsername: `a.bakker.${sequence}`, adminEmail: "a.bakker@example.org", adminName: "" }));
    expect(state.created).toMatchObject({ name: "Buurtzorg Noord", username: `a.bakker.${sequence}` });
    expect(state.created?.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const [organisation] = await database.db.select().from(organisations).where(eq(organisations.slug, `buurtzorg-noord-${sequence}`));
    expect(organisation.providerId).toBe(provider.id);
    const [admin] = await database.db.select({ role: people.role }).from(people).where(eq(people.tenantId, organisation.id));
    expect(admin.role).toBe("admin");
    expect(await auditOf(organisation.id)).toEqual([{ action: "organisation.created", actorUserId: user.id, details: expect.objectContaining({ via: "provider", provider: provider.slug }) }]);
  });

  it("a taken short name is said at the field, and nothing is created", async () => {
    const { user, organisation } = await providerWithAdmin();
    signInAsProviderAdmin(await providerAdminOf(await openSession(user)));
    const before = await database.db.select({ id: organisations.id }).from(organisations);
    const state = await createOrganisationForm({}, formOf({ name: "Dubbel", slug: organisation.slug, adminUsername: `nieuw.${sequence}`, adminEmail: "n@example.org" }));
    expect(state.fieldErrors?.slug).toEqual(["Deze korte naam is al in gebruik. Kies een andere."]);
    expect(await database.db.select({ id: organisations.id }).from(organisations)).toHaveLength(before.length);
  });

  it("organisation members cannot create organisations", async () => {
    const { organisation } = await providerWithAdmin();
    const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" });
    const claims = await openSession(admin.user);
    const check = await checkSession(claims);
    if (check.status !== "ok") throw new Error("no session");
    signInAs(check.actor);
    expect(await createProviderOrganisation({ name: "Stiekem", slug: "stiekem", adminUsername: "stiekem", adminEmail: "s@example.org", timeZone: "Europe/Amsterdam" })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});

describe("visiting an organisation", () => {
  it("opening the dashboard makes the session act there as admin, without a person record, and the visit is in its audit log", async () => {
    const { user, organisation, provider } = await providerWithAdmin();
    const claims = await openSession(user);
    const admin = await providerAdminOf(claims);
    expect(await startProviderVisit(admin, claims.sessionId, organisation.id)).toEqual({ outcome: "visiting", organisationName: organisation.name });
    const check = await checkSession(claims);
    expect(check).toMatchObject({
      status: "ok",
      actor: { userId: user.id, personId: null, tenantId: organisation.id, role: "admin", providerVisit: { providerId: provider.id } },
    });
    expect(await auditOf(organisation.id)).toEqual([
      { action: "provider.visit-started", actorUserId: user.id, details: { provider: provider.name, providerAdmin: admin.displayName } },
    ]);
  });

  it("the open-dashboard button stores the visit on this session and opens the dashboard", async () => {
    const { user, organisation } = await providerWithAdmin();
    const claims = await openSession(user);
    cookie.claims = claims;
    signInAsProviderAdmin(await providerAdminOf(claims));
    await expect(openDashboardForm(formOf({ organisationId: organisation.id }))).rejects.toThrow("NEXT_REDIRECT /dashboard");
    expect(await visitingOf(claims)).toBe(organisation.id);
  });

  it("an organisation of another provider is not found, and nothing is written", async () => {
    const p = await providerWithAdmin();
    const q = await providerWithAdmin();
    const claims = await openSession(p.user);
    cookie.claims = claims;
    signInAsProviderAdmin(await providerAdminOf(claims));
    expect(await openOrganisationDashboard({ organisationId: q.organisation.id })).toEqual({ ok: false, error: "notFound" });
    await expect(openDashboardForm(formOf({ organisationId: q.organisation.id }))).rejects.toThrow("NEXT_REDIRECT /provider?visit=notFound");
    expect(await visitingOf(claims)).toBeNull();
    expect(await auditOf(q.organisation.id)).toEqual([]);
    expect((await checkSession(claims)).status).toBe("provider");
  });

  it("a made-up organisation id is not found either", async () => {
    const { user } = await providerWithAdmin();
    const claims = await openSession(user);
    cookie.claims = claims;
    signInAsProviderAdmin(await providerAdminOf(claims));
    expect(await openOrganisationDashboard({ organisationId: "3f0c1a52-8d1e-4c7b-9a55-0f6f2b1d7e10" })).toEqual({ ok: false, error: "notFound" });
    expect(await visitingOf(claims)).toBeNull();
  });

  it("a visit stored for another provider's organisation never acts there", async () => {
    const p = await providerWithAdmin();
    const q = await providerWithAdmin();
    const claims = await openSession(p.user);
    // Whatever ends up on the row, the session check only honours an organisation of the admin's own provider.
    await database.db.update(authSessions).set({ visitingTenantId: q.organisation.id }).where(eq(authSessions.sessionToken, sessionKey(claims.sessionId)));
    expect(await checkSession(claims)).toMatchObject({ status: "provider" });
  });

  it("going back ends the visit", async () => {
    const { user, organisation } = await providerWithAdmin();
    const claims = await openSession(user);
    await startProviderVisit(await providerAdminOf(claims), claims.sessionId, organisation.id);
    await endProviderVisit(user.id, claims.sessionId);
    expect((await checkSession(claims)).status).toBe("provider");
  });

  it("member pages and actions refuse a visiting provider admin: they have no person record there", async () => {
    const { user, organisation } = await providerWithAdmin();
    const claims = await openSession(user);
    await startProviderVisit(await providerAdminOf(claims), claims.sessionId, organisation.id);
    const check = await checkSession(claims);
    if (check.status !== "ok") throw new Error("no visit");
    expect(isMemberActor(check.actor)).toBe(false);
    signInAsProviderAdmin(await providerAdminOf(claims), check.actor);
    const { stubbedSession } = await import("@/tests/setup/sign-in-as");
    await expect(stubbedSession.requireMember()).rejects.toThrow("redirect: /provider");
    expect(await signUpForShift({ shiftId: "3f0c1a52-8d1e-4c7b-9a55-0f6f2b1d7e10" })).toEqual({ ok: false, error: "forbidden" });
    const refused = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, organisation.id), eq(auditLog.action, "security.refused")));
    expect(refused).toEqual([{ details: expect.objectContaining({ action: "signUpForShift", reason: "role" }) }]);
  });
});


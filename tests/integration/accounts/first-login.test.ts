// Temporary passwords set by a coordinator: they sign in once, within 14 days, and then the member
// must choose an own password before anything else is reachable.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { changeOwnPassword } from "@/lib/accounts/own-account/own-account";
import { getActorForSession, redeemLoginTicket, type SessionClaims } from "@/lib/accounts/queries";
import { temporaryPasswordExpiresAt } from "@/lib/accounts/rules";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { memberAction, ownPasswordAction } from "@/lib/auth/guards";
import { requireMember, requireSignedIn } from "@/lib/auth/session";
import { users } from "@/lib/db/schema/accounts";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { openSession } from "@/tests/setup/sessions";

// The real session module runs; only reading the cookie is replaced by whoever `session` names.
const session: { current: SessionClaims | null } = { current: null };
vi.mock("@/lib/auth/session-token", () => ({
  readSessionCookie: async () => session.current,
  hasSessionCookie: async () => session.current !== null,
}));

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const temporary = "Tijdelijk-Kaas-8812";
const chosen = "mijn eigen fietsbel zondag";
const setAt = new Date("2026-06-01T10:00:00Z");
const daysLater = (days: number) => new Date(setAt.getTime() + days * 24 * 60 * 60 * 1000);

async function memberWithTemporaryPassword() {
  const organisation = await createOrganisation(database.db);
  return createMemberWithLogin(database.db, {
    tenantId: organisation.id,
    password: temporary,
    login: { mustChangePassword: true, temporaryPasswordExpiresAt: temporaryPasswordExpiresAt(setAt) },
  });
}

function signInWith(username: string, password: string, now: Date) {
  return checkPassword(passwordSignInSchema.parse({ username, password }), now);
}

async function loginRow(userId: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, userId));
  return row;
}

async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describe("a temporary password signs in once, within 14 days", () => {
  it("the first sign-in works and is recorded; the second is refused with its own reason", async () => {
    const { user } = await memberWithTemporaryPassword();
    const first = await signInWith(user.username, temporary, daysLater(3));
    expect(first.ok).toBe(true);
    expect((await loginRow(user.id)).temporaryPasswordUsedAt?.toISOString()).toBe(daysLater(3).toISOString());
    expect(await signInWith(user.username, temporary, daysLater(3.1))).toEqual({ ok: false, reason: "temporaryUsed" });
  });

  it("after 14 days it no longer signs in, and is not marked as used", async () => {
    const { user } = await memberWithTemporaryPassword();
    expect(await signInWith(user.username, temporary, daysLater(14.01))).toEqual({ ok: false, reason: "temporaryExpired" });
    expect((await loginRow(user.id)).temporaryPasswordUsedAt).toBeNull();
  });

  it("a wrong password is still just wrong, and does not spend the temporary password", async () => {
    const { user } = await memberWithTemporaryPassword();
    expect(await signInWith(user.username, "Verkeerd-Wachtwoord-1", daysLater(1))).toEqual({ ok: false, reason: "invalid" });
    expect((await loginRow(user.id)).temporaryPasswordUsedAt).toBeNull();
    expect((await signInWith(user.username, temporary, daysLater(1))).ok).toBe(true);
  });

  it("two sign-ins at the same moment cannot both use it", async () => {
    const { user } = await memberWithTemporaryPassword();
    const results = await Promise.all([signInWith(user.username, temporary, daysLater(1)), signInWith(user.username, temporary, daysLater(1))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });
});

describe("the first login forces a new password before anything else", () => {
  it("member pages send the member to /my/account/password; that page itself stays reachable", async () => {
    const { user } = await memberWithTemporaryPassword();
    session.current = await openSession(user);
    expect(await redirectOf(requireMember())).toBe("/my/account/password");
    expect((await requireSignedIn()).userId).toBe(user.id);
    session.current = null;
    expect(await redirectOf(requireMember())).toBe("/sign-in");
  });

  it("ordinary actions are refused; only the password change is allowed", async () => {
    const { user } = await memberWithTemporaryPassword();
    session.current = await openSession(user);
    const ordinary = memberAction("ordinary", z.object({}), async () => "done");
    const passwordChange = ownPasswordAction("passwordChange", z.object({}), async () => "done");
    expect(await ordinary({})).toEqual({ ok: false, error: "unauthorised" });
    expect(await passwordChange({})).toEqual({ ok: true, value: "done" });
    session.current = null;
  });

  it("choosing a password needs no current one, ends the forced change and the temporary password, and signs in anew", async () => {
    const { user } = await memberWithTemporaryPassword();
    const first = await signInWith(user.username, temporary, daysLater(1));
    if (!first.ok || first.kind !== "session") throw new Error("expected a session");
    const claims = await redeemLoginTicket(first.ticket, daysLater(1));
    if (!claims) throw new Error("expected claims");
    const actor = await getActorForSession(claims, daysLater(1));
    expect(actor?.mustChangePassword).toBe(true);

    const result = await changeOwnPassword(
      { userId: user.id, tenantId: user.tenantId ?? "" },
      { password: chosen, passwordRepeat: chosen },
      { clientKey: "first-login", now: daysLater(1) },
    );
    if (!result.ok) throw new Error(`expected success, got ${result.error}`);
    expect(result.wasForced).toBe(true);
    const row = await loginRow(user.id);
    expect(row.mustChangePassword).toBe(false);
    expect(row.temporaryPasswordExpiresAt).toBeNull();
    expect(row.temporaryPasswordUsedAt).toBeNull();
    const fresh = await redeemLoginTicket(result.ticket, daysLater(1));
    expect(fresh && (await getActorForSession(fresh, daysLater(1)))?.mustChangePassword).toBe(false);
    // The session that signed in with the temporary password is over.
    expect(await getActorForSession(claims, daysLater(1))).toBeNull();
    expect((await signInWith(user.username, chosen, daysLater(2))).ok).toBe(true);
  });

  it("a weak new password is refused and the member still has to choose one", async () => {
    const { user } = await memberWithTemporaryPassword();
    await signInWith(user.username, temporary, daysLater(1));
    const before = await loginRow(user.id);
    const result = await changeOwnPassword(
      { userId: user.id, tenantId: user.tenantId ?? "" },
      { password: "welkom12345", passwordRepeat: "welkom12345" },
      { clientKey: "first-login-weak", now: daysLater(1) },
    );
    expect(result).toEqual({ ok: false, error: "weak" });
    expect(await loginRow(user.id)).toEqual(before);
  });
});

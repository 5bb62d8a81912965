// A signed-in member changes their own username and password, through the real server actions and
// guards; only the session, Auth.js's cookie writer and Next's request helpers are stand-ins.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import nl from "@/lib/i18n/messages/nl.json";
import { issueSignInLink, signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { changeOwnPassword, changeOwnUsername } from "@/lib/accounts/own-account/own-account";
import { getActorForSession, redeemLoginTicket } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { users } from "@/lib/db/schema/accounts";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "./access-fixtures";
import { openSession } from "@/tests/setup/sessions";
import { markClientAddressServer } from "@/lib/auth/client-address";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const calls = vi.hoisted(() => ({ signIn: [] as { provider: string; options: Record<string, unknown> }[], deferred: [] as unknown[], client: "192.0.2.1" }));
vi.mock("@/lib/auth/config", () => ({
  signIn: async (provider: string, options: Record<string, unknown>) => {
    calls.signIn.push({ provider, options });
  },
  signOut: async () => {},
  auth: async () => null,
}));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  // The address the app's own server (scripts/serve.ts) derives for every request.
  headers: async () => new Headers({ "x-ploeg-client-address": calls.client }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("next/server", () => ({ after: (task: unknown) => void calls.deferred.push(task) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// The Dutch texts themselves, so every message an action returns must exist in nl.json.
vi.mock("next-intl/server", async () => {
  const messages: unknown = (await import("@/lib/i18n/messages/nl.json")).default;
  const lookup = (path: string): unknown =>
    path.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
  return {
    getTranslations: async (namespace: string) => (key: string, values: Record<string, string | number> = {}) => {
      const text = lookup(`${namespace}.${key}`);
      if (typeof text !== "string") throw new Error(`missing message ${namespace}.${key}`);
      // Simple {name} placeholders only; plural forms stay as written.
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    },
  };
});

const { changeMyPassword, changeMyUsername } = await import("@/lib/accounts/own-account/actions");
const { requestLoginByEmail, setPasswordWithResetLink } = await import("@/lib/accounts/recovery/actions");
const { signInWithPassword } = await import("@/lib/accounts/sign-in/actions");

markClientAddressServer();

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
let clientNumber = 0;
beforeEach(() => {
  calls.signIn.length = 0;
  calls.deferred.length = 0;
  clientNumber += 1;
  calls.client = `192.0.2.${clientNumber}`;
  signOut();
});

const password = "Zonnebloem-Fiets-42";
const newPassword = "paraplu tomaat zondag fietsbel";

async function member(overrides: { username?: string; password?: string | null } = {}) {
  const organisation = await createOrganisation(database.db);
  const created = await createMemberWithLogin(database.db, {
    tenantId: organisation.id,
    username: overrides.username,
    ...(overrides.password === null ? { passwordHash: null } : { password: overrides.password ?? password }),
  });
  return { ...created, organisation, owner: { userId: created.user.id, tenantId: organisation.id } };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function loginRow(userId: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe("changing the username", () => {
  it("a member renames their login; the new name signs in, pasted spaces are dropped", async () => {
    const m = await member();
    signInAs(await actorOf(m));
    const state = await changeMyUsername({}, form({ username: "  Sanne.deVries-2026 " }));
    expect(state.error).toBeUndefined();
    expect(state.saved).toContain("Sanne.deVries-2026");
    expect((await loginRow(m.user.id)).username).toBe("Sanne.deVries-2026");
    expect((await checkPassword(passwordSignInSchema.parse({ username: "sanne.devries-2026", password }))).ok).toBe(true);
  });

  it("a name taken by anyone, in any letter case, is refused with a clear message and nothing changes", async () => {
    await member({ username: "jan.Jansen" });
    const m = await member();
    signInAs(await actorOf(m));
    const state = await changeMyUsername({}, form({ username: "JAN.jansen" }));
    expect(state.error).toBe(nl.account.usernameTaken);
    expect(state.value).toBe("JAN.jansen");
    expect((await loginRow(m.user.id)).username).toBe(m.user.username);
  });

  it("changing only the letter case of one's own name is allowed", async () => {
    const m = await member({ username: "kees.kok" });
    expect(await changeOwnUsername(m.owner, { username: "Kees.Kok" })).toEqual({ ok: true, username: "Kees.Kok" });
  });

  it("another tenant's member cannot be renamed: the actor's own account is the only one touched", async () => {
    const victim = await member();
    const m = await member();
    expect(await changeOwnUsername({ userId: victim.user.id, tenantId: m.organisation.id }, { username: "overgenomen" })).toEqual({ ok: true, username: "overgenomen" });
    expect((await loginRow(victim.user.id)).username).toBe(victim.user.username);
  });

  it.each([
    { label: "an empty name", username: "", message: nl.account.usernameRequired },
    { label: "only spaces", username: "    ", message: nl.account.usernameRequired },
    { label: "two characters", username: "ab", message: nl.account.usernameTooShort },
    { label: "51 characters", username: "a".repeat(51), message: nl.account.usernameTooLong },
    { label: "a 10 kB name", username: "a".repeat(10_240), message: nl.account.usernameTooLong },
    { label: "a space inside", username: "sanne de vries", message: nl.account.usernameCharacters },
    { label: "markup", username: "<script>", message: nl.account.usernameCharacters },
  ])("$label is refused with a clear message and nothing changes", async ({ username, message }) => {
    const m = await member();
    signInAs(await actorOf(m));
    const before = await loginRow(m.user.id);
    const state = await changeMyUsername({}, form({ username }));
    expect(state.error).toBe(message);
    expect(await loginRow(m.user.id)).toEqual(before);
  });

  it("without a session the action sends the visitor to sign in", async () => {
    await expect(changeMyUsername({}, form({ username: "wie.ben.ik" }))).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });
  });
});

describe("changing the password", () => {
  it("needs the right current password; then every other session and link ends and this browser signs in anew", async () => {
    const m = await member();
    const actor = await actorOf(m);
    signInAs(actor);
    const link = await issueSignInLink(database.db, { userId: m.user.id, tenantId: m.organisation.id });
    const state = await changeMyPassword({}, form({ currentPassword: ` ${password} `, password: newPassword, passwordRepeat: newPassword }));
    expect(state).toEqual({});
    expect(calls.signIn).toHaveLength(1);
    expect(calls.signIn[0].options.redirectTo).toBe("/my/account?saved=password");
    const claims = await redeemLoginTicket(String(calls.signIn[0].options.ticket));
    expect(claims?.userId).toBe(m.user.id);
    expect(await getActorForSession(await openSession(m.user))).toBeNull();
    expect(await signInWithLink(link.split("/l/")[1])).toEqual({ ok: false, reason: "invalid" });
    expect((await checkPassword(passwordSignInSchema.parse({ username: m.user.username, password: newPassword }))).ok).toBe(true);
  });

  it.each([
    { label: "no current password", current: "", message: nl.account.currentRequired },
    { label: "a wrong current password", current: "Verkeerd-Wachtwoord-9", message: nl.account.currentWrong },
    { label: "a 10 kB current password", current: "x".repeat(10_240), message: nl.account.currentWrong },
  ])("$label is refused with a clear message and nothing changes", async ({ current, message }) => {
    const m = await member();
    signInAs(await actorOf(m));
    const before = await loginRow(m.user.id);
    const state = await changeMyPassword({}, form({ currentPassword: current, password: newPassword, passwordRepeat: newPassword }));
    expect(state.error).toBe(message);
    expect(calls.signIn).toHaveLength(0);
    expect(await loginRow(m.user.id)).toEqual(before);
  });

  it.each([
    { label: "a weak password", next: "welkom12345", repeat: "welkom12345", message: nl.passwordRules.weak },
    { label: "too short", next: "Kort#1x", repeat: "Kort#1x", message: nl.passwordRules.tooShort },
    { label: "a 10 kB password", next: "p".repeat(10_240), repeat: "p".repeat(10_240), message: nl.passwordRules.tooLong },
    { label: "a trailing space", next: `${newPassword} `, repeat: `${newPassword} `, message: nl.passwordRules.surroundingSpace },
    { label: "two different passwords", next: newPassword, repeat: "iets heel anders dan dit", message: nl.passwordRules.mismatch },
    { label: "empty new passwords", next: "", repeat: "", message: nl.passwordRules.required },
  ])("$label is refused with a clear message and nothing changes", async ({ next, repeat, message }) => {
    const m = await member();
    signInAs(await actorOf(m));
    const before = await loginRow(m.user.id);
    const state = await changeMyPassword({}, form({ currentPassword: password, password: next, passwordRepeat: repeat }));
    expect(state.error).toBe(message);
    expect(await loginRow(m.user.id)).toEqual(before);
  });

  it("a member who only ever used links chooses a first password without a current one", async () => {
    const m = await member({ password: null });
    const result = await changeOwnPassword(m.owner, { password: newPassword, passwordRepeat: newPassword }, { clientKey: "link-only" });
    expect(result.ok).toBe(true);
    expect((await loginRow(m.user.id)).passwordHash).not.toBeNull();
  });

  it("guessing the current password is limited to five tries per quarter hour per account", async () => {
    const m = await member();
    const now = new Date("2026-07-01T12:00:00Z");
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await changeOwnPassword(m.owner, { currentPassword: `Gok-nummer-${i}`, password: newPassword, passwordRepeat: newPassword }, { clientKey: `guess-${i}`, now }));
    }
    expect(results.slice(0, 5).map((r) => !r.ok && r.error)).toEqual(Array(5).fill("currentWrong"));
    expect(results[5]).toMatchObject({ ok: false, error: "rateLimited" });
    const right = await changeOwnPassword(m.owner, { currentPassword: password, password: newPassword, passwordRepeat: newPassword }, { clientKey: "guess-7", now });
    expect(right).toMatchObject({ ok: false, error: "rateLimited" });
  });
});

describe("the recovery forms answer with clear Dutch messages", () => {
  it("login opvragen with a malformed address says so and changes nothing", async () => {
    const state = await requestLoginByEmail({}, form({ email: "jan@@example" }));
    expect(state).toEqual({ error: nl.loginRequest.invalidEmail, value: "jan@@example" });
    expect(calls.deferred).toHaveLength(0);
  });

  it("login opvragen answers 'check your mailbox' and sends after the answer", async () => {
    const state = await requestLoginByEmail({}, form({ email: "iemand@example.org" }));
    expect(state).toEqual({ sent: true });
    expect(calls.deferred).toHaveLength(1);
  });

  it("a tampered reset link gets a clear message and a way to ask for a new one", async () => {
    const state = await setPasswordWithResetLink({}, form({ token: "x".repeat(43), password: newPassword, passwordRepeat: newPassword }));
    expect(state).toEqual({ error: nl.passwordReset.invalid, linkProblem: true });
    expect(calls.signIn).toHaveLength(0);
  });
});

describe("the sign-in form honours only a same-site callbackUrl", () => {
  it.each([
    { label: "a path on this site", callbackUrl: "/my/shifts?week=2", expected: "/my/shifts?week=2" },
    { label: "an outside address", callbackUrl: "https://evil.com/my", expected: "/my" },
    { label: "a protocol-relative address", callbackUrl: "//evil.com", expected: "/my" },
    { label: "a backslash trick", callbackUrl: "/\\evil.com", expected: "/my" },
    { label: "a javascript: URL", callbackUrl: "javascript:alert(1)", expected: "/my" },
  ])("$label leads to $expected", async ({ callbackUrl, expected }) => {
    const m = await member();
    const state = await signInWithPassword({}, form({ username: m.user.username, password, callbackUrl }));
    expect(state).toEqual({});
    expect(calls.signIn).toHaveLength(1);
    expect(calls.signIn[0].options.redirectTo).toBe(expected);
  });

  it("a used temporary password gets its own clear message", async () => {
    const organisation = await createOrganisation(database.db);
    const m = await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      password,
      login: { mustChangePassword: true, temporaryPasswordExpiresAt: new Date(Date.now() + 86_400_000), temporaryPasswordUsedAt: new Date() },
    });
    const state = await signInWithPassword({}, form({ username: m.user.username, password }));
    expect(state.error).toBe(nl.temporaryPassword.used);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSignInLink, signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { describePasswordResetLink, requestPasswordReset, resetPassword, sendPasswordResetEmail } from "@/lib/accounts/recovery/password-reset";
import { getActorForSession, redeemLoginTicket } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox, rateLimits } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { openSession } from "@/tests/setup/sessions";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const oldPassword = "Zonnebloem-Fiets-42";
const newPassword = "paraplu tomaat zondag fietsbel";
const now = new Date("2026-05-04T18:00:00Z");
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let clients = 0;
const newClient = () => `198.51.100.${++clients}`;

async function member(login: Partial<typeof users.$inferInsert> = {}) {
  const organisation = await createOrganisation(database.db);
  return createMemberWithLogin(database.db, { tenantId: organisation.id, password: oldPassword, login });
}

async function mailsTo(personId: string) {
  return withMailBodies(await database.db.select().from(outbox).where(and(eq(outbox.personId, personId), eq(outbox.template, "password-reset"))));
}

function resetTokenIn(text: string): string {
  const token = /\/sign-in\/reset\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error("no reset link in the mail");
  return token;
}

/** Asks for a reset link by username and returns the token from the email. */
async function requestLink(username: string, personId: string, at: Date = now): Promise<string> {
  await sendPasswordResetEmail(username, at);
  const mails = await mailsTo(personId);
  return resetTokenIn(mails[mails.length - 1].text);
}

async function loginRow(userId: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe("wachtwoord vergeten asks by username and answers the same for everyone", () => {
  it("a known username (in any letter case) gets one email with a one-time link; an unknown one gets the same answer and no email", async () => {
    const { user, person } = await member();
    const tasks: (() => Promise<unknown>)[] = [];
    const defer = (task: () => Promise<unknown>) => void tasks.push(task);
    const known = await requestPasswordReset({ username: ` ${user.username.toUpperCase()} ` }, { clientKey: newClient(), now, defer });
    const unknown = await requestPasswordReset({ username: "bestaat.niet" }, { clientKey: newClient(), now, defer });
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);
    await Promise.all(tasks.map((task) => task()));
    const mails = await mailsTo(person.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(user.username);
    expect(mails[0].text).toContain("/sign-in/reset/");
  });

  it("a blocked or not yet activated account gets no email", async () => {
    const blocked = await member({ status: "blocked" });
    const pending = await member({ status: "pending" });
    expect(await sendPasswordResetEmail(blocked.user.username, now)).toBeNull();
    expect(await sendPasswordResetEmail(pending.user.username, now)).toBeNull();
    expect(await mailsTo(blocked.person.id)).toHaveLength(0);
    expect(await mailsTo(pending.person.id)).toHaveLength(0);
  });

  it.each([
    { label: "an empty username", username: "", error: "required" },
    { label: "only spaces", username: "   ", error: "required" },
    { label: "a 10 kB username", username: "a".repeat(10_240), error: "tooLong" },
    { label: "no username at all", username: undefined, error: "required" },
  ])("$label is refused with a clear message and changes nothing", async ({ username, error }) => {
    const limitsBefore = await database.db.select().from(rateLimits);
    const tasks: unknown[] = [];
    expect(await requestPasswordReset({ username }, { clientKey: newClient(), now, defer: (task) => void tasks.push(task) })).toEqual({ ok: false, error });
    expect(tasks).toHaveLength(0);
    expect(await database.db.select().from(rateLimits)).toEqual(limitsBefore);
  });

  it("is rate limited per username and per client", async () => {
    const { user } = await member();
    const perUsername = [];
    for (let i = 0; i < 6; i++) perUsername.push(await requestPasswordReset({ username: user.username }, { clientKey: newClient(), now, defer: () => {} }));
    expect(perUsername.slice(0, 5).every((answer) => answer.ok)).toBe(true);
    expect(perUsername[5]).toMatchObject({ ok: false, error: "rateLimited" });
    const client = newClient();
    const perClient = [];
    for (let i = 0; i < 11; i++) perClient.push(await requestPasswordReset({ username: `iemand${i}` }, { clientKey: client, now, defer: () => {} }));
    expect(perClient.slice(0, 10).every((answer) => answer.ok)).toBe(true);
    expect(perClient[10]).toMatchObject({ ok: false, error: "rateLimited" });
  });
});

describe("the reset link works once, for one hour", () => {
  it("sets the new password, unlocks, ends other sessions, revokes other links, ends the forced change and signs in", async () => {
    const { user, person } = await member({ lockedAt: now, failedPasswordCount: 5, mustChangePassword: true });
    const oldSession = await openSession(user);
    const signInLink = await issueSignInLink(database.db, { userId: user.id, tenantId: user.tenantId, now });
    const token = await requestLink(user.username, person.id);

    const result = await resetPassword({ token, password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now: minutesLater(10) });
    if (!result.ok || result.kind !== "session") throw new Error(`expected a session, got ${JSON.stringify(result)}`);
    const claims = await redeemLoginTicket(result.ticket, minutesLater(10));
    expect(claims?.userId).toBe(user.id);
    expect(result.destination).toBe("/my");

    const row = await loginRow(user.id);
    expect(row.lockedAt).toBeNull();
    expect(row.failedPasswordCount).toBe(0);
    expect(row.mustChangePassword).toBe(false);
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await getActorForSession(oldSession)).toBeNull();
    expect(claims && (await getActorForSession(claims, minutesLater(10)))).not.toBeNull();
    expect(await signInWithLink(signInLink.split("/l/")[1], minutesLater(11))).toEqual({ ok: false, reason: "invalid" });

    const withNew = await checkPassword(passwordSignInSchema.parse({ username: user.username, password: newPassword }), minutesLater(12));
    expect(withNew.ok).toBe(true);
    const withOld = await checkPassword(passwordSignInSchema.parse({ username: user.username, password: oldPassword }), minutesLater(12));
    expect(withOld).toEqual({ ok: false, reason: "invalid" });
  });

  it("a second use of the same link is refused and changes nothing", async () => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    await resetPassword({ token, password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now });
    const before = await loginRow(user.id);
    expect(await describePasswordResetLink(token, minutesLater(1))).toEqual({ status: "used" });
    const again = await resetPassword({ token, password: "nog een heel ander wachtwoord", passwordRepeat: "nog een heel ander wachtwoord" }, { clientKey: newClient(), now: minutesLater(1) });
    expect(again).toEqual({ ok: false, error: "used" });
    expect(await loginRow(user.id)).toEqual(before);
  });

  it("after one hour the link has expired and changes nothing", async () => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    expect((await describePasswordResetLink(token, minutesLater(59))).status).toBe("active");
    expect(await describePasswordResetLink(token, minutesLater(61))).toEqual({ status: "expired" });
    const before = await loginRow(user.id);
    expect(await resetPassword({ token, password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now: minutesLater(61) })).toEqual({ ok: false, error: "expired" });
    expect(await loginRow(user.id)).toEqual(before);
  });

  it("asking again makes the older link stop working", async () => {
    const { user, person } = await member();
    const first = await requestLink(user.username, person.id);
    const second = await requestLink(user.username, person.id, minutesLater(2));
    expect(await describePasswordResetLink(first, minutesLater(3))).toEqual({ status: "invalid" });
    expect((await describePasswordResetLink(second, minutesLater(3))).status).toBe("active");
  });

  it("opening the link (as a mail scanner does) changes nothing", async () => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    const [before] = await database.db.select().from(accessTokens).where(and(eq(accessTokens.userId, user.id), eq(accessTokens.purpose, "password_reset")));
    await describePasswordResetLink(token, now);
    await describePasswordResetLink(token, now);
    const [afterwards] = await database.db.select().from(accessTokens).where(and(eq(accessTokens.userId, user.id), eq(accessTokens.purpose, "password_reset")));
    expect(afterwards).toEqual(before);
  });

  it("a member with an authenticator app is asked for its code after the reset", async () => {
    const { user, person } = await member({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: now });
    const token = await requestLink(user.username, person.id);
    const result = await resetPassword({ token, password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now });
    expect(result.ok && result.kind).toBe("second-factor");
  });
});

describe("a refused new password leaves everything as it was, the link included", () => {
  it.each([
    { label: "a weak password", password: "welkom12345", repeat: "welkom12345", error: "weak" },
    { label: "a common password", password: "wachtwoord1", repeat: "wachtwoord1", error: "weak" },
    { label: "too short", password: "Kort#1x", repeat: "Kort#1x", error: "tooShort" },
    { label: "a 10 kB password", password: "p".repeat(10_240), repeat: "p".repeat(10_240), error: "tooLong" },
    { label: "a leading space", password: ` ${newPassword}`, repeat: ` ${newPassword}`, error: "surroundingSpace" },
    { label: "two different passwords", password: newPassword, repeat: `${newPassword}!`, error: "mismatch" },
    { label: "empty fields", password: "", repeat: "", error: "required" },
    { label: "missing fields", password: undefined, repeat: undefined, error: "required" },
  ])("$label ($error)", async ({ password, repeat, error }) => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    const before = await loginRow(user.id);
    const result = await resetPassword({ token, password, passwordRepeat: repeat }, { clientKey: newClient(), now });
    expect(result).toEqual({ ok: false, error });
    expect(await loginRow(user.id)).toEqual(before);
    expect((await describePasswordResetLink(token, now)).status).toBe("active");
  });

  it("a password made of the member's own username is refused with that reason", async () => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    const result = await resetPassword({ token, password: `${user.username}12`, passwordRepeat: `${user.username}12` }, { clientKey: newClient(), now });
    expect(result).toEqual({ ok: false, error: "containsName" });
  });

  it.each([
    { label: "a tampered token", token: (real: string) => `${real.slice(0, -2)}xx` },
    { label: "a 10 kB token", token: () => "t".repeat(10_240) },
    { label: "an empty token", token: () => "" },
  ])("$label is refused as invalid and changes nothing", async ({ token }) => {
    const { user, person } = await member();
    const real = await requestLink(user.username, person.id);
    const before = await loginRow(user.id);
    expect(await resetPassword({ token: token(real), password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await loginRow(user.id)).toEqual(before);
  });

  it("the reset form is rate limited per client", async () => {
    const { user, person } = await member();
    const client = newClient();
    const results = [];
    for (let i = 0; i < 11; i++) {
      // All within one minute: the per-client window.
      const token = await requestLink(user.username, person.id, now);
      results.push(await resetPassword({ token, password: `${newPassword} ${i}`, passwordRepeat: `${newPassword} ${i}` }, { clientKey: client, now }));
    }
    expect(results.slice(0, 10).every((result) => result.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, error: "rateLimited" });
  });

  it("a link of an account blocked since it was sent is refused", async () => {
    const { user, person } = await member();
    const token = await requestLink(user.username, person.id);
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await resetPassword({ token, password: newPassword, passwordRepeat: newPassword }, { clientKey: newClient(), now })).toEqual({ ok: false, error: "invalid" });
  });
});

import { and, desc, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAuthenticatorEnrolment,
  disableAuthenticator,
  getAuthenticatorStatus,
  startAuthenticatorEnrolment,
} from "@/lib/accounts/two-factor/authenticator";
import { redeemLoginTicket } from "@/lib/accounts/queries";
import { consumeRateLimit, signInPerClient } from "@/lib/accounts/rate-limit";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword, type PasswordCheck } from "@/lib/accounts/sign-in/password-sign-in";
import {
  describeChallenge,
  finishFirstFactor,
  resendEmailCode,
  verifySecondFactor,
  type SecondFactorVerdict,
} from "@/lib/accounts/two-factor/two-factor";
import { secondFactorCodeSchema } from "@/lib/accounts/two-factor/schemas";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox, rateLimits } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { defaultOrganisationSettings, type OrganisationSettings } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function organisationWith(settings: Partial<OrganisationSettings>) {
  return createOrganisation(database.db, { settings: { ...defaultOrganisationSettings, ...settings } });
}

async function memberOf(organisation: { id: string }, username: string, role: "member" | "coordinator" | "admin" = "member") {
  return createMemberWithLogin(database.db, { tenantId: organisation.id, username, password, role });
}

function signIn(username: string, pass = password): Promise<PasswordCheck> {
  return checkPassword(passwordSignInSchema.parse({ username, password: pass }));
}

/** The challenge token of a password sign-in that must owe a second factor. */
async function challengeFor(username: string): Promise<string> {
  const check = await signIn(username);
  if (!check.ok || check.kind !== "second-factor") throw new Error(`expected a second-factor challenge, got ${JSON.stringify(check)}`);
  return check.challenge;
}

async function codeMails(personId: string) {
  return withMailBodies(
    await database.db
      .select({ id: outbox.id, sealedBody: outbox.sealedBody, toAddress: outbox.toAddress, subject: outbox.subject })
      .from(outbox)
      .where(and(eq(outbox.personId, personId), eq(outbox.template, "two-factor-code")))
      .orderBy(desc(outbox.createdAt)),
  );
}

/** The code in the newest two-factor mail to this person, read the way the member reads it. */
async function latestCode(personId: string): Promise<string> {
  const [mail] = await codeMails(personId);
  const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code mail in the outbox");
  return code;
}

function otherCode(code: string): string {
  return ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");
}

async function challengeRow(challengeToken: string) {
  const { hashToken } = await import("@/lib/accounts/links/tokens");
  const [row] = await database.db
    .select({ useCount: accessTokens.useCount, usedAt: accessTokens.usedAt, expiresAt: accessTokens.expiresAt })
    .from(accessTokens)
    .where(eq(accessTokens.tokenHash, hashToken(challengeToken)));
  return row;
}

function expectTicket(verdict: SecondFactorVerdict): string {
  if (!verdict.ok) throw new Error(`expected a ticket, got ${JSON.stringify(verdict)}`);
  return verdict.ticket;
}

const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);

describe("email code after the password, when the organisation asks for it", () => {
  it("a password sign-in opens a challenge and mails a 6-digit code to the member", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "code.lid");
    const check = await signIn("code.lid");
    expect(check).toMatchObject({ ok: true, kind: "second-factor", method: "email" });
    const mails = await codeMails(person.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].toAddress).toBe(person.email);
    expect(await latestCode(person.id)).toMatch(/^\d{6}$/);
  });

  it("the right code yields a ticket that signs in once, and the challenge cannot be used again", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person, user } = await memberOf(organisation, "goede.code");
    const challenge = await challengeFor("goede.code");
    const code = await latestCode(person.id);
    const verdict = await verifySecondFactor({ challenge, code });
    expect(verdict).toMatchObject({ ok: true, destination: "/my" });
    const claims = await redeemLoginTicket(expectTicket(verdict));
    expect(claims?.userId).toBe(user.id);
    expect(await verifySecondFactor({ challenge, code })).toEqual({ ok: false, reason: "invalid" });
  });

  it("the destination stored on the challenge travels with the ticket; an outside one becomes /my", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person, user } = await memberOf(organisation, "bestemming");
    const inside = await finishFirstFactor({ userId: user.id, via: "password", destination: "/my/shifts?week=2026-W48" });
    if (inside.kind !== "second-factor") throw new Error("expected a challenge");
    expect(await verifySecondFactor({ challenge: inside.challenge, code: await latestCode(person.id) })).toMatchObject({
      ok: true,
      destination: "/my/shifts?week=2026-W48",
    });
    const outside = await finishFirstFactor({ userId: user.id, via: "password", destination: "//evil.example/phish" });
    if (outside.kind !== "second-factor") throw new Error("expected a challenge");
    expect(await verifySecondFactor({ challenge: outside.challenge, code: await latestCode(person.id) })).toMatchObject({
      ok: true,
      destination: "/my",
    });
  });

  it("wrong codes are counted, and the 6th try is refused even with the right code", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "vijf.keer");
    const challenge = await challengeFor("vijf.keer");
    const code = await latestCode(person.id);
    const answers = [];
    for (let attempt = 1; attempt <= 5; attempt++) answers.push(await verifySecondFactor({ challenge, code: otherCode(code) }));
    expect(answers).toEqual([
      { ok: false, reason: "wrong-code", attemptsLeft: 4 },
      { ok: false, reason: "wrong-code", attemptsLeft: 3 },
      { ok: false, reason: "wrong-code", attemptsLeft: 2 },
      { ok: false, reason: "wrong-code", attemptsLeft: 1 },
      { ok: false, reason: "exhausted" },
    ]);
    expect(await verifySecondFactor({ challenge, code })).toEqual({ ok: false, reason: "exhausted" });
    expect(await describeChallenge(challenge)).toEqual({ status: "exhausted" });
  });

  it("the right code on the 5th try still works", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "op.het.nippertje");
    const challenge = await challengeFor("op.het.nippertje");
    const code = await latestCode(person.id);
    for (let attempt = 1; attempt <= 4; attempt++) await verifySecondFactor({ challenge, code: otherCode(code) });
    expect((await verifySecondFactor({ challenge, code })).ok).toBe(true);
  });

  it("a code entered after 10 minutes is refused as expired", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "te.laat");
    const challenge = await challengeFor("te.laat");
    const code = await latestCode(person.id);
    const later = seconds(new Date(), 10 * 60 + 1);
    expect(await verifySecondFactor({ challenge, code }, later)).toEqual({ ok: false, reason: "expired" });
    expect(await describeChallenge(challenge, later)).toEqual({ status: "expired" });
    expect((await challengeRow(challenge)).useCount).toBe(0);
  });

  it("a member without an email address is not asked for a code they could never receive", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "zonder.mail", password, person: { email: null } });
    expect(await signIn("zonder.mail")).toMatchObject({ ok: true, kind: "session" });
  });

  it("a member blocked while the code is on its way cannot finish signing in", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person, user } = await memberOf(organisation, "tussendoor.geblokkeerd");
    const challenge = await challengeFor("tussendoor.geblokkeerd");
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await verifySecondFactor({ challenge, code: await latestCode(person.id) })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("asking for a new email code", () => {
  it("waits 30 seconds between codes, allows 3 new codes per 10 minutes, and only the newest code works", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "nieuwe.code");
    const start = new Date();
    const challenge = await challengeFor("nieuwe.code");
    const first = await latestCode(person.id);

    const tooSoon = await resendEmailCode({ challenge }, seconds(start, 10));
    expect(tooSoon).toMatchObject({ ok: false, reason: "cooldown" });
    expect(tooSoon.ok === false && tooSoon.reason === "cooldown" && tooSoon.retryAfterSeconds).toBeGreaterThanOrEqual(19);

    expect((await resendEmailCode({ challenge }, seconds(start, 31))).ok).toBe(true);
    expect((await resendEmailCode({ challenge }, seconds(start, 62))).ok).toBe(true);
    expect((await resendEmailCode({ challenge }, seconds(start, 93))).ok).toBe(true);
    expect(await resendEmailCode({ challenge }, seconds(start, 124))).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await codeMails(person.id)).toHaveLength(4);

    const newest = await latestCode(person.id);
    const at = seconds(start, 130);
    if (first !== newest) {
      expect(await verifySecondFactor({ challenge, code: first }, at)).toMatchObject({ ok: false, reason: "wrong-code" });
    }
    expect((await verifySecondFactor({ challenge, code: newest }, at)).ok).toBe(true);
  });

  it("a new code keeps the challenge alive 10 minutes from the resend", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "langer.geldig");
    const start = new Date();
    const challenge = await challengeFor("langer.geldig");
    expect((await resendEmailCode({ challenge }, seconds(start, 9 * 60))).ok).toBe(true);
    const code = await latestCode(person.id);
    expect((await verifySecondFactor({ challenge, code }, seconds(start, 15 * 60))).ok).toBe(true);
  });

  it("a new code does not give new tries", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, "geen.extra.kansen");
    const start = new Date();
    const challenge = await challengeFor("geen.extra.kansen");
    for (let attempt = 1; attempt <= 3; attempt++) await verifySecondFactor({ challenge, code: "000000" }, start);
    await resendEmailCode({ challenge }, seconds(start, 31));
    const code = await latestCode(person.id);
    expect(await verifySecondFactor({ challenge, code: otherCode(code) }, seconds(start, 40))).toEqual({
      ok: false,
      reason: "wrong-code",
      attemptsLeft: 1,
    });
  });

  it("is not offered for an authenticator-app challenge", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.geen.mail");
    const secret = await enrol(organisation.id, user.id);
    expect(secret).toBeTruthy();
    const outcome = await finishFirstFactor({ userId: user.id, via: "link" });
    if (outcome.kind !== "second-factor") throw new Error("expected a challenge");
    expect(await resendEmailCode({ challenge: outcome.challenge }, seconds(new Date(), 60))).toEqual({ ok: false, reason: "not-email" });
  });
});

describe("the coordinators' setting applies only to coordinators and admins", () => {
  it.each([
    { role: "member" as const, expected: "session" },
    { role: "coordinator" as const, expected: "second-factor" },
    { role: "admin" as const, expected: "second-factor" },
  ])("a $role signs in to $expected", async ({ role, expected }) => {
    const organisation = await organisationWith({ twoFactorForCoordinators: "email" });
    await memberOf(organisation, `rol.${role}`, role);
    expect(await signIn(`rol.${role}`)).toMatchObject({ ok: true, kind: expected });
  });

  it("the members' setting does not ask coordinators for a code", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    await memberOf(organisation, "alleen.leden.coord", "coordinator");
    expect(await signIn("alleen.leden.coord")).toMatchObject({ ok: true, kind: "session" });
  });
});

/** Starts and confirms the app for a user, the way the member does on the page; returns the secret. */
async function enrol(tenantId: string, userId: string, now = new Date()): Promise<string> {
  await startAuthenticatorEnrolment(tenantId, userId);
  const status = await getAuthenticatorStatus(tenantId, userId);
  if (!status?.pendingSecret) throw new Error("no pending secret");
  const secret = status.pendingSecret;
  // The previous step, so a later sign-in at `now` can use the current step's code.
  const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) - 30 });
  const result = await confirmAuthenticatorEnrolment(tenantId, userId, code, now);
  if (!result.ok) throw new Error(`enrolment failed: ${JSON.stringify(result)}`);
  return secret;
}

const epochOf = (moment: Date) => Math.floor(moment.getTime() / 1000);

describe("authenticator app (TOTP)", () => {
  it("setting up the app needs a valid code from it before it is switched on", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.instellen");
    expect(await startAuthenticatorEnrolment(organisation.id, user.id)).toBe("started");
    const pending = await getAuthenticatorStatus(organisation.id, user.id);
    const secret = pending?.pendingSecret;
    if (!secret) throw new Error("no pending secret");
    expect(pending.enabledAt).toBeNull();

    // Still off while unconfirmed: a link sign-in needs no code.
    expect(await finishFirstFactor({ userId: user.id, via: "link" })).toMatchObject({ kind: "session" });

    const now = new Date();
    const right = await generate({ secret, epoch: epochOf(now) });
    expect(await confirmAuthenticatorEnrolment(organisation.id, user.id, otherCode(right), now)).toEqual({ ok: false, reason: "wrong-code" });
    expect((await getAuthenticatorStatus(organisation.id, user.id))?.enabledAt).toBeNull();

    expect(await confirmAuthenticatorEnrolment(organisation.id, user.id, right, now)).toEqual({ ok: true });
    expect((await getAuthenticatorStatus(organisation.id, user.id))?.enabledAt).toEqual(now);
    expect(await startAuthenticatorEnrolment(organisation.id, user.id)).toBe("already-enabled");
  });

  it("a reload during setup keeps the same secret, so the scanned QR code stays valid", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.herladen");
    await startAuthenticatorEnrolment(organisation.id, user.id);
    const first = (await getAuthenticatorStatus(organisation.id, user.id))?.pendingSecret;
    await startAuthenticatorEnrolment(organisation.id, user.id);
    expect((await getAuthenticatorStatus(organisation.id, user.id))?.pendingSecret).toBe(first);
  });

  it("another organisation's member cannot touch this member's app (tenant is part of every write)", async () => {
    const organisation = await organisationWith({});
    const other = await organisationWith({});
    const { user } = await memberOf(organisation, "app.eigen.tenant");
    expect(await startAuthenticatorEnrolment(other.id, user.id)).toBe("already-enabled");
    expect((await getAuthenticatorStatus(organisation.id, user.id))?.pendingSecret).toBeNull();
    expect(await getAuthenticatorStatus(other.id, user.id)).toBeNull();
  });

  it("after enrolment a sign-in link asks for the app code, and a valid code signs in", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.link");
    const now = new Date();
    const secret = await enrol(organisation.id, user.id, now);
    const outcome = await finishFirstFactor({ userId: user.id, via: "link", destination: "/my/shifts" });
    expect(outcome).toMatchObject({ kind: "second-factor", method: "totp" });
    if (outcome.kind !== "second-factor") return;
    expect(await describeChallenge(outcome.challenge, now)).toMatchObject({ status: "active", method: "totp", attemptsLeft: 5 });
    const verdict = await verifySecondFactor({ challenge: outcome.challenge, code: await generate({ secret, epoch: epochOf(now) }) }, now);
    expect(verdict).toMatchObject({ ok: true, destination: "/my/shifts" });
    expect((await redeemLoginTicket(expectTicket(verdict)))?.userId).toBe(user.id);
  });

  it("after enrolment a password sign-in asks for the app code, not an email code, even with email codes on", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person, user } = await memberOf(organisation, "app.wachtwoord");
    await enrol(organisation.id, user.id);
    expect(await signIn("app.wachtwoord")).toMatchObject({ ok: true, kind: "second-factor", method: "totp" });
    expect(await codeMails(person.id)).toHaveLength(0);
  });

  it("accepts the code of the step before or after (a phone clock a little off), not two steps away", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.klok");
    const now = new Date();
    const secret = await enrol(organisation.id, user.id, seconds(now, -120));
    const challenge = await finishFirstFactor({ userId: user.id, via: "link" });
    if (challenge.kind !== "second-factor") throw new Error("expected a challenge");
    const twoStepsAhead = await generate({ secret, epoch: epochOf(now) + 60 });
    expect(await verifySecondFactor({ challenge: challenge.challenge, code: twoStepsAhead }, now)).toMatchObject({ reason: "wrong-code" });
    const oneStepAhead = await generate({ secret, epoch: epochOf(now) + 30 });
    expect((await verifySecondFactor({ challenge: challenge.challenge, code: oneStepAhead }, now)).ok).toBe(true);
  });

  it("a code that was used once is refused the second time (replay)", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.replay");
    const now = new Date();
    const secret = await enrol(organisation.id, user.id, now);
    const code = await generate({ secret, epoch: epochOf(now) });
    const first = await finishFirstFactor({ userId: user.id, via: "link" });
    const second = await finishFirstFactor({ userId: user.id, via: "link" });
    if (first.kind !== "second-factor" || second.kind !== "second-factor") throw new Error("expected challenges");
    expect((await verifySecondFactor({ challenge: first.challenge, code }, now)).ok).toBe(true);
    expect(await verifySecondFactor({ challenge: second.challenge, code }, now)).toMatchObject({ ok: false, reason: "wrong-code" });
  });

  it("switching the app off needs a current code or the password; then sign-ins need no app code", async () => {
    const organisation = await organisationWith({});
    const { user } = await memberOf(organisation, "app.uit");
    const now = new Date();
    const secret = await enrol(organisation.id, user.id, now);
    expect(await disableAuthenticator(organisation.id, user.id, { kind: "code", code: "000000" }, now)).toMatchObject({
      ok: false,
      reason: "wrong-code",
    });
    expect(await disableAuthenticator(organisation.id, user.id, { kind: "password", password: "niet-het-wachtwoord" }, now)).toEqual({
      ok: false,
      reason: "wrong-password",
    });
    expect(await disableAuthenticator(organisation.id, user.id, { kind: "password", password }, now)).toEqual({ ok: true });
    expect(await finishFirstFactor({ userId: user.id, via: "link" })).toMatchObject({ kind: "session" });

    const again = await enrol(organisation.id, user.id, seconds(now, 60));
    expect(again).not.toBe(secret);
    const code = await generate({ secret: again, epoch: epochOf(seconds(now, 90)) });
    expect(await disableAuthenticator(organisation.id, user.id, { kind: "code", code }, seconds(now, 90))).toEqual({ ok: true });
    expect((await getAuthenticatorStatus(organisation.id, user.id))?.enabledAt).toBeNull();
  });
});

describe("per-client and per-account limits", () => {
  it("the password form's per-client limit refuses the 11th request within a minute, for that client only", async () => {
    const start = new Date();
    const client = "198.51.100.23";
    const verdicts = [];
    for (let request = 1; request <= 11; request++) verdicts.push(await consumeRateLimit(signInPerClient, client, seconds(start, request)));
    expect(verdicts.slice(0, 10).every((verdict) => verdict.allowed)).toBe(true);
    expect(verdicts[10].allowed).toBe(false);
    expect(verdicts[10].retryAfterSeconds).toBeGreaterThan(0);
    expect(verdicts[10].retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await consumeRateLimit(signInPerClient, "198.51.100.24", seconds(start, 12))).allowed).toBe(true);
    expect((await consumeRateLimit(signInPerClient, client, seconds(start, 61))).allowed).toBe(true);
  });

  it("code attempts are limited per account across challenges, so starting over does not give endless guesses", async () => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    await memberOf(organisation, "veel.gokken");
    const now = new Date();
    const verdicts: SecondFactorVerdict[] = [];
    for (let round = 0; round < 4; round++) {
      const challenge = await challengeFor("veel.gokken");
      for (let attempt = 1; attempt <= 5; attempt++) verdicts.push(await verifySecondFactor({ challenge, code: "000000" }, now));
    }
    expect(verdicts.filter((verdict) => !verdict.ok && verdict.reason === "rate-limited").length).toBe(5);
    expect(verdicts[15]).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});

describe("bad input changes nothing", () => {
  it.each([
    { label: "an empty code", code: "", message: "codeRequired" },
    { label: "only spaces", code: "   ", message: "codeRequired" },
    { label: "letters", code: "12a456", message: "codeFormat" },
    { label: "five digits", code: "12345", message: "codeFormat" },
    { label: "a 10 kB paste", code: "1".repeat(10_240), message: "codeFormat" },
  ])("$label is refused with a clear message", ({ code, message }) => {
    const parsed = secondFactorCodeSchema.safeParse({ code });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it("a code typed with a space or dash in the middle is read as its 6 digits", () => {
    expect(secondFactorCodeSchema.parse({ code: " 123 456 " }).code).toBe("123456");
    expect(secondFactorCodeSchema.parse({ code: "123-456" }).code).toBe("123456");
  });

  it.each([
    { label: "a tampered challenge", mangle: (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` },
    { label: "a truncated challenge", mangle: (token: string) => token.slice(0, 20) },
    { label: "a 10 kB challenge", mangle: () => "x".repeat(10_240) },
    { label: "an empty challenge", mangle: () => "" },
  ])("$label is refused as no longer valid, and the real challenge keeps its tries", async ({ mangle }) => {
    const organisation = await organisationWith({ twoFactorForMembers: "email" });
    const { person } = await memberOf(organisation, `geknoeid.${Math.random().toString(36).slice(2, 8)}`);
    const username = (await database.db.select({ username: users.username }).from(users).where(eq(users.personId, person.id)))[0].username;
    const challenge = await challengeFor(username);
    const code = await latestCode(person.id);
    const limitRowsBefore = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).length;
    expect(await verifySecondFactor({ challenge: mangle(challenge), code })).toEqual({ ok: false, reason: "invalid" });
    expect(await resendEmailCode({ challenge: mangle(challenge) }, seconds(new Date(), 60))).toEqual({ ok: false, reason: "invalid" });
    expect((await database.db.select({ key: rateLimits.key }).from(rateLimits)).length).toBe(limitRowsBefore);
    expect(await codeMails(person.id)).toHaveLength(1);
    expect((await challengeRow(challenge)).useCount).toBe(0);
    expect((await verifySecondFactor({ challenge, code })).ok).toBe(true);
  });
});

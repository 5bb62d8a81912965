// Two-factor sign-in: who owes a second factor, the pending challenge, the 6-digit email code, and
// redeeming the challenge for a login ticket.
import { randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { canCoordinate } from "@/lib/auth/permissions";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { accessTokens, providerAdmins, twoFactorCodes, users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { sendTwoFactorCode } from "@/lib/mail/messages";
import { isEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { checkAuthenticatorCode, codeAttemptsPerAccount } from "@/lib/accounts/two-factor/authenticator";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import { toSafeDestination } from "@/lib/accounts/rules";
import { generateToken, hashToken } from "@/lib/accounts/links/tokens";
import { challengeTokenSchema } from "@/lib/accounts/two-factor/schemas";

export type SecondFactorMethod = "email" | "totp";
export type FirstFactor = "password" | "link";

/** A pending challenge lives as long as an email code: 10 minutes. */
export const SECOND_FACTOR_MINUTES = 10;
/** Tries per challenge, right or wrong; after the last wrong one the member starts over. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;
/** Seconds between two code emails to one account, so an impatient double tap sends one mail. */
export const EMAIL_CODE_RESEND_COOLDOWN_SECONDS = 30;
/** New codes a member may ask for; each also makes older codes stop working. */
export const emailCodeResendsPerAccount: RateLimitRule = { name: "two-factor-resend:account", limit: 3, windowSeconds: 10 * 60 };

const LOGIN_TICKET_SECONDS = 60;

export type SecondFactorSubject = {
  userId: string;
  tenantId: string | null;
  role: "member" | "coordinator" | "admin";
  totpEnabled: boolean;
  firstName: string;
  email: string | null;
  personId: string | null;
  locale?: EmailLocale;
  settings: { twoFactorForMembers: "off" | "email"; twoFactorForCoordinators: "off" | "email" };
};

/**
 * Which second factor this sign-in owes: "none" when none, "unavailable" when one is owed but cannot
 * be asked. An enrolled authenticator app is always asked for, after a password and after a link.
 * The organisation's email-code setting applies to password sign-ins only: a link already proves the
 * member reads that mailbox, which is all the emailed code would prove. A coordinator or admin the
 * setting covers who has no address (and no app) fails closed: their password alone never passes.
 * A member without an address still signs in with the password (PRODUCT.md: members without email
 * exist and could never receive a code; they see only their own organisation as a member).
 */
export function chooseSecondFactor(subject: SecondFactorSubject, via: FirstFactor): SecondFactorMethod | "none" | "unavailable" {
  if (subject.totpEnabled) return "totp";
  if (via === "link") return "none";
  const setting = canCoordinate(subject.role) ? subject.settings.twoFactorForCoordinators : subject.settings.twoFactorForMembers;
  if (setting !== "email") return "none";
  if (subject.email) return "email";
  return canCoordinate(subject.role) ? "unavailable" : "none";
}

export type ChallengeStatus = "active" | "expired" | "exhausted" | "invalid";

type ChallengeRow = { usedAt: Date | null; revokedAt: Date | null; useCount: number; expiresAt: Date };

/**
 * Where a challenge stands. A used or revoked one (blocked account, signed in already) is simply no
 * longer valid; a used-up one means too many wrong codes; an old one has expired.
 */
export function getChallengeStatus(row: ChallengeRow | null, now: Date): ChallengeStatus {
  if (!row || row.usedAt || row.revokedAt) return "invalid";
  if (row.useCount >= EMAIL_CODE_MAX_ATTEMPTS) return "exhausted";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Seconds until another code email may go out; 0 when it may go now. */
export function getResendWaitSeconds(lastSentAt: Date | null, now: Date): number {
  if (!lastSentAt) return 0;
  const waitMs = lastSentAt.getTime() + EMAIL_CODE_RESEND_COOLDOWN_SECONDS * 1000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * A provider admin (an account of no organisation and no person) has no organisation setting to
 * follow, and reaches every organisation of their provider: they are treated as an admin whose
 * organisation always asks for the email code. So a password alone never signs them in: an
 * authenticator app, else a code to the account's email address, else (no address) no sign-in.
 */
export const providerAdminTwoFactor = { twoFactorForMembers: "off", twoFactorForCoordinators: "email" } as const;

async function getSecondFactorSubject(db: DbOrTx, userId: string): Promise<SecondFactorSubject | null> {
  const [row] = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      role: people.role,
      totpEnabledAt: users.totpEnabledAt,
      firstName: people.firstName,
      email: people.email,
      personId: people.id,
      locale: users.locale,
      settings: organisations.settings,
      providerAdminId: providerAdmins.userId,
      accountName: users.name,
      username: users.username,
      accountEmail: users.email,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(organisations, eq(organisations.id, users.tenantId))
    .leftJoin(providerAdmins, and(eq(providerAdmins.userId, users.id), isNull(users.personId), isNull(users.tenantId)))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  if (row.providerAdminId !== null) {
    return {
      userId: row.userId,
      tenantId: null,
      role: "admin",
      totpEnabled: row.totpEnabledAt !== null,
      firstName: row.accountName ?? row.username,
      email: row.accountEmail,
      personId: null,
      locale: isEmailLocale(row.locale) ? row.locale : undefined,
      settings: providerAdminTwoFactor,
    };
  }
  const settings = row.settings ?? defaultOrganisationSettings;
  return {
    userId: row.userId,
    tenantId: row.tenantId,
    role: row.role ?? "member",
    totpEnabled: row.totpEnabledAt !== null,
    firstName: row.firstName ?? "",
    email: row.email,
    personId: row.personId,
    locale: isEmailLocale(row.locale) ? row.locale : undefined,
    settings: { twoFactorForMembers: settings.twoFactorForMembers, twoFactorForCoordinators: settings.twoFactorForCoordinators },
  };
}

function generateEmailCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

function hashEmailCode(userId: string, code: string): string {
  return hashToken(`${userId}:${code}`);
}

/**
 * Creates a fresh 6-digit code for the user (older ones stop working) and emails it, in the caller's
 * transaction. Returns the outbox id, or null when the account has no email address.
 */
export async function sendEmailCode(tx: DbOrTx, subject: SecondFactorSubject, now = new Date()): Promise<string | null> {
  if (!subject.email) return null;
  const code = generateEmailCode();
  await tx
    .update(twoFactorCodes)
    .set({ consumedAt: now })
    .where(and(eq(twoFactorCodes.userId, subject.userId), isNull(twoFactorCodes.consumedAt)));
  await tx.insert(twoFactorCodes).values({
    userId: subject.userId,
    codeHash: hashEmailCode(subject.userId, code),
    expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000),
    // Set here rather than by the database, so the resend cool-down runs on the same clock as the rest.
    createdAt: now,
  });
  return sendTwoFactorCode(tx, {
    tenantId: subject.tenantId,
    person: { id: subject.personId, firstName: subject.firstName, email: subject.email },
    code,
    locale: subject.locale,
  });
}

/**
 * The single-use, one-minute ticket the Auth.js Credentials provider redeems for a session. Its
 * created_at is the database's transaction time, on the same clock as a lock (lib/accounts/queries.ts).
 */
async function issueLoginTicket(
  tx: DbOrTx,
  input: { userId: string; tenantId: string | null; destination: string | null },
  now: Date,
): Promise<string> {
  const ticket = generateToken();
  await tx.insert(accessTokens).values({
    userId: input.userId,
    tenantId: input.tenantId,
    purpose: "login_ticket",
    tokenHash: hashToken(ticket),
    destination: input.destination,
    expiresAt: new Date(now.getTime() + LOGIN_TICKET_SECONDS * 1000),
  });
  return ticket;
}

export type FirstFactorOutcome =
  | { kind: "session"; ticket: string }
  | { kind: "second-factor"; method: SecondFactorMethod; challenge: string };

/** What the step after an accepted first factor decided, inside the caller's transaction. */
export type FirstFactorStep =
  | { outcome: FirstFactorOutcome; mailId: string | null }
  | { outcome: { kind: "unavailable" }; mailId: null };

/**
 * Called when a password or a sign-in link has been accepted, in the caller's transaction (so a
 * password sign-in grants only together with its own re-check of the account). Either issues the
 * single-use ticket that Auth.js redeems for a session, or opens a second-factor challenge (and writes
 * the code email) whose token the verify page carries, or reports that a required second factor
 * cannot be asked ("unavailable": the caller refuses). The destination travels with the challenge.
 * Deliver `mailId` after commit.
 */
export async function openFirstFactorStep(
  tx: DbOrTx,
  input: { userId: string; via: FirstFactor; destination?: string | null },
  now = new Date(),
): Promise<FirstFactorStep> {
  const subject = await getSecondFactorSubject(tx, input.userId);
  if (!subject) throw new Error("openFirstFactorStep: unknown account");
  const method = chooseSecondFactor(subject, input.via);
  if (method === "unavailable") return { outcome: { kind: "unavailable" }, mailId: null };
  if (method === "none") {
    const ticket = await issueLoginTicket(tx, { userId: subject.userId, tenantId: subject.tenantId, destination: input.destination ?? null }, now);
    return { outcome: { kind: "session", ticket }, mailId: null };
  }
  const token = generateToken();
  await tx.insert(accessTokens).values({
    userId: subject.userId,
    tenantId: subject.tenantId,
    purpose: "second_factor",
    tokenHash: hashToken(token),
    destination: input.destination ?? null,
    expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000),
  });
  const mailId = method === "email" ? await sendEmailCode(tx, subject, now) : null;
  return { outcome: { kind: "second-factor", method, challenge: token }, mailId };
}

/**
 * The same step in a transaction of its own, for a sign-in link or a completed password reset: both
 * prove the mailbox, so they never owe an email code and are never "unavailable". Throws when a
 * required second factor cannot be asked (only a password can meet that: it uses openFirstFactorStep).
 */
export async function finishFirstFactor(input: { userId: string; via: FirstFactor; destination?: string | null }, now = new Date()): Promise<FirstFactorOutcome> {
  const db = await getDb();
  const step = await db.transaction((tx) => openFirstFactorStep(tx, input, now));
  if (step.outcome.kind === "unavailable") throw new Error("finishFirstFactor: a required second factor cannot be asked; refuse the sign-in");
  if (step.mailId) await deliverAfterCommit([step.mailId]);
  return step.outcome;
}

type PendingChallenge = ChallengeRow & { id: string; userId: string; tenantId: string | null; destination: string | null };

async function findChallenge(db: DbOrTx, challenge: string): Promise<PendingChallenge | null> {
  // A tampered or truncated cookie never reaches the database.
  if (!challengeTokenSchema.safeParse(challenge).success) return null;
  const [row] = await db
    .select({
      id: accessTokens.id,
      userId: accessTokens.userId,
      tenantId: accessTokens.tenantId,
      destination: accessTokens.destination,
      expiresAt: accessTokens.expiresAt,
      usedAt: accessTokens.usedAt,
      revokedAt: accessTokens.revokedAt,
      useCount: accessTokens.useCount,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.tokenHash, hashToken(challenge)), eq(accessTokens.purpose, "second_factor")))
    .limit(1);
  return row ?? null;
}

/** Method is derived, not stored: an enrolled app is always what is asked for, else the email code. */
async function getAccountForChallenge(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ status: users.status, totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.status !== "active") return null;
  const method: SecondFactorMethod = row.totpEnabledAt && row.totpSecret ? "totp" : "email";
  return { method, totpSecret: row.totpSecret };
}

export type ChallengeDescription =
  | { status: "active"; method: SecondFactorMethod; attemptsLeft: number; expiresAt: Date }
  | { status: Exclude<ChallengeStatus, "active"> };

/** What the verify page shows: which code to ask for, or why this sign-in can no longer finish. */
export async function describeChallenge(challenge: string, now = new Date()): Promise<ChallengeDescription> {
  const db = await getDb();
  const row = await findChallenge(db, challenge);
  const status = getChallengeStatus(row, now);
  if (!row || status !== "active") return { status: status === "active" ? "invalid" : status };
  const account = await getAccountForChallenge(db, row.userId);
  if (!account) return { status: "invalid" };
  return { status: "active", method: account.method, attemptsLeft: EMAIL_CODE_MAX_ATTEMPTS - row.useCount, expiresAt: row.expiresAt };
}

/** Counts one try on the user's current email code and says whether it was the right code. */
async function checkEmailCode(db: DbOrTx, userId: string, code: string, now: Date): Promise<{ right: boolean; codeId: string | null }> {
  const [current] = await db
    .update(twoFactorCodes)
    .set({ attempts: sql`${twoFactorCodes.attempts} + 1` })
    .where(and(eq(twoFactorCodes.userId, userId), isNull(twoFactorCodes.consumedAt), gt(twoFactorCodes.expiresAt, now)))
    .returning({ id: twoFactorCodes.id, codeHash: twoFactorCodes.codeHash });
  if (!current) return { right: false, codeId: null };
  const expected = Buffer.from(current.codeHash, "hex");
  const given = Buffer.from(hashEmailCode(userId, code), "hex");
  return { right: expected.length === given.length && timingSafeEqual(expected, given), codeId: current.id };
}

export type SecondFactorVerdict =
  | { ok: true; ticket: string; destination: string }
  | { ok: false; reason: Exclude<ChallengeStatus, "active"> }
  | { ok: false; reason: "wrong-code"; attemptsLeft: number }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks a code against a pending challenge. Every try is counted on the challenge first (an atomic
 * UPDATE … RETURNING, so parallel requests cannot share a try); after EMAIL_CODE_MAX_ATTEMPTS tries
 * the challenge is dead, even for the right code. A right code consumes the challenge exactly once
 * and yields a login ticket carrying the challenge's destination.
 */
export async function verifySecondFactor(input: { challenge: string; code: string }, now = new Date()): Promise<SecondFactorVerdict> {
  const db = await getDb();
  const row = await findChallenge(db, input.challenge);
  const status = getChallengeStatus(row, now);
  if (!row || status !== "active") return { ok: false, reason: status === "active" ? "invalid" : status };
  const account = await getAccountForChallenge(db, row.userId);
  if (!account) return { ok: false, reason: "invalid" };

  const limit = await consumeRateLimit(codeAttemptsPerAccount, row.userId, now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const [reserved] = await db
    .update(accessTokens)
    .set({ useCount: sql`${accessTokens.useCount} + 1` })
    .where(
      and(
        eq(accessTokens.id, row.id),
        isNull(accessTokens.usedAt),
        isNull(accessTokens.revokedAt),
        gt(accessTokens.expiresAt, now),
        lt(accessTokens.useCount, EMAIL_CODE_MAX_ATTEMPTS),
      ),
    )
    .returning({ useCount: accessTokens.useCount });
  if (!reserved) {
    // Another request used the last try or finished the sign-in in the meantime.
    const latest = getChallengeStatus(await findChallenge(db, input.challenge), now);
    return { ok: false, reason: latest === "active" ? "exhausted" : latest };
  }

  let emailCodeId: string | null = null;
  let right: boolean;
  if (account.method === "totp" && account.totpSecret) {
    right = await checkAuthenticatorCode(db, row.userId, account.totpSecret, input.code, now);
  } else {
    const check = await checkEmailCode(db, row.userId, input.code, now);
    right = check.right;
    emailCodeId = check.codeId;
  }
  if (!right) {
    const attemptsLeft = EMAIL_CODE_MAX_ATTEMPTS - reserved.useCount;
    return attemptsLeft > 0 ? { ok: false, reason: "wrong-code", attemptsLeft } : { ok: false, reason: "exhausted" };
  }

  // Checked again on the way out: only a same-site path may follow a sign-in.
  const destination = toSafeDestination(row.destination) ?? "/my";
  return db.transaction(async (tx): Promise<SecondFactorVerdict> => {
    const [claimed] = await tx
      .update(accessTokens)
      .set({ usedAt: now })
      .where(and(eq(accessTokens.id, row.id), isNull(accessTokens.usedAt), isNull(accessTokens.revokedAt)))
      .returning({ userId: accessTokens.userId, tenantId: accessTokens.tenantId });
    if (!claimed) return { ok: false, reason: "invalid" };
    if (emailCodeId) await tx.update(twoFactorCodes).set({ consumedAt: now }).where(eq(twoFactorCodes.id, emailCodeId));
    const ticket = await issueLoginTicket(tx, { userId: claimed.userId, tenantId: claimed.tenantId, destination }, now);
    return { ok: true, ticket, destination };
  });
}

export type ResendVerdict =
  | { ok: true; mailId: string }
  | { ok: false; reason: Exclude<ChallengeStatus, "active"> | "not-email" }
  | { ok: false; reason: "cooldown" | "rate-limited"; retryAfterSeconds: number };

/**
 * Emails a new code for a pending email challenge: not within 30 s of the previous one, at most
 * three per 10 minutes per account. The challenge then runs 10 minutes from now, but its tries are
 * not reset. Returns the outbox id for `deliverAfterCommit`.
 */
export async function resendEmailCode(input: { challenge: string }, now = new Date()): Promise<ResendVerdict> {
  const db = await getDb();
  const row = await findChallenge(db, input.challenge);
  const status = getChallengeStatus(row, now);
  if (!row || status !== "active") return { ok: false, reason: status === "active" ? "invalid" : status };
  const account = await getAccountForChallenge(db, row.userId);
  if (!account) return { ok: false, reason: "invalid" };
  if (account.method !== "email") return { ok: false, reason: "not-email" };

  const [last] = await db
    .select({ createdAt: twoFactorCodes.createdAt })
    .from(twoFactorCodes)
    .where(eq(twoFactorCodes.userId, row.userId))
    .orderBy(desc(twoFactorCodes.createdAt))
    .limit(1);
  const wait = getResendWaitSeconds(last?.createdAt ?? null, now);
  if (wait > 0) return { ok: false, reason: "cooldown", retryAfterSeconds: wait };
  const limit = await consumeRateLimit(emailCodeResendsPerAccount, row.userId, now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<ResendVerdict> => {
    const subject = await getSecondFactorSubject(tx, row.userId);
    const mailId = subject ? await sendEmailCode(tx, subject, now) : null;
    if (!mailId) return { ok: false, reason: "not-email" };
    await tx
      .update(accessTokens)
      .set({ expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000) })
      .where(and(eq(accessTokens.id, row.id), isNull(accessTokens.usedAt)));
    return { ok: true, mailId };
  });
}

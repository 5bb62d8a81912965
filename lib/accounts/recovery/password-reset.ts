// "Wachtwoord vergeten": a username in, a one-time one-hour link out; the link's page sets the new
// password, unlocks the account, ends every other session and link, and signs the member in.
import { createHash } from "node:crypto";
import { and, eq, gt, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { plainText } from "@/lib/plain-text";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { sendPasswordReset } from "@/lib/mail/messages";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { looksLikeToken } from "@/lib/accounts/links/sign-in-links";
import { hashPassword, normaliseCredential } from "@/lib/accounts/passwords/hashing";
import { getAccountProfile, storeChosenPassword } from "@/lib/accounts/passwords/changes";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import { checkNewPassword, passwordResetExpiresAt, type PasswordProblem } from "@/lib/accounts/rules";
import { USERNAME_MAX } from "@/lib/accounts/sign-in/schemas";
import { generateToken, hashToken } from "@/lib/accounts/links/tokens";
import { finishFirstFactor, type FirstFactorOutcome } from "@/lib/accounts/two-factor/two-factor";
import type { RequestContext } from "@/lib/accounts/recovery/login-request";

export const RESET_PATH = "/sign-in/reset";

export const passwordForgotPerClient: RateLimitRule = { name: "password-forgot:client", limit: 10, windowSeconds: 60 };
/** Per account name, so nobody can flood one member's inbox: five links an hour. */
export const passwordForgotPerUsername: RateLimitRule = { name: "password-forgot:username", limit: 5, windowSeconds: 60 * 60 };
export const passwordResetPerClient: RateLimitRule = { name: "password-reset:client", limit: 10, windowSeconds: 60 };

export const forgotPasswordSchema = z.object({
  username: plainText().transform(normaliseCredential).pipe(z.string().min(1, "required").max(USERNAME_MAX, "tooLong")),
});

export type ForgotPasswordResult =
  | { ok: true }
  | { ok: false; error: "required" | "tooLong" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

function usernameKey(username: string): string {
  return createHash("sha256").update(`password-forgot:${username.toLowerCase()}`).digest("hex").slice(0, 32);
}

/**
 * Validates the username and counts the request; answers `{ ok: true }` whether or not the username
 * exists. Looking it up and sending happen in `context.defer`, after the answer.
 */
export async function requestPasswordReset(raw: unknown, context: RequestContext): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required" };
  const now = context.now ?? new Date();
  const { username } = parsed.data;
  const perClient = await consumeRateLimit(passwordForgotPerClient, context.clientKey, now);
  if (!perClient.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perClient.retryAfterSeconds };
  const perUsername = await consumeRateLimit(passwordForgotPerUsername, usernameKey(username), now);
  if (!perUsername.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perUsername.retryAfterSeconds };
  context.defer(() => sendPasswordResetEmail(username, now));
  return { ok: true };
}

/**
 * Emails a one-time, one-hour reset link to the account's address (a locked account too: completing the
 * reset unlocks it). Older unused reset links of the account stop working. Nothing is sent for an
 * unknown username, a blocked or not yet activated account, or one without an address. Returns the
 * outbox id or null.
 */
export async function sendPasswordResetEmail(username: string, now: Date = new Date()): Promise<string | null> {
  const db = await getDb();
  const [login] = await db
    .select({ userId: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  if (!login) return null;
  const profile = await getAccountProfile(db, login.userId);
  if (!profile || profile.status !== "active" || !profile.email) return null;
  const email = profile.email;
  const mailId = await db.transaction(async (tx) => {
    await tx
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(and(eq(accessTokens.userId, profile.userId), eq(accessTokens.purpose, "password_reset"), isNull(accessTokens.usedAt), isNull(accessTokens.revokedAt)));
    const token = generateToken();
    await tx.insert(accessTokens).values({
      userId: profile.userId,
      tenantId: profile.tenantId,
      purpose: "password_reset",
      tokenHash: hashToken(token),
      expiresAt: passwordResetExpiresAt(now),
      createdAt: now,
      updatedAt: now,
    });
    return sendPasswordReset(tx, {
      tenantId: profile.tenantId,
      person: { id: profile.personId, firstName: profile.firstName, email },
      username: profile.username,
      url: `${RESET_PATH}/${token}`,
      locale: profile.locale,
    });
  });
  await deliverAfterCommit([mailId]);
  return mailId;
}

export type ResetLinkProblem = "expired" | "used" | "invalid";

export type ResetLinkState = { status: "active"; userId: string; username: string } | { status: ResetLinkProblem };

/** What the reset page shows for a token. Reads only: opening the link (or a mail scanner) changes nothing. */
export async function describePasswordResetLink(token: string, now: Date = new Date()): Promise<ResetLinkState> {
  if (!looksLikeToken(token)) return { status: "invalid" };
  const db = await getDb();
  const [row] = await db
    .select({
      userId: accessTokens.userId,
      expiresAt: accessTokens.expiresAt,
      usedAt: accessTokens.usedAt,
      revokedAt: accessTokens.revokedAt,
      status: users.status,
      username: users.username,
    })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(and(eq(accessTokens.tokenHash, hashToken(token)), eq(accessTokens.purpose, "password_reset")))
    .limit(1);
  if (!row || row.status !== "active") return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.revokedAt) return { status: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  return { status: "active", userId: row.userId, username: row.username };
}

export const resetPasswordSchema = z.object({
  token: z.string({ message: "invalid" }).max(200, "invalid"),
  password: z.string({ message: "required" }),
  passwordRepeat: z.string({ message: "required" }),
});

export type ResetPasswordResult =
  | ({ ok: true; destination: string } & FirstFactorOutcome)
  | { ok: false; error: ResetLinkProblem | PasswordProblem | "mismatch" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/**
 * Sets a new password through a reset link. The link is claimed atomically, so it works exactly once;
 * a refused password leaves it usable. On success the account is unlocked, every session and link of
 * the account ends, and the member is signed in (an enrolled authenticator app is still asked for).
 */
export async function resetPassword(raw: unknown, context: { clientKey: string; now?: Date }): Promise<ResetPasswordResult> {
  const now = context.now ?? new Date();
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.path[0] === "token" ? "invalid" : "required" };
  const { token, password, passwordRepeat } = parsed.data;
  const link = await describePasswordResetLink(token, now);
  if (link.status !== "active") return { ok: false, error: link.status };
  const db = await getDb();
  const profile = await getAccountProfile(db, link.userId);
  if (!profile) return { ok: false, error: "invalid" };
  const problem = checkNewPassword(password, profile.passwordContext);
  if (problem) return { ok: false, error: problem };
  if (password !== passwordRepeat) return { ok: false, error: "mismatch" };

  const limit = await consumeRateLimit(passwordResetPerClient, context.clientKey, now);
  if (!limit.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };

  const passwordHash = await hashPassword(password);
  const claimedUserId = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(accessTokens)
      .set({ usedAt: now, useCount: sql`${accessTokens.useCount} + 1` })
      .where(
        and(
          eq(accessTokens.tokenHash, hashToken(token)),
          eq(accessTokens.purpose, "password_reset"),
          isNull(accessTokens.usedAt),
          isNull(accessTokens.revokedAt),
          gt(accessTokens.expiresAt, now),
        ),
      )
      .returning({ userId: accessTokens.userId });
    if (!claimed) return null;
    const stored = await storeChosenPassword(tx, { userId: claimed.userId, passwordHash }, now);
    if (!stored) {
      // The account was blocked in the meantime: roll back, so the link is not even spent.
      tx.rollback();
    }
    return claimed.userId;
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return null;
    throw error;
  });
  if (!claimedUserId) return { ok: false, error: "used" };
  const destination = "/my";
  const outcome = await finishFirstFactor({ userId: claimedUserId, via: "link", destination }, now);
  return { ok: true, destination, ...outcome };
}

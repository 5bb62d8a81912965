// A signed-in member's own login: reading it, changing the password and changing the username.
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { hashPassword, normaliseCredential, verifyPassword } from "@/lib/accounts/passwords/hashing";
import { getAccountProfile, issueReplacementTicket, storeChosenPassword } from "@/lib/accounts/passwords/changes";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import { checkNewPassword, checkUsername, normaliseUsername, type PasswordProblem, type UsernameProblem } from "@/lib/accounts/rules";
import { PASSWORD_MAX } from "@/lib/accounts/sign-in/schemas";

export const passwordChangePerClient: RateLimitRule = { name: "password-change:client", limit: 10, windowSeconds: 60 };
/** Guessing the current password from a borrowed session: five tries per quarter of an hour. */
export const passwordChangePerAccount: RateLimitRule = { name: "password-change:account", limit: 5, windowSeconds: 15 * 60 };

/** Whom the account belongs to: always the session's actor, never anything from the form. */
export type AccountOwner = { userId: string; tenantId: string };

/** Whose password: a member's, or a provider admin's (an account of no organisation: `tenantId` null). */
export type PasswordOwner = { userId: string; tenantId: string | null };

export type OwnAccount = {
  username: string;
  email: string | null;
  hasPassword: boolean;
  mustChangePassword: boolean;
  /** Asking for the current password makes no sense when there is none or it is a temporary one. */
  needsCurrentPassword: boolean;
  authenticatorAppEnabled: boolean;
};

export async function getOwnAccount(owner: PasswordOwner): Promise<OwnAccount | null> {
  const db = await getDb();
  const profile = await getAccountProfile(db, owner.userId);
  if (!profile || profile.tenantId !== owner.tenantId) return null;
  const [row] = await db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, owner.userId)).limit(1);
  return {
    username: profile.username,
    email: profile.email,
    hasPassword: profile.hasPassword,
    mustChangePassword: profile.mustChangePassword,
    needsCurrentPassword: profile.hasPassword && !profile.mustChangePassword,
    authenticatorAppEnabled: Boolean(row?.totpEnabledAt),
  };
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().optional().default(""),
  password: z.string({ message: "required" }),
  passwordRepeat: z.string({ message: "required" }),
});

export type ChangePasswordResult =
  | { ok: true; ticket: string; wasForced: boolean }
  | { ok: false; error: PasswordProblem | "mismatch" | "currentRequired" | "currentWrong" | "sameAsTemporary" | "invalid" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/**
 * Sets the member's own password. The current password is required unless the account has none
 * (it signed in by link only) or must replace a temporary one; a temporary one cannot be chosen again
 * as the member's own (the coordinator, and whoever saw its email or export, knows it). Every other
 * session and every link of the account ends; the returned ticket gives this browser a fresh session.
 */
export async function changeOwnPassword(
  owner: PasswordOwner,
  raw: unknown,
  context: { clientKey: string; now?: Date },
): Promise<ChangePasswordResult> {
  const now = context.now ?? new Date();
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "required" };
  const { password, passwordRepeat } = parsed.data;
  const currentPassword = normaliseCredential(parsed.data.currentPassword);
  const db = await getDb();
  const profile = await getAccountProfile(db, owner.userId);
  if (!profile || profile.tenantId !== owner.tenantId || profile.status !== "active") return { ok: false, error: "invalid" };
  const needsCurrent = profile.hasPassword && !profile.mustChangePassword;
  if (needsCurrent && currentPassword.length === 0) return { ok: false, error: "currentRequired" };
  if (needsCurrent && currentPassword.length > PASSWORD_MAX) return { ok: false, error: "currentWrong" };
  const problem = checkNewPassword(password, profile.passwordContext);
  if (problem) return { ok: false, error: problem };
  if (password !== passwordRepeat) return { ok: false, error: "mismatch" };

  const perClient = await consumeRateLimit(passwordChangePerClient, context.clientKey, now);
  if (!perClient.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perClient.retryAfterSeconds };
  if (needsCurrent) {
    const perAccount = await consumeRateLimit(passwordChangePerAccount, owner.userId, now);
    if (!perAccount.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perAccount.retryAfterSeconds };
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, owner.userId)).limit(1);
    if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) return { ok: false, error: "currentWrong" };
  }
  if (profile.mustChangePassword && profile.hasPassword) {
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, owner.userId)).limit(1);
    if (row?.passwordHash && (await verifyPassword(row.passwordHash, password))) return { ok: false, error: "sameAsTemporary" };
  }

  const passwordHash = await hashPassword(password);
  const ticket = await db.transaction(async (tx) => {
    const stored = await storeChosenPassword(tx, { userId: owner.userId, passwordHash }, now);
    return stored ? issueReplacementTicket(tx, { userId: owner.userId, tenantId: owner.tenantId }, now) : null;
  });
  if (!ticket) return { ok: false, error: "invalid" };
  return { ok: true, ticket, wasForced: profile.mustChangePassword };
}

export const changeUsernameSchema = z.object({
  username: z.string({ message: "required" }).max(1_000, "tooLong").transform(normaliseUsername),
});

export type ChangeUsernameResult = { ok: true; username: string } | { ok: false; error: UsernameProblem | "taken" };

/** Postgres reports a unique-index conflict as SQLSTATE 23505, possibly wrapped by the driver or Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && "code" in current && current.code === "23505") return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

/**
 * Renames the member's own login. Usernames are unique across the platform regardless of letter case
 * (the database's unique index on lower(username) is the final word; a race ends as "taken").
 */
export async function changeOwnUsername(owner: AccountOwner, raw: unknown): Promise<ChangeUsernameResult> {
  const parsed = changeUsernameSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required" };
  const username = parsed.data.username;
  const problem = checkUsername(username);
  if (problem) return { ok: false, error: problem };
  const db = await getDb();
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.username}) = lower(${username})`, ne(users.id, owner.userId)))
    .limit(1);
  if (taken) return { ok: false, error: "taken" };
  try {
    await db
      .update(users)
      .set({ username })
      .where(and(eq(users.id, owner.userId), eq(users.tenantId, owner.tenantId)));
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "taken" };
    throw error;
  }
  return { ok: true, username };
}

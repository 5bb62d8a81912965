// The authenticator app (TOTP, RFC 6238) a member may choose: enrolment, checking a code with a ±1 step
// window and a replay guard, and switching it off again.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { rateLimits } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import { verifyPassword } from "@/lib/accounts/passwords/hashing";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";

/** Authenticator apps show a new code every 30 seconds (the RFC 6238 default every app supports). */
export const TOTP_PERIOD_SECONDS = 30;

/**
 * Code checks per account, whichever page they come from (sign-in, enrolment, switching off): enough
 * for a person who mistypes a few times and starts over, far too few to guess a 6-digit code.
 */
export const codeAttemptsPerAccount: RateLimitRule = { name: "two-factor:account", limit: 15, windowSeconds: 15 * 60 };

export type AuthenticatorCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Whether `code` is the app's code at `now`, one step (30 s) either side allowed for a phone clock
 * that is a little off. Pure: no replay guard (see `checkAuthenticatorCode`).
 */
export async function isAuthenticatorCodeValid(secret: string, code: string, now: Date): Promise<AuthenticatorCheck> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOTP_PERIOD_SECONDS,
    });
    // The functional API types TOTP and HOTP results together; only a TOTP result carries timeStep.
    return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
  } catch {
    // otplib throws on malformed tokens or secrets; neither ever signs anyone in.
    return { valid: false };
  }
}

/**
 * Records `timeStep` as the account's last used one, atomically, and says whether it was new: a
 * code of that step (or an earlier one) that was already accepted once is a replay. The last step
 * lives in the shared rate-limit table (one row per account, the step's start as its time), so no
 * instance keeps it in memory.
 */
async function claimTimeStep(db: DbOrTx, userId: string, timeStep: number): Promise<boolean> {
  const stepStart = new Date(timeStep * TOTP_PERIOD_SECONDS * 1000);
  const claimed = await db
    .insert(rateLimits)
    .values({ key: `totp-last-step:${userId}`, windowStart: stepStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { windowStart: sql`excluded.window_start`, count: sql`${rateLimits.count} + 1` },
      setWhere: sql`${rateLimits.windowStart} < excluded.window_start`,
    })
    .returning({ key: rateLimits.key });
  return claimed.length === 1;
}

/** A right, not yet used app code for this account; a used one is refused (replay). */
export async function checkAuthenticatorCode(db: DbOrTx, userId: string, secret: string, code: string, now: Date): Promise<boolean> {
  const check = await isAuthenticatorCodeValid(secret, code, now);
  if (!check.valid) return false;
  return claimTimeStep(db, userId, check.timeStep);
}

export type AuthenticatorStatus = {
  enabledAt: Date | null;
  /** Set while the member is setting the app up and has not yet confirmed a code. */
  pendingSecret: string | null;
  hasPassword: boolean;
  username: string;
  organisationName: string;
};

export async function getAuthenticatorStatus(tenantId: string, userId: string): Promise<AuthenticatorStatus | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      totpSecret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      passwordHash: users.passwordHash,
      username: users.username,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.tenantId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .limit(1);
  if (!row) return null;
  return {
    enabledAt: row.enabledAt,
    pendingSecret: row.enabledAt ? null : row.totpSecret,
    hasPassword: row.passwordHash !== null,
    username: row.username,
    organisationName: row.organisationName,
  };
}

/** The otpauth:// address an authenticator app reads from the QR code or a tap on the phone itself. */
export function buildAuthenticatorUri(input: { secret: string; organisationName: string; username: string }): string {
  return generateURI({ issuer: input.organisationName, label: input.username, secret: input.secret });
}

/** The QR code as a PNG data URL, for an <img> with its own alt text. */
export function renderAuthenticatorQr(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
}

/** The secret in groups of four, the way people type it into an app by hand. */
export function formatSecretForTyping(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Starts setting up the app: stores a fresh secret (not yet in force) unless one is pending already,
 * so reloading the page shows the same QR code. Does nothing when the app is already on.
 */
export async function startAuthenticatorEnrolment(tenantId: string, userId: string): Promise<"started" | "already-enabled"> {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ totpSecret: sql`coalesce(${users.totpSecret}, ${generateSecret()})` })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return row ? "started" : "already-enabled";
}

export async function cancelAuthenticatorEnrolment(tenantId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ totpSecret: null })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNull(users.totpEnabledAt)));
}

export type AuthenticatorChange =
  | { ok: true }
  | { ok: false; reason: "not-started" | "already-enabled" | "not-enabled" | "wrong-code" | "wrong-password" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Switches the app on once the member proves the phone shows the right code: from then on every
 * sign-in (password or link) asks for an app code.
 */
export async function confirmAuthenticatorEnrolment(
  tenantId: string,
  userId: string,
  code: string,
  now = new Date(),
): Promise<AuthenticatorChange> {
  const db = await getDb();
  const [row] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .limit(1);
  if (!row) return { ok: false, reason: "not-started" };
  if (row.enabledAt) return { ok: false, reason: "already-enabled" };
  if (!row.secret) return { ok: false, reason: "not-started" };
  const limit = await consumeRateLimit(codeAttemptsPerAccount, userId, now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  if (!(await checkAuthenticatorCode(db, userId, row.secret, code, now))) return { ok: false, reason: "wrong-code" };
  const [enabled] = await db
    .update(users)
    .set({ totpEnabledAt: now })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, row.secret)))
    .returning({ id: users.id });
  return enabled ? { ok: true } : { ok: false, reason: "not-started" };
}

/**
 * Switches the app off after a current app code or, for a lost phone, the password. Sign-ins then
 * follow the organisation's email-code setting again.
 */
export async function disableAuthenticator(
  tenantId: string,
  userId: string,
  proof: { kind: "code"; code: string } | { kind: "password"; password: string },
  now = new Date(),
): Promise<AuthenticatorChange> {
  const db = await getDb();
  const [row] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .limit(1);
  if (!row?.enabledAt || !row.secret) return { ok: false, reason: "not-enabled" };
  const limit = await consumeRateLimit(codeAttemptsPerAccount, userId, now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  if (proof.kind === "code") {
    if (!(await checkAuthenticatorCode(db, userId, row.secret, proof.code, now))) return { ok: false, reason: "wrong-code" };
  } else if (!row.passwordHash || !(await verifyPassword(row.passwordHash, proof.password))) {
    return { ok: false, reason: "wrong-password" };
  }
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNotNull(users.totpEnabledAt)));
  return { ok: true };
}

// Server-side session records (auth_sessions): one row per signed-in device, started when a login
// ticket is redeemed, refreshed now and then, and deleted on sign-out or "log out on all devices".
// The session cookie (a JWT) carries the id; the table keeps only its SHA-256 hash.
import { and, eq, lte, or } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema/accounts";
import { generateToken, hashToken } from "@/lib/accounts/links/tokens";
import { SESSION_IDLE_DAYS, SESSION_TOUCH_MINUTES, sessionExpiresAt } from "@/lib/accounts/sign-in/session-rules";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records a new session for the account in the caller's transaction and returns its id (for the JWT).
 * Also drops the account's sessions that have ended by time, so the table only holds live ones.
 */
export async function startSession(tx: DbOrTx, userId: string, now: Date = new Date()): Promise<string> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS);
  await tx
    .delete(authSessions)
    .where(and(eq(authSessions.userId, userId), or(lte(authSessions.expires, now), lte(authSessions.lastSeenAt, idleCutoff))));
  const sessionId = generateToken();
  await tx.insert(authSessions).values({ sessionToken: hashToken(sessionId), userId, expires: sessionExpiresAt(now), createdAt: now, lastSeenAt: now });
  return sessionId;
}

/** The stored key of a session id. */
export function sessionKey(sessionId: string): string {
  return hashToken(sessionId);
}

/** Moves last-seen forward; the condition keeps concurrent requests from writing it more than once. */
export async function touchSession(sessionId: string, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  const staleBefore = new Date(now.getTime() - SESSION_TOUCH_MINUTES * 60_000);
  await db
    .update(authSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(authSessions.sessionToken, sessionKey(sessionId)), lte(authSessions.lastSeenAt, staleBefore)));
}

/** Ends one session (signing out on this device). Only that account's row can match. */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  await db.delete(authSessions).where(and(eq(authSessions.sessionToken, sessionKey(sessionId)), eq(authSessions.userId, userId)));
}

/** Ends every session of the account, this one included. Returns how many there were. */
export async function endAllSessions(userId: string): Promise<number> {
  const db = await getDb();
  const ended = await db.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ userId: authSessions.userId });
  return ended.length;
}

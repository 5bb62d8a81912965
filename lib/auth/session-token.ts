// Reading the session cookie for a page or action. Auth.js's auth() runs its whole session endpoint
// for that: it derives the key, decrypts the token, runs the callbacks and encrypts a refreshed token
// that a server component cannot even set, several rounds of async WebCrypto per request. Here the
// token is decrypted once with Auth.js's own decode() and the claims are kept in a bounded map keyed
// by the exact cookie value, so a member's next request costs a map lookup. Only a token that
// decrypted with our secret is ever stored, its expiry is checked on every use, and whether the
// account may still use it (blocked, signed out, password changed, idle) is checked against its
// server-side session row in Postgres on every request by the caller.
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Auth.js's cookie names (https adds the __Secure- prefix); each is also its token's salt. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The one name Auth.js uses here: behind an https AUTH_URL only the __Secure- cookie counts, so a
 * cookie planted over plain http (or by a sibling subdomain without the prefix) is never read.
 */
export function sessionCookieName(): (typeof SESSION_COOKIE_NAMES)[number] {
  return env().secureCookies ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];
}
/** Auth.js's tolerance for clock skew when it checks a token's expiry, in seconds. */
const clockToleranceSeconds = 15;
/** Distinct tokens kept; the oldest is dropped beyond this (a few hundred bytes each). */
export const SESSION_CACHE_SIZE = 5_000;

export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };
type Cached = SessionClaims & { expiresAt: number };

const verified = new Map<string, Cached>();

function remember(token: string, claims: Cached): void {
  if (verified.size >= SESSION_CACHE_SIZE) {
    // Map keeps insertion order: the first key is the oldest.
    const oldest = verified.keys().next().value;
    if (oldest !== undefined) verified.delete(oldest);
  }
  verified.set(token, claims);
}

/**
 * The account id and session version of a session token, or null when it is not ours, damaged or
 * expired. `nowMs` is for tests.
 */
export async function readSessionToken(token: string, salt: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  const key = `${salt}\n${token}`;
  const hit = verified.get(key);
  if (hit) {
    if (hit.expiresAt + clockToleranceSeconds * 1000 > nowMs) return { userId: hit.userId, sessionVersion: hit.sessionVersion, sessionId: hit.sessionId };
    verified.delete(key);
    return null;
  }
  const secret = env().authSecret;
  if (!secret) return null;
  let payload: { uid?: unknown; sv?: unknown; sid?: unknown; exp?: unknown } | null;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    return null; // Not encrypted with our secret, tampered with, or expired.
  }
  const userId = payload?.uid;
  const sessionVersion = payload?.sv;
  // A token without a server-side session (made before sessions were recorded) is refused.
  const sessionId = payload?.sid;
  const expiresAt = typeof payload?.exp === "number" ? payload.exp * 1000 : Number.NaN;
  if (typeof userId !== "string" || typeof sessionVersion !== "number" || typeof sessionId !== "string" || !Number.isFinite(expiresAt)) return null;
  if (expiresAt + clockToleranceSeconds * 1000 <= nowMs) return null;
  remember(key, { userId, sessionVersion, sessionId, expiresAt });
  return { userId, sessionVersion, sessionId };
}

/** This request's session token (the cookie's value), if it has one. */
export async function readSessionCookieValue(): Promise<string | undefined> {
  const store = await cookies();
  return store.get(sessionCookieName())?.value;
}

/** The claims of this request's session cookie, or null without a valid one. */
export async function readSessionCookie(): Promise<SessionClaims | null> {
  const token = await readSessionCookieValue();
  return token ? readSessionToken(token, sessionCookieName()) : null;
}

/** Whether this request carries a session cookie at all (valid or not). */
export async function hasSessionCookie(): Promise<boolean> {
  const store = await cookies();
  return SESSION_COOKIE_NAMES.some((name) => store.has(name));
}

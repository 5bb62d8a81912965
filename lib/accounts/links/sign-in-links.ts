// Access-token links: the reusable 7-day sign-in link in every member email, opening one, and
// revoking a member's links (on block and on every password change).
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/accounts/rate-limit";
import { signInLinkExpiresAt, toSafeDestination } from "@/lib/accounts/rules";
import { generateToken, hashToken } from "@/lib/accounts/links/tokens";
import { finishFirstFactor, type FirstFactorOutcome } from "@/lib/accounts/two-factor/two-factor";

/** Where a sign-in link lands: /l/<token>, short enough to survive being retyped from a printed mail. */
export const SIGN_IN_LINK_PATH = "/l";
/** After signing in through a link without a destination. */
export const DEFAULT_DESTINATION = "/my";

/**
 * Per client. Looser than the sign-in forms: a token is 256 random bits, so this bounds load rather
 * than guessing, and a household behind one address may open several mails in a row.
 */
export const linkOpenPerClient: RateLimitRule = { name: "sign-in-link:client", limit: 30, windowSeconds: 60 };

/** What one block or password change kills: every link and every half-finished two-factor sign-in. */
const revocablePurposes = ["sign_in", "password_reset", "second_factor"] as const;

/**
 * Revokes every sign-in link, password-reset link and pending two-factor challenge of the account, in
 * the caller's transaction. Called on block (lib/accounts/blocking/blocking.ts) and on every password change.
 * Returns how many were still live.
 */
export async function revokeAccessTokens(tx: DbOrTx, userId: string, now: Date = new Date()): Promise<number> {
  const revoked = await tx
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(eq(accessTokens.userId, userId), inArray(accessTokens.purpose, [...revocablePurposes]), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  return revoked.length;
}

/** `revokeAccessTokens` for many accounts in one statement (a bulk password reset). Returns how many were still live. */
export async function revokeAccessTokensOfAccounts(tx: DbOrTx, userIds: readonly string[], now: Date = new Date()): Promise<number> {
  if (userIds.length === 0) return 0;
  const revoked = await tx
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(inArray(accessTokens.userId, [...userIds]), inArray(accessTokens.purpose, [...revocablePurposes]), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  return revoked.length;
}

/**
 * Creates a 7-day reusable sign-in link for one account and returns its absolute URL (built from
 * AUTH_URL). Every member email's green button carries one. Only the token's hash is stored.
 * Throws when `destination` is not a same-site path: a programming error, never a member's.
 */
export async function issueSignInLink(
  tx: DbOrTx,
  input: { userId: string; tenantId: string | null; destination?: string | null; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  let destination: string | null = null;
  if (input.destination !== undefined && input.destination !== null) {
    destination = toSafeDestination(input.destination);
    if (!destination) throw new Error(`A sign-in link can only lead to a path on this site, not ${JSON.stringify(input.destination)}`);
  }
  const token = generateToken();
  await tx.insert(accessTokens).values({
    userId: input.userId,
    tenantId: input.tenantId,
    purpose: "sign_in",
    tokenHash: hashToken(token),
    destination,
    expiresAt: signInLinkExpiresAt(now),
    createdAt: now,
    updatedAt: now,
  });
  return `${env().appUrl}${SIGN_IN_LINK_PATH}/${token}`;
}

/**
 * `issueSignInLink` for many accounts in one INSERT (a mailing to many members): returns the absolute
 * URLs in the order of `links`. A link without `destination` lands on the home page.
 * Throws when a destination is not a same-site path.
 */
export async function issueSignInLinks(
  tx: DbOrTx,
  input: { tenantId: string | null; links: readonly { userId: string; destination?: string | null }[]; now?: Date },
): Promise<string[]> {
  if (input.links.length === 0) return [];
  const now = input.now ?? new Date();
  const tokens = input.links.map(() => generateToken());
  const rows = input.links.map((link, index) => {
    let destination: string | null = null;
    if (link.destination !== undefined && link.destination !== null) {
      destination = toSafeDestination(link.destination);
      if (!destination) throw new Error(`A sign-in link can only lead to a path on this site, not ${JSON.stringify(link.destination)}`);
    }
    return {
      userId: link.userId,
      tenantId: input.tenantId,
      purpose: "sign_in" as const,
      tokenHash: hashToken(tokens[index]),
      destination,
      expiresAt: signInLinkExpiresAt(now),
      createdAt: now,
      updatedAt: now,
    };
  });
  // Chunked: nine parameters a row stays far below Postgres's 65,535 per statement.
  for (let start = 0; start < rows.length; start += 2_000) await tx.insert(accessTokens).values(rows.slice(start, start + 2_000));
  return tokens.map((token) => `${env().appUrl}${SIGN_IN_LINK_PATH}/${token}`);
}

/** Tokens are 32 random bytes in base64url (43 characters); anything else is refused without a lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,64}$/.test(value);
}

export type SignInLinkProblem = "expired" | "invalid";

/** The account of a real link was blocked: its holder is told which organisation to contact. */
export type BlockedLink = { ok: false; reason: "blocked"; tenantId: string };

export type SignInLinkVerdict = { ok: true; userId: string; destination: string } | { ok: false; reason: SignInLinkProblem } | BlockedLink;

/**
 * Checks a sign-in link and counts its use. "expired" only for a link that would otherwise still work
 * (so the page can say "older than 7 days"); "blocked" for a link of a blocked account (revoked at
 * the block, but only someone who was mailed the 256-bit token can get this answer); revoked links,
 * inactive accounts and unknown tokens are all "invalid".
 */
export async function acceptSignInLink(token: string, now: Date = new Date()): Promise<SignInLinkVerdict> {
  if (!looksLikeToken(token)) return { ok: false, reason: "invalid" };
  const db = await getDb();
  const [row] = await db
    .select({
      id: accessTokens.id,
      userId: accessTokens.userId,
      destination: accessTokens.destination,
      expiresAt: accessTokens.expiresAt,
      revokedAt: accessTokens.revokedAt,
      status: users.status,
      tenantId: users.tenantId,
    })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(and(eq(accessTokens.tokenHash, hashToken(token)), eq(accessTokens.purpose, "sign_in")))
    .limit(1);
  if (row?.status === "blocked" && row.tenantId) return { ok: false, reason: "blocked", tenantId: row.tenantId };
  if (!row || row.revokedAt || row.status !== "active") return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  // Re-checked in the UPDATE: a block or password reset between the read and here wins.
  const [counted] = await db
    .update(accessTokens)
    .set({ useCount: sql`${accessTokens.useCount} + 1`, usedAt: sql`coalesce(${accessTokens.usedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(accessTokens.id, row.id), isNull(accessTokens.revokedAt), gt(accessTokens.expiresAt, now)))
    .returning({ id: accessTokens.id });
  if (!counted) return { ok: false, reason: "invalid" };
  return { ok: true, userId: row.userId, destination: toSafeDestination(row.destination) ?? DEFAULT_DESTINATION };
}

export type LinkSignIn = ({ ok: true; destination: string } & FirstFactorOutcome) | { ok: false; reason: SignInLinkProblem } | BlockedLink;

/**
 * Opening a sign-in link: checks it, then finishes the first factor like a password would (a member
 * with an authenticator app still owes its code). Changes nothing but the link's use count and what
 * signing in itself records; accepting or signing up is always a later button press, because mail
 * scanners open links before people do.
 */
export async function signInWithLink(token: string, now: Date = new Date()): Promise<LinkSignIn> {
  const verdict = await acceptSignInLink(token, now);
  if (!verdict.ok) return verdict;
  const outcome = await finishFirstFactor({ userId: verdict.userId, via: "link", destination: verdict.destination }, now);
  return { ok: true, destination: verdict.destination, ...outcome };
}

// "Login opvragen": an email address in, one email per active account on it (username and a fresh
// sign-in link). The answer never tells whether the address is known.
import { createHash } from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { sendLoginRequest } from "@/lib/mail/messages";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { isEmailLocale } from "@/lib/mail/registry";
import { issueSignInLink } from "@/lib/accounts/links/sign-in-links";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import { normaliseEmailAddress } from "@/lib/accounts/rules";

/** Per client, like every sign-in endpoint. */
export const loginRequestPerClient: RateLimitRule = { name: "login-request:client", limit: 10, windowSeconds: 60 };
/** Per address, so nobody can fill a household's inbox: five requests an hour. */
export const loginRequestPerAddress: RateLimitRule = { name: "login-request:address", limit: 5, windowSeconds: 60 * 60 };

/** RFC 5321's limit on an address; a 10 kB paste is refused before anything else happens. */
const EMAIL_MAX_LENGTH = 254;

export const loginRequestSchema = z.object({
  email: z
    .string({ message: "required" })
    .max(EMAIL_MAX_LENGTH * 4, "invalidEmail")
    .transform(normaliseEmailAddress)
    .pipe(z.string().min(1, "required").max(EMAIL_MAX_LENGTH, "invalidEmail").pipe(z.email("invalidEmail"))),
});
export type LoginRequestInput = z.infer<typeof loginRequestSchema>;

export type LoginRequestResult =
  | { ok: true }
  | { ok: false; error: "required" | "invalidEmail" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/** The rate-limit key for an address: a hash, so the counters table holds no email addresses. */
export function addressKey(address: string): string {
  return createHash("sha256").update(`login-request:${address}`).digest("hex").slice(0, 32);
}

export type RequestContext = {
  /** The client's address (lib/auth/client.ts), for the per-client limit. */
  clientKey: string;
  now?: Date;
  /**
   * Runs the lookup and the sending after the answer is on its way (`after` from next/server), so a
   * known and an unknown address take the same time to answer. Tests pass a function that runs it.
   */
  defer: (task: () => Promise<unknown>) => void;
};

/**
 * Validates the address and counts the request; the same `{ ok: true }` whether or not any account
 * uses the address. Bad input changes nothing, not even a rate-limit counter.
 */
export async function requestLogin(raw: unknown, context: RequestContext): Promise<LoginRequestResult> {
  const parsed = loginRequestSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message === "invalidEmail" ? "invalidEmail" : "required" };
  }
  const now = context.now ?? new Date();
  const address = parsed.data.email;
  const perClient = await consumeRateLimit(loginRequestPerClient, context.clientKey, now);
  if (!perClient.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perClient.retryAfterSeconds };
  const perAddress = await consumeRateLimit(loginRequestPerAddress, addressKey(address), now);
  if (!perAddress.allowed) return { ok: false, error: "rateLimited", retryAfterSeconds: perAddress.retryAfterSeconds };
  context.defer(() => sendLoginRequestEmails(address, now));
  return { ok: true };
}

/**
 * One email per active account whose address is `address` (compared case-insensitively), each with
 * its own username and a fresh 7-day sign-in link, in one transaction; delivery follows the commit.
 * Returns the outbox ids. Members' addresses live on their person record; a provider admin without
 * one is reached at the login's own address.
 */
export async function sendLoginRequestEmails(address: string, now: Date = new Date()): Promise<string[]> {
  const db = await getDb();
  const normalised = normaliseEmailAddress(address);
  const accounts = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      username: users.username,
      locale: users.locale,
      personId: people.id,
      firstName: people.firstName,
      personEmail: people.email,
      loginName: users.name,
      loginEmail: users.email,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(users.status, "active"),
        or(
          sql`lower(trim(${people.email})) = ${normalised}`,
          and(isNull(users.personId), sql`lower(trim(${users.email})) = ${normalised}`),
        ),
      ),
    )
    .orderBy(users.username);
  if (accounts.length === 0) return [];
  const ids = await db.transaction(async (tx) => {
    const sent: string[] = [];
    for (const account of accounts) {
      const url = await issueSignInLink(tx, { userId: account.userId, tenantId: account.tenantId, now });
      const storedAddress = (account.personId ? account.personEmail : account.loginEmail)?.trim() || normalised;
      sent.push(
        await sendLoginRequest(tx, {
          tenantId: account.tenantId,
          person: { id: account.personId, firstName: account.firstName ?? account.loginName?.split(" ")[0] ?? account.username, email: storedAddress },
          username: account.username,
          url,
          locale: isEmailLocale(account.locale) ? account.locale : undefined,
        }),
      );
    }
    return sent;
  });
  await deliverAfterCommit(ids);
  return ids;
}

// Fixed-window rate limits stored in Postgres, so every instance shares the same counters.
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema/platform";

export type RateLimitRule = {
  /** What is limited, e.g. "sign-in:client" or "login-request:address". */
  name: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitVerdict = { allowed: boolean; retryAfterSeconds: number };

/** Per-client limit on every sign-in endpoint: 10 requests a minute. */
export const signInPerClient: RateLimitRule = { name: "sign-in:client", limit: 10, windowSeconds: 60 };

/**
 * Counts one hit for `subject` under `rule` and says whether it is within the limit. One atomic
 * upsert: a new window starts when the old one has passed. The subject is hashed into the key by the
 * caller when it is personal data (an email address).
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitVerdict> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 300);
  const windowStart = now.toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStart}::timestamptz - make_interval(secs => ${rule.windowSeconds}) then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStart}::timestamptz - make_interval(secs => ${rule.windowSeconds}) then ${windowStart}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  const windowEnds = row.windowStart.getTime() + rule.windowSeconds * 1000;
  return {
    allowed: row.count <= rule.limit,
    retryAfterSeconds: row.count <= rule.limit ? 0 : Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  };
}

// What a cached fragment depends on. A "use cache" function that renders or reads an
// organisation's data calls `cachedForOrganisation(tenantId, …domains)` first: its entry is kept
// per organisation (and per argument: day, language, page) and goes stale when any table of those
// domains changes for that organisation (the triggers in drizzle/0015_cache_tag_expirations.sql and 0016
// stamp `tenant:<id>:<domain>`, the same names as here). Member-specific values never go into such a
// function's arguments or result unless the member's id is one of its arguments.
import { cacheLife, cacheTag } from "next/cache";

/**
 * Correctness comes from the tags (stamped in the writing transaction); the lifetime only bounds how
 * long an unused fragment stays in memory. stale 0: a browser never reuses one on its own.
 */
const ORGANISATION_CACHE_LIFE = { stale: 0, revalidate: 600, expire: 600 };

/**
 * roster: shifts, places, handovers, locations, groups, people (names on shifts), the organisation;
 * people: people, photos, groups, the organisation (its profile field settings); hours: worked
 * hours and week confirmations (hours also derive from the roster: tag both); accounts: what the
 * members table shows of a login (status, blocks, lockout, sign-ins, two-factor;
 * drizzle/0016_cache_tags_accounts.sql); mail: the outbox rows of bulk mailings (their progress).
 */
export type CacheDomain = "roster" | "people" | "hours" | "accounts" | "mail";

export function organisationTag(tenantId: string, domain: CacheDomain): string {
  return `tenant:${tenantId}:${domain}`;
}

/**
 * Marks the current "use cache" scope as the organisation's data of these domains. Outside Next's
 * cache (unit and integration tests call the same functions directly) it does nothing.
 */
export function cachedForOrganisation(tenantId: string, ...domains: CacheDomain[]): void {
  if (!process.env.__NEXT_USE_CACHE) return;
  cacheLife(ORGANISATION_CACHE_LIFE);
  cacheTag(...domains.map((domain) => organisationTag(tenantId, domain)));
}

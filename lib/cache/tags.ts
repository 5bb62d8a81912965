// What a cached fragment depends on, and who may ask for it. A "use cache" function starts with
// `cachedForOrganisation(organisation, …domains)`: its entry is kept per organisation (and per
// argument: day, language, page) and goes stale when any table of those domains changes for that
// organisation (the triggers in drizzle/0015_cache_tag_expirations.sql and 0016 stamp
// `tenant:<id>:<domain>`, the same names as here). Member-specific values never go into such a
// function's arguments or result unless the member's id is one of its arguments.
//
// Why the organisation comes in as a key rather than its id: Next registers every "use cache"
// function as a server function too (it is listed among the build's server references), and its
// action handler runs one for any POST that names its id in a Next-Action header (or in a form's
// action fields), with arguments the caller chooses, before the page checks a session. Without more,
// anyone holding such an id got the function's result for any organisation id they sent (names,
// email addresses, phone numbers, shifts), whether from a fragment already cached or by making the
// server read the database and fill the cache. Next has no setting to stop that. So every cached
// function takes an `OrganisationKey`: the organisation's id with an HMAC of it under a key derived
// from AUTH_SECRET, which only this server can make (`organisationKey`, called by a page after its
// requireMember/requireCoordinator). A made-up key is a different argument, so it never matches an
// entry a page cached, and `cachedForOrganisation` refuses it before the function reads anything.
import { createHmac, timingSafeEqual } from "node:crypto";
import { cacheLife, cacheTag } from "next/cache";
import { derivedKey } from "@/lib/derived-keys";

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

/** An organisation's id with this server's proof that a page of that organisation asked for it. */
export type OrganisationKey = string & { readonly __brand: "OrganisationKey" };

/** The HMAC key's label (lib/derived-keys.ts): changing it refuses every key a page made before. */
const keyLabel = "ploeg page cache organisation key v1";

function macOf(tenantId: string): Buffer {
  return createHmac("sha256", derivedKey(keyLabel)).update(tenantId, "utf8").digest();
}

/**
 * The key a page passes to the page cache for its organisation: `tenantId` must come from the
 * session (requireMember/requireCoordinator), never from the request. Stays on the server: it is an
 * argument of cached functions only, never a prop of a client component.
 */
export function organisationKey(tenantId: string): OrganisationKey {
  return `${tenantId}.${macOf(tenantId).toString("base64url")}` as OrganisationKey;
}

export class PageCacheKeyError extends Error {
  constructor() {
    super("A cached fragment was asked for without an organisation key made by this server (called as a server function?)");
    this.name = "PageCacheKeyError";
  }
}

/** The organisation's id from a key this server made; throws PageCacheKeyError for anything else. */
function tenantOf(organisation: unknown): string {
  if (typeof organisation !== "string") throw new PageCacheKeyError();
  const dot = organisation.lastIndexOf(".");
  const tenantId = organisation.slice(0, dot);
  const mac = Buffer.from(organisation.slice(dot + 1), "base64url");
  const expected = macOf(tenantId);
  if (dot <= 0 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw new PageCacheKeyError();
  return tenantId;
}

/**
 * The first statement of every "use cache" function: checks the key (throws PageCacheKeyError before
 * anything is read when this server did not make it) and returns the organisation's id. Inside Next's
 * cache it also marks the entry as the organisation's data of these domains (none: data of no domain,
 * kept per organisation all the same). Outside Next's cache (unit and integration tests call the same
 * functions directly) it only checks the key.
 */
export function cachedForOrganisation(organisation: OrganisationKey, ...domains: CacheDomain[]): string {
  const tenantId = tenantOf(organisation);
  if (!process.env.__NEXT_USE_CACHE) return tenantId;
  cacheLife(ORGANISATION_CACHE_LIFE);
  if (domains.length > 0) cacheTag(...domains.map((domain) => organisationTag(tenantId, domain)));
  return tenantId;
}

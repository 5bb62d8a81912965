// @ts-check
// Reading the page cache's tag expirations from Postgres (the cache_tag_expirations table, written by
// deferred triggers in the same transaction as every change to the tables cached pages are built
// from, see lib/cache/handler.mjs). Plain JavaScript without side effects: imported by the handler,
// which Next loads at run time outside its bundles, and by the app's own modules.

import { AsyncLocalStorage } from "node:async_hooks";

/** @typedef {{ expiredSince(sinceMs: number): Promise<Array<{ tag: string; at: number }>>; expire(tags: string[]): Promise<void> }} TagSource */

export const TAG_SOURCE = Symbol.for("ploeg.cache.tag-source");

/**
 * A look reads the expirations stamped since the previous look started, minus this much: a row is
 * stamped just before its transaction commits, so it is seen unless that commit takes longer.
 */
export const LOOK_BACK_MS = 15_000;

/**
 * A fragment whose rendering started less than this after one of its tags expired counts as older
 * than the change: covers the moment between the stamp and the commit, and clocks of the instances
 * and the database that differ by up to about a second.
 */
export const MARGIN_MS = 1_000;

/** `tenant:<id>:<domain>` (lib/cache/tags.ts organisationTag). */
const ORGANISATION_TAG = /^tenant:([^:]+):/;

/** The default tag source: the one the app registers on globalThis at boot. */
function globalTagSource() {
  return /** @type {TagSource | undefined} */ (/** @type {any} */ (globalThis)[TAG_SOURCE]);
}

/**
 * What one reader of the expirations knows of them: each `look` reads, in one statement, the
 * expirations stamped since its previous look (LOOK_BACK_MS earlier) and keeps each tag's latest.
 * Until a look succeeds (no database yet, as in `next build`, or a failed read) it is not `trusted`
 * and nothing cached may be served. The fragment cache (lib/cache/handler.mjs) and the response cache
 * (lib/cache/response-cache.ts) share one per process (`sharedTagWatch`); tests make their own.
 *
 * @param {{ source?: () => TagSource | undefined; clock?: () => number }} [options]
 */
export function createTagWatch(options = {}) {
  const source = options.source ?? globalTagSource;
  const clock = options.clock ?? (() => Date.now());
  /** @type {Map<string, number>} tag → when it last expired (ms, database clock) */
  const expiredAt = new Map();
  /** @type {Map<string, number>} organisation → the latest expiration of any of its tags */
  const organisationExpiredAt = new Map();
  // A tag of no organisation (none is written today) counts for every organisation.
  let everyOrganisationExpiredAt = -Infinity;
  const startedAt = clock();
  /** @type {number | null} */
  let lastLook = null;
  let trusted = false;
  let looks = 0;

  /** @param {string} tag @param {number} at */
  function note(tag, at) {
    if ((expiredAt.get(tag) ?? -Infinity) >= at) return;
    expiredAt.set(tag, at);
    const organisation = ORGANISATION_TAG.exec(tag)?.[1];
    if (organisation === undefined) everyOrganisationExpiredAt = Math.max(everyOrganisationExpiredAt, at);
    else organisationExpiredAt.set(organisation, Math.max(organisationExpiredAt.get(organisation) ?? -Infinity, at));
  }

  return {
    /** Reads the expirations stamped since the last look; resolves to whether they can be trusted. */
    async look() {
      const tags = source();
      if (!tags) return (trusted = false);
      const since = (lastLook ?? startedAt) - LOOK_BACK_MS;
      const lookStarted = clock();
      try {
        looks += 1;
        for (const { tag, at } of await tags.expiredSince(since)) note(tag, at);
        lastLook = Math.max(lastLook ?? lookStarted, lookStarted);
        trusted = true;
      } catch {
        // The request's own queries will meet the same database; nothing cached is trusted meanwhile.
        trusted = false;
      }
      return trusted;
    },
    get trusted() {
      return trusted;
    },
    get looks() {
      return looks;
    },
    /**
     * Whether something made at `timestamp` is older than (or too close to) an expiration of one of `tags`.
     * @param {string[]} tags @param {number} timestamp
     */
    isStale(tags, timestamp) {
      for (const tag of tags) {
        const at = expiredAt.get(tag);
        if (at !== undefined && at + MARGIN_MS >= timestamp) return true;
      }
      return false;
    },
    /**
     * The latest expiration of any of `tags` plus the margin, 0 if none.
     * @param {string[]} tags
     */
    expiration(tags) {
      let latest = 0;
      for (const tag of tags) {
        const at = expiredAt.get(tag);
        if (at !== undefined) latest = Math.max(latest, at + MARGIN_MS);
      }
      return latest;
    },
    /**
     * Whether something of the organisation made at `timestamp` is older than (or too close to) any of its expirations.
     * @param {string} tenantId @param {number} timestamp
     */
    isStaleForOrganisation(tenantId, timestamp) {
      const at = Math.max(organisationExpiredAt.get(tenantId) ?? -Infinity, everyOrganisationExpiredAt);
      return at + MARGIN_MS >= timestamp;
    },
    /** An expiration this instance made itself (updateTag), known before the database is read again. */
    note,
    source,
  };
}

const SHARED_WATCH = Symbol.for("ploeg.cache.tag-watch");
const REQUEST_STORE = Symbol.for("ploeg.cache.request");

/**
 * The process's one watch of the database's expirations, shared by the fragment cache's handler and
 * the response cache (each module may be loaded more than once: by Next at run time and in the app's
 * bundles), so that a look made for a request serves both.
 *
 * @returns {ReturnType<typeof createTagWatch>}
 */
export function sharedTagWatch() {
  const slot = /** @type {any} */ (globalThis);
  return (slot[SHARED_WATCH] ??= createTagWatch());
}

/**
 * What the server in front of Next (lib/cache/response-cache.ts) already did for the request it
 * hands to Next: looked at the expirations (so the fragment cache need not look again) and checked
 * the session of a given cookie (so the page need not check it again). In-process only: a client
 * cannot set it.
 *
 * @returns {AsyncLocalStorage<{ looked: boolean; session?: { token: string; check: unknown } }>}
 */
export function requestStore() {
  const slot = /** @type {any} */ (globalThis);
  return (slot[REQUEST_STORE] ??= new AsyncLocalStorage());
}

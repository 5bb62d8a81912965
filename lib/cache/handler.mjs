// @ts-check
// The store behind "use cache" (next.config.ts `cacheHandlers.default`). Cached fragments stay in
// this instance's memory, bounded by bytes (least recently used go first); whether one is still
// good is decided by its tags' expirations, which live in Postgres (the cache_tag_expirations
// table, written by deferred triggers in the same transaction as every change to the tables the
// fragments are built from). Next calls `refreshTags` once per request before its first cache read:
// one statement reads the expirations written since this instance last looked, so an instance never
// serves a fragment older than the last committed change anywhere, with nothing but Postgres shared.
//
// Plain JavaScript: Next imports this file at run time, outside its bundles. It reaches the
// database through the tag source the app registers on globalThis at boot (lib/cache/tag-source.ts).

/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheEntry} CacheEntry */
/** @typedef {import("./tag-watch.mjs").TagSource} TagSource */

import { createTagWatch, requestStore, sharedTagWatch } from "./tag-watch.mjs";

/** Next's own route tags (revalidatePath): the data tags carry every invalidation, so these are not kept. */
const IMPLICIT_TAG_PREFIX = "_N_T_";

/**
 * @param {{ maxBytes?: number; source?: () => TagSource | undefined; clock?: () => number }} [options]
 * @returns {CacheHandler & { stats(): { entries: number; bytes: number; hits: number; misses: number; looks: number } }}
 */
export function createCacheHandler(options = {}) {
  const maxBytes = options.maxBytes ?? 48 * 1024 * 1024;
  const clock = options.clock ?? (() => Date.now());
  // The process's shared watch, unless a test hands its own source or clock.
  const watch = options.source || options.clock ? createTagWatch({ source: options.source, clock }) : sharedTagWatch();

  /** @type {Map<string, { meta: Omit<CacheEntry, "value">; bytes: Uint8Array }>} oldest use first */
  const entries = new Map();
  /** @type {Map<string, Promise<void>>} */
  const pending = new Map();
  let mustLook = false;
  let bytes = 0;
  const counts = { hits: 0, misses: 0 };

  async function look() {
    if (await watch.look()) mustLook = false;
  }

  /** @param {string} key */
  function drop(key) {
    const held = entries.get(key);
    if (!held) return;
    entries.delete(key);
    bytes -= held.bytes.byteLength + key.length;
  }

  return {
    async get(cacheKey) {
      const waiting = pending.get(cacheKey);
      if (waiting) await waiting;
      if (mustLook) await look();
      const held = watch.trusted ? entries.get(cacheKey) : undefined;
      if (!held) {
        counts.misses += 1;
        return undefined;
      }
      const { meta } = held;
      if (meta.expire < 0 || clock() > meta.timestamp + meta.revalidate * 1000 || watch.isStale(meta.tags, meta.timestamp)) {
        drop(cacheKey);
        counts.misses += 1;
        return undefined;
      }
      // Most recently used last.
      entries.delete(cacheKey);
      entries.set(cacheKey, held);
      counts.hits += 1;
      const value = held.bytes;
      return {
        ...meta,
        value: new ReadableStream({
          start(controller) {
            controller.enqueue(value);
            controller.close();
          },
        }),
      };
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let settle = () => {};
      pending.set(cacheKey, new Promise((resolve) => (settle = resolve)));
      try {
        const entry = await pendingEntry;
        const value = await readAll(entry.value);
        // An entry regenerated on every read (expire 0) or one too large to be worth a quarter of the store is not kept.
        if (entry.expire === 0 || value.byteLength > maxBytes / 4) return;
        const meta = { tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate };
        drop(cacheKey);
        entries.set(cacheKey, { meta, bytes: value });
        bytes += value.byteLength + cacheKey.length;
        for (const oldest of entries.keys()) {
          if (bytes <= maxBytes) break;
          drop(oldest);
        }
      } catch {
        // A failed render is not cached; the next request renders again.
      } finally {
        pending.delete(cacheKey);
        settle();
      }
    },

    async refreshTags() {
      // The server in front already looked for this request (lib/cache/response-cache.ts).
      if (!mustLook && requestStore().getStore()?.looked && watch.trusted) return;
      await look();
    },

    async getExpiration(tags) {
      return watch.expiration(tags);
    },

    async updateTags(tags) {
      // revalidatePath after a server action lands here with Next's route tags: the action's change
      // has committed (and its trigger stamped the data tags), so look again before the next read.
      mustLook = true;
      const own = tags.filter((tag) => !tag.startsWith(IMPLICIT_TAG_PREFIX));
      if (own.length === 0) return;
      const now = clock();
      for (const tag of own) watch.note(tag, now);
      await watch.source()?.expire(own);
    },

    stats() {
      return { entries: entries.size, bytes, ...counts, looks: watch.looks };
    },
  };
}

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

const handler = createCacheHandler();
// The bench and the tests read the counts of the running server's store through this.
/** @type {any} */ (globalThis)[Symbol.for("ploeg.cache.handler")] = handler;
export default handler;

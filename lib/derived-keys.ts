// Keys of their own derived from AUTH_SECRET: HKDF-SHA256 with an empty salt and the caller's label as
// its info, so each use (the page cache's organisation key, sealed outbox bodies) has a key no other use
// shares, and none is the key that signs sessions. The label is part of the key: changing it (or the
// length) makes every value made under the old key unreadable (sealed outbox bodies, cached fragments),
// so a new key gets a new label ("… v2") rather than an edit of an old one.
import { hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

const cache = new Map<string, { secret: string; key: Buffer }>();

/** The key of `length` bytes derived from AUTH_SECRET under `label`; computed once per secret and label. */
export function derivedKey(label: string, length = 32): Buffer {
  const secret = env().authSecret;
  // Production refuses to start without AUTH_SECRET; reaching this without one is a programming error.
  if (!secret) throw new Error(`AUTH_SECRET is needed to derive the key "${label}"`);
  const cacheKey = `${length}:${label}`;
  const cached = cache.get(cacheKey);
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), label, length));
  cache.set(cacheKey, { secret, key });
  return key;
}

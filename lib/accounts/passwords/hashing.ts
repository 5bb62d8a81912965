// Password hashing (Argon2id via @node-rs/argon2: prebuilt N-API binaries, no compiler needed), and the
// keyed fast hash of server-generated temporary passwords (see README, security notes).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/env";

// OWASP's Argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. Algorithm 2 = Argon2id.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Marks a stored hash as a temporary password's HMAC-SHA-256 rather than an Argon2id string. */
const TEMPORARY_PREFIX = "tmp-hmac-sha256$";

function temporaryPasswordKey(): Buffer {
  const secret = env().authSecret;
  if (!secret) throw new Error("AUTH_SECRET is needed to store temporary passwords");
  // A key of its own, derived from AUTH_SECRET, so this MAC can never be confused with a session token's.
  return createHash("sha256").update(`ploeg:temporary-password:${secret}`).digest();
}

/**
 * Stores a server-generated temporary password (≥ 60 random bits, single-use, 14 days) with a keyed
 * HMAC-SHA-256 instead of Argon2id: thousands can be issued in one request, and guessing 2^60+
 * candidates is out of reach even with the key. Never use it for a password a person chose.
 */
export function hashTemporaryPassword(password: string): string {
  return TEMPORARY_PREFIX + createHmac("sha256", temporaryPasswordKey()).update(password).digest("hex");
}

export function isTemporaryPasswordHash(passwordHash: string): boolean {
  return passwordHash.startsWith(TEMPORARY_PREFIX);
}

let decoyHash: Promise<string> | undefined;

/** The keyed check, padded with one Argon2 verification so its timing does not reveal a fresh temporary password. */
async function verifyTemporaryPassword(passwordHash: string, password: string): Promise<boolean> {
  const expected = Buffer.from(passwordHash.slice(TEMPORARY_PREFIX.length), "hex");
  const actual = createHmac("sha256", temporaryPasswordKey()).update(password).digest();
  const matches = expected.length === actual.length && timingSafeEqual(expected, actual);
  decoyHash ??= hash("decoy-temporary-password-never-used", options);
  await verify(await decoyHash, password).catch(() => false);
  return matches;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (isTemporaryPasswordHash(passwordHash)) return verifyTemporaryPassword(passwordHash, password);
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash never signs anyone in.
    return false;
  }
}

/**
 * Members paste usernames and passwords from emails; surrounding whitespace is never part of either
 * (passwords cannot begin or end with whitespace).
 */
export function normaliseCredential(value: string): string {
  return value.trim();
}

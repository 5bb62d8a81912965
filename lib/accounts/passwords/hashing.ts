// Password hashing (Argon2id via @node-rs/argon2: prebuilt N-API binaries, no compiler needed).
import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. Algorithm 2 = Argon2id.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
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

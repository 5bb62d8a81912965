// Opaque tokens for links and sign-in tickets: random, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe: unguessable, so a plain SHA-256 (not a slow hash) is enough to store. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

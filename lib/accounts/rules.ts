// Account rules on plain data: password strength, username shape, safe destinations and the lifetimes
// of links and temporary passwords. No db, auth or next imports.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as commonLanguage from "@zxcvbn-ts/language-common";
import * as dutchLanguage from "@zxcvbn-ts/language-nl-be";

/** A sign-in link may be used any number of times for 7 days (PRODUCT.md §2). */
export const SIGN_IN_LINK_DAYS = 7;
/** A password-reset link works once, for one hour. */
export const PASSWORD_RESET_MINUTES = 60;
/** A coordinator-set temporary password signs in once, within 14 days. */
export const TEMPORARY_PASSWORD_DAYS = 14;

export const PASSWORD_MIN_LENGTH = 10;
/** Equal to the sign-in form's limit (lib/accounts/sign-in/schemas.ts), so every accepted password can be typed there. */
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" against an offline attack on a slow hash. */
export const PASSWORD_MIN_SCORE = 3;

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

export function signInLinkExpiresAt(now: Date): Date {
  return new Date(now.getTime() + SIGN_IN_LINK_DAYS * DAY_MS);
}

export function passwordResetExpiresAt(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000);
}

/** For whoever sets a temporary password: the moment it stops working if still unused. */
export function temporaryPasswordExpiresAt(now: Date): Date {
  return new Date(now.getTime() + TEMPORARY_PASSWORD_DAYS * DAY_MS);
}

export type TemporaryPasswordState = { temporaryPasswordExpiresAt: Date | null; temporaryPasswordUsedAt: Date | null };

/**
 * Whether the account's current password may still sign in, as far as temporariness goes. A password
 * is temporary while `temporaryPasswordExpiresAt` is set (choosing an own password clears it).
 */
export function checkTemporaryPassword(state: TemporaryPasswordState, now: Date): "not-temporary" | "usable" | "used" | "expired" {
  if (!state.temporaryPasswordExpiresAt) return "not-temporary";
  if (state.temporaryPasswordUsedAt) return "used";
  if (state.temporaryPasswordExpiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}

// ── Safe destinations ────────────────────────────────────────────────────────────────────────────

const MAX_DESTINATION_LENGTH = 500;

/**
 * A path on this site to open after signing in, or null. Accepts only "/…" paths: absolute URLs
 * ("https://evil.com", "javascript:…"), protocol-relative ones ("//evil.com"), backslashes (browsers
 * read "/\evil.com" as "//evil.com"), control characters and whitespace are refused, as is anything
 * that resolves to another origin. Returns the normalised path with query and hash.
 */
export function toSafeDestination(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (value.length === 0 || value.length > MAX_DESTINATION_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // Backslash, every C0/C1 control character, DEL and any whitespace (tab and newline are stripped by URL parsers).
  if (/[\\\s\u0000-\u001f\u007f-\u009f]/.test(value)) return null;
  const base = "http://ploeg.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A percent-encoded slash or backslash at the start could be decoded into "//" by some later hop.
  if (/^\/(%2f|%5c)/i.test(path)) return null;
  return path;
}

// ── Usernames ────────────────────────────────────────────────────────────────────────────────────

export type UsernameProblem = "required" | "tooShort" | "tooLong" | "characters";

/** Pasted usernames lose surrounding spaces; composed characters are stored one way (NFC). */
export function normaliseUsername(value: string): string {
  return value.trim().normalize("NFC");
}

/** 3–50 letters, digits and . - _ @ (so an email-style name works). Expects a normalised value. */
export function checkUsername(username: string): UsernameProblem | null {
  if (username.length === 0) return "required";
  if (username.length > USERNAME_MAX_LENGTH) return "tooLong";
  if (!/^[\p{L}\p{N}._@-]+$/u.test(username)) return "characters";
  if ([...username].length < USERNAME_MIN_LENGTH) return "tooShort";
  return null;
}

// ── Passwords ────────────────────────────────────────────────────────────────────────────────────

export type PasswordProblem = "required" | "tooShort" | "tooLong" | "surroundingSpace" | "containsName" | "weak";

let strengthCheckerReady = false;

/** Loads the dictionaries once, on first use: Dutch words and names plus the common password lists. */
function prepareStrengthChecker(): void {
  if (strengthCheckerReady) return;
  zxcvbnOptions.setOptions({
    graphs: commonLanguage.adjacencyGraphs,
    dictionary: {
      ...commonLanguage.dictionary,
      ...dutchLanguage.dictionary,
      // Words everyone using this app would try first.
      ploeg: ["ploeg", "rooster", "inzetrooster", "vrijwilliger", "vrijwilligers", "dienst", "diensten", "wachtwoord", "welkom", "stichting"],
    },
    translations: dutchLanguage.translations,
  });
  strengthCheckerReady = true;
}

/** The words a password must not lean on: username, name parts, email address parts, organisation. */
export function collectPersonalWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (!value) return;
    const lower = value.toLowerCase().trim();
    if (lower.length >= 3) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  };
  add(context.username);
  for (const name of context.names ?? []) add(name);
  add(context.email);
  return [...words];
}

export type PasswordContext = { username?: string | null; names?: (string | null | undefined)[]; email?: string | null };

/**
 * Checks a new password: 10–200 characters, no space at either end, and not guessable (zxcvbn score
 * ≥ 3 with Dutch dictionaries and the member's own names as known words). Returns the first problem
 * or null. Never trims: a password that begins or ends with whitespace is refused, not altered.
 */
export function checkNewPassword(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if (password.length === 0) return "required";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  if (/^\s|\s$/.test(password)) return "surroundingSpace";
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  prepareStrengthChecker();
  const personal = collectPersonalWords(context);
  const result = zxcvbn(password, personal);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  // Say why when the member's own name is the weak part: the generic advice would not tell them.
  const lower = password.toLowerCase();
  const leansOnName = personal.some((word) => word.length >= 4 && lower.includes(word));
  return leansOnName ? "containsName" : "weak";
}

// ── Email addresses ──────────────────────────────────────────────────────────────────────────────

/** Addresses are compared case-insensitively and without surrounding spaces. */
export function normaliseEmailAddress(value: string): string {
  return value.trim().toLowerCase();
}

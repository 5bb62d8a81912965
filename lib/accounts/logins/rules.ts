// Pure rules for creating logins in bulk: the username a name suggests, how a batch of suggestions is
// made unique against the usernames already taken, who gets a login and who is activated. No db, auth or next.
import { canManageAccountOf } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";
import { checkUsername, normaliseUsername, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, type UsernameProblem } from "@/lib/accounts/rules";
import { hasLeft, type AccountStatus } from "@/lib/accounts/blocking/rules";

export type NameForUsername = { firstName: string; infix: string | null; lastName: string };

/** Room left at the end of a derived username for the number that makes it unique ("…99999"). */
const SUFFIX_ROOM = 5;
/** What a name without a single usable letter (e.g. only non-Latin script) becomes. */
const FALLBACK_USERNAME = "lid";

/** Letters that do not decompose into a base letter and an accent. */
const spelledOut: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * The username a name suggests: lower case, accents removed, the infix kept, dots between the parts
 * ("Jan de Vries" → "jan.de.vries", "Zoë van 't Hof" → "zoe.van.t.hof"). Only a-z, 0-9, "." and "-"
 * remain; a hyphen inside a part stays ("anne-marie"). At least 3 characters, and short enough that a
 * number can still be added to make it unique.
 */
export function deriveUsername(name: NameForUsername): string {
  const full = [name.firstName, name.infix ?? "", name.lastName].join(" ");
  const plain = full
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => spelledOut[letter] ?? "")
    // An apostrophe joins rather than separates: "'t" → "t", "d'Ancona" → "dancona".
    .replace(/['’‘`´]/g, "");
  const parts = plain
    .split(/[^a-z0-9-]+/)
    .map((part) => part.replace(/-{2,}/g, "-").replace(/^-+|-+$/g, ""))
    .filter((part) => part.length > 0);
  let base = parts.join(".");
  if (base.length > USERNAME_MAX_LENGTH - SUFFIX_ROOM) base = base.slice(0, USERNAME_MAX_LENGTH - SUFFIX_ROOM).replace(/[.-]+$/, "");
  if (base.length === 0) return FALLBACK_USERNAME;
  // "Li" alone is too short to be a username; a digit makes it long enough and still readable.
  if (base.length < USERNAME_MIN_LENGTH) return `${base}1`.padEnd(USERNAME_MIN_LENGTH, "1");
  return base;
}

/**
 * Gives each suggestion, in order, the first free name of "base", "base2", "base3", …, where free means
 * not in `taken` (lower-cased usernames that exist anywhere in the installation) and not given to an
 * earlier person of the same batch. Two "Jan de Vries" become jan.de.vries and jan.de.vries2.
 */
export function allocateUsernames(bases: readonly string[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  return bases.map((base) => {
    let candidate = base;
    for (let number = 2; used.has(candidate.toLowerCase()); number += 1) candidate = `${base}${number}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export type LoginUsernameProblem = UsernameProblem | "duplicate" | "taken";

/**
 * Checks the usernames a coordinator confirms (edited or as suggested) with the same rules as a
 * member's own username, refusing a name used twice in the batch (letter case does not count) or
 * already taken. Returns the normalised usernames and the problems per index.
 */
export function checkChosenUsernames(
  chosen: readonly string[],
  taken: ReadonlySet<string>,
): { usernames: string[]; problems: Map<number, LoginUsernameProblem> } {
  const usernames = chosen.map(normaliseUsername);
  const problems = new Map<number, LoginUsernameProblem>();
  const seen = new Map<string, number>();
  usernames.forEach((username, index) => {
    const shape = checkUsername(username);
    if (shape) return problems.set(index, shape);
    const key = username.toLowerCase();
    if (taken.has(key)) return problems.set(index, "taken");
    const first = seen.get(key);
    if (first !== undefined) {
      problems.set(index, "duplicate");
      if (!problems.has(first)) problems.set(first, "duplicate");
      return;
    }
    seen.set(key, index);
  });
  return { usernames, problems };
}

/** Why someone in a target gets no new login, or is not activated. Each has a sentence in the UI. */
export const loginSkipReasons = ["has-login", "left", "no-email", "admin-only", "no-login", "already-active", "blocked"] as const;
export type LoginSkipReason = (typeof loginSkipReasons)[number];
export type LoginSkipped = Partial<Record<LoginSkipReason, number>>;

export type LoginSubject = {
  personId: string;
  role: Role;
  email: string | null;
  /** YYYY-MM-DD in the organisation's zone. */
  endDate: string | null;
  loginStatus: AccountStatus | null;
};

/**
 * Whether a person gets a new login: only current members with an email address and no login yet.
 * Only an admin creates or activates an admin's login, as with blocking.
 */
export function creationEligibility(subject: LoginSubject, actorRole: Role, today: string): "create" | LoginSkipReason {
  if (subject.loginStatus !== null) return "has-login";
  if (hasLeft(subject.endDate, today)) return "left";
  if (!subject.email?.trim()) return "no-email";
  if (!canManageAccountOf(actorRole, subject.role)) return "admin-only";
  return "create";
}

/** Whether activation touches a person: only pending (not yet activated) logins. */
export function activationEligibility(subject: LoginSubject, actorRole: Role): "activate" | LoginSkipReason {
  if (subject.loginStatus === null) return "no-login";
  if (subject.loginStatus === "active") return "already-active";
  if (subject.loginStatus === "blocked") return "blocked";
  if (!canManageAccountOf(actorRole, subject.role)) return "admin-only";
  return "activate";
}

/** Splits subjects into those a step affects and counts of the others by reason. */
export function planLogins<T extends LoginSubject>(
  subjects: readonly T[],
  decide: (subject: T) => "create" | "activate" | LoginSkipReason,
): { affected: T[]; skipped: LoginSkipped } {
  const affected: T[] = [];
  const skipped: LoginSkipped = {};
  for (const subject of subjects) {
    const decision = decide(subject);
    if (decision === "create" || decision === "activate") affected.push(subject);
    else skipped[decision] = (skipped[decision] ?? 0) + 1;
  }
  return { affected, skipped };
}

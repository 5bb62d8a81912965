// Pure rules for coordinators managing access: who a block or unblock affects, what an account's
// badges are, and when a scheduled block may fall. Plain data in and out; no db, auth or next.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { canManageAccountOf } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";
import { localDateKey, todayIn } from "@/lib/dates";

export type AccountStatus = "pending" | "active" | "blocked";

/** One person as the access rules see them; `login` is null for people without an account. */
export type AccessSubject = {
  personId: string;
  role: Role;
  /** A calendar date (YYYY-MM-DD) in the organisation's zone; leaving does not block by itself. */
  endDate: string | null;
  login: {
    status: AccountStatus;
    lockedAt: Date | null;
    loginCount: number;
    blockedAt: Date | null;
    blockScheduledFor: Date | null;
  } | null;
};

/** `personId` is null for a visiting provider admin, who is nobody's "self". */
export type AccessActor = { personId: string | null; role: Role };

/** The status filter of the people & logins page. */
export const accessStatusFilters = [
  "all",
  "active",
  "blocked",
  "locked",
  "never-signed-in",
  "left",
  "scheduled",
  "not-activated",
  "no-login",
] as const;
export type AccessStatusFilter = (typeof accessStatusFilters)[number];

/** The sortable columns of the members table. */
export const peopleSorts = ["name", "lastLogin", "status"] as const;
export type PeopleSort = (typeof peopleSorts)[number];
export type SortDirection = "asc" | "desc";

/**
 * How many people a page of the members table shows; the first is the default. A short page keeps the
 * table quick to load; a coordinator working through hundreds picks a longer one.
 */
export const peoplePageSizes = [25, 50, 100] as const;
export type PeoplePageSize = (typeof peoplePageSizes)[number];

/** Why a person in a bulk target is left out. Each has a sentence in the UI. */
export const skipReasons = ["no-login", "already-blocked", "not-blocked", "not-activated", "self", "admin-only"] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Left = the end date lies before today (someone whose last day is today still works today). */
export function hasLeft(endDate: string | null, today: string): boolean {
  return endDate !== null && endDate < today;
}

/**
 * Whether a block touches this person, or why not. Nobody blocks themselves (they would lock
 * themselves out mid-action), and only an admin may block an admin, so a coordinator can never shut
 * out the people who manage roles. Pending logins are not activated yet: blocking and later
 * unblocking them would quietly activate them.
 */
export function blockEligibility(subject: AccessSubject, actor: AccessActor): "block" | SkipReason {
  if (subject.personId === actor.personId) return "self";
  if (!subject.login) return "no-login";
  if (subject.login.status === "blocked") return "already-blocked";
  if (subject.login.status === "pending") return "not-activated";
  if (!canManageAccountOf(actor.role, subject.role)) return "admin-only";
  return "block";
}

/** Whether an unblock touches this person: only blocked logins are unblocked. */
export function unblockEligibility(subject: AccessSubject): "unblock" | SkipReason {
  if (!subject.login) return "no-login";
  if (subject.login.status !== "blocked") return "not-blocked";
  return "unblock";
}

export type Plan<T> = { affected: T[]; skipped: Partial<Record<SkipReason, number>> };

/** Splits a target into the people an operation affects and counts of those it skips, by reason. */
export function planAccessChange<T extends AccessSubject>(
  subjects: readonly T[],
  decide: (subject: T) => SkipReason | "block" | "unblock",
): Plan<T> {
  const affected: T[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  for (const subject of subjects) {
    const decision = decide(subject);
    if (decision === "block" || decision === "unblock") affected.push(subject);
    else skipped[decision] = (skipped[decision] ?? 0) + 1;
  }
  return { affected, skipped };
}

/** Why a person in a bulk username resend is left out. Each has a sentence in the UI. */
export const usernameSkipReasons = ["no-login", "not-active", "never-signed-in", "no-email"] as const;
export type UsernameSkipReason = (typeof usernameSkipReasons)[number];

/**
 * Whether a username may be resent, or why not: only to logins that have signed in before (PRODUCT.md §2;
 * one that never did needs an invitation, not a reminder), can still sign in, and have an address.
 */
export function usernameResendEligibility(subject: AccessSubject, hasEmail: boolean): "resend" | UsernameSkipReason {
  if (!subject.login) return "no-login";
  if (subject.login.status !== "active") return "not-active";
  if (subject.login.loginCount === 0) return "never-signed-in";
  if (!hasEmail) return "no-email";
  return "resend";
}

/** A username is resent only to logins that have signed in before (PRODUCT.md §2) and can still sign in. */
export function canResendUsername(subject: AccessSubject, hasEmail: boolean): boolean {
  return usernameResendEligibility(subject, hasEmail) === "resend";
}

export type AccountBadge =
  | { kind: "no-login" }
  | { kind: "not-activated" }
  | { kind: "active" }
  | { kind: "blocked"; since: Date | null }
  | { kind: "locked" }
  | { kind: "never-signed-in" }
  | { kind: "left-can-sign-in"; endDate: string }
  | { kind: "block-scheduled"; on: Date };

/** The status badges of one row in the people table, most important first. */
export function describeAccount(subject: AccessSubject, today: string): AccountBadge[] {
  const login = subject.login;
  if (!login) return [{ kind: "no-login" }];
  const badges: AccountBadge[] = [];
  if (login.status === "blocked") badges.push({ kind: "blocked", since: login.blockedAt });
  else if (login.status === "pending") badges.push({ kind: "not-activated" });
  else badges.push({ kind: "active" });
  if (login.status === "active" && subject.endDate && hasLeft(subject.endDate, today)) {
    badges.push({ kind: "left-can-sign-in", endDate: subject.endDate });
  }
  if (login.status !== "blocked" && login.blockScheduledFor) badges.push({ kind: "block-scheduled", on: login.blockScheduledFor });
  if (login.lockedAt) badges.push({ kind: "locked" });
  if (login.loginCount === 0) badges.push({ kind: "never-signed-in" });
  return badges;
}

export type ScheduleDate = { ok: true; date: string; at: Date } | { ok: false; reason: "malformed" | "not-in-future" };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A scheduled block takes effect at 00:00 of the chosen day in the organisation's zone (DST-safe), so
 * "block from 1 March" means the member can no longer sign in on 1 March. The day must come after
 * today: blocking today is an ordinary block.
 */
export function parseScheduleDate(value: string, timeZone: string, now: Date): ScheduleDate {
  const match = isoDate.exec(value.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2999 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, reason: "malformed" };
  }
  const date = match[0];
  if (date <= todayIn(timeZone, now)) return { ok: false, reason: "not-in-future" };
  return { ok: true, date, at: new Date(new TZDate(year, month - 1, day, 0, 0, 0, timeZone).getTime()) };
}

/** The first day a block may be scheduled for: tomorrow in the organisation's zone. */
export function firstSchedulableDate(now: Date, timeZone: string): string {
  return localDateKey(addDays(new TZDate(now.getTime(), timeZone), 1), timeZone);
}

// Pure rules of coordinator-issued temporary passwords: who gets one and why others are skipped (how a
// value is written into the export file is lib/spreadsheets.ts). No db, auth or next imports.
import { canManageAccountOf } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";

/** How the new passwords reach people: the invitation email, or a file the coordinator downloads once. */
export const temporaryPasswordDeliveries = ["email", "export"] as const;
export type TemporaryPasswordDelivery = (typeof temporaryPasswordDeliveries)[number];

/** Why a person in the target gets no temporary password. Each has a sentence in the UI. */
export const temporarySkipReasons = ["no-login", "not-activated", "blocked", "self", "admin-only", "signed-in-before", "no-email"] as const;
export type TemporarySkipReason = (typeof temporarySkipReasons)[number];

/** The camelCase key of each skip reason: its sentence in the UI, and its refusal when one person is named. */
export const temporarySkipKeys = {
  "no-login": "noLogin",
  "not-activated": "notActivated",
  blocked: "blocked",
  self: "self",
  "admin-only": "adminOnly",
  "signed-in-before": "signedInBefore",
  "no-email": "noEmail",
} as const satisfies Record<TemporarySkipReason, string>;

export type TemporaryPasswordSubject = {
  personId: string;
  role: Role;
  email: string | null;
  login: { status: "pending" | "active" | "blocked"; loginCount: number } | null;
};

export type TemporaryPasswordRequest = {
  delivery: TemporaryPasswordDelivery;
  /** Only accounts that never signed in (login count 0). */
  onlyNeverSignedIn: boolean;
  /** `personId` is null for a visiting provider admin, who is nobody's "self". */
  actor: { personId: string | null; role: Role };
};

/**
 * Whether this person gets a temporary password, or why not. Blocked and not-yet-activated logins stay
 * as they are (a reset must not reopen them); the coordinator's own login is left alone (it would end
 * their session mid-action); only admins reset an admin's password; an email needs an address.
 */
export function temporaryPasswordEligibility(subject: TemporaryPasswordSubject, request: TemporaryPasswordRequest): "issue" | TemporarySkipReason {
  if (!subject.login) return "no-login";
  if (subject.login.status === "pending") return "not-activated";
  if (subject.login.status === "blocked") return "blocked";
  if (subject.personId === request.actor.personId) return "self";
  if (!canManageAccountOf(request.actor.role, subject.role)) return "admin-only";
  if (request.onlyNeverSignedIn && subject.login.loginCount > 0) return "signed-in-before";
  if (request.delivery === "email" && !subject.email?.trim()) return "no-email";
  return "issue";
}

export type TemporaryPasswordPlan<T> = { affected: T[]; skipped: Partial<Record<TemporarySkipReason, number>> };

export function planTemporaryPasswords<T extends TemporaryPasswordSubject>(subjects: readonly T[], request: TemporaryPasswordRequest): TemporaryPasswordPlan<T> {
  const affected: T[] = [];
  const skipped: Partial<Record<TemporarySkipReason, number>> = {};
  for (const subject of subjects) {
    const decision = temporaryPasswordEligibility(subject, request);
    if (decision === "issue") affected.push(subject);
    else skipped[decision] = (skipped[decision] ?? 0) + 1;
  }
  return { affected, skipped };
}

// Pure rules of coordinator-issued temporary passwords: who gets one, why others are skipped, and how a
// value is written into a spreadsheet so it can never be read as a formula. No db, auth or next imports.
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

// ── Spreadsheet cells ────────────────────────────────────────────────────────────────────────────

/**
 * Excel, LibreOffice and Google Sheets read a cell starting with one of these as a formula (OWASP
 * "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const formulaStarts = ["=", "+", "-", "@", "\t", "\r"];

export type SpreadsheetFormat = "xlsx" | "csv";

/** One cell as it is to be written: the characters, and whether it must be marked as text. */
export type SafeCell = { value: string; text: boolean };

/**
 * The one place a value becomes a spreadsheet cell that can never run as a formula. In xlsx the exact
 * characters are kept and the cell is written as a text cell (`text: true`); CSV has no cell types, so a
 * single quote is put in front, which spreadsheet programs read as "this is text".
 */
export function toSafeCell(value: string, format: SpreadsheetFormat): SafeCell {
  const risky = formulaStarts.some((start) => value.startsWith(start));
  if (!risky) return { value, text: false };
  return format === "xlsx" ? { value, text: true } : { value: `'${value}`, text: true };
}

/** A CSV field (RFC 4180): formula-safe first, then quoted when it holds a quote, separator or line break. */
export function toCsvField(value: string): string {
  const safe = toSafeCell(value, "csv").value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

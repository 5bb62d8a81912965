// The audit log: every change a coordinator or admin makes to access is written with the change itself,
// and the security log of refused requests, kept in the same table under `security.*` actions.
import type { DbOrTx } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema/platform";

export type AuditAction =
  | "organisation.created"
  | "account.blocked"
  | "account.unblocked"
  | "account.block-scheduled"
  | "account.block-schedule-cancelled"
  | "account.unlocked"
  | "account.authenticator-reset"
  | "account.password-reset"
  | "account.username-sent"
  | "account.sign-in-link-sent"
  /** Details: `fields`, the names of the fields filled in or changed (never their values). */
  | "person.created"
  | "person.updated"
  | "account.role-changed"
  /** Details: `via`, `format`, `onlyNeverSignedIn`, `count` (passwords in the file), `skipped` by reason. */
  | "logins.exported"
  /** A bulk reset by email. Details: `via`, `onlyNeverSignedIn`, `issued`, `emailed`, `skipped` by reason. */
  | "logins.reset"
  /** "Save and send password" for one member: a temporary password by the invitation email. */
  | "account.temporary-password-sent"
  /** Details: `count`, `via` (person, selection, group, everyone), `groupName`. */
  | "logins.created"
  | "logins.activated"
  | "people.merged"
  | "people.imported"
  | "settings.security-changed"
  | "settings.organisation-changed"
  | "group.created"
  | "group.renamed"
  | "group.email-changed"
  | "group.archived"
  | "group.unarchived"
  | "group.deleted"
  | "group.members-added"
  | "group.members-removed"
  | "location.created"
  | "location.changed"
  | "location.archived"
  | "location.unarchived"
  | "location.deleted"
  /**
   * An email text saved or reset to the inherited one. Details: `level` (organisation, provider),
   * `providerId` for a provider's text, `template`, `locale`, `fields` changed, `reset`.
   */
  | "email-text.changed"
  /**
   * A member's worked hours changed by a coordinator. Details: `kind` (shift, no-show, extra-added,
   * extra-changed, extra-removed), `week`, `shiftId` or `entryId`, `before` and `after` (null when the
   * line did not or no longer exists), `reopened` when a confirmed week went back to the member.
   */
  | "hours.corrected"
  /** Details: `week`. One entry per member and week approved. */
  | "hours.approved"
  /** Details: `week`, `comment`, `previousStatus`. */
  | "hours.sent-back"
  /** A correction request marked handled. Details: `week`. */
  | "hours.correction-handled"
  /** Details: `period`, `layout`, `format`, `lines`. */
  | "hours.exported"
  /** The member confirmed their week. Details: `week`, `again` (after it was sent back), `lines`. */
  | "hours.week-confirmed"
  /** The member asked the planner for a correction. Details: `week`, `toCoordinator`, `mailed`, `length`. */
  | "hours.correction-requested"
  /** A provider admin opened the organisation's dashboard. Details: `provider`, `providerAdmin` (their name). */
  | "provider.visit-started"
  /** A refused request (lib/auth/refusals.ts); shown to admins only. */
  | "security.refused"
  | "security.refusals-suppressed";

export type AuditEntry = {
  tenantId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  targetPersonId?: string | null;
  details?: Record<string, unknown>;
};

/** Writes audit rows in the caller's transaction, so an entry exists exactly when its change does. */
export async function recordAudit(tx: DbOrTx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((entry) => ({
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetPersonId: entry.targetPersonId ?? null,
    details: entry.details ?? {},
  }));
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}

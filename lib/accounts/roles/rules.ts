// Role changes on plain data: which roles exist, and whether a change may happen. No db, auth or next
// imports, so it is tested with tables of cases. Who may change roles at all is lib/auth/permissions.ts.
import type { Role } from "@/lib/db/schema/people";

/** The roles of an organisation, lowest first, as the role form offers them. */
export const roles = ["member", "coordinator", "admin"] as const satisfies readonly Role[];

/** Why a role change does not happen, as a key of the "roles.errors" texts. */
export type RoleChangeRefusal = "unchanged" | "lastAdmin";

/**
 * Whether `subject` may go from `from` to `to`. `otherAdmins` counts the organisation's other admins
 * who can still sign in (not blocked, not merged away). An organisation always keeps one: the last
 * admin cannot be demoted, not by themselves and not by a visiting provider admin.
 */
export function checkRoleChange(change: { from: Role; to: Role; otherAdmins: number }): "ok" | RoleChangeRefusal {
  if (change.from === change.to) return "unchanged";
  if (change.from === "admin" && change.otherAdmins === 0) return "lastAdmin";
  return "ok";
}

/** Whether blocking these people leaves the organisation without an admin who can sign in. */
export function blockLeavesNoAdmin(change: { blocksAdmins: number; otherAdmins: number }): boolean {
  return change.blocksAdmins > 0 && change.otherAdmins === 0;
}

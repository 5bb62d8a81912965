// What each role may do in its organisation: the one place every guard, page and query asks.
// Pure: no db, auth or next imports, so it is tested with a table of roles.
import { sql, type SQL } from "drizzle-orm";
import type { Role } from "@/lib/db/schema/people";

/** The roles that run the roster and the people: coordinators, and admins, who may do all they do. */
export const coordinatingRoles = ["coordinator", "admin"] as const satisfies readonly Role[];

/** Coordinators and admins: the dashboard, the roster, people's access. */
export function canCoordinate(role: Role): boolean {
  return (coordinatingRoles as readonly Role[]).includes(role);
}

/** Admins only: the organisation's settings, the security log, other admins' accounts. */
export function canAdminister(role: Role): boolean {
  return role === "admin";
}

/** The refused requests ("security") in the audit log are for admins; everyone else sees the changes. */
export function canSeeSecurityLog(role: Role): boolean {
  return canAdminister(role);
}

/** Making someone a member, coordinator or admin: admins only (and a provider admin visiting as admin). */
export function canChangeRoles(role: Role): boolean {
  return canAdminister(role);
}

/** The organisation's settings pages: profile fields, sign-in and two-factor rules. */
export function canChangeSettings(role: Role): boolean {
  return canAdminister(role);
}

/** An admin's account (block, unblock, authenticator) is managed by admins only; anyone else's by any coordinator. */
export function canManageAccountOf(actorRole: Role, subjectRole: Role): boolean {
  return canCoordinate(actorRole) && (subjectRole !== "admin" || canAdminister(actorRole));
}

/**
 * The SQL twin of `canCoordinate` for the `role` column of a `people` row under `alias` (a trusted
 * identifier written in code): "c.role in ('coordinator', 'admin')".
 */
export function coordinatingRoleSql(alias: string): SQL<boolean> {
  return sql<boolean>`${sql.raw(`${alias}.role in (${coordinatingRoles.map((role) => `'${role}'`).join(", ")})`)}`;
}

// Reads for creating and activating logins: the people a target names with their login state, and
// which usernames are taken anywhere in the installation (usernames are unique across organisations).
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { resolveBulkTarget } from "@/lib/accounts/bulk-targets";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import type { LoginSubject } from "@/lib/accounts/logins/rules";

export type LoginCandidate = LoginSubject & {
  firstName: string;
  infix: string | null;
  lastName: string;
  userId: string | null;
  username: string | null;
};

export type ResolvedLoginTarget =
  | { ok: true; candidates: LoginCandidate[]; groupName: string | null }
  | { ok: false; reason: "unknownPeople" | "unknownGroup" };

/**
 * Everyone `target` names in this organisation, with their login (if any), sorted by family name.
 * A person or selection naming anyone outside the organisation resolves to "unknownPeople".
 */
export async function listLoginCandidates(db: DbOrTx, tenantId: string, target: AccessTarget): Promise<ResolvedLoginTarget> {
  const resolved = await resolveBulkTarget(db, tenantId, target);
  if (!resolved.ok) return resolved;
  const candidates = resolved.rows.map(
    (row): LoginCandidate => ({
      personId: row.personId,
      role: row.role,
      firstName: row.firstName,
      infix: row.infix,
      lastName: row.lastName,
      email: row.email,
      endDate: row.endDate,
      userId: row.userId,
      username: row.username,
      loginStatus: row.status,
    }),
  );
  return { ok: true, candidates, groupName: resolved.groupName };
}

/**
 * The usernames (lower-cased) anywhere in the installation that a derived `base` could collide with:
 * the base itself and the base followed by digits, for every base of the batch in one query.
 * Comparing with trailing digits stripped on both sides may return a few more; that is harmless.
 */
export async function listTakenUsernamesLike(db: DbOrTx, bases: readonly string[]): Promise<Set<string>> {
  const stems = [...new Set(bases.map((base) => base.toLowerCase().replace(/[0-9]+$/, "")))];
  if (stems.length === 0) return new Set();
  const rows = await db
    .select({ taken: sql<string>`lower(${users.username})` })
    .from(users)
    .where(inArray(sql`rtrim(lower(${users.username}), '0123456789')`, stems));
  return new Set(rows.map((row) => row.taken));
}

/** Which of `usernames` (compared case-insensitively) already exist anywhere, lower-cased. */
export async function listTakenUsernames(db: DbOrTx, usernames: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(usernames.map((username) => username.toLowerCase()))];
  if (distinct.length === 0) return new Set();
  const rows = await db
    .select({ taken: sql<string>`lower(${users.username})` })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, distinct));
  return new Set(rows.map((row) => row.taken));
}

// Reads for creating and activating logins: the people a target names with their login state, and
// which usernames are taken anywhere in the installation (usernames are unique across organisations).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
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
  let condition: SQL | undefined;
  let groupName: string | null = null;
  let expected: Set<string> | null = null;
  switch (target.kind) {
    case "person":
      expected = new Set([target.personId]);
      condition = eq(people.id, target.personId);
      break;
    case "selection":
      expected = new Set(target.personIds);
      condition = inArray(people.id, [...expected]);
      break;
    case "group": {
      const [group] = await db.select({ name: groups.name }).from(groups).where(and(eq(groups.tenantId, tenantId), eq(groups.id, target.groupId)));
      if (!group) return { ok: false, reason: "unknownGroup" };
      groupName = group.name;
      condition = inArray(
        people.id,
        db
          .select({ personId: groupMembers.personId })
          .from(groupMembers)
          .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, target.groupId))),
      );
      break;
    }
    case "everyone":
      condition = undefined;
      break;
  }
  const rows = await db
    .select({
      personId: people.id,
      role: people.role,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      email: people.email,
      endDate: people.endDate,
      userId: users.id,
      username: users.username,
      loginStatus: users.status,
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    // The tenant condition is always present; `condition` only narrows within it.
    .where(and(personOf(tenantId), condition))
    .orderBy(sql`lower(${people.lastName})`, sql`lower(${people.firstName})`, people.id);
  if (expected && rows.length !== expected.size) return { ok: false, reason: "unknownPeople" };
  return { ok: true, candidates: rows, groupName };
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

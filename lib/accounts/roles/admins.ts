// The "an organisation keeps at least one admin" invariant's database side: one lock that every change
// taking an admin away (a role change, a block) takes first, and the count it then reads.
import { and, eq, isNull, ne, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";

/**
 * Locks the organisation's row, so changes that may take an admin away run one after the other (two
 * admins demoting each other at once: the second waits and then counts one admin), then counts its
 * admins who can sign in (a login that is not blocked, a person not merged away), leaving out
 * `excludingPersonIds`. Call inside the change's transaction, before reading the people it changes.
 */
export async function lockAndCountAdmins(tx: DbOrTx, tenantId: string, excludingPersonIds: readonly string[]): Promise<number> {
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, tenantId)).for("update");
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(people)
    .innerJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(
      and(
        eq(people.tenantId, tenantId),
        eq(people.role, "admin"),
        isNull(people.mergedIntoId),
        ne(users.status, "blocked"),
        excludingPersonIds.length > 0 ? notInArray(people.id, [...excludingPersonIds]) : sql`true`,
      ),
    );
  return row?.count ?? 0;
}

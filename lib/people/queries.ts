// People reads. The only people file that imports db; every function takes the tenant first.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";

export type PersonListEntry = { id: string; firstName: string; infix: string | null; lastName: string };

/** Everyone in the organisation, sorted the Dutch way: by last name without infix ("de Vries" under V). */
export async function listPeople(tenantId: string): Promise<PersonListEntry[]> {
  const db = await getDb();
  return db
    .select({ id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNull(people.mergedIntoId)))
    .orderBy(asc(sql`lower(${people.lastName})`), asc(sql`lower(${people.firstName})`));
}

export function formatPersonName(person: { firstName: string; infix: string | null; lastName: string }): string {
  return [person.firstName, person.infix, person.lastName].filter(Boolean).join(" ");
}

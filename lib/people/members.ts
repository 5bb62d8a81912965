// Who counts as a person of an organisation inside a query: the one definition of "a member of this
// organisation" and "a current member" that every read and use case puts in its own statement.
import { and, eq, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import { people } from "@/lib/db/schema/people";

/**
 * A `people` row of this organisation that is a record of its own (not merged into another one):
 * everyone the dashboard lists and counts, including those who have left.
 */
export function personOf(tenantId: string): SQL {
  return and(eq(people.tenantId, tenantId), isNull(people.mergedIntoId)) ?? sql`false`;
}

/**
 * A person of this organisation who is still a member on `day` (YYYY-MM-DD in the organisation's
 * zone, or an SQL date such as a shift's local day): no end date, or one on or after that day, so the
 * end date itself is the last day they count.
 */
export function currentMember(tenantId: string, day: string | SQL): SQL {
  return and(personOf(tenantId), or(isNull(people.endDate), gte(people.endDate, day))) ?? sql`false`;
}

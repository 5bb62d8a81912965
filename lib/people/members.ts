// Who counts as a person of an organisation inside a query: the one definition of "a member of this
// organisation", "a current member" and "works at a location" that every read puts in its own statement.
import { and, eq, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import { subMonths } from "date-fns";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";

/**
 * A `people` row of this organisation that is a record of its own (not merged into another one):
 * everyone the dashboard lists and counts, including those who have left.
 */
export function personOf(tenantId: string): SQL {
  return and(eq(people.tenantId, tenantId), isNull(people.mergedIntoId)) ?? sql`false`;
}

/**
 * `personOf` for a `people` row under `alias` (a trusted identifier written in code) in a raw
 * subquery: "c.tenant_id = $1 and c.merged_into_id is null".
 */
export function personOfAlias(alias: string, tenantId: string): SQL {
  return sql`${sql.raw(`${alias}.tenant_id`)} = ${tenantId} and ${sql.raw(`${alias}.merged_into_id`)} is null`;
}

/**
 * A person of this organisation who is still a member on `day` (YYYY-MM-DD in the organisation's
 * zone, or an SQL date such as a shift's local day): no end date, or one on or after that day, so the
 * end date itself is the last day they count.
 */
export function currentMember(tenantId: string, day: string | SQL): SQL {
  return and(personOf(tenantId), or(isNull(people.endDate), gte(people.endDate, day))) ?? sql`false`;
}

/**
 * A person of this organisation who works at a location: assigned to a shift there that is not
 * cancelled and started at or after `since` (three months before now: see `worksAtSince`) or is still
 * to come. Written against the outer `people` row of the statement.
 */
export function worksAtLocation(tenantId: string, locationId: string, since: Date): SQL {
  return sql`exists (
    select 1 from ${assignments} wa inner join ${shifts} ws on ws.id = wa.shift_id
    where wa.tenant_id = ${tenantId} and wa.person_id = "people"."id"
      and ws.tenant_id = ${tenantId} and ws.location_id = ${locationId}
      and ws.cancelled_at is null and ws.starts_at >= ${since}
  )`;
}

/** Where "works at" starts counting: three calendar months before `now`. */
export function worksAtSince(now: Date): Date {
  return subMonths(now, 3);
}

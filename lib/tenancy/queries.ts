// Organisation-level reads for the dashboard. Every function takes the tenant first.
import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groups } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";

export type DashboardCounts = { members: number; groups: number; comingShifts: number; unfilledShifts: number };

/** The overview figures in one round trip. */
export async function getDashboardCounts(tenantId: string, from: Date, to: Date): Promise<DashboardCounts> {
  const db = await getDb();
  const filled = sql`(select count(*) from ${assignments} a where a.shift_id = ${shifts.id})`;
  const [row] = await db
    .select({
      members: sql<number>`(select count(*)::int from ${people} where ${personOf(tenantId)})`,
      groups: sql<number>`(select count(*)::int from ${groups} where ${eq(groups.tenantId, tenantId)})`,
      comingShifts: sql<number>`count(*)::int`,
      unfilledShifts: sql<number>`count(*) filter (where ${filled} < ${shifts.needed})::int`,
    })
    .from(shifts)
    .where(and(eq(shifts.tenantId, tenantId), gte(shifts.startsAt, from), lt(shifts.startsAt, to), isNull(shifts.cancelledAt)));
  return row ?? { members: 0, groups: 0, comingShifts: 0, unfilledShifts: 0 };
}

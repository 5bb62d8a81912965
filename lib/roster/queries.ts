// Roster reads. The only roster file that imports db; every function takes the tenant first.
import { and, asc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";

export type ShiftSummary = {
  id: string;
  activity: string;
  locationName: string | null;
  startsAt: Date;
  endsAt: Date;
  needed: number;
  filled: number;
};

const filledCount = sql<number>`(select count(*)::int from ${assignments} a where a.shift_id = ${shifts.id})`;

/** The person's shifts from `now` on, soonest first. */
export async function listComingShiftsForPerson(tenantId: string, personId: string, now: Date, limit = 20): Promise<ShiftSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: shifts.id,
      activity: shifts.activity,
      locationName: locations.name,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      filled: filledCount,
    })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(shifts.tenantId, tenantId),
        eq(assignments.personId, personId),
        gte(shifts.endsAt, now),
        isNull(shifts.cancelledAt),
      ),
    )
    .orderBy(asc(shifts.startsAt))
    .limit(limit);
}

/** Every shift that starts in [from, to), with how many places are filled. */
export async function listShiftsBetween(tenantId: string, from: Date, to: Date): Promise<ShiftSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: shifts.id,
      activity: shifts.activity,
      locationName: locations.name,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      filled: filledCount,
    })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(shifts.tenantId, tenantId), gte(shifts.startsAt, from), lt(shifts.startsAt, to), isNull(shifts.cancelledAt)))
    .orderBy(asc(shifts.startsAt));
}

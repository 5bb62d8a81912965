// Reads for the coordinator's locations pages. Every function takes the tenant first; "coming shifts"
// are those that start after `now` and are not cancelled.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { shiftSeries, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";
import { archivedLastByName, comingShiftsOf } from "@/lib/tenancy/archivable-records";

export type LocationOverview = {
  id: string;
  name: string;
  address: string | null;
  isClient: boolean;
  comingShifts: number;
  /** Every shift (past, coming, cancelled) and series that has it: while any, it cannot be deleted. */
  usedBy: { shifts: number; series: number };
  archivedAt: Date | null;
};

function locationColumns(tenantId: string, now: Date) {
  return {
    id: locations.id,
    name: locations.name,
    address: locations.address,
    isClient: locations.isClient,
    // Aliased: drizzle leaves columns unqualified in a one-table select, so "id" would mean the inner table's.
    comingShifts: comingShiftsOf("location", tenantId, now),
    shifts: sql<number>`(select count(*) from ${shifts} s where s.tenant_id = ${tenantId} and s.location_id = "locations"."id")`.mapWith(Number),
    series: sql<number>`(select count(*) from ${shiftSeries} r where r.tenant_id = ${tenantId} and r.location_id = "locations"."id")`.mapWith(Number),
    archivedAt: locations.archivedAt,
  };
}

type LocationRow = Omit<LocationOverview, "usedBy"> & { shifts: number; series: number };

function toLocationOverview({ shifts: shiftCount, series, ...row }: LocationRow): LocationOverview {
  return { ...row, usedBy: { shifts: shiftCount, series } };
}

/** All locations and clients of the organisation, archived ones last, each alphabetically. */
export async function listLocationsOverview(tenantId: string, now: Date): Promise<LocationOverview[]> {
  const db = await getDb();
  const rows = await db
    .select(locationColumns(tenantId, now))
    .from(locations)
    .where(eq(locations.tenantId, tenantId))
    .orderBy(...archivedLastByName("location"));
  return rows.map(toLocationOverview);
}

export async function getLocationOverview(tenantId: string, locationId: string, now: Date): Promise<LocationOverview | null> {
  const db = await getDb();
  const [row] = await db
    .select(locationColumns(tenantId, now))
    .from(locations)
    .where(and(eq(locations.tenantId, tenantId), eq(locations.id, locationId)));
  return row ? toLocationOverview(row) : null;
}

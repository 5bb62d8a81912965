// A coordinator's changes to the organisation's locations and clients: create, change name, address
// and client flag, archive and unarchive, and delete one that no shift or series has ever used. Each
// use case owns its transaction and writes its audit entry in it.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { shiftSeries, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";
import { recordNotFound } from "@/lib/auth/guards";
import { setRecordArchived } from "@/lib/tenancy/archivable-records";
import { recordAudit } from "@/lib/tenancy/audit";
import type { CreateLocationInput, UpdateLocationInput } from "@/lib/tenancy/locations-schemas";

export async function createLocation(tenantId: string, actorUserId: string, input: CreateLocationInput): Promise<{ locationId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(locations)
      .values({ tenantId, name: input.name, address: input.address, isClient: input.isClient })
      .returning({ id: locations.id });
    await recordAudit(tx, { tenantId, actorUserId, action: "location.created", details: { locationId: row.id, name: input.name, address: input.address, isClient: input.isClient } });
    return { locationId: row.id };
  });
}

/** Saves name, address and client flag; the audit entry holds only what changed, before and after. */
export async function updateLocation(tenantId: string, actorUserId: string, input: UpdateLocationInput, now: Date = new Date()): Promise<{ changed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: locations.name, address: locations.address, isClient: locations.isClient })
      .from(locations)
      .where(and(eq(locations.tenantId, tenantId), eq(locations.id, input.locationId)))
      .for("update");
    if (!current) recordNotFound();
    const next = { name: input.name, address: input.address, isClient: input.isClient };
    const keys = (Object.keys(next) as (keyof typeof next)[]).filter((key) => current[key] !== next[key]);
    if (keys.length === 0) return { changed: false };
    await tx
      .update(locations)
      .set({ ...next, updatedAt: now })
      .where(and(eq(locations.tenantId, tenantId), eq(locations.id, input.locationId)));
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "location.changed",
      details: {
        locationId: input.locationId,
        name: input.name,
        before: Object.fromEntries(keys.map((key) => [key, current[key]])),
        after: Object.fromEntries(keys.map((key) => [key, next[key]])),
      },
    });
    return { changed: true };
  });
}

/**
 * Archives or unarchives a location: an archived one is no longer offered for new shifts; shifts and
 * series that have it keep it, and hours stay broken down by it. Repeating it changes nothing.
 */
export async function setLocationArchived(tenantId: string, actorUserId: string, locationId: string, archived: boolean, now: Date = new Date()): Promise<{ changed: boolean }> {
  return setRecordArchived("location", tenantId, actorUserId, locationId, archived, now);
}

export type LocationDeleteResult = { outcome: "deleted"; name: string } | { outcome: "inUse"; shifts: number; series: number };

/**
 * Deletes a location that no shift or series uses, past or coming. One that is used is refused with
 * the counts: past shifts carry it for the hours breakdown, so it is archived instead, never torn out
 * of the roster's history.
 */
export async function deleteLocation(tenantId: string, actorUserId: string, locationId: string): Promise<LocationDeleteResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<LocationDeleteResult> => {
    const [current] = await tx
      .select({
        name: locations.name,
        shifts: sql<number>`(select count(*)::int from ${shifts} where ${shifts.tenantId} = ${tenantId} and ${shifts.locationId} = ${locationId})`,
        series: sql<number>`(select count(*)::int from ${shiftSeries} where ${shiftSeries.tenantId} = ${tenantId} and ${shiftSeries.locationId} = ${locationId})`,
      })
      .from(locations)
      .where(and(eq(locations.tenantId, tenantId), eq(locations.id, locationId)))
      .for("update");
    if (!current) recordNotFound();
    if (current.shifts > 0 || current.series > 0) return { outcome: "inUse", shifts: current.shifts, series: current.series };
    await tx.delete(locations).where(and(eq(locations.tenantId, tenantId), eq(locations.id, locationId)));
    await recordAudit(tx, { tenantId, actorUserId, action: "location.deleted", details: { locationId, name: current.name } });
    return { outcome: "deleted", name: current.name };
  });
}

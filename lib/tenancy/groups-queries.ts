// Reads for the coordinator's groups pages. Every function takes the tenant first; "coming shifts"
// are those that start after `now` and are not cancelled.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import { archivedLastByName, comingShiftsOf } from "@/lib/tenancy/archivable-records";

export type GroupOverview = {
  id: string;
  name: string;
  email: string | null;
  members: number;
  /** Coming shifts only people of this group may take. */
  comingShifts: number;
  archivedAt: Date | null;
};

function groupColumns(tenantId: string, now: Date) {
  return {
    id: groups.id,
    name: groups.name,
    email: groups.email,
    // Aliased: drizzle leaves columns unqualified in a one-table select, so "id" would mean the inner table's.
    members: sql<number>`(select count(*) from ${groupMembers} m where m.tenant_id = ${tenantId} and m.group_id = "groups"."id")`.mapWith(Number),
    comingShifts: comingShiftsOf("group", tenantId, now),
    archivedAt: groups.archivedAt,
  };
}

/** All groups of the organisation, archived ones last, each alphabetically. */
export async function listGroupsOverview(tenantId: string, now: Date): Promise<GroupOverview[]> {
  const db = await getDb();
  return db
    .select(groupColumns(tenantId, now))
    .from(groups)
    .where(eq(groups.tenantId, tenantId))
    .orderBy(...archivedLastByName("group"));
}

export async function getGroupOverview(tenantId: string, groupId: string, now: Date): Promise<GroupOverview | null> {
  const db = await getDb();
  const [row] = await db
    .select(groupColumns(tenantId, now))
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, groupId)));
  return row ?? null;
}

// Which input fields name a tenant-owned record, and the one check that none of them belongs to another
// organisation. Handlers stay scoped by tenant (a foreign id simply finds nothing); this check is what
// turns such an attempt into a recorded refusal, for every action at once.
import { and, inArray, ne } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { memberImports } from "@/lib/db/schema/member-imports";
import { people, photos } from "@/lib/db/schema/people";
import { outbox } from "@/lib/db/schema/platform";
import { handoverRequests, shifts } from "@/lib/db/schema/roster";
import { groups, locations } from "@/lib/db/schema/tenancy";

type TenantOwned = PgTable & { id: PgColumn; tenantId: PgColumn };

/** Input field names (single id or list of ids, at any depth) and the table their ids point into. */
const referenceFields: Record<string, TenantOwned> = {
  personId: people,
  personIds: people,
  keepPersonId: people,
  mergePersonId: people,
  coordinatorId: people,
  shiftId: shifts,
  shiftIds: shifts,
  requestId: handoverRequests,
  groupId: groups,
  locationId: locations,
  photoId: photos,
  importId: memberImports,
  mailId: outbox,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids per reference field found anywhere in `input` (objects and arrays, a few levels deep). */
export function collectReferences(input: unknown): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 1000)) visit(item, depth + 1);
      return;
    }
    for (const [key, field] of Object.entries(value)) {
      if (Object.hasOwn(referenceFields, key)) {
        const ids = (Array.isArray(field) ? field : [field]).filter((id): id is string => typeof id === "string" && uuidPattern.test(id));
        if (ids.length > 0) {
          const set = found.get(key) ?? new Set<string>();
          for (const id of ids.slice(0, 1000)) set.add(id.toLowerCase());
          found.set(key, set);
        }
      } else {
        visit(field, depth + 1);
      }
    }
  };
  visit(input, 0);
  return found;
}

/**
 * The first input field that names a record of an organisation other than `tenantId`, or null. An
 * id that exists nowhere is not a refusal: the handler answers "not found" as for a deleted record.
 */
export async function findOtherOrganisationReference(tenantId: string, input: unknown): Promise<string | null> {
  const references = collectReferences(input);
  if (references.size === 0) return null;
  const db = await getDb();
  for (const [field, ids] of references) {
    const table = referenceFields[field];
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, [...ids]), ne(table.tenantId, tenantId)))
      .limit(1);
    if (row) return field;
  }
  return null;
}

// What one action recorded in one organisation's audit log, for tests that check the entries a change wrote.
import { and, eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema/platform";

/** The entries of `action` in the organisation, each with the audit columns asked for. */
export async function auditEntriesOf<T extends SelectedFields>(db: Db, tenantId: string, action: string, columns: T) {
  return db
    .select(columns)
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)));
}

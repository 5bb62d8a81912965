// The organisation's sign-in security settings: two-factor for members and for coordinators/admins,
// and after how many wrong passwords in a row password sign-in locks. Only admins change them; every
// change is written to the audit log with the old and new values.
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import { recordAudit } from "@/lib/tenancy/audit";
import type { SecuritySettings } from "@/lib/accounts/security-settings/rules";

export async function getSecuritySettings(tenantId: string): Promise<SecuritySettings> {
  const db = await getDb();
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, tenantId));
  const settings = { ...defaultOrganisationSettings, ...(row?.settings ?? {}) };
  return {
    twoFactorForMembers: settings.twoFactorForMembers,
    twoFactorForCoordinators: settings.twoFactorForCoordinators,
    lockoutThreshold: settings.lockoutThreshold,
  };
}

/** Saves the settings in one statement beside the audit row; returns whether anything changed. */
export async function saveSecuritySettings(tenantId: string, actorUserId: string, next: SecuritySettings): Promise<{ changed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, tenantId)).for("update");
    if (!row) return { changed: false };
    const current = { ...defaultOrganisationSettings, ...row.settings };
    const before: SecuritySettings = {
      twoFactorForMembers: current.twoFactorForMembers,
      twoFactorForCoordinators: current.twoFactorForCoordinators,
      lockoutThreshold: current.lockoutThreshold,
    };
    if (JSON.stringify(before) === JSON.stringify(next)) return { changed: false };
    await tx
      .update(organisations)
      .set({ settings: sql`${organisations.settings} || ${JSON.stringify(next)}::jsonb`, updatedAt: new Date() })
      .where(eq(organisations.id, tenantId));
    await recordAudit(tx, { tenantId, actorUserId, action: "settings.security-changed", details: { before, after: next } });
    return { changed: true };
  });
}

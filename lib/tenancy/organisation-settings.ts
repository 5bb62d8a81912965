// An organisation's general settings: its name, its own email address (the last stop of the "tell the
// coordinator" fallback chain), time zone, default language, the weekly hours deadline and how long before
// it the reminder goes out. Only admins
// change them; every change is written to the audit log with the old and new values.
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import { recordAudit } from "@/lib/tenancy/audit";
import type { OrganisationGeneralSettings, OrganisationSettingsInput } from "@/lib/tenancy/organisation-settings-schemas";

const columns = {
  name: organisations.name,
  email: organisations.email,
  timeZone: organisations.timeZone,
  locale: organisations.locale,
  settings: organisations.settings,
};

type Row = { name: string; email: string | null; timeZone: string; locale: string; settings: Partial<typeof defaultOrganisationSettings> | null };

function generalSettingsOf(row: Row): OrganisationGeneralSettings {
  const hoursDeadline = { ...defaultOrganisationSettings.hoursDeadline, ...(row.settings?.hoursDeadline ?? {}) };
  const hoursReminderHoursBefore = row.settings?.hoursReminderHoursBefore ?? defaultOrganisationSettings.hoursReminderHoursBefore;
  return { name: row.name, email: row.email, timeZone: row.timeZone, locale: row.locale, hoursDeadline, hoursReminderHoursBefore };
}

export async function getOrganisationSettings(tenantId: string): Promise<OrganisationGeneralSettings | null> {
  const db = await getDb();
  const [row] = await db.select(columns).from(organisations).where(eq(organisations.id, tenantId));
  return row ? generalSettingsOf(row) : null;
}

/** Saves the settings beside one audit row holding only what changed; returns whether anything did. */
export async function saveOrganisationSettings(
  tenantId: string,
  actorUserId: string,
  input: OrganisationSettingsInput,
  now: Date = new Date(),
): Promise<{ changed: boolean }> {
  const next: OrganisationGeneralSettings = {
    name: input.name,
    email: input.email === "" ? null : input.email,
    timeZone: input.timeZone,
    locale: input.locale,
    hoursDeadline: { weekday: input.hoursDeadlineWeekday, time: input.hoursDeadlineTime },
    hoursReminderHoursBefore: input.hoursReminderHoursBefore,
  };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select(columns).from(organisations).where(eq(organisations.id, tenantId)).for("update");
    if (!row) return { changed: false };
    const current = generalSettingsOf(row);
    const keys = (Object.keys(next) as (keyof OrganisationGeneralSettings)[]).filter(
      (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
    );
    if (keys.length === 0) return { changed: false };
    await tx
      .update(organisations)
      .set({
        name: next.name,
        email: next.email,
        timeZone: next.timeZone,
        locale: next.locale,
        // Merged into the jsonb, so the profile-field and security settings stay as they are.
        settings: sql`${organisations.settings} || ${JSON.stringify({ hoursDeadline: next.hoursDeadline, hoursReminderHoursBefore: next.hoursReminderHoursBefore })}::jsonb`,
        updatedAt: now,
      })
      .where(eq(organisations.id, tenantId));
    const before = Object.fromEntries(keys.map((key) => [key, current[key]]));
    const after = Object.fromEntries(keys.map((key) => [key, next[key]]));
    await recordAudit(tx, { tenantId, actorUserId, action: "settings.organisation-changed", details: { before, after } });
    return { changed: true };
  });
}

// The organisation's sign-in security settings: two-factor for members and for coordinators/admins,
// and after how many wrong passwords in a row password sign-in locks. Only admins change them; turning
// two-factor off asks for the admin's own password; every change is written to the audit log with the
// old and new values.
import { and, eq, isNull, sql } from "drizzle-orm";
import { coordinatingRoleSql } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import { recordAudit } from "@/lib/tenancy/audit";
import { verifyPassword } from "@/lib/accounts/passwords/hashing";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import {
  pickSecuritySettings,
  turnsTwoFactorOff,
  type SecuritySettings,
  type SecuritySettingsInput,
} from "@/lib/accounts/security-settings/rules";

/** Guessing the admin's password from a borrowed session: five tries per quarter of an hour. */
export const confirmPasswordPerAccount: RateLimitRule = { name: "security-settings-password:account", limit: 5, windowSeconds: 15 * 60 };

export async function getSecuritySettings(tenantId: string): Promise<SecuritySettings> {
  const db = await getDb();
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, tenantId));
  const settings = { ...defaultOrganisationSettings, ...(row?.settings ?? {}) };
  return pickSecuritySettings(settings);
}

export type SaveSecuritySettingsResult =
  | { changed: boolean }
  | { changed: false; refused: "passwordRequired" | "passwordWrong" }
  | { changed: false; refused: "rateLimited"; retryAfterSeconds: number };

type PasswordConfirmation = { ok: true } | Extract<SaveSecuritySettingsResult, { refused: string }>;

/** Checks the admin's own password, counted per account before the hash is even read. */
async function confirmAdminPassword(tenantId: string, actorUserId: string, password: string, now: Date): Promise<PasswordConfirmation> {
  if (password === "") return { changed: false, refused: "passwordRequired" };
  const limit = await consumeRateLimit(confirmPasswordPerAccount, actorUserId, now);
  if (!limit.allowed) return { changed: false, refused: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const db = await getDb();
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actorUserId), eq(users.tenantId, tenantId)))
    .limit(1);
  // An admin who only ever signed in by link has no password to confirm with: they choose one first.
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, password))) return { changed: false, refused: "passwordWrong" };
  return { ok: true };
}

/**
 * Saves the settings in one statement beside the audit row; returns whether anything changed. Turning
 * an email code off needs the admin's own password: without it, or with a wrong one, nothing changes
 * and nothing is audited. The password is checked before the transaction (Argon2 takes ~100 ms) and
 * the change is judged again inside it, against the settings as they are then.
 */
export async function saveSecuritySettings(
  tenantId: string,
  actorUserId: string,
  input: SecuritySettingsInput,
  now: Date = new Date(),
): Promise<SaveSecuritySettingsResult> {
  const next = pickSecuritySettings(input);
  let passwordConfirmed = false;
  if (turnsTwoFactorOff(await getSecuritySettings(tenantId), next)) {
    const confirmation = await confirmAdminPassword(tenantId, actorUserId, input.currentPassword, now);
    if (!("ok" in confirmation)) return confirmation;
    passwordConfirmed = true;
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveSecuritySettingsResult> => {
    const [row] = await tx.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, tenantId)).for("update");
    if (!row) return { changed: false };
    const before = pickSecuritySettings({ ...defaultOrganisationSettings, ...row.settings });
    if (JSON.stringify(before) === JSON.stringify(next)) return { changed: false };
    // Another admin turned the code on in the meantime: this save would turn it off unconfirmed.
    if (turnsTwoFactorOff(before, next) && !passwordConfirmed) return { changed: false, refused: "passwordRequired" };
    await tx
      .update(organisations)
      .set({ settings: sql`${organisations.settings} || ${JSON.stringify(next)}::jsonb`, updatedAt: now })
      .where(eq(organisations.id, tenantId));
    await recordAudit(tx, { tenantId, actorUserId, action: "settings.security-changed", details: { before, after: next } });
    return { changed: true };
  });
}

export type AccountsWithoutCodeAddress = { members: number; coordinators: number };

/**
 * Active logins that an email-code setting would refuse (no email address and no authenticator app),
 * for members and for coordinators/admins: the settings page says so before the admin switches on.
 */
export async function countAccountsWithoutCodeAddress(tenantId: string): Promise<AccountsWithoutCodeAddress> {
  const db = await getDb();
  const lacking = and(
    eq(users.tenantId, tenantId),
    eq(people.tenantId, tenantId),
    eq(users.status, "active"),
    isNull(users.totpEnabledAt),
    sql`nullif(trim(${people.email}), '') is null`,
  );
  const [row] = await db
    .select({
      members: sql<number>`count(*) filter (where not ${coordinatingRoleSql('"people"')})`.mapWith(Number),
      coordinators: sql<number>`count(*) filter (where ${coordinatingRoleSql('"people"')})`.mapWith(Number),
    })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(lacking);
  return { members: row?.members ?? 0, coordinators: row?.coordinators ?? 0 };
}

// Login accounts: the lookups and writes for signing in that several use-case folders share.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { accessTokens, authSessions, providerAdmins, users } from "@/lib/db/schema/accounts";
import { people, type Role } from "@/lib/db/schema/people";
import { defaultOrganisationSettings, organisations, providers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { hashToken } from "@/lib/accounts/links/tokens";
import { isSessionLive, isSessionTouchDue } from "@/lib/accounts/sign-in/session-rules";
import { sessionKey, startSession, touchSession } from "@/lib/accounts/sign-in/sessions";

export type LoginCandidate = {
  userId: string;
  tenantId: string | null;
  passwordHash: string | null;
  status: "pending" | "active" | "blocked";
  lockedAt: Date | null;
  failedPasswordCount: number;
  /** Consecutive failures that lock password login (organisation setting). */
  lockoutThreshold: number;
};

/** Finds a login by username, case-insensitively (usernames are unique on lower(username)). */
export async function getLoginByUsername(username: string): Promise<LoginCandidate | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      passwordHash: users.passwordHash,
      status: users.status,
      lockedAt: users.lockedAt,
      failedPasswordCount: users.failedPasswordCount,
      settings: organisations.settings,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.tenantId))
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  if (!row) return null;
  const { settings, ...login } = row;
  return { ...login, lockoutThreshold: settings?.lockoutThreshold ?? defaultOrganisationSettings.lockoutThreshold };
}

export type FailedPasswordRecord = {
  /** This failure reached the threshold and locked the account: the one failure that sends the notices. */
  lockedNow: boolean;
  status: "pending" | "active" | "blocked";
};

/**
 * Counts a failed password and, on reaching the organisation's threshold, locks password sign-in, in
 * one statement, so parallel failures each count once and exactly one of them reports `lockedNow`.
 * A locked account is left as it is (not counted further): the statement only touches an unlocked
 * row, re-checked on the newest version of the row when failures race, so a row that comes back
 * locked was locked by this very statement. The lock takes the database's clock at the moment it is
 * written, the same clock that stamps login tickets (lib/accounts/two-factor/two-factor.ts), so "no
 * ticket after the lock" can be checked. Returns null when the account was already locked.
 */
export async function recordFailedPassword(userId: string, threshold: number): Promise<FailedPasswordRecord | null> {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({
      failedPasswordCount: sql`${users.failedPasswordCount} + 1`,
      lockedAt: sql`case when ${users.failedPasswordCount} + 1 >= ${threshold} then clock_timestamp() end`,
    })
    .where(and(eq(users.id, userId), isNull(users.lockedAt)))
    .returning({ lockedAt: users.lockedAt, status: users.status });
  return row ? { lockedNow: row.lockedAt !== null, status: row.status } : null;
}

/** What the session cookie carries: the account, its session version and the server-side session's id. */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/**
 * Redeems a login ticket exactly once (the UPDATE ... RETURNING is the atomic claim), records the
 * sign-in and starts the server-side session. Returns the claims to put in the session token, or null.
 */
export async function redeemLoginTicket(ticket: string, now = new Date()): Promise<SessionClaims | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(accessTokens)
      .set({ usedAt: now, useCount: 1 })
      .where(
        and(
          eq(accessTokens.tokenHash, hashToken(ticket)),
          eq(accessTokens.purpose, "login_ticket"),
          isNull(accessTokens.usedAt),
          gt(accessTokens.expiresAt, now),
        ),
      )
      .returning({ userId: accessTokens.userId });
    if (!claimed) return null;
    const [user] = await tx
      .update(users)
      .set({ loginCount: sql`${users.loginCount} + 1`, lastLoginAt: now })
      .where(and(eq(users.id, claimed.userId), eq(users.status, "active")))
      .returning({ userId: users.id, sessionVersion: users.sessionVersion });
    if (!user) return null;
    return { ...user, sessionId: await startSession(tx, user.userId, now) };
  });
}

/**
 * Who acts in an organisation: a member with their person record, or a provider admin visiting the
 * organisation as its admin, who has no person record there (`personId` null, `providerVisit` set).
 * Coordinator and admin code takes this type and must handle a null `personId`; member pages and
 * actions get a `MemberActor` (see lib/auth/session.ts and guards.ts).
 */
export type Actor = {
  userId: string;
  personId: string | null;
  tenantId: string;
  role: Role;
  firstName: string;
  displayName: string;
  organisationName: string;
  timeZone: string;
  /** The language of their pages and emails: their own choice, else their organisation's. */
  locale: Locale;
  mustChangePassword: boolean;
  /** Set while a provider admin visits this organisation (lib/tenancy/provider-visits.ts). */
  providerVisit: { providerId: string; providerName: string } | null;
};

/** A member of the organisation with a person record: the actor of every member page and action. */
export type MemberActor = Actor & { personId: string };

/** Whether the actor has a person record here (false for a visiting provider admin). */
export function isMemberActor(actor: Actor): actor is MemberActor {
  return actor.personId !== null;
}

/** A provider admin's own standing: their provider, not an organisation. */
export type ProviderAdminActor = {
  userId: string;
  providerId: string;
  providerName: string;
  displayName: string;
  locale: Locale;
  mustChangePassword: boolean;
  /** The organisation they are visiting in this session, if any. */
  visitingTenantId: string | null;
};

/**
 * A session cookie's standing: the acting member, or why it no longer signs in. "blocked" (the
 * account was blocked; its organisation is named so the page can say whom to contact) is told apart
 * from every other end (signed out, logged out on all devices, password changed, expired, idle).
 * "provider" is a provider admin who is not visiting an organisation; one who is visiting is "ok" as
 * that organisation's admin and also carries `providerAdmin`.
 */
export type SessionCheck =
  | { status: "ok"; actor: Actor; providerAdmin: ProviderAdminActor | null }
  | { status: "provider"; providerAdmin: ProviderAdminActor }
  | { status: "blocked"; tenantId: string }
  | { status: "ended" };

/**
 * Resolves a session's claims from the database on every request, in one statement: the account, its
 * person (or provider admin record) and organisation, and the server-side session row. Role and tenant
 * come from here, never from the token. A provider admin's organisation is the one stored on the
 * session row, and only while it belongs to their provider. Last-seen is written only when it is older
 * than a few minutes.
 */
export async function checkSession(claims: SessionClaims, now: Date = new Date()): Promise<SessionCheck> {
  const db = await getDb();
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      accountName: users.name,
      personId: people.id,
      role: people.role,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      providerId: providerAdmins.providerId,
      providerName: providers.name,
      visitingTenantId: authSessions.visitingTenantId,
      tenantId: organisations.id,
      organisationName: organisations.name,
      timeZone: organisations.timeZone,
      userLocale: users.locale,
      organisationLocale: organisations.locale,
      mustChangePassword: users.mustChangePassword,
      status: users.status,
      sessionVersion: users.sessionVersion,
      expires: authSessions.expires,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(users)
    .innerJoin(authSessions, and(eq(authSessions.sessionToken, sessionKey(claims.sessionId)), eq(authSessions.userId, users.id)))
    .leftJoin(people, and(eq(people.id, users.personId), eq(people.tenantId, users.tenantId)))
    // A provider admin is an account of no organisation and no person, with a provider_admins row.
    .leftJoin(providerAdmins, and(eq(providerAdmins.userId, users.id), isNull(users.personId), isNull(users.tenantId)))
    .leftJoin(providers, eq(providers.id, providerAdmins.providerId))
    .leftJoin(
      organisations,
      or(
        eq(organisations.id, people.tenantId),
        and(eq(organisations.id, authSessions.visitingTenantId), eq(organisations.providerId, providerAdmins.providerId)),
      ),
    )
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!row || (row.personId === null && row.providerId === null)) return { status: "ended" };
  if (row.status === "blocked") return row.tenantId && row.personId ? { status: "blocked", tenantId: row.tenantId } : { status: "ended" };
  if (row.status !== "active" || row.sessionVersion !== claims.sessionVersion || !isSessionLive(row, now)) return { status: "ended" };
  if (isSessionTouchDue(row, now)) await touchSession(claims.sessionId, now);
  const accountName = row.accountName ?? row.username;
  const providerAdmin: ProviderAdminActor | null =
    row.providerId !== null && row.providerName !== null
      ? {
          userId: row.userId,
          providerId: row.providerId,
          providerName: row.providerName,
          displayName: accountName,
          locale: toLocale(row.userLocale),
          mustChangePassword: row.mustChangePassword,
          visitingTenantId: row.tenantId,
        }
      : null;
  if (row.tenantId === null || row.organisationName === null || row.timeZone === null) {
    return providerAdmin ? { status: "provider", providerAdmin } : { status: "ended" };
  }
  const person = row.personId !== null && row.role !== null && row.firstName !== null && row.lastName !== null;
  const actor: Actor = {
    userId: row.userId,
    personId: row.personId,
    tenantId: row.tenantId,
    // A visiting provider admin acts as the organisation's admin.
    role: person && row.role ? row.role : "admin",
    firstName: person && row.firstName ? row.firstName : accountName,
    displayName: person && row.firstName !== null && row.lastName !== null ? formatPersonName({ firstName: row.firstName, infix: row.infix, lastName: row.lastName }) : accountName,
    organisationName: row.organisationName,
    timeZone: row.timeZone,
    locale: toLocale(row.userLocale ?? row.organisationLocale),
    mustChangePassword: row.mustChangePassword,
    providerVisit: providerAdmin ? { providerId: providerAdmin.providerId, providerName: providerAdmin.providerName } : null,
  };
  return { status: "ok", actor, providerAdmin };
}

/** The acting member of a session, or null when it no longer signs in (see checkSession). */
export async function getActorForSession(claims: SessionClaims, now: Date = new Date()): Promise<Actor | null> {
  const check = await checkSession(claims, now);
  return check.status === "ok" ? check.actor : null;
}

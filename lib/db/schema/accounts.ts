// Login accounts (the Auth.js "users"), their tokens, two-factor codes and the Auth.js adapter tables.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { people } from "./people";
import { organisations, providers } from "./tenancy";

export const accountStatusEnum = pgEnum("account_status", ["pending", "active", "blocked"]);

/**
 * One login per person. Usernames are unique across the platform, compared case-insensitively
 * (the unique index is on lower(username)), because signing in never asks for an organisation.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    /** Null only for provider admins, who belong to no single organisation. */
    tenantId: uuid("tenant_id").references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    username: text("username").notNull(),
    passwordHash: text("password_hash"),
    /** A coordinator-set (temporary) password must be replaced before anything else is reachable. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    temporaryPasswordExpiresAt: at("temporary_password_expires_at"),
    /** A temporary password signs in once; after that only a new password (or a link) does. */
    temporaryPasswordUsedAt: at("temporary_password_used_at"),
    status: accountStatusEnum("status").notNull().default("active"),
    blockedAt: at("blocked_at"),
    blockScheduledFor: at("block_scheduled_for"),
    failedPasswordCount: integer("failed_password_count").notNull().default(0),
    lockedAt: at("locked_at"),
    loginCount: integer("login_count").notNull().default(0),
    lastLoginAt: at("last_login_at"),
    /** Bumped on block, password reset and sign-out-everywhere: a session token with an older version is refused. */
    sessionVersion: integer("session_version").notNull().default(1),
    totpSecret: text("totp_secret"),
    totpEnabledAt: at("totp_enabled_at"),
    locale: text("locale"),
    // Columns Auth.js's adapter expects on its user table.
    name: text("name"),
    email: text("email"),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_username_lower_idx").on(sql`lower(${t.username})`),
    uniqueIndex("users_person_idx").on(t.personId),
    index("users_tenant_idx").on(t.tenantId),
  ],
);

export const providerAdmins = pgTable(
  "provider_admins",
  {
    providerId: uuid("provider_id").notNull().references(() => providers.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.providerId, t.userId] })],
);

// login_ticket: a short single-use proof that every sign-in check passed, redeemed by the Auth.js Credentials provider.
// second_factor: a password or link was accepted and the member still owes a two-factor code.
export const tokenPurposeEnum = pgEnum("token_purpose", ["sign_in", "password_reset", "login_ticket", "second_factor"]);

/**
 * Access-token links. Only a SHA-256 hash of the token is stored. Sign-in tokens are reusable for
 * 7 days; password-reset tokens are single-use for 1 hour.
 */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Same-site path to open after signing in, e.g. the handover to accept. */
    destination: text("destination"),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    useCount: integer("use_count").notNull().default(0),
    revokedAt: at("revoked_at"),
    ...timestamps,
  },
  (t) => [index("access_tokens_user_idx").on(t.userId)],
);

/** Six-digit email codes for two-factor sign-in: 10 minutes, a limited number of tries. */
export const twoFactorCodes = pgTable(
  "two_factor_codes",
  {
    id: id(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: at("expires_at").notNull(),
    consumedAt: at("consumed_at"),
    ...timestamps,
  },
  (t) => [index("two_factor_codes_user_idx").on(t.userId)],
);

// Auth.js adapter tables. The session cookie is a JWT; auth_sessions holds one row per signed-in
// device (its id is in the JWT), so signing out, "log out on all devices" and the idle and absolute
// lifetimes are enforced on the server (lib/accounts/sign-in/sessions.ts).
export const authAccounts = pgTable(
  "auth_accounts",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const authSessions = pgTable(
  "auth_sessions",
  {
    /** The session id carried in the JWT (random, 256 bits). */
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Absolute end: sign-in time plus the session lifetime, whatever the activity. */
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Refreshed at most every few minutes; the idle timeout counts from here. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /**
     * The organisation a provider admin is visiting in this session: they act there as its admin until
     * they go back. Set only on the server, after checking the organisation is their provider's.
     */
    visitingTenantId: uuid("visiting_tenant_id").references(() => organisations.id, { onDelete: "set null" }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const authVerificationTokens = pgTable(
  "auth_verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Cross-cutting tables: email text overrides, the mail outbox, the audit log, rate-limit counters and
// the page cache's tag expirations.
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { at, id, timestamps } from "./columns";
import { users } from "./accounts";
import { people } from "./people";
import { organisations, providers } from "./tenancy";

/**
 * Overrides of a template's texts. A row with only providerId is a provider's text; with tenantId an
 * organisation's. Platform defaults live in code (lib/mail/registry.ts).
 */
export const emailTexts = pgTable(
  "email_texts",
  {
    id: id(),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").references(() => organisations.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject"),
    body: text("body"),
    buttonLabel: text("button_label"),
    ...timestamps,
  },
  (t) => [
    unique("email_texts_scope_key").on(t.providerId, t.tenantId, t.template, t.locale).nullsNotDistinct(),
  ],
);

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/** Every email, written in the same transaction as the change that caused it; delivered after commit. */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    /**
     * Subject, HTML and text sealed with AES-256-GCM (lib/mail/sealed-body.ts): they carry sign-in
     * links and codes. Null once the message is delivered or has failed for good.
     */
    sealedBody: text("sealed_body"),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    /** Shared by the mails of one bulk action (a reset-and-mail, a block, a username resend), so its progress can be counted. */
    batchId: uuid("batch_id"),
    ...timestamps,
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_person_idx").on(t.tenantId, t.personId, t.createdAt),
    index("outbox_batch_idx").on(t.tenantId, t.batchId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => organisations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetPersonId: uuid("target_person_id").references(() => people.id, { onDelete: "set null" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("audit_log_tenant_created_idx").on(t.tenantId, t.createdAt),
    // The member page lists the entries about one person, newest first.
    index("audit_log_tenant_target_created_idx").on(t.tenantId, t.targetPersonId, t.createdAt),
  ],
);

/** Fixed-window counters for rate limits, in Postgres so every instance shares them. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: at("window_start").notNull(),
  count: integer("count").notNull().default(0),
});

/**
 * When a cache tag last went stale, for every server instance: each instance keeps its cached page
 * fragments in its own memory and reads the rows written since its last look once per request
 * (lib/cache/handler.mjs). Rows are written by deferred triggers on the tables the cached fragments
 * are built from (drizzle/0015_cache_tag_expirations.sql), at commit time, in the same transaction
 * as the change, so no write path can forget one. Only appended; rows older than a day are pruned.
 */
export const cacheTagExpirations = pgTable(
  "cache_tag_expirations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tag: text("tag").notNull(),
    expiredAt: timestamp("expired_at", { withTimezone: true, mode: "date" }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("cache_tag_expirations_expired_at_idx").on(t.expiredAt)],
);

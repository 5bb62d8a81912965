// Member records (people) and their organisation role; logins live in accounts.ts.
import { sql } from "drizzle-orm";
import { date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, bytea, id, timestamps } from "./columns";
import { organisations } from "./tenancy";

export const roleEnum = pgEnum("role", ["member", "coordinator", "admin"]);
export type Role = (typeof roleEnum.enumValues)[number];

export const people = pgTable(
  "people",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    /** Tussenvoegsel ("van der"); sorting and search ignore it the Dutch way. */
    infix: text("infix"),
    lastName: text("last_name").notNull(),
    /** Several people may share one address (households), so it is never a login key. */
    email: text("email"),
    phone: text("phone"),
    birthDate: date("birth_date", { mode: "string" }),
    address: text("address"),
    postcode: text("postcode"),
    city: text("city"),
    role: roleEnum("role").notNull().default("member"),
    /** Leaving (an end date) does not block the login by itself. */
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    photoId: uuid("photo_id"),
    /** Set when this record was merged into another; the kept record holds the shifts, hours and login. */
    mergedIntoId: uuid("merged_into_id"),
    /**
     * Sort keys kept by Postgres (lower case, no accents or punctuation; ploeg_search_key in
     * drizzle/0002): the photo book groups, sorts and pages on them without computing a key per row.
     */
    lastNameKey: text("last_name_key").generatedAlwaysAs(sql`ploeg_search_key(last_name)`),
    firstNameKey: text("first_name_key").generatedAlwaysAs(sql`ploeg_search_key(first_name)`),
    /**
     * The whole name as the search compares it (ploeg_name_key): kept by Postgres so a search reads it
     * instead of folding every name again, with a trigram index for the fuzzy match.
     */
    nameKey: text("name_key").generatedAlwaysAs(sql`ploeg_name_key(first_name, infix, last_name)`),
    ...timestamps,
  },
  (t) => [
    index("people_tenant_idx").on(t.tenantId),
    index("people_tenant_name_keys_idx").on(t.tenantId, t.lastNameKey, t.firstNameKey, t.id),
    index("people_name_key_trgm_col_idx").using("gin", t.nameKey.op("gin_trgm_ops")),
    index("people_tenant_last_name_idx").on(t.tenantId, t.lastName, t.firstName),
    index("people_email_idx").on(sql`lower(${t.email})`),
  ],
);

export const photos = pgTable(
  "photos",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    /** 512 px WebP for the person page. */
    large: bytea("large").notNull(),
    /** 128 px WebP for lists and the photo book. */
    small: bytea("small").notNull(),
    etag: text("etag").notNull(),
    ...timestamps,
  },
  (t) => [index("photos_person_idx").on(t.personId)],
);

export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    revokedAt: at("revoked_at"),
    ...timestamps,
  },
  (t) => [index("calendar_feeds_person_idx").on(t.personId)],
);

// Providers host organisations (tenants); organisations hold groups, locations and their settings.
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { people } from "./people";

export const providers = pgTable("providers", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  ...timestamps,
});

/** Profile fields a member may edit or see of others; the admin chooses per field. */
export const profileFields = ["firstName", "infix", "lastName", "email", "phone", "birthDate", "address", "postcode", "city", "photo"] as const;
export type ProfileField = (typeof profileFields)[number];

export type OrganisationSettings = {
  /** Consecutive failed passwords before password login is locked. */
  lockoutThreshold: number;
  twoFactorForMembers: "off" | "email";
  twoFactorForCoordinators: "off" | "email";
  editableProfileFields: ProfileField[];
  visibleProfileFields: ProfileField[];
  /** Hours sign-off deadline for the week before, in the organisation's time zone (ISO weekday 1 = Monday). */
  hoursDeadline: { weekday: number; time: string };
  /** How many hours before that deadline members who have not confirmed get a reminder. */
  hoursReminderHoursBefore: number;
};

export const defaultOrganisationSettings: OrganisationSettings = {
  lockoutThreshold: 5,
  twoFactorForMembers: "off",
  twoFactorForCoordinators: "off",
  editableProfileFields: ["email", "phone", "address", "postcode", "city", "photo"],
  visibleProfileFields: ["firstName", "infix", "lastName", "email", "phone", "photo"],
  hoursDeadline: { weekday: 1, time: "09:00" },
  hoursReminderHoursBefore: 24,
};

export const organisations = pgTable("organisations", {
  id: id(),
  providerId: uuid("provider_id").notNull().references(() => providers.id),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  /** Last stop of the "tell the coordinator" fallback chain. */
  email: text("email"),
  timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
  locale: text("locale").notNull().default("nl"),
  settings: jsonb("settings").$type<OrganisationSettings>().notNull().default(defaultOrganisationSettings),
  ...timestamps,
});

export const groups = pgTable(
  "groups",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Second stop of the "tell the coordinator" fallback chain. */
    email: text("email"),
    /** No longer offered for new shifts and filters; members and existing shifts keep it. */
    archivedAt: at("archived_at"),
    ...timestamps,
  },
  (t) => [uniqueIndex("groups_tenant_name_idx").on(t.tenantId, sql`lower(${t.name})`)],
);

export const groupMembers = pgTable(
  "group_members",
  {
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index("group_members_person_idx").on(t.personId)],
);

export const locations = pgTable(
  "locations",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** A location is a place; a client is a person cared for. Hours are broken down by either. */
    isClient: boolean("is_client").notNull().default(false),
    address: text("address"),
    /** No longer offered for new shifts; shifts and series that have it keep it. */
    archivedAt: at("archived_at"),
    ...timestamps,
  },
  (t) => [index("locations_tenant_idx").on(t.tenantId)],
);

// Shifts, weekly series, assignments and handover requests.
import { sql } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, text, time, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { people } from "./people";
import { groups, locations, organisations } from "./tenancy";

/** A weekly recurring series; its shifts are materialised rows that remember the series. */
export const shiftSeries = pgTable(
  "shift_series",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    activity: text("activity").notNull(),
    locationId: uuid("location_id").references(() => locations.id),
    /** ISO weekday, 1 = Monday, in the organisation's time zone. */
    weekday: integer("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
    needed: integer("needed").notNull(),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
    coordinatorId: uuid("coordinator_id").references(() => people.id, { onDelete: "set null" }),
    notes: text("notes"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    ...timestamps,
  },
  (t) => [index("shift_series_tenant_idx").on(t.tenantId)],
);

export const shifts = pgTable(
  "shifts",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => shiftSeries.id, { onDelete: "set null" }),
    activity: text("activity").notNull(),
    locationId: uuid("location_id").references(() => locations.id),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    needed: integer("needed").notNull(),
    /** Only members of this group may take the shift. */
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
    /** First stop of the "tell the coordinator" fallback chain. */
    coordinatorId: uuid("coordinator_id").references(() => people.id, { onDelete: "set null" }),
    notes: text("notes"),
    cancelledAt: at("cancelled_at"),
    ...timestamps,
  },
  (t) => [
    index("shifts_tenant_starts_idx").on(t.tenantId, t.startsAt),
    index("shifts_series_idx").on(t.seriesId),
  ],
);

export const assignmentSourceEnum = pgEnum("assignment_source", ["self", "coordinator", "handover"]);

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    shiftId: uuid("shift_id").notNull().references(() => shifts.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    source: assignmentSourceEnum("source").notNull(),
    /** Sign-off is allowed only on the calendar day (organisation zone) of this moment. */
    signedUpAt: at("signed_up_at").notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("assignments_shift_person_idx").on(t.shiftId, t.personId),
    index("assignments_person_idx").on(t.personId),
  ],
);

export const handoverStatusEnum = pgEnum("handover_status", ["open", "accepted", "cancelled", "expired"]);

export const handoverRequests = pgTable(
  "handover_requests",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    shiftId: uuid("shift_id").notNull().references(() => shifts.id, { onDelete: "cascade" }),
    requesterId: uuid("requester_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    message: text("message"),
    status: handoverStatusEnum("status").notNull().default("open"),
    acceptedById: uuid("accepted_by_id").references(() => people.id, { onDelete: "set null" }),
    acceptedAt: at("accepted_at"),
    cancelledAt: at("cancelled_at"),
    ...timestamps,
  },
  (t) => [
    index("handover_requests_tenant_idx").on(t.tenantId, t.status),
    // One open request per shift and requester.
    uniqueIndex("handover_requests_open_idx").on(t.shiftId, t.requesterId).where(sql`${t.status} = 'open'`),
  ],
);

export const handoverRecipients = pgTable(
  "handover_recipients",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").notNull().references(() => handoverRequests.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("handover_recipients_request_person_idx").on(t.requestId, t.personId), index("handover_recipients_person_idx").on(t.personId)],
);

// Worked hours and the weekly sign-off (confirm, approve, send back, correction request).
import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { people } from "./people";
import { shifts } from "./roster";
import { locations, organisations } from "./tenancy";

export const workedHours = pgTable(
  "worked_hours",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    shiftId: uuid("shift_id").references(() => shifts.id, { onDelete: "set null" }),
    locationId: uuid("location_id").references(() => locations.id),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    breakMinutes: integer("break_minutes").notNull().default(0),
    correctedById: uuid("corrected_by_id").references(() => people.id, { onDelete: "set null" }),
    note: text("note"),
    ...timestamps,
  },
  (t) => [index("worked_hours_person_starts_idx").on(t.tenantId, t.personId, t.startsAt)],
);

export const weekStatusEnum = pgEnum("week_status", ["open", "confirmed", "approved", "returned"]);

export const weekConfirmations = pgTable(
  "week_confirmations",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    /** Monday of the week, in the organisation's time zone. */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    status: weekStatusEnum("status").notNull().default("open"),
    confirmedAt: at("confirmed_at"),
    approvedAt: at("approved_at"),
    approvedById: uuid("approved_by_id").references(() => people.id, { onDelete: "set null" }),
    returnComment: text("return_comment"),
    correctionRequest: text("correction_request"),
    correctionRequestedAt: at("correction_requested_at"),
    ...timestamps,
  },
  (t) => [uniqueIndex("week_confirmations_person_week_idx").on(t.personId, t.weekStart)],
);

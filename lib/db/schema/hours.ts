// Worked hours and the weekly sign-off (confirm, approve, send back, correction request).
// A member's hours of a week are their assignments on shifts that have ended, each overridden by a
// `worked_hours` row once a coordinator corrects it (start, end, break, no-show), plus `worked_hours`
// rows without a shift for hours worked outside the roster. The week's state lives in
// `week_confirmations`, created the first time anything happens to that week.
import { boolean, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** The shift this row corrects; null for hours worked outside a shift. */
    shiftId: uuid("shift_id").references(() => shifts.id, { onDelete: "set null" }),
    /** Set for hours outside a shift (a correction takes the shift's location). */
    activity: text("activity"),
    locationId: uuid("location_id").references(() => locations.id),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    breakMinutes: integer("break_minutes").notNull().default(0),
    /** The member did not come: the shift counts for nothing. */
    noShow: boolean("no_show").notNull().default(false),
    /** Who last changed this row; every change is also in the audit log with before and after. */
    correctedById: uuid("corrected_by_id").references(() => people.id, { onDelete: "set null" }),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    index("worked_hours_person_starts_idx").on(t.tenantId, t.personId, t.startsAt),
    index("worked_hours_tenant_starts_idx").on(t.tenantId, t.startsAt),
    // One correction per member and shift (NULL shift ids stay distinct: any number of extra rows).
    uniqueIndex("worked_hours_person_shift_idx").on(t.personId, t.shiftId),
  ],
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
    returnedAt: at("returned_at"),
    returnedById: uuid("returned_by_id").references(() => people.id, { onDelete: "set null" }),
    returnComment: text("return_comment"),
    correctionRequest: text("correction_request"),
    correctionRequestedAt: at("correction_requested_at"),
    /** Set when a coordinator marks the correction request handled; a new request clears it. */
    correctionHandledAt: at("correction_handled_at"),
    correctionHandledById: uuid("correction_handled_by_id").references(() => people.id, { onDelete: "set null" }),
    /** Set by the one reminder run that claimed this member and week: never a second reminder. */
    reminderSentAt: at("reminder_sent_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("week_confirmations_person_week_idx").on(t.personId, t.weekStart),
    index("week_confirmations_tenant_week_idx").on(t.tenantId, t.weekStart, t.status),
  ],
);

// Reads of the coordinators' member page: one member's whole record with their groups and login, in
// one statement. Every function takes the tenant first; another organisation's member is not found.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { personAccessColumns, toPersonAccessRow, type PersonAccessRow } from "@/lib/accounts/blocking/queries";
import type { MailSummary, OutboxStatus } from "@/lib/mail/queries";
import { personOf } from "./members";
import { memberRecordFields, type MemberRecordValues } from "./member-record-schemas";
import { profileColumns } from "./queries";

/** The columns of every field of a member record (`memberRecordFields`), as select keys. */
export const memberRecordColumns = { ...profileColumns, startDate: people.startDate, endDate: people.endDate };

export type MemberRecord = {
  values: MemberRecordValues;
  /** The same shape as a row of the people table, so the page shows the same badges and actions. */
  access: PersonAccessRow;
};

/** One member of this organisation (merged records excluded), or null: missing and foreign answer alike. */
export async function getMemberRecord(tenantId: string, personId: string): Promise<MemberRecord | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...memberRecordColumns, ...personAccessColumns(tenantId) })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(and(personOf(tenantId), eq(people.id, personId)));
  if (!row) return null;
  const values = Object.fromEntries(memberRecordFields.map((field) => [field, row[field]])) as MemberRecordValues;
  return { values, access: toPersonAccessRow(row) };
}

/** How a message to a member is doing, as the member page shows it. */
export type MailDelivery = "queued" | "retrying" | "sent" | "failed";

/** Pending and never tried is queued; pending after a failed try is retrying. */
export function mailDeliveryOf(mail: { status: OutboxStatus; attempts: number }): MailDelivery {
  if (mail.status === "sent") return "sent";
  if (mail.status === "failed") return "failed";
  return mail.attempts > 0 ? "retrying" : "queued";
}

export type { MailSummary };

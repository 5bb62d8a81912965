// Reads of the coordinators' member page: one member's whole record with their groups and login, in
// one statement. Every function takes the tenant first; another organisation's member is not found.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import type { PersonAccessRow } from "@/lib/accounts/blocking/queries";
import type { MailSummary, OutboxStatus } from "@/lib/mail/queries";
import { personOf } from "./members";
import type { MemberRecordField } from "./member-record-schemas";

export type MemberRecordValues = Record<MemberRecordField, string | null> & { firstName: string; lastName: string };

export type MemberRecord = {
  values: MemberRecordValues;
  /** The same shape as a row of the people table, so the page shows the same badges and actions. */
  access: PersonAccessRow;
};

/** One member of this organisation (merged records excluded), or null: missing and foreign answer alike. */
export async function getMemberRecord(tenantId: string, personId: string): Promise<MemberRecord | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      personId: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      email: people.email,
      phone: people.phone,
      birthDate: people.birthDate,
      address: people.address,
      postcode: people.postcode,
      city: people.city,
      startDate: people.startDate,
      endDate: people.endDate,
      role: people.role,
      groups: sql<string[]>`coalesce((select array_agg(${groups.name} order by lower(${groups.name})) from ${groupMembers} inner join ${groups} on ${groups.id} = ${groupMembers.groupId} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.personId} = ${people.id}), '{}')`,
      userId: users.id,
      username: users.username,
      status: users.status,
      lockedAt: users.lockedAt,
      totpEnabledAt: users.totpEnabledAt,
      loginCount: users.loginCount,
      lastLoginAt: users.lastLoginAt,
      blockedAt: users.blockedAt,
      blockScheduledFor: users.blockScheduledFor,
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(and(personOf(tenantId), eq(people.id, personId)));
  if (!row) return null;
  const { userId, username, status, lockedAt, totpEnabledAt, loginCount, lastLoginAt, blockedAt, blockScheduledFor, role, groups: groupNames, personId: id, ...values } = row;
  return {
    values,
    access: {
      personId: id,
      firstName: values.firstName,
      infix: values.infix,
      lastName: values.lastName,
      role,
      hasEmail: Boolean(values.email?.trim()),
      endDate: values.endDate,
      groups: groupNames ?? [],
      login:
        userId && username && status
          ? {
              username,
              status,
              lockedAt,
              hasAuthenticator: totpEnabledAt !== null,
              loginCount: loginCount ?? 0,
              lastLoginAt,
              blockedAt,
              blockScheduledFor,
            }
          : null,
    },
  };
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

// Who a member's email goes to: their address, their language (their login's choice, else the
// organisation's), the login a sign-in button may be minted for (an active one only) and the
// organisation's time zone for the dates in the text. The one read of these for every domain's mail.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
import { personNameSql } from "@/lib/people/names";
import { toEmailLocale, type EmailLocale } from "./registry";

export type MailPerson = {
  id: string;
  firstName: string;
  /** The full display name. */
  name: string;
  /** Trimmed; null for none. */
  email: string | null;
  userId: string | null;
  userStatus: string | null;
  locale: EmailLocale;
  timeZone: string;
};

/**
 * The people of `personIds` in this organisation as mail recipients, ordered by id, in one statement;
 * unknown ids are left out. `withoutMerged` also leaves out people merged into another record.
 */
export async function readMailPeople(
  tx: DbOrTx,
  tenantId: string,
  personIds: readonly string[],
  options: { withoutMerged?: boolean } = {},
): Promise<MailPerson[]> {
  if (personIds.length === 0) return [];
  const rows = await tx
    .select({
      id: people.id,
      firstName: people.firstName,
      name: sql<string>`${personNameSql('"people"')}`,
      email: people.email,
      userId: users.id,
      userStatus: users.status,
      userLocale: users.locale,
      organisationLocale: organisations.locale,
      timeZone: organisations.timeZone,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.tenantId))
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, people.tenantId)))
    .where(and(options.withoutMerged ? personOf(tenantId) : eq(people.tenantId, tenantId), inArray(people.id, [...personIds])))
    .orderBy(asc(people.id));
  return rows.map((row) => ({
    id: row.id,
    firstName: row.firstName,
    name: row.name.trim(),
    email: row.email?.trim() || null,
    userId: row.userId,
    userStatus: row.userStatus,
    locale: toEmailLocale(row.userLocale ?? row.organisationLocale),
    timeZone: row.timeZone,
  }));
}

/**
 * A fan-out recipient whose button opens `path`: through a 7-day sign-in link for someone with an
 * active login, the plain page (which asks to sign in) otherwise (no login yet, blocked). Only for
 * people with an address.
 */
export function mailRecipientOf(person: MailPerson, path: string) {
  return {
    personId: person.id,
    email: person.email ?? "",
    name: person.firstName,
    locale: person.locale,
    buttonPath: path,
    userId: person.userId && person.userStatus === "active" ? person.userId : null,
  };
}

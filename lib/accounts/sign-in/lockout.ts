// The account-locked notices: sent once, by the wrong password that locked password sign-in, to the
// member (with a sign-in button) and to whoever looks after them (the coordinator fallback chain).
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, organisations } from "@/lib/db/schema/tenancy";
import { sendAccountLocked, sendAccountLockedToCoordinator } from "@/lib/mail/messages";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { isEmailLocale, toEmailLocale } from "@/lib/mail/registry";
import { personNameSql } from "@/lib/people/names";
import { responsibleAddress, type ResponsibleAddress } from "@/lib/roster/handover";
import { issueSignInLink } from "@/lib/accounts/links/sign-in-links";

/**
 * Emails the member that password sign-in is locked: their username and a 7-day sign-in link (the
 * link proves the mailbox; it does not unlock the password, a reset or the coordinator does). And
 * tells the coordinator, also when the member has no address. Call only when `recordFailedPassword`
 * reports that this failure locked the account, which happens once per lock. Returns the outbox ids.
 */
export async function notifyAccountLocked(userId: string, now: Date = new Date()): Promise<string[]> {
  const db = await getDb();
  const mailIds = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        tenantId: users.tenantId,
        username: users.username,
        locale: users.locale,
        personId: people.id,
        firstName: people.firstName,
        fullName: sql<string>`${personNameSql("people")}`,
        email: people.email,
      })
      .from(users)
      .innerJoin(people, and(eq(people.id, users.personId), eq(people.tenantId, users.tenantId)))
      .where(eq(users.id, userId))
      .limit(1);
    // Provider admins belong to no organisation and have no coordinator.
    if (!row?.tenantId) return [];
    const tenantId = row.tenantId;
    const ids: string[] = [];
    const email = row.email?.trim();
    if (email) {
      const url = await issueSignInLink(tx, { userId, tenantId, now });
      ids.push(
        await sendAccountLocked(tx, {
          tenantId,
          person: { id: row.personId, firstName: row.firstName, email },
          username: row.username,
          url,
          locale: isEmailLocale(row.locale) ? row.locale : undefined,
        }),
      );
    }
    const coordinator = await findCoordinatorAddress(tx, tenantId, row.personId, now);
    if (coordinator) {
      ids.push(
        await sendAccountLockedToCoordinator(tx, {
          tenantId,
          to: { address: coordinator.address, name: coordinator.name, personId: coordinator.personId },
          memberName: row.fullName,
          username: row.username,
          locale: coordinator.locale,
        }),
      );
    }
    return ids;
  });
  if (mailIds.length > 0) await deliverAfterCommit(mailIds);
  return mailIds;
}

/**
 * Who hears that a member's account was locked, by the chain the roster uses for handovers
 * (lib/roster/handover.ts `responsibleAddress`): the coordinator of the member's next shift, else
 * that shift's group or the organisation's address. A member with no coming shift, or who coordinates
 * that shift themselves, goes to the address of one of their groups (by name), else the organisation's.
 * Null when nobody on the chain has an address.
 */
async function findCoordinatorAddress(tx: Tx, tenantId: string, personId: string, now: Date): Promise<Omit<ResponsibleAddress, "timeZone"> | null> {
  const [next] = await tx
    .select({ shiftId: shifts.id })
    .from(assignments)
    .innerJoin(shifts, and(eq(shifts.id, assignments.shiftId), eq(shifts.tenantId, assignments.tenantId)))
    .where(and(eq(assignments.tenantId, tenantId), eq(assignments.personId, personId), gt(shifts.endsAt, now), isNull(shifts.cancelledAt)))
    .orderBy(asc(shifts.startsAt), asc(shifts.id))
    .limit(1);
  if (next) {
    const responsible = await responsibleAddress(tx, tenantId, next.shiftId);
    if (responsible && responsible.personId !== personId) return responsible;
  }
  const [group] = await tx
    .select({ email: groups.email })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.id, groupMembers.groupId), eq(groups.tenantId, groupMembers.tenantId)))
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.personId, personId), sql`nullif(trim(${groups.email}), '') is not null`))
    .orderBy(asc(sql`lower(${groups.name})`), asc(groups.id))
    .limit(1);
  const [organisation] = await tx
    .select({ email: organisations.email, locale: organisations.locale })
    .from(organisations)
    .where(eq(organisations.id, tenantId))
    .limit(1);
  const address = group?.email?.trim() || organisation?.email?.trim();
  return address ? { address, name: null, personId: null, locale: toEmailLocale(organisation?.locale) } : null;
}

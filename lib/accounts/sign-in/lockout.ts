// The account-locked notice: sent once, by the wrong password that locked password sign-in.
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { sendAccountLocked } from "@/lib/mail/messages";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { isEmailLocale } from "@/lib/mail/texts";

/**
 * Emails the member that password sign-in is locked: their username, a button to choose a new password
 * (a completed reset unlocks), and that their coordinator can reopen it. Call only when
 * `recordFailedPassword` reports that this failure locked the account, which happens once per lock.
 * Returns the outbox id, or null when the member has no email address.
 */
export async function notifyAccountLocked(userId: string): Promise<string | null> {
  const db = await getDb();
  const mailId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        tenantId: users.tenantId,
        username: users.username,
        locale: users.locale,
        personId: people.id,
        firstName: people.firstName,
        email: people.email,
      })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .where(eq(users.id, userId))
      .limit(1);
    if (!row?.email) return null;
    return sendAccountLocked(tx, {
      tenantId: row.tenantId,
      person: { id: row.personId, firstName: row.firstName, email: row.email },
      username: row.username,
      locale: isEmailLocale(row.locale) ? row.locale : undefined,
    });
  });
  if (mailId) await deliverAfterCommit([mailId]);
  return mailId;
}

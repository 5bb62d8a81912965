// Roster emails to members (assigned, removed, cancelled, changed), written into the outbox inside the
// change's own transaction. Each carries the 7-day sign-in button that opens the shift.
import { and, eq, inArray } from "drizzle-orm";
import { issueSignInLink } from "@/lib/accounts/links/sign-in-links";
import type { Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";
import { sendShiftAssigned, sendShiftCancelled, sendShiftChanged, sendShiftRemoved } from "@/lib/mail/messages";
import { toEmailLocale } from "@/lib/mail/registry";
import { shiftCalendarPath } from "./calendar";
import { describeShift, type TimeSpan } from "./rules";

export type ShiftNotice = "assigned" | "removed" | "cancelled" | "changed";

export type ShiftForNotice = TimeSpan & { id: string; activity: string; locationName: string | null };

const senders = { assigned: sendShiftAssigned, removed: sendShiftRemoved, cancelled: sendShiftCancelled } as const;

/** Where every roster email's button leads: the member's page of that shift. */
export function shiftPagePath(shiftId: string): string {
  return `/my/shifts/${shiftId}`;
}

type ShiftNoticeInput = { tenantId: string; shift: ShiftForNotice; personIds: readonly string[]; now: Date } & (
  | { notice: Exclude<ShiftNotice, "changed"> }
  /** `shift` as it is now, `previous` as it was before the edit. */
  | { notice: "changed"; previous: ShiftForNotice }
);

/**
 * Mails each person about the shift, in their own language (else the organisation's). People without
 * an email address are skipped. Someone with an active login gets a 7-day sign-in link to the shift;
 * without one (no login yet, blocked) the button opens the plain page, which asks to sign in.
 * Returns the outbox ids, for `deliverAfterCommit` once `tx` has committed.
 */
export async function notifyAboutShift(tx: Tx, input: ShiftNoticeInput): Promise<string[]> {
  if (input.personIds.length === 0) return [];
  const recipients = await tx
    .select({
      id: people.id,
      firstName: people.firstName,
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
    .where(and(eq(people.tenantId, input.tenantId), inArray(people.id, [...input.personIds])));

  const destination = shiftPagePath(input.shift.id);
  const mailIds: string[] = [];
  for (const recipient of recipients) {
    const email = recipient.email?.trim();
    if (!email) continue;
    const locale = toEmailLocale(recipient.userLocale ?? recipient.organisationLocale);
    const url =
      recipient.userId && recipient.userStatus === "active"
        ? await issueSignInLink(tx, { userId: recipient.userId, tenantId: input.tenantId, destination, now: input.now })
        : destination;
    const message = {
      tenantId: input.tenantId,
      person: { id: recipient.id, firstName: recipient.firstName, email },
      shift: describeShift(input.shift, locale, recipient.timeZone),
      url,
      locale,
    };
    // The calendar link updates the event in place (its id is the shift's), so a change gets it again.
    const calendarUrl = shiftCalendarPath(input.shift.id, recipient.id);
    mailIds.push(
      input.notice === "changed"
        ? await sendShiftChanged(tx, { ...message, previousShift: describeShift(input.previous, locale, recipient.timeZone), calendarUrl })
        : // Only an assignment adds something to a calendar; removal and cancellation say so in the feed.
          await senders[input.notice](tx, { ...message, calendarUrl: input.notice === "assigned" ? calendarUrl : undefined }),
    );
  }
  return mailIds;
}

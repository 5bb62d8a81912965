// Roster emails to members (assigned, removed, cancelled, changed, and the confirmations of signing up
// and off themselves), written into the outbox inside the
// change's own transaction. Each carries the 7-day sign-in button that opens the shift.
import type { Tx } from "@/lib/db/client";
import { sendToMany, type FanOutRecipient } from "@/lib/mail/fan-out";
import { mailRecipientOf, readMailPeople } from "@/lib/mail/recipients";
import { shiftCalendarPath } from "./calendar";
import { describeShift, type TimeSpan } from "./rules";

export type ShiftNotice = "assigned" | "removed" | "cancelled" | "changed" | "signedUp" | "signedOff";

export type ShiftForNotice = TimeSpan & { id: string; activity: string; locationName: string | null };

const templates = {
  assigned: "shift-assigned",
  removed: "shift-removed",
  cancelled: "shift-cancelled",
  signedUp: "shift-signed-up",
  signedOff: "shift-signed-off",
} as const;

/**
 * The notices whose mail carries the add-to-calendar link. A removal or cancellation says so in the
 * feed; after signing off, the same link brings a cancelled event that takes it out of the calendar.
 */
const withCalendarLink: ReadonlySet<ShiftNotice> = new Set(["assigned", "changed", "signedUp", "signedOff"]);

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
  const recipients = await readMailPeople(tx, input.tenantId, input.personIds);
  const destination = shiftPagePath(input.shift.id);
  const mailable = recipients.flatMap((recipient) => {
    if (!recipient.email) return [];
    return [
      {
        ...mailRecipientOf(recipient, destination),
        firstName: recipient.firstName,
        shift: describeShift(input.shift, recipient.locale, recipient.timeZone),
        previous: input.notice === "changed" ? describeShift(input.previous, recipient.locale, recipient.timeZone) : "",
        // The calendar link updates the event in place (its id is the shift's), so a change gets it again.
        calendarUrl: shiftCalendarPath(input.shift.id, recipient.id),
      },
    ];
  });
  const common = ({ personId, email, name, locale, buttonPath, userId }: (typeof mailable)[number]) => ({ personId, email, name, locale, buttonPath, userId });
  if (input.notice === "changed") {
    const { mailIds } = await sendToMany(tx, {
      tenantId: input.tenantId,
      template: "shift-changed",
      now: input.now,
      recipients: mailable.map(
        (recipient): FanOutRecipient<"shift-changed"> => ({
          ...common(recipient),
          values: { voornaam: recipient.firstName, eerder: recipient.previous, dienst: recipient.shift },
          calendarUrl: recipient.calendarUrl,
        }),
      ),
    });
    return mailIds;
  }
  const { mailIds } = await sendToMany(tx, {
    tenantId: input.tenantId,
    template: templates[input.notice],
    now: input.now,
    recipients: mailable.map((recipient) => ({
      ...common(recipient),
      values: { voornaam: recipient.firstName, dienst: recipient.shift },
      calendarUrl: withCalendarLink.has(input.notice) ? recipient.calendarUrl : undefined,
    })),
  });
  return mailIds;
}

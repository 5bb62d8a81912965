// A member's correction request (klopt er iets niet?): from a week that has ended and is not approved
// yet, the member writes what is wrong; the message is kept on the week and mailed to the planner by
// the handover's chain (the shift's coordinator, else its group's address, else the organisation's).
// The coordinator marks it handled on their side; a new request clears that mark.
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";
import { sendToMany } from "@/lib/mail/fan-out";
import { toEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { personNameSql } from "@/lib/people/names";
import { responsibleAddress, type ResponsibleAddress } from "@/lib/roster/handover";
import { recordAudit } from "@/lib/tenancy/audit";
import { inEndedWeek, lockWeekConfirmation } from "./confirmation";
import { listWorkedHours } from "./queries";
import { CORRECTION_MESSAGE_MAX } from "./member-schemas";
import { addDaysToKey, isWeekStart, weekNumberOf } from "./rules";

/** While the last request is unhandled and younger than this, a new one waits (a double send, a loop). */
export const CORRECTION_REQUEST_PAUSE_MINUTES = 10;

/** The coordinator's page of one member's week: where the planner's mail button leads. */
export function coordinatorWeekPath(personId: string, weekStart: string): string {
  return `/dashboard/hours/${personId}/${weekStart}`;
}

export type CorrectionRequestResult =
  | {
      outcome: "requested";
      /** The address mailed; null when no address in the chain is known (the request is still kept). */
      sentTo: string | null;
      mailIds: string[];
    }
  | { outcome: "refused"; problem: "notFound" | "notYet" | "approved" | "empty" | "tooLong" | "tooSoon" };

/** "week 47 (16 – 22 november 2026)" in the reader's language: how a mail names the week. */
export function describeWeekForMail(weekStart: string, locale: EmailLocale): string {
  const { week } = weekNumberOf(weekStart);
  const range = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatRange(
    new Date(`${weekStart}T12:00:00Z`),
    new Date(`${addDaysToKey(weekStart, 6)}T12:00:00Z`),
  );
  return `week ${week} (${range})`;
}

/**
 * Stores the member's correction request on the week and mails it to the planner. Refused for a week
 * that has not ended, an approved week, an empty or too long message, and while the previous request
 * is unhandled and less than CORRECTION_REQUEST_PAUSE_MINUTES old. The caller delivers `mailIds`
 * after commit.
 */
export async function requestCorrection(
  tenantId: string,
  personId: string,
  weekStart: string,
  message: string,
  now: Date = new Date(),
  actorUserId: string | null = null,
): Promise<CorrectionRequestResult> {
  if (!isWeekStart(weekStart)) return { outcome: "refused", problem: "notFound" };
  const text = message.trim();
  if (text === "") return { outcome: "refused", problem: "empty" };
  if (text.length > CORRECTION_MESSAGE_MAX) return { outcome: "refused", problem: "tooLong" };
  return inEndedWeek(tenantId, weekStart, now, async (tx, { startsAt, endsAt }) => {
    const row = await lockWeekConfirmation(tx, tenantId, personId, weekStart, now);
    if (row.status === "approved") return { outcome: "refused", problem: "approved" };
    if (
      row.correctionRequestedAt &&
      !row.correctionHandledAt &&
      now.getTime() - row.correctionRequestedAt.getTime() < CORRECTION_REQUEST_PAUSE_MINUTES * 60_000
    ) {
      return { outcome: "refused", problem: "tooSoon" };
    }
    await tx
      .update(weekConfirmations)
      .set({ correctionRequest: text, correctionRequestedAt: now, correctionHandledAt: null, correctionHandledById: null, updatedAt: now })
      .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.id, row.id)));

    // The latest shift of the week decides whom the chain reaches; hours outside a shift go to the organisation.
    const entries = await listWorkedHours(tenantId, { from: startsAt, to: endsAt, now, personIds: [personId] }, tx);
    const lastShift = entries.filter((entry) => entry.shiftId !== null).at(-1);
    const to = lastShift?.shiftId ? await responsibleAddress(tx, tenantId, lastShift.shiftId) : await organisationAddress(tx, tenantId);
    const [member] = await tx
      .select({ name: sql<string>`${personNameSql('"people"')}` })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));

    const { mailIds } = to
      ? await sendToMany(tx, {
          tenantId,
          template: "correction-request",
          now,
          recipients: [
            {
              personId: to.personId,
              email: to.address,
              name: to.name,
              locale: to.locale,
              buttonPath: coordinatorWeekPath(personId, weekStart),
              values: { naam: member?.name.trim() ?? "", week: describeWeekForMail(weekStart, to.locale), bericht: text },
              // The member's own words, shown as they are whatever the customised text says.
              details: { message: text },
            },
          ],
        })
      : { mailIds: [] };
    const sentTo = to?.address ?? null;
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "hours.correction-requested",
      targetPersonId: personId,
      details: { week: weekStart, toCoordinator: to?.personId != null, mailed: to !== null, length: text.length },
    });
    return { outcome: "requested", sentTo, mailIds };
  });
}

/** The organisation's own address: where hours outside any shift are routed. */
async function organisationAddress(tx: Tx, tenantId: string): Promise<ResponsibleAddress | null> {
  const [row] = await tx
    .select({ email: organisations.email, locale: organisations.locale, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, tenantId));
  const address = row?.email?.trim();
  return row && address ? { address, name: null, personId: null, locale: toEmailLocale(row.locale), timeZone: row.timeZone } : null;
}

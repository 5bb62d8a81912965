// The hours reminder: once the week has ended and its deadline is near (the organisation's
// "hoursReminderHoursBefore", 24 hours by default), every member who worked hours that week and has not
// confirmed gets one email with a sign-in button to the week. Exactly once per member and week, also when
// two runs overlap: the claim is one statement on the week's row (`reminder_sent_at`), in the same
// transaction as the mail it sends. Called hourly by /api/cron/hours-reminders.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { organisations } from "@/lib/db/schema/tenancy";
import { sendToMany, type FanOutRecipient } from "@/lib/mail/fan-out";
import { mailRecipientOf, readMailPeople } from "@/lib/mail/recipients";
import { hoursSettingsColumns, hoursSettingsOf, listWorkedHours, type HoursSettings } from "./queries";
import { confirmationDeadline, describeDeadline, describeWeek, weekBounds, weekToRemindAt, workedMinutes } from "./rules";

export type HoursRemindersReport = {
  /** Organisations in which someone was reminded by this run. */
  organisations: number;
  /** Members reminded (one email each). */
  reminded: number;
  /** Organisations whose reminders failed; they are tried again on the next run while the week is due. */
  failed: number;
  /** Organisations this run had no time left for; the next run picks them up while the week is due. */
  deferred: number;
  /** Outbox ids, for `deliverAfterCommit` once the run is over (every chunk has committed by then). */
  mailIds: string[];
};

export type HoursRemindersOptions = {
  /**
   * Stop starting new work after this many milliseconds, so a run fits its function's time limit
   * (60 s); what is left stays unclaimed for the next hourly run.
   */
  budgetMs?: number;
  /** Members claimed and mailed per transaction; 500 unless given. */
  claimChunk?: number;
};

/** Organisations read per statement while looking for a due week. */
const ORGANISATION_BATCH = 100;
/**
 * Members claimed and mailed per transaction: six parameters a row in the claim (far below Postgres's
 * 65,535), and a bounded transaction, since rendering the messages is the slow part and the claimed rows
 * stay locked until it commits.
 */
const DEFAULT_CLAIM_CHUNK = 500;
const DEFAULT_BUDGET_MS = 45_000;

/** The member's page of a week, where the reminder's button leads. */
export function hoursWeekPath(weekStart: string): string {
  return `/my/hours/${weekStart}`;
}

type OrganisationRow = Parameters<typeof hoursSettingsOf>[0] & { id: string };

type DueOrganisation = { id: string; settings: HoursSettings; weekStart: string };

/**
 * Sends the reminders due at `now` in every organisation. One organisation's failure is reported and
 * does not stop the others. Returns the outbox ids to deliver; nothing is delivered here.
 */
export async function sendHoursReminders(now: Date = new Date(), options: HoursRemindersOptions = {}): Promise<HoursRemindersReport> {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const claimChunk = options.claimChunk ?? DEFAULT_CLAIM_CHUNK;
  const startedAt = performance.now();
  const outOfTime = () => performance.now() - startedAt >= budgetMs;
  const db = await getDb();
  const report: HoursRemindersReport = { organisations: 0, reminded: 0, failed: 0, deferred: 0, mailIds: [] };
  let after: string | null = null;
  for (;;) {
    const batch: OrganisationRow[] = await db
      .select({ id: organisations.id, ...hoursSettingsColumns })
      .from(organisations)
      .where(after === null ? undefined : gt(organisations.id, after))
      .orderBy(asc(organisations.id))
      .limit(ORGANISATION_BATCH);
    for (const row of batch) {
      try {
        const settings = hoursSettingsOf(row);
        const weekStart = weekToRemindAt(now, settings.timeZone, settings.deadline, settings.reminderHoursBefore);
        if (weekStart === null) continue;
        if (outOfTime()) {
          report.deferred += 1;
          continue;
        }
        const done = await remindOrganisation({ id: row.id, settings, weekStart }, now, claimChunk, outOfTime);
        if (done.reminded > 0) report.organisations += 1;
        report.reminded += done.reminded;
        report.mailIds.push(...done.mailIds);
        if (!done.finished) report.deferred += 1;
      } catch (error) {
        // One organisation's problem must not keep the others' members from their reminder.
        report.failed += 1;
        console.error(`Hours reminders failed for organisation ${row.id}`, error);
      }
    }
    if (batch.length < ORGANISATION_BATCH) break;
    after = batch[batch.length - 1].id;
  }
  return report;
}

/**
 * One organisation's reminders for `weekStart`: who worked hours that week (one read), then per chunk
 * of them a transaction that claims and mails. Chunks that committed stay sent if a later one fails.
 */
async function remindOrganisation(
  organisation: DueOrganisation,
  now: Date,
  claimChunk: number,
  outOfTime: () => boolean,
): Promise<{ reminded: number; mailIds: string[]; finished: boolean }> {
  const { startsAt, endsAt } = weekBounds(organisation.weekStart, organisation.settings.timeZone);
  const entries = await listWorkedHours(organisation.id, { from: startsAt, to: endsAt, now });
  // Sorted, so overlapping runs take the rows' locks in the same order and never deadlock.
  const workers = [...new Set(entries.filter((entry) => workedMinutes(entry) > 0).map((entry) => entry.personId))].sort();
  const db = await getDb();
  const result = { reminded: 0, mailIds: [] as string[], finished: true };
  for (let start = 0; start < workers.length; start += claimChunk) {
    if (start > 0 && outOfTime()) {
      result.finished = false;
      break;
    }
    const chunk = workers.slice(start, start + claimChunk);
    const mailIds = await db.transaction((tx) => remindChunk(tx, organisation, chunk, now));
    result.reminded += mailIds.length;
    result.mailIds.push(...mailIds);
  }
  return result;
}

async function remindChunk(tx: Tx, organisation: DueOrganisation, personIds: readonly string[], now: Date): Promise<string[]> {
  const { id: tenantId, weekStart, settings } = organisation;
  // Sorted by id, so the claim below takes the rows' locks in the same order in every run.
  const mailable = (await readMailPeople(tx, tenantId, personIds, { withoutMerged: true })).filter((candidate) => candidate.email !== null);
  if (mailable.length === 0) return [];

  // The claim: a week that is not confirmed and not yet reminded gets `reminder_sent_at`. A run that
  // overlaps waits on the row's lock and then finds it set, so only one of them mails.
  const claimed = await tx
    .insert(weekConfirmations)
    .values(mailable.map((candidate) => ({ tenantId, personId: candidate.id, weekStart, reminderSentAt: now, createdAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: [weekConfirmations.personId, weekConfirmations.weekStart],
      set: { reminderSentAt: sql`excluded.reminder_sent_at`, updatedAt: sql`excluded.updated_at` },
      setWhere: and(isNull(weekConfirmations.reminderSentAt), eq(weekConfirmations.status, "open")),
    })
    .returning({ personId: weekConfirmations.personId });
  const claimedIds = new Set(claimed.map((row) => row.personId));
  if (claimedIds.size === 0) return [];

  const deadline = confirmationDeadline(weekStart, settings.timeZone, settings.deadline);
  const buttonPath = hoursWeekPath(weekStart);
  const recipients = mailable
    .filter((candidate) => claimedIds.has(candidate.id))
    .map(
      (candidate): FanOutRecipient<"hours-reminder"> => ({
        ...mailRecipientOf(candidate, buttonPath),
        values: {
          voornaam: candidate.firstName,
          week: describeWeek(weekStart, candidate.locale),
          deadline: describeDeadline(deadline, candidate.locale, settings.timeZone),
        },
      }),
    );
  const { mailIds } = await sendToMany(tx, { tenantId, template: "hours-reminder", recipients, now });
  return mailIds;
}

// The outbox: every email is rendered, sealed and written in the caller's transaction, then delivered over
// SMTP after commit and retried with backoff. Without SMTP_URL nothing is sent and the outbox is the mailbox.
// What a message says (links, codes) is kept only sealed, until it is delivered; a failed message keeps it
// for `failedBodyKeptMs` so a coordinator can send it again (lib/mail/delivery.ts), then it is dropped.
import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { and, asc, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import type { ReactElement } from "react";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { env } from "@/lib/env";
import { openMailBody, sealMailBody } from "./sealed-body";
import type { EmailTemplate } from "./registry";

export type OutgoingMail = {
  /** Null only for mail that belongs to no organisation. */
  tenantId: string | null;
  /** The member it concerns, so coordinators can see per member what was sent. */
  personId?: string | null;
  template: EmailTemplate;
  to: { address: string; name?: string | null };
  subject: string;
  /** The subject as the delivery log shows it, with any secret masked; defaults to `subject`. */
  loggedSubject?: string;
  /** A component from emails/, with every prop filled in. */
  email: ReactElement;
};

/**
 * Renders the email (HTML and plain text), seals it with the subject and inserts it as pending into the
 * outbox, inside the caller's transaction: if that rolls back, the mail never existed. Returns the
 * outbox id, to hand to `deliverAfterCommit` once the transaction has committed.
 */
export async function enqueueMail(tx: DbOrTx, mail: OutgoingMail): Promise<string> {
  const [html, text] = await Promise.all([render(mail.email), render(mail.email, { plainText: true })]);
  // The id is chosen here because the sealed body is bound to its row and address.
  const id = randomUUID();
  const toAddress = mail.to.address.trim();
  const [row] = await tx
    .insert(outbox)
    .values({
      id,
      tenantId: mail.tenantId,
      personId: mail.personId ?? null,
      template: mail.template,
      toAddress,
      toName: mail.to.name ?? null,
      subject: mail.loggedSubject ?? mail.subject,
      sealedBody: sealMailBody({ id, toAddress }, { subject: mail.subject, html, text }),
    })
    .returning({ id: outbox.id });
  return row.id;
}

/**
 * After the nth failed attempt the next one waits retryDelaysMs[n-1] (the last delay again beyond the
 * table); after MAIL_MAX_ATTEMPTS attempts the mail has failed.
 */
export const retryDelaysMs = [
  60_000, // 1 min: a hiccup
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000, // ~45 h in all: an SMTP outage over a weekend day is still bridged
] as const;
/** The default of MAIL_MAX_ATTEMPTS: one attempt more than there are waits. */
export const maxDeliveryAttempts = retryDelaysMs.length + 1;

/** Milliseconds to wait after `attempts` failed attempts, or null when the mail should be given up. */
export function nextRetryDelay(attempts: number, maxAttempts: number = maxDeliveryAttempts): number | null {
  if (attempts >= maxAttempts) return null;
  return retryDelaysMs[Math.min(Math.max(attempts, 1), retryDelaysMs.length) - 1];
}

/**
 * How long a failed message keeps its sealed body, so a coordinator can "send again" after fixing what
 * was wrong (a full mailbox, a server that was down). Sign-in links last 7 days as well; after that the
 * body is dropped by the next delivery run and the message can only be asked for anew.
 */
export const failedBodyKeptMs = 7 * 86_400_000;

/**
 * How long a claimed message is reserved for the instance sending it. Longer than the SMTP timeouts
 * below, so a live send is never claimed twice; if the instance dies mid-send, the mail becomes due again.
 */
const claimLeaseMs = 5 * 60_000;

export type DeliveryReport = {
  /** False when no SMTP_URL is set: nothing is sent, the outbox is the mailbox. */
  smtp: boolean;
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
};

type ClaimedMail = { id: string; template: string; toAddress: string; toName: string | null; sealedBody: string | null; attempts: number };

/**
 * Claims due messages for this instance. `FOR UPDATE SKIP LOCKED` lets several instances (cron runs,
 * after-commit attempts) claim at once without taking the same row; the attempt is counted and the
 * lease set in the same transaction, so the send itself happens outside any transaction.
 */
async function claimDueMail(options: { limit: number; now: Date; ids?: readonly string[] }): Promise<ClaimedMail[]> {
  const db = await getDb();
  const conditions: SQL[] = [eq(outbox.status, "pending")];
  if (options.ids) {
    // A first attempt right after commit: only mail nobody has claimed yet (claiming counts an attempt).
    // Not comparing with the database's clock keeps app/database clock skew from delaying it.
    conditions.push(inArray(outbox.id, [...options.ids]), eq(outbox.attempts, 0));
  } else {
    conditions.push(lte(outbox.nextAttemptAt, options.now));
  }
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(...conditions))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(options.now.getTime() + claimLeaseMs) })
      .where(inArray(outbox.id, due.map((row) => row.id)))
      .returning({
        id: outbox.id,
        template: outbox.template,
        toAddress: outbox.toAddress,
        toName: outbox.toName,
        sealedBody: outbox.sealedBody,
        attempts: outbox.attempts,
      });
  });
}

/** Failed mail nobody sent again within failedBodyKeptMs loses its body; the log entry stays. */
async function dropExpiredFailedBodies(now: Date): Promise<void> {
  const db = await getDb();
  await db
    .update(outbox)
    .set({ sealedBody: null })
    .where(and(eq(outbox.status, "failed"), isNotNull(outbox.sealedBody), lte(outbox.updatedAt, new Date(now.getTime() - failedBodyKeptMs))));
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && "responseCode" in error ? ` (SMTP ${String(error.responseCode)})` : "";
  return `${message}${code}`.slice(0, 2_000);
}

function createTransport(smtpUrl: string) {
  // Short timeouts: a hanging server must not outlive the claim lease or a serverless function.
  return nodemailer.createTransport(
    new SMTPTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }),
  );
}

/**
 * Sends due pending mail over SMTP: marks it sent, or schedules the next attempt with backoff and keeps
 * the error, or marks it failed after the last attempt. `now` is injectable for tests. Never throws
 * for a failed send; throws only if the database is unreachable.
 */
export async function deliverPendingMail(
  options: { limit?: number; now?: Date; ids?: readonly string[] } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { smtp: false, attempted: 0, sent: 0, retrying: 0, failed: 0 };
  const { smtpUrl, mailFrom, appUrl } = env();
  if (!smtpUrl) return report;
  report.smtp = true;
  if (options.ids?.length === 0) return report;
  const now = options.now ?? new Date();
  if (!options.ids) await dropExpiredFailedBodies(now);
  const claimed = await claimDueMail({ limit: options.limit ?? 50, now, ids: options.ids });
  if (claimed.length === 0) return report;

  const db = await getDb();
  const maxAttempts = env().mailMaxAttempts;
  // Every outcome is written only while this run's claim still holds (same attempt, still pending): a
  // run whose lease expired mid-send cannot overwrite what the run that took the message over recorded.
  const stillClaimed = (mail: ClaimedMail) => and(eq(outbox.id, mail.id), eq(outbox.attempts, mail.attempts), eq(outbox.status, "pending"));
  const transport = createTransport(smtpUrl);
  // A stable Message-ID per outbox row lets mail servers drop the duplicate if a send succeeded but
  // recording it did not (the lease then expires and the row is sent again).
  const messageIdDomain = new URL(appUrl).hostname || "ploeg.local";
  try {
    for (const mail of claimed) {
      report.attempted += 1;
      let body;
      try {
        if (mail.sealedBody === null) throw new Error("The mail has no body to send");
        body = openMailBody(mail, mail.sealedBody);
      } catch (error) {
        // Retrying cannot help: the key changed or the row was altered. Give it up and drop what is left.
        await db.update(outbox).set({ status: "failed", sealedBody: null, lastError: describeError(error), updatedAt: now }).where(stillClaimed(mail));
        report.failed += 1;
        continue;
      }
      try {
        await transport.sendMail({
          from: mailFrom,
          to: { name: mail.toName ?? "", address: mail.toAddress },
          subject: body.subject,
          html: body.html,
          text: body.text,
          messageId: `<${mail.id}@${messageIdDomain}>`,
          // RFC 3834: tells mail servers not to send out-of-office replies to a no-reply sender. The
          // template names the kind of message for mail filters (and the e2e stage's mailbox).
          headers: { "Auto-Submitted": "auto-generated", "X-Ploeg-Template": mail.template },
        });
        await db
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), lastError: null, sealedBody: null })
          .where(stillClaimed(mail));
        report.sent += 1;
      } catch (error) {
        const delay = nextRetryDelay(mail.attempts, maxAttempts);
        const lastError = describeError(error);
        if (delay === null) {
          // The body stays sealed for failedBodyKeptMs, counted from updatedAt, for "send again".
          await db.update(outbox).set({ status: "failed", lastError, updatedAt: now }).where(stillClaimed(mail));
          report.failed += 1;
        } else {
          await db
            .update(outbox)
            .set({ lastError, nextAttemptAt: new Date(now.getTime() + delay) })
            .where(stillClaimed(mail));
          report.retrying += 1;
        }
      }
    }
  } finally {
    transport.close();
  }
  return report;
}

/**
 * A best-effort first attempt for mail just committed; never throws (whatever fails is retried by the
 * outbox cron). Call it after the transaction, never inside it. In a server action prefer
 * `after(() => deliverAfterCommit(ids))` from next/server so the response does not wait for SMTP.
 */
export async function deliverAfterCommit(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    if (!env().smtpUrl) return;
    await deliverPendingMail({ ids, limit: ids.length });
  } catch (error) {
    console.error("Mail delivery after commit failed; the outbox cron will retry.", error);
  }
}

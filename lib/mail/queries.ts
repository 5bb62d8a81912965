// Reads of the outbox: the development mailbox (/dev/mail, /dev/mail.json) and a member's mail history.
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { openMailBody } from "./sealed-body";

export type OutboxStatus = (typeof outbox.status.enumValues)[number];

export type MailSummary = {
  id: string;
  template: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/** `html` and `text` are empty once the body is gone (delivered, given up) or cannot be opened. */
export type MailMessage = MailSummary & { html: string; text: string; lastError: string | null };

const summaryColumns = {
  id: outbox.id,
  template: outbox.template,
  toAddress: outbox.toAddress,
  toName: outbox.toName,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

const messageColumns = { ...summaryColumns, sealedBody: outbox.sealedBody, lastError: outbox.lastError };

/** Opens the sealed body at read time: the mailbox shows what the member gets, the table holds no link. */
function withOpenedBody({ sealedBody, ...row }: MailSummary & { sealedBody: string | null; lastError: string | null }): MailMessage {
  if (sealedBody === null) return { ...row, html: "", text: "" };
  try {
    const body = openMailBody(row, sealedBody);
    return { ...row, subject: body.subject, html: body.html, text: body.text };
  } catch {
    return { ...row, html: "", text: "" };
  }
}

// The mailbox functions below read across organisations on purpose: the development mailbox is the
// inbox of every address, and its pages refuse to exist unless env().devMailboxEnabled.

function toAddressIs(address: string) {
  return sql`lower(${outbox.toAddress}) = lower(${address.trim()})`;
}

/** Newest first, optionally only mail to one address (case-insensitive). */
export async function listMailboxMessages(options: { to?: string; limit?: number } = {}): Promise<MailSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(outbox)
    .where(options.to ? toAddressIs(options.to) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(options.limit ?? 200);
}

/** As listMailboxMessages, with the HTML and text bodies (for /dev/mail.json). */
export async function listMailboxMessagesWithBodies(options: { to?: string; limit?: number } = {}): Promise<MailMessage[]> {
  const db = await getDb();
  const rows = await db
    .select(messageColumns)
    .from(outbox)
    .where(options.to ? toAddressIs(options.to) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(options.limit ?? 200);
  return rows.map(withOpenedBody);
}

export async function getMailboxMessage(id: string): Promise<MailMessage | null> {
  const db = await getDb();
  const [row] = await db.select(messageColumns).from(outbox).where(eq(outbox.id, id));
  return row ? withOpenedBody(row) : null;
}

/** What was sent to one member, newest first, with why the last try failed: the coordinators' "did she get it?". */
export async function listMailForPerson(tenantId: string, personId: string, limit = 50): Promise<Array<MailSummary & { lastError: string | null }>> {
  const db = await getDb();
  return db
    .select({ ...summaryColumns, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.personId, personId)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

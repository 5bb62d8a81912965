// Reads of the outbox: the development mailbox (/dev/mail, /dev/mail.json), a member's mail history and
// the organisation's delivery log (/dashboard/mail).
import { and, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { people } from "@/lib/db/schema/people";
import { formatPersonName } from "@/lib/people/names";
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

/**
 * Whether "send again" can still copy the message: only failed mail keeps its sealed body (for a week,
 * see failedBodyKeptMs); sent mail has dropped it. Read as a boolean so the body never leaves the query.
 */
const canSendAgainColumn = sql<boolean>`(${outbox.status} = 'failed' and ${outbox.sealedBody} is not null)`.mapWith(Boolean);

/** What was sent to one member, newest first, with why the last try failed: the coordinators' "did she get it?". */
export async function listMailForPerson(
  tenantId: string,
  personId: string,
  limit = 50,
): Promise<Array<MailSummary & { lastError: string | null; canSendAgain: boolean }>> {
  const db = await getDb();
  return db
    .select({ ...summaryColumns, lastError: outbox.lastError, canSendAgain: canSendAgainColumn })
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.personId, personId)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** How the delivery log names a message's state: pending is "queued" until its first failed try, then "retrying". */
export const deliveryStates = ["failed", "retrying", "queued", "sent"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const DELIVERY_LOG_PAGE_SIZE = 50;

export type DeliveryLogEntry = MailSummary & {
  lastError: string | null;
  /** The member it concerns while that record exists in this organisation; the name as addressed otherwise. */
  person: { id: string; name: string } | null;
  canSendAgain: boolean;
};

export type DeliveryLogPage = { entries: DeliveryLogEntry[]; total: number; page: number; pageCount: number };

function deliveryCondition(state: DeliveryState): SQL {
  switch (state) {
    case "failed":
      return eq(outbox.status, "failed");
    case "sent":
      return eq(outbox.status, "sent");
    case "queued":
      return and(eq(outbox.status, "pending"), eq(outbox.attempts, 0)) as SQL;
    case "retrying":
      return and(eq(outbox.status, "pending"), gt(outbox.attempts, 0)) as SQL;
  }
}

/**
 * One page of the organisation's mail, newest first, optionally only one delivery state; the total
 * comes with the rows (one statement per page). A page past the end answers the last page.
 */
export async function listDeliveryLog(tenantId: string, options: { state?: DeliveryState; page?: number } = {}): Promise<DeliveryLogPage> {
  const db = await getDb();
  const run = async (page: number) => {
    const rows = await db
      .select({
        ...summaryColumns,
        lastError: outbox.lastError,
        canSendAgain: canSendAgainColumn,
        personId: people.id,
        firstName: people.firstName,
        infix: people.infix,
        lastName: people.lastName,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(outbox)
      .leftJoin(people, and(eq(people.id, outbox.personId), eq(people.tenantId, tenantId)))
      .where(and(eq(outbox.tenantId, tenantId), options.state ? deliveryCondition(options.state) : sql`true`))
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(DELIVERY_LOG_PAGE_SIZE)
      .offset((page - 1) * DELIVERY_LOG_PAGE_SIZE);
    return rows;
  };
  const requested = Math.max(1, Math.floor(options.page ?? 1));
  let page = requested;
  let rows = await run(page);
  if (rows.length === 0 && page > 1) {
    // Past the end (mail was resent or the filter changed): show the last page that exists.
    const firstPage = await run(1);
    page = Math.max(1, Math.ceil((firstPage[0]?.total ?? 0) / DELIVERY_LOG_PAGE_SIZE));
    rows = page === 1 ? firstPage : await run(page);
  }
  const total = rows[0]?.total ?? 0;
  return {
    entries: rows.map(({ personId, firstName, infix, lastName, ...mail }) => ({
      id: mail.id,
      template: mail.template,
      toAddress: mail.toAddress,
      toName: mail.toName,
      subject: mail.subject,
      status: mail.status,
      attempts: mail.attempts,
      createdAt: mail.createdAt,
      sentAt: mail.sentAt,
      lastError: mail.lastError,
      canSendAgain: mail.canSendAgain,
      person: personId && lastName !== null ? { id: personId, name: formatPersonName({ firstName: firstName ?? "", infix, lastName }) } : null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / DELIVERY_LOG_PAGE_SIZE)),
  };
}

// What a member received, read back from the outbox in tests: bodies are sealed at rest, so tests open
// them the way delivery and the development mailbox do.
import { openMailBody, type MailBody } from "@/lib/mail/sealed-body";

type SealedRow = { id: string; toAddress: string; sealedBody: string | null };

/** Each row with its subject, HTML and text opened; empty HTML and text once the body is gone (delivered). */
export function withMailBodies<R extends SealedRow & { subject: string }>(rows: R[]): Array<R & MailBody> {
  return rows.map((row) => ({ ...row, ...(row.sealedBody === null ? { subject: row.subject, html: "", text: "" } : openMailBody(row, row.sealedBody)) }));
}

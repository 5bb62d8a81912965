// "Send again" from the coordinators' delivery log: a failed message is copied into a new outbox row
// for the same person, address and template, with the same (still sealed) body.
//
// Why a copy and not a re-render: what a message says is minted when it is asked for (a sign-in link's
// token exists in the clear only then; the database keeps its hash), so the template's sender cannot
// render it again later. A failed message therefore keeps its sealed body for failedBodyKeptMs (7 days,
// as long as a sign-in link lasts); sending it again moves the body to the new row and drops it from the
// old one, so one message is never multiplied. Sent mail has dropped its body at delivery and cannot be
// sent again: the coordinator asks for it anew (a new sign-in link, a new username mail).
// The copy goes only to the address the message was written for, never to another one: a coordinator
// cannot redirect a member's link to an address of their choosing here.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { recordNotFound } from "@/lib/auth/guards";
import { openMailBody, sealMailBody } from "./sealed-body";

export type SendAgainResult = { outcome: "queued"; mailId: string } | { outcome: "notAvailable" };

/**
 * Queues a copy of the organisation's failed message `mailId`. Throws RecordNotFoundError when the
 * organisation has no such message; answers "notAvailable" when it is not failed or its body is gone.
 */
export async function sendMailAgain(tenantId: string, mailId: string): Promise<SendAgainResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [mail] = await tx
      .select({
        id: outbox.id,
        personId: outbox.personId,
        template: outbox.template,
        toAddress: outbox.toAddress,
        toName: outbox.toName,
        subject: outbox.subject,
        status: outbox.status,
        sealedBody: outbox.sealedBody,
      })
      .from(outbox)
      .where(and(eq(outbox.id, mailId), eq(outbox.tenantId, tenantId)))
      .for("update");
    if (!mail) recordNotFound();
    if (mail.status !== "failed" || mail.sealedBody === null) return { outcome: "notAvailable" };
    let body;
    try {
      body = openMailBody(mail, mail.sealedBody);
    } catch {
      // Sealed under another key or altered: nothing that can be sent; forget it.
      await tx.update(outbox).set({ sealedBody: null }).where(eq(outbox.id, mail.id));
      return { outcome: "notAvailable" };
    }
    const id = randomUUID();
    await tx.insert(outbox).values({
      id,
      tenantId,
      personId: mail.personId,
      template: mail.template,
      toAddress: mail.toAddress,
      toName: mail.toName,
      subject: mail.subject,
      sealedBody: sealMailBody({ id, toAddress: mail.toAddress }, body),
    });
    await tx.update(outbox).set({ sealedBody: null }).where(eq(outbox.id, mail.id));
    return { outcome: "queued", mailId: id };
  });
}

import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { sendSignInLink } from "@/lib/mail/messages";
import { deliverAfterCommit, deliverPendingMail, maxDeliveryAttempts } from "@/lib/mail/outbox";
import { insertOrganisation, insertPerson, insertProvider } from "./fixtures";
import { setUpMailDelivery } from "./test-smtp-server";

let tenantId: string;
const { database, smtp } = setUpMailDelivery({
  sendThroughServer: true,
  prepare: async (db) => {
    tenantId = await insertOrganisation(db, await insertProvider(db, "Provider"), "Buurthuis De Linde");
  },
});

let counter = 0;
async function signInLinkFor(firstName: string) {
  counter += 1;
  const person = await insertPerson(database.db, tenantId, firstName, `${firstName.toLowerCase()}${counter}@example.nl`);
  return { tenantId, person, username: `${firstName.toLowerCase()}${counter}`, url: "/verify?token=test-token" };
}

async function enqueueCommitted(firstName: string): Promise<string> {
  const input = await signInLinkFor(firstName);
  return database.db.transaction((tx) => sendSignInLink(tx, input));
}

async function outboxRow(id: string) {
  const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

describe("a mail is written with the change that caused it", () => {
  test("a mail written in a transaction that rolls back is never stored and never sent", async () => {
    const input = await signInLinkFor("Anna");
    let id = "";
    await expect(
      database.db.transaction(async (tx) => {
        id = await sendSignInLink(tx, input);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(id).not.toBe("");
    expect(await database.db.select().from(outbox)).toHaveLength(0);
    await deliverAfterCommit([id]);
    const report = await deliverPendingMail();
    expect(report).toMatchObject({ smtp: true, attempted: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  test("a committed mail is delivered right after commit and marked sent", async () => {
    const id = await enqueueCommitted("Bram");
    await deliverAfterCommit([id]);

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toBe("Inloggen bij Buurthuis De Linde");
    expect(smtp.received[0].to).toEqual([(await outboxRow(id)).toAddress]);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  test("without SMTP_URL nothing is delivered and the mail waits in the outbox as the mailbox", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    const id = await enqueueCommitted("Cor");
    await deliverAfterCommit([id]);
    expect(await deliverPendingMail()).toMatchObject({ smtp: false, attempted: 0 });
    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 0 });
    expect(smtp.received).toHaveLength(0);
  });
});

describe("a mail whose SMTP delivery fails stays in the outbox and is retried", () => {
  test("a refused mail stays pending with its error, and the retry after the backoff delivers it once", async () => {
    smtp.refuseWith = "Mailbox temporarily unavailable";
    const id = await enqueueCommitted("Dewi");
    const now = new Date();

    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 1, retrying: 1, sent: 0 });
    const failed = await outboxRow(id);
    expect(failed.status).toBe("pending");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/temporarily unavailable/i);
    expect(failed.lastError).toContain("451");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());

    // Not due yet: a run at the same moment leaves it alone.
    smtp.refuseWith = null;
    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(0);

    const later = new Date(failed.nextAttemptAt.getTime() + 1_000);
    expect(await deliverPendingMail({ now: later })).toMatchObject({ attempted: 1, sent: 1 });
    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toBe("Inloggen bij Buurthuis De Linde");

    // Sent mail is never sent again.
    expect(await deliverPendingMail({ now: new Date(later.getTime() + 86_400_000) })).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  test("the wait grows with every failed attempt", async () => {
    smtp.refuseWith = "Try again later";
    const id = await enqueueCommitted("Eva");
    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await deliverPendingMail({ now });
      const row = await outboxRow(id);
      waits.push(row.nextAttemptAt.getTime() - now.getTime());
      now = new Date(row.nextAttemptAt.getTime() + 1);
    }
    expect(waits).toEqual([60_000, 5 * 60_000, 30 * 60_000]);
  });

  test("a mail that fails its last attempt is marked failed and never tried again", async () => {
    smtp.refuseWith = "Still unavailable";
    const id = await enqueueCommitted("Fenna");
    await database.db.update(outbox).set({ attempts: maxDeliveryAttempts - 1 }).where(eq(outbox.id, id));
    const now = new Date(Date.now() + 60_000);

    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 1, failed: 1 });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: maxDeliveryAttempts });
    expect(row.lastError).toMatch(/still unavailable/i);

    smtp.refuseWith = null;
    expect(await deliverPendingMail({ now: new Date(now.getTime() + 7 * 86_400_000) })).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  test("two delivery runs at the same time never send a mail twice", async () => {
    const ids = [await enqueueCommitted("Gijs"), await enqueueCommitted("Hanna"), await enqueueCommitted("Ilse")];
    const reports = await Promise.all([deliverPendingMail(), deliverPendingMail(), deliverAfterCommit(ids)]);

    expect(smtp.received).toHaveLength(3);
    expect(new Set(smtp.received.map((mail) => mail.to[0])).size).toBe(3);
    expect(reports[0].sent + reports[1].sent).toBeLessThanOrEqual(3);
    for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

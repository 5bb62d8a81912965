// Delivery over a real SMTP server on 127.0.0.1: every message arrives exactly once however many
// delivery runs there are, an SMTP outage only delays it, and a message that keeps failing is marked
// failed after MAIL_MAX_ATTEMPTS tries and listed for the organisation's coordinators.
import { createElement } from "react";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { deliverPendingMail, enqueueMail, failedBodyKeptMs } from "@/lib/mail/outbox";
import { listDeliveryLog } from "@/lib/mail/queries";
import { insertOrganisation, insertPerson, insertProvider, type PersonFixture } from "./fixtures";
import { setUpMailDelivery } from "./test-smtp-server";

let tenantId: string;
let person: PersonFixture;
const { database, smtp, restartSmtpServer } = setUpMailDelivery({
  sendThroughServer: true,
  env: { MAIL_MAX_ATTEMPTS: undefined },
  prepare: async (db) => {
    tenantId = await insertOrganisation(db, await insertProvider(db, "Provider"), "Buurthuis De Linde");
    person = await insertPerson(db, tenantId, "Anna", "anna@example.nl");
  },
});

/** A committed message to Anna, written the way every sender writes one. */
async function enqueue(db: Db, subject: string): Promise<string> {
  return db.transaction((tx) =>
    enqueueMail(tx, {
      tenantId,
      personId: person.id,
      template: "sign-in-link",
      to: { address: person.email, name: person.firstName },
      subject,
      email: createElement("p", null, `Hallo Anna, ${subject}`),
    }),
  );
}

async function outboxRow(id: string) {
  const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** How often each outbox id arrived, read from the Message-ID the sender derives from it. */
function arrivalsById(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of smtp.received) {
    const id = /^Message-ID: <([0-9a-f-]{36})@/im.exec(mail.raw)?.[1] ?? "none";
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("every message is sent exactly once", () => {
  test("two delivery runs at once send each of 12 messages exactly once", async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 12; n += 1) ids.push(await enqueue(database.db, `Bericht ${n}`));

    const reports = await Promise.all([deliverPendingMail({ limit: 12 }), deliverPendingMail({ limit: 12 })]);

    expect(reports[0].sent + reports[1].sent).toBe(12);
    const arrivals = arrivalsById();
    expect([...arrivals.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(arrivals.get(id)).toBe(1);
    for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1, sealedBody: null });
  });

  test("a message claimed by a sender that died is sent once its claim has expired, and not before", async () => {
    const id = await enqueue(database.db, "Claimed");
    const now = new Date();
    // What a claim leaves behind when its sender dies before sending: one attempt, reserved for 5 minutes.
    await database.db.update(outbox).set({ attempts: 1, nextAttemptAt: new Date(now.getTime() + 5 * 60_000) }).where(eq(outbox.id, id));

    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 0 });
    expect(await deliverPendingMail({ now: new Date(now.getTime() + 6 * 60_000) })).toMatchObject({ attempted: 1, sent: 1 });
    expect(arrivalsById().get(id)).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("an SMTP server that is down only delays a message", () => {
  test("with the server stopped the message stays pending with the connection error; once it is back and the wait is over, it arrives", async () => {
    const port = Number(new URL(smtp.url).port);
    const id = await enqueue(database.db, "Tijdens storing");
    await smtp.close();
    const now = new Date();

    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 1, retrying: 1, sent: 0 });
    const waiting = await outboxRow(id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(waiting.sealedBody).not.toBeNull();

    await restartSmtpServer(port);
    // Back, but the wait is not over: nothing is tried yet.
    expect(await deliverPendingMail({ now })).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(0);

    expect(await deliverPendingMail({ now: new Date(waiting.nextAttemptAt.getTime() + 1_000) })).toMatchObject({ attempted: 1, sent: 1 });
    expect(arrivalsById().get(id)).toBe(1);
    expect(smtp.received[0].subject).toBe("Tijdens storing");
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null, sealedBody: null });
  });
});

describe("a message that keeps failing is given up after MAIL_MAX_ATTEMPTS", () => {
  test("after the last allowed attempt it is failed with the SMTP answer, keeps its sealed body for a week and is listed for coordinators", async () => {
    process.env.MAIL_MAX_ATTEMPTS = "3";
    resetEnvCache();
    smtp.refuseWith = "Mailbox full";
    const id = await enqueue(database.db, "Blijft mislukken");
    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await deliverPendingMail({ now });
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < 3 ? "pending" : "failed");
      now = new Date(row.nextAttemptAt.getTime() + 1);
    }
    const failed = await outboxRow(id);
    expect(failed.lastError).toMatch(/Mailbox full.*451/);
    expect(failed.sealedBody).toMatch(/^v1\./);

    // Never tried again.
    smtp.refuseWith = null;
    expect(await deliverPendingMail({ now: new Date(now.getTime() + 86_400_000) })).toMatchObject({ attempted: 0 });
    expect(smtp.received).toHaveLength(0);

    const log = await listDeliveryLog(tenantId, { state: "failed" });
    expect(log.entries.map((entry) => entry.id)).toEqual([id]);
    expect(log.entries[0]).toMatchObject({ status: "failed", attempts: 3, canSendAgain: true, person: { id: person.id, name: "Anna Tester" } });
    expect(log.entries[0].lastError).toContain("Mailbox full");

    // A week after it failed, the next delivery run drops the body: it can no longer be sent again.
    const failedAt = failed.updatedAt.getTime();
    expect(await deliverPendingMail({ now: new Date(failedAt + failedBodyKeptMs - 60_000) })).toMatchObject({ attempted: 0 });
    expect((await outboxRow(id)).sealedBody).not.toBeNull();
    await deliverPendingMail({ now: new Date(failedAt + failedBodyKeptMs + 60_000) });
    expect(await outboxRow(id)).toMatchObject({ status: "failed", sealedBody: null });
    expect((await listDeliveryLog(tenantId, { state: "failed" })).entries[0].canSendAgain).toBe(false);
  });
});

import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { GET as runOutboxCron, POST as runOutboxCronPost } from "@/app/api/cron/outbox/route";
import { outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { sendSignInLink } from "@/lib/mail/messages";
import { getMailboxMessage, listMailboxMessages, listMailForPerson } from "@/lib/mail/queries";
import { insertOrganisation, insertPerson, insertProvider, type PersonFixture } from "./fixtures";
import { setUpMailDelivery } from "./test-smtp-server";

let orgA: string;
let orgB: string;
const { database, smtp } = setUpMailDelivery({
  env: { CRON_SECRET: "test-cron-secret", SMTP_URL: undefined },
  prepare: async (db) => {
    const provider = await insertProvider(db, "Provider");
    orgA = await insertOrganisation(db, provider, "Organisatie A");
    orgB = await insertOrganisation(db, provider, "Organisatie B");
  },
});

async function sendTo(tenantId: string, person: PersonFixture): Promise<string> {
  return database.db.transaction((tx) => sendSignInLink(tx, { tenantId, person, username: person.firstName.toLowerCase(), url: "/verify?token=t" }));
}

function cronRequest(method: "GET" | "POST", authorization?: string) {
  return new Request("http://localhost:3000/api/cron/outbox", { method, headers: authorization ? { authorization } : {} });
}

describe("the outbox cron route", () => {
  test.each([
    { label: "without a secret", authorization: undefined },
    { label: "with the wrong secret", authorization: "Bearer not-the-secret" },
    { label: "with the secret in another scheme", authorization: "Basic test-cron-secret" },
    { label: "with the secret as a prefix", authorization: "Bearer test-cron-secret-and-more" },
  ])("refuses a request $label, and sends nothing", async ({ authorization }) => {
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    const person = await insertPerson(database.db, orgA, "Kees", "kees@example.nl");
    await sendTo(orgA, person);

    const response = await runOutboxCron(cronRequest("GET", authorization));
    expect(response.status).toBe(401);
    expect(smtp.received).toHaveLength(0);
  });

  test("with the secret it delivers due mail (GET from Vercel Cron, or POST)", async () => {
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    const person = await insertPerson(database.db, orgA, "Lies", "lies@example.nl");
    await sendTo(orgA, person);

    const response = await runOutboxCron(cronRequest("GET", "Bearer test-cron-secret"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ smtp: true, attempted: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);

    const again = await runOutboxCronPost(cronRequest("POST", "Bearer test-cron-secret"));
    expect(await again.json()).toMatchObject({ attempted: 0 });
  });

  test("without SMTP it answers and sends nothing", async () => {
    const response = await runOutboxCron(cronRequest("GET", "Bearer test-cron-secret"));
    expect(await response.json()).toEqual({ smtp: false, attempted: 0, sent: 0, retrying: 0, failed: 0 });
  });
});

describe("reading the outbox", () => {
  test("the mailbox lists newest first and filters on the address regardless of case", async () => {
    const first = await sendTo(orgA, await insertPerson(database.db, orgA, "Mila", "Mila@Example.nl"));
    const second = await sendTo(orgB, await insertPerson(database.db, orgB, "Noor", "noor@example.nl"));
    await database.db.update(outbox).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(outbox.id, first));

    expect((await listMailboxMessages()).map((mail) => mail.id)).toEqual([second, first]);
    expect((await listMailboxMessages({ to: " mila@example.NL " })).map((mail) => mail.id)).toEqual([first]);
    expect(await getMailboxMessage(first)).toMatchObject({ id: first, toAddress: "Mila@Example.nl", status: "pending" });
    expect(await getMailboxMessage(crypto.randomUUID())).toBeNull();
  });

  test("a member's mail history shows only that member's mail in that organisation", async () => {
    const olga = await insertPerson(database.db, orgA, "Olga", "olga@example.nl");
    const piet = await insertPerson(database.db, orgA, "Piet", "olga@example.nl");
    const mine = await sendTo(orgA, olga);
    await sendTo(orgA, piet);

    expect((await listMailForPerson(orgA, olga.id)).map((mail) => mail.id)).toEqual([mine]);
    expect(await listMailForPerson(orgB, olga.id)).toEqual([]);
  });
});

describe("the mailbox as JSON", () => {
  test("returns each message with its links, filtered on the address", async () => {
    const { GET } = await import("@/app/dev/mail.json/route");
    const id = await sendTo(orgA, await insertPerson(database.db, orgA, "Quinten", "quinten@example.nl"));
    await sendTo(orgA, await insertPerson(database.db, orgA, "Rosa", "rosa@example.nl"));

    const response = await GET(new NextRequest("http://localhost:3000/dev/mail.json?to=quinten@example.nl"));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toEqual([
      expect.objectContaining({
        id,
        to: "quinten@example.nl",
        subject: "Inloggen bij Organisatie A",
        links: ["http://localhost:3000/verify?token=t"],
        html: expect.stringContaining("<html"),
        text: expect.stringContaining("Hoi Quinten,"),
        createdAt: expect.any(String),
      }),
    ]);
  });

  test("does not exist when SMTP is configured", async () => {
    const { GET } = await import("@/app/dev/mail.json/route");
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    const response = await GET(new NextRequest("http://localhost:3000/dev/mail.json"));
    expect(response.status).toBe(404);
  });
});

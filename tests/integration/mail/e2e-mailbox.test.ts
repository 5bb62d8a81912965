// The e2e stage's mailbox: the production build sends real SMTP to it, and the journeys read what
// arrived at /dev/mail.json through its proxy, in the development mailbox's shape.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { sendSignInLink } from "@/lib/mail/messages";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { findFreePort } from "@/scripts/postgres";
import { startE2eMailbox, type E2eMailbox } from "@/scripts/e2e-mailbox";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { insertOrganisation, insertPerson, insertProvider } from "./fixtures";

let database: TestDatabase;
let mailbox: E2eMailbox;
let app: http.Server;
let proxyUrl: string;
const originalSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startE2eMailbox();
  // Stands in for the app behind the proxy: echoes what it was asked and sets two cookies.
  app = http.createServer((request, response) => {
    response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
    response.end(`${request.method} ${request.url} ${request.headers.host}`);
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", () => resolve()));
  const proxyPort = await findFreePort();
  await mailbox.proxy(proxyPort, (app.address() as AddressInfo).port);
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  process.env.SMTP_URL = mailbox.smtpUrl;
  resetEnvCache();
});

afterAll(async () => {
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEnvCache();
  await mailbox.close();
  await new Promise<void>((resolve) => app.close(() => resolve()));
  await database.close();
});

describe("the e2e stage's mailbox", () => {
  test("a delivered email appears at /dev/mail.json with its template, subject, text and sign-in link", async () => {
    const tenantId = await insertOrganisation(database.db, await insertProvider(database.db, "Provider"), "Stichting Zoë & Inès");
    const person = await insertPerson(database.db, tenantId, "Noël", "Noel.Bakker@example.org");
    const token = "x".repeat(43);
    await database.db.transaction((tx) => sendSignInLink(tx, { tenantId, person, username: "noel.bakker", url: `/l/${token}` }));
    expect(await deliverPendingMail()).toMatchObject({ sent: 1 });

    const response = await fetch(`${proxyUrl}/dev/mail.json?to=${encodeURIComponent(" noel.bakker@EXAMPLE.org ")}`);
    expect(response.status).toBe(200);
    const mails = (await response.json()) as Array<Record<string, unknown>>;
    expect(mails).toEqual([
      expect.objectContaining({
        template: "sign-in-link",
        to: "Noel.Bakker@example.org",
        toName: "Noël",
        subject: "Inloggen bij Stichting Zoë & Inès",
        status: "sent",
        text: expect.stringContaining("Hoi Noël,"),
        links: [`http://localhost:3000/l/${token}`],
      }),
    ]);
    // Sent, so the outbox keeps the log and not the link.
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ status: "sent", sealedBody: null });
    expect(await (await fetch(`${proxyUrl}/dev/mail.json?to=someone.else@example.org`)).json()).toEqual([]);
  });

  test("every other request passes through the proxy unchanged, cookies included", async () => {
    const response = await fetch(`${proxyUrl}/sign-in?next=%2Fmy`, { method: "POST", body: "x" });
    expect(await response.text()).toBe(`POST /sign-in?next=%2Fmy ${new URL(proxyUrl).host}`);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });
});

import { NextRequest } from "next/server";
import { eq, sql, type SQL } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { issueSignInLink } from "@/lib/accounts/links/sign-in-links";
import { sendPasswordResetEmail } from "@/lib/accounts/recovery/password-reset";
import { sendEmailCode } from "@/lib/accounts/two-factor/two-factor";
import { createMemberWithLogin, createOrganisation, type Person, type User } from "@/lib/demo/factories";
import { emailTexts, outbox } from "@/lib/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { sendSignInLink } from "@/lib/mail/messages";
import { deliverPendingMail, failedBodyKeptMs, maxDeliveryAttempts } from "@/lib/mail/outbox";
import { getMailboxMessage, listMailboxMessagesWithBodies, listMailForPerson } from "@/lib/mail/queries";
import { selectRows } from "@/tests/setup/raw-rows";
import { setUpMailDelivery } from "./test-smtp-server";

let tenantId: string;
const { database, smtp } = setUpMailDelivery({
  prepare: async (db) => {
    tenantId = (await createOrganisation(db, { name: "Buurthuis De Linde" })).id;
    // An admin who puts the code in the subject must not put it in the delivery log.
    await db.insert(emailTexts).values({ tenantId, template: "two-factor-code", locale: "nl", subject: "Code {code} voor {organisatie}" });
  },
});

let counter = 0;
async function newMember(): Promise<{ person: Person; user: User }> {
  counter += 1;
  return createMemberWithLogin(database.db, {
    tenantId,
    username: `sanne.${counter}`,
    person: { firstName: "Sanne", email: `sanne.${counter}@example.nl` },
  });
}

/** A sign-in link mail, a password-reset mail and a two-factor code mail, as the flows write them. */
async function mailOneMemberEverySecret(member: { person: Person; user: User }): Promise<void> {
  const email = member.person.email;
  if (!email) throw new Error("the member needs an address");
  await database.db.transaction(async (tx) => {
    const url = await issueSignInLink(tx, { userId: member.user.id, tenantId });
    await sendSignInLink(tx, { tenantId, person: { id: member.person.id, firstName: member.person.firstName, email }, username: member.user.username, url });
  });
  expect(await sendPasswordResetEmail(member.user.username)).not.toBeNull();
  await database.db.transaction((tx) =>
    sendEmailCode(tx, {
      userId: member.user.id,
      tenantId,
      role: "member",
      totpEnabled: false,
      firstName: member.person.firstName,
      email,
      personId: member.person.id,
      settings: { twoFactorForMembers: "email", twoFactorForCoordinators: "email" },
    }),
  );
}

/** The secrets as the member receives them, read through the development mailbox. */
async function secretsInTheMailbox(address: string): Promise<string[]> {
  const mails = await listMailboxMessagesWithBodies({ to: address });
  const text = (template: string) => mails.find((mail) => mail.template === template)?.text ?? "";
  const signInToken = /\/l\/([A-Za-z0-9_-]{32,})/.exec(text("sign-in-link"))?.[1];
  const resetToken = /\/sign-in\/reset\/([A-Za-z0-9_-]{32,})/.exec(text("password-reset"))?.[1];
  const code = /\b(\d{6})\b/.exec(text("two-factor-code"))?.[1];
  expect({ signInToken, resetToken, code }).toEqual({ signInToken: expect.any(String), resetToken: expect.any(String), code: expect.any(String) });
  return [signInToken!, resetToken!, code!];
}

async function selectTexts(query: SQL): Promise<string[]> {
  const rows = await selectRows<{ text: string | null }>(database.db, query);
  return rows.map((row) => row.text ?? "");
}

describe("secrets at rest in the outbox", () => {
  test("no sign-in token can be read back from the outbox table", async () => {
    const member = await newMember();
    await mailOneMemberEverySecret(member);
    const secrets = await secretsInTheMailbox(member.person.email!);

    // Every column of every row, and the table as one text, as a dump or backup would hold it.
    const rows = await selectTexts(sql`SELECT to_jsonb(o)::text AS text FROM outbox o`);
    expect(rows).toHaveLength(3);
    const [table] = await selectTexts(sql`SELECT string_agg(o::text, E'\n') AS text FROM outbox o`);
    for (const secret of secrets) {
      for (const row of rows) expect(row).not.toContain(secret);
      expect(table).not.toContain(secret);
    }
  });

  test("the delivery log keeps template, recipient, subject and status, with a code in the subject masked", async () => {
    const member = await newMember();
    await mailOneMemberEverySecret(member);
    const [, , code] = await secretsInTheMailbox(member.person.email!);

    const log = await listMailForPerson(tenantId, member.person.id);
    expect(log.map((mail) => mail.template).sort()).toEqual(["password-reset", "sign-in-link", "two-factor-code"]);
    expect(log.every((mail) => mail.toAddress === member.person.email && mail.status === "pending")).toBe(true);
    const codeMail = log.find((mail) => mail.template === "two-factor-code")!;
    expect(codeMail.subject).toBe("Code •••••• voor Buurthuis De Linde");
    // The member still gets the real subject.
    expect((await getMailboxMessage(codeMail.id))?.subject).toBe(`Code ${code} voor Buurthuis De Linde`);
  });

  test("the development mailbox still shows the sign-in link", async () => {
    const member = await newMember();
    await mailOneMemberEverySecret(member);
    const { GET } = await import("@/app/dev/mail.json/route");
    const response = await GET(new NextRequest(`http://localhost:3000/dev/mail.json?to=${encodeURIComponent(member.person.email!)}`));
    expect(response.status).toBe(200);
    const mails = (await response.json()) as Array<{ template: string; links: string[] }>;
    expect(mails.find((mail) => mail.template === "sign-in-link")?.links).toEqual([expect.stringMatching(/^http:\/\/localhost:3000\/l\/[A-Za-z0-9_-]{43}$/)]);
  });

  test("a delivered message keeps its delivery log but no body", async () => {
    const member = await newMember();
    await mailOneMemberEverySecret(member);
    const [signInToken] = await secretsInTheMailbox(member.person.email!);
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();

    const report = await deliverPendingMail();
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    // What went out over SMTP is the real message.
    expect(smtp.received.some((mail) => mail.raw.includes(signInToken))).toBe(true);

    const rows = await database.db.select().from(outbox);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "sent", sealedBody: null, toAddress: member.person.email, personId: member.person.id });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    expect((await listMailForPerson(tenantId, member.person.id)).map((mail) => mail.status)).toEqual(["sent", "sent", "sent"]);
  });

  test("a message that failed for good keeps its error and, sealed, its body for a week so it can be sent again", async () => {
    const member = await newMember();
    await mailOneMemberEverySecret(member);
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    smtp.refuseWith = "Mailbox tijdelijk niet beschikbaar";
    await database.db.update(outbox).set({ attempts: maxDeliveryAttempts - 1 });

    expect(await deliverPendingMail()).toMatchObject({ failed: 3 });
    for (const row of await database.db.select().from(outbox)) {
      expect(row).toMatchObject({ status: "failed", lastError: expect.stringContaining("Mailbox tijdelijk niet beschikbaar") });
      expect(row.sealedBody).toMatch(/^v1\./);
    }
    // A week later the next delivery run drops what nobody sent again.
    await deliverPendingMail({ now: new Date(Date.now() + failedBodyKeptMs + 60_000) });
    for (const row of await database.db.select().from(outbox)) expect(row).toMatchObject({ status: "failed", sealedBody: null });
  });

  test("a sealed body moved to another recipient's row cannot be delivered and is given up", async () => {
    const victim = await newMember();
    const attacker = await newMember();
    await mailOneMemberEverySecret(victim);
    await mailOneMemberEverySecret(attacker);
    const [victimMail] = await database.db.select().from(outbox).where(eq(outbox.personId, victim.person.id));
    const [attackerMail] = await database.db.select().from(outbox).where(eq(outbox.personId, attacker.person.id));
    await database.db.update(outbox).set({ sealedBody: victimMail.sealedBody }).where(eq(outbox.id, attackerMail.id));
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();

    const report = await deliverPendingMail();
    expect(report).toMatchObject({ sent: 5, failed: 1 });
    expect(smtp.received.filter((mail) => mail.to.includes(attacker.person.email!))).toHaveLength(2);
    const [given] = await database.db.select().from(outbox).where(eq(outbox.id, attackerMail.id));
    expect(given).toMatchObject({ status: "failed", sealedBody: null, lastError: expect.stringContaining("cannot be decrypted") });
  });
});

// The coordinators' delivery log (/dashboard/mail) and "send again": what the log lists and how it names
// each delivery state, the copy a failed message becomes, and that only the organisation's own
// coordinators can see or resend its mail.
import { createElement } from "react";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "@/lib/db/schema/platform";
import { sendMailAgain } from "@/lib/mail/delivery-actions";
import { enqueueMail } from "@/lib/mail/outbox";
import { DELIVERY_LOG_PAGE_SIZE, listDeliveryLog, listMailForPerson } from "@/lib/mail/queries";
import { openMailBody } from "@/lib/mail/sealed-body";
import { mailDeliveryOf } from "@/lib/people/member-record-queries";
import { formatPersonName } from "@/lib/people/names";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createAccessOrganisation, type AccessOrganisation, type Member } from "../accounts/access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: () => {} }));

const database = setUpTestDatabase();
let one: AccessOrganisation;
let two: AccessOrganisation;
beforeAll(async () => {
  one = await createAccessOrganisation(database.db, "Stichting Eén");
  two = await createAccessOrganisation(database.db, "Stichting Twee");
});
beforeEach(async () => {
  signOut();
  await database.db.delete(outbox);
});

async function mailTo(organisation: AccessOrganisation, member: Member, subject: string): Promise<string> {
  return database.db.transaction((tx) =>
    enqueueMail(tx, {
      tenantId: organisation.organisation.id,
      personId: member.person.id,
      template: "sign-in-link",
      to: { address: member.person.email!, name: member.person.firstName },
      subject,
      email: createElement("p", null, `Inloglink voor ${member.person.firstName}`),
    }),
  );
}

async function setDelivery(id: string, values: Partial<typeof outbox.$inferInsert>) {
  await database.db.update(outbox).set(values).where(eq(outbox.id, id));
}

async function outboxRow(id: string) {
  const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** One mail in each delivery state, the failed one with its body still kept. */
async function oneOfEachState(organisation: AccessOrganisation) {
  const [a, b, c, d] = organisation.members;
  const queued = await mailTo(organisation, a, "In de wachtrij");
  const retrying = await mailTo(organisation, b, "Wordt herhaald");
  await setDelivery(retrying, { attempts: 2, lastError: "451 Mailbox busy" });
  const sent = await mailTo(organisation, c, "Aangekomen");
  await setDelivery(sent, { status: "sent", attempts: 1, sentAt: new Date(), sealedBody: null });
  const failed = await mailTo(organisation, d, "Mislukt");
  await setDelivery(failed, { status: "failed", attempts: 8, lastError: "550 No such user (SMTP 550)" });
  return { queued, retrying, sent, failed };
}

describe("the delivery log lists the organisation's mail", () => {
  it("shows each mail with its address, member, template and delivery state, newest first", async () => {
    const ids = await oneOfEachState(one);
    await oneOfEachState(two);

    const log = await listDeliveryLog(one.organisation.id);
    expect(log.total).toBe(4);
    expect(log.entries.map((entry) => entry.id)).toEqual([ids.failed, ids.sent, ids.retrying, ids.queued]);
    expect(log.entries.map(mailDeliveryOf)).toEqual(["failed", "sent", "retrying", "queued"]);
    const failed = log.entries[0];
    const member = one.members[3];
    expect(failed).toMatchObject({
      template: "sign-in-link",
      toAddress: member.person.email,
      subject: "Mislukt",
      attempts: 8,
      lastError: "550 No such user (SMTP 550)",
      canSendAgain: true,
      person: { id: member.person.id, name: formatPersonName(member.person) },
    });
    expect(log.entries.find((entry) => entry.id === ids.sent)?.canSendAgain).toBe(false);
    expect(Object.keys(failed)).not.toContain("sealedBody");
  });

  it("filters by delivery state: failed, retrying (pending after a failed try), queued and sent", async () => {
    const ids = await oneOfEachState(one);
    for (const state of ["failed", "retrying", "queued", "sent"] as const) {
      const log = await listDeliveryLog(one.organisation.id, { state });
      expect(log.entries.map((entry) => entry.id)).toEqual([ids[state]]);
      expect(log.total).toBe(1);
    }
  });

  it("pages the log, and a page past the end shows the last one", async () => {
    const member = one.members[0];
    for (let n = 0; n < DELIVERY_LOG_PAGE_SIZE + 3; n += 1) await mailTo(one, member, `Bericht ${n}`);
    const first = await listDeliveryLog(one.organisation.id);
    expect(first).toMatchObject({ total: DELIVERY_LOG_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(DELIVERY_LOG_PAGE_SIZE);
    const beyond = await listDeliveryLog(one.organisation.id, { page: 9 });
    expect(beyond).toMatchObject({ page: 2, pageCount: 2 });
    expect(beyond.entries).toHaveLength(3);
  });

  it("names a removed member by the name the mail was addressed to", async () => {
    const ids = await oneOfEachState(one);
    await setDelivery(ids.sent, { personId: null });
    const entry = (await listDeliveryLog(one.organisation.id, { state: "sent" })).entries[0];
    expect(entry).toMatchObject({ person: null, toName: one.members[2].person.firstName });
  });
});

describe("send again", () => {
  it("a coordinator sends a failed mail again: a new queued copy to the same address, and the old one keeps no body", async () => {
    const { failed } = await oneOfEachState(one);
    const before = await outboxRow(failed);
    const original = openMailBody(before, before.sealedBody!);
    signInAs(await actorOf(one.coordinator));

    const result = await sendMailAgain({ mailId: failed });
    expect(result).toMatchObject({ ok: true, value: { outcome: "queued" } });
    if (!result.ok || result.value.outcome !== "queued") throw new Error("not queued");
    const copy = await outboxRow(result.value.mailId);
    expect(copy).toMatchObject({
      tenantId: one.organisation.id,
      personId: before.personId,
      template: "sign-in-link",
      toAddress: before.toAddress,
      subject: "Mislukt",
      status: "pending",
      attempts: 0,
      lastError: null,
    });
    expect(openMailBody(copy, copy.sealedBody!)).toEqual(original);
    expect(await outboxRow(failed)).toMatchObject({ status: "failed", sealedBody: null });

    // The member page lists both; only the copy is on its way, the old one can no longer be resent.
    const mails = await listMailForPerson(one.organisation.id, one.members[3].person.id);
    expect(mails.map((mail) => [mail.id, mailDeliveryOf(mail), mail.canSendAgain])).toEqual([
      [copy.id, "queued", false],
      [failed, "failed", false],
    ]);
    // A second click finds nothing left to send.
    expect(await sendMailAgain({ mailId: failed })).toEqual({ ok: true, value: { outcome: "notAvailable" } });
  });

  it("a sent mail, or a failed one whose week has passed, cannot be sent again and nothing is written", async () => {
    const { sent, failed } = await oneOfEachState(one);
    await setDelivery(failed, { sealedBody: null });
    signInAs(await actorOf(one.admin));
    expect(await sendMailAgain({ mailId: sent })).toEqual({ ok: true, value: { outcome: "notAvailable" } });
    expect(await sendMailAgain({ mailId: failed })).toEqual({ ok: true, value: { outcome: "notAvailable" } });
    expect(await database.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.tenantId, one.organisation.id))).toHaveLength(4);
  });

  it("another organisation's coordinator gets not found, and its log does not show the mail", async () => {
    const { failed } = await oneOfEachState(one);
    signInAs(await actorOf(two.coordinator));
    expect(await sendMailAgain({ mailId: failed })).toEqual({ ok: false, error: "notFound" });
    expect((await outboxRow(failed)).sealedBody).not.toBeNull();
    expect((await listDeliveryLog(two.organisation.id)).entries).toEqual([]);
    expect(await database.db.select({ id: outbox.id }).from(outbox)).toHaveLength(4);
  });

  it("a made-up mail id is not found", async () => {
    signInAs(await actorOf(one.coordinator));
    expect(await sendMailAgain({ mailId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "notFound" });
  });

  it("a member is forbidden, and someone signed out is unauthorised", async () => {
    const { failed } = await oneOfEachState(one);
    signInAs(await actorOf(one.members[0]));
    expect(await sendMailAgain({ mailId: failed })).toEqual({ ok: false, error: "forbidden" });
    signOut();
    expect(await sendMailAgain({ mailId: failed })).toEqual({ ok: false, error: "unauthorised" });
    expect((await outboxRow(failed)).sealedBody).not.toBeNull();
  });
});

// Mail batches: the mails of one bulk action share a batch id, and the members table's progress line
// counts the organisation's latest batch in one query, never another organisation's. Also the largest
// bulk send: 2,000 invitations written in one transaction, delivered only after it.
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { resetAndEmailTemporaryPasswords, sendTemporaryPasswordTo } from "@/lib/accounts/temporary-passwords/issuing";
import { GET as progressRoute } from "@/app/api/mail/batch-progress/route";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { outbox } from "@/lib/db/schema/platform";
import { buildPerson, createOrganisation } from "@/lib/demo/factories";
import { getLatestMailBatchProgress } from "@/lib/mail/batches";
import { formatPersonName } from "@/lib/people/names";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, createAccessOrganisation, createNumberedAccessOrganisation, type AccessOrganisation } from "@/tests/integration/accounts/access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const HOUR = 3_600_000;
const database = setUpSignedOutDatabase();
const organisation = () => createNumberedAccessOrganisation(database.db);

/** Resets and mails everyone of the organisation who can get a temporary password; returns the outbox ids. */
async function mailEveryone(org: AccessOrganisation): Promise<string[]> {
  const actor = await actorOf(org.coordinator);
  const attempt = await resetAndEmailTemporaryPasswords(org.organisation.id, actor, { target: { kind: "everyone" }, onlyNeverSignedIn: false, expectedCount: 0 });
  if (attempt.result.outcome !== "refused" || attempt.result.reason !== "countChanged") throw new Error(JSON.stringify(attempt.result));
  const mailing = await resetAndEmailTemporaryPasswords(org.organisation.id, actor, {
    target: { kind: "everyone" },
    onlyNeverSignedIn: false,
    expectedCount: attempt.result.count ?? 0,
  });
  if (mailing.result.outcome !== "done") throw new Error(JSON.stringify(mailing.result));
  return mailing.mailIds;
}

describe("the progress line counts the latest bulk mail of the organisation", () => {
  it("counts sent, failed and pending mails of one batch and names who failed", async () => {
    const org = await organisation();
    const mailIds = await mailEveryone(org);
    expect(mailIds.length).toBeGreaterThanOrEqual(4);
    await database.db.update(outbox).set({ status: "sent", sentAt: new Date() }).where(eq(outbox.id, mailIds[0]));
    const [failed] = await database.db.update(outbox).set({ status: "failed" }).where(eq(outbox.id, mailIds[1])).returning({ personId: outbox.personId });

    const progress = await getLatestMailBatchProgress(org.organisation.id);
    expect(progress).toMatchObject({ total: mailIds.length, sent: 1, failed: 1, pending: mailIds.length - 2 });
    const [person] = await database.db.select().from(people).where(eq(people.id, failed.personId!));
    expect(progress?.failedPeople).toEqual([{ personId: person.id, name: formatPersonName(person) }]);
  });

  it("never counts another organisation's batch, even a newer one", async () => {
    const ours = await organisation();
    const theirs = await organisation();
    const quiet = await organisation();
    const ourMails = await mailEveryone(ours);
    const theirMails = await mailEveryone(theirs);
    expect(theirMails.length).not.toBe(0);
    await database.db.update(outbox).set({ status: "sent" }).where(inArray(outbox.id, ourMails.slice(0, 2)));

    const progress = await getLatestMailBatchProgress(ours.organisation.id);
    expect(progress).toMatchObject({ total: ourMails.length, sent: 2, pending: ourMails.length - 2 });
    expect(await getLatestMailBatchProgress(quiet.organisation.id)).toBeNull();
  });

  it("disappears once every mail of the batch is sent, and after a day", async () => {
    const org = await organisation();
    const mailIds = await mailEveryone(org);
    expect(await getLatestMailBatchProgress(org.organisation.id, new Date(Date.now() + 25 * HOUR))).toBeNull();
    await database.db.update(outbox).set({ status: "sent" }).where(inArray(outbox.id, mailIds));
    expect(await getLatestMailBatchProgress(org.organisation.id)).toBeNull();
  });

  it("does not make a batch of a mail to one person", async () => {
    const org = await organisation();
    const mailing = await sendTemporaryPasswordTo(org.organisation.id, await actorOf(org.coordinator), org.members[0].person.id);
    const [row] = await database.db.select({ batchId: outbox.batchId }).from(outbox).where(eq(outbox.id, mailing.mailIds[0]));
    expect(row.batchId).toBeNull();
    expect(await getLatestMailBatchProgress(org.organisation.id)).toBeNull();
  });

  it("is served to coordinators as JSON and refused to members", async () => {
    const org = await organisation();
    // Actors first: the reset below ends every session but the stubbed one.
    const [coordinator, member] = [await actorOf(org.coordinator), await actorOf(org.members[0])];
    const mailIds = await mailEveryone(org);
    const request = () => progressRoute(new Request("http://localhost:3000/api/mail/batch-progress"), { params: Promise.resolve({}) });

    signInAs(coordinator);
    const answer = await request();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ progress: { total: mailIds.length, sent: 0, failed: 0, pending: mailIds.length } });

    signInAs(member);
    expect((await request()).status).toBe(403);
  });
});

describe("2,000 invitations in one request", () => {
  it("writes 2,000 invitation mails in one transaction and delivers none of them inside it", { timeout: 180_000 }, async () => {
    const organisationRow = await createOrganisation(database.db, { name: "Stichting Groot" });
    const org = await createAccessOrganisation(database.db, "Stichting Groot bestuur");
    // The coordinator acts in the big organisation: move them there with their login.
    const tenantId = organisationRow.id;
    await database.db.update(people).set({ tenantId }).where(eq(people.id, org.coordinator.person.id));
    await database.db.update(users).set({ tenantId }).where(eq(users.id, org.coordinator.user.id));
    const size = 2_000;
    const rows = await database.db
      .insert(people)
      .values(Array.from({ length: size }, (_, i) => buildPerson({ tenantId, role: "member", email: `lid${i}@example.org` })))
      .returning({ id: people.id });
    await database.db.insert(users).values(rows.map((row, i) => ({ tenantId, personId: row.id, username: `lid${i}`, status: "active" as const })));

    const actor = await actorOf(org.coordinator);
    const started = performance.now();
    const mailing = await resetAndEmailTemporaryPasswords(tenantId, actor, { target: { kind: "everyone" }, onlyNeverSignedIn: true, expectedCount: size });
    const elapsed = performance.now() - started;
    // The coordinator is left out (nobody resets their own password here), so exactly the 2,000 members.
    console.info(`2,000 invitations: resetAndEmailTemporaryPasswords took ${Math.round(elapsed)} ms`);

    expect(mailing.result).toMatchObject({ outcome: "done", emailed: size });
    expect(mailing.mailIds).toHaveLength(size);
    const [written] = await database.db
      .select({ total: count() })
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), eq(outbox.template, "invitation"), eq(outbox.status, "pending"), eq(outbox.attempts, 0)));
    expect(written.total).toBe(size);
    const progress = await getLatestMailBatchProgress(tenantId);
    expect(progress).toMatchObject({ total: size, sent: 0, failed: 0, pending: size });
  });
});

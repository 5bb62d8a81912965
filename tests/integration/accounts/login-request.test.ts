import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { addressKey, requestLogin } from "@/lib/accounts/recovery/login-request";
import { redeemLoginTicket } from "@/lib/accounts/queries";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox, rateLimits } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const now = new Date("2026-04-01T09:00:00Z");
let clients = 0;
/** A fresh client address per test, so per-client limits of one test never touch another. */
function newClient(): string {
  clients += 1;
  return `203.0.113.${clients}`;
}

/** Runs the deferred lookup-and-send the way `after()` does once the answer has gone out. */
function deferred() {
  const tasks: (() => Promise<unknown>)[] = [];
  return { defer: (task: () => Promise<unknown>) => void tasks.push(task), run: () => Promise.all(tasks.map((task) => task())), tasks };
}

async function snapshot() {
  const [mail] = await database.db.select({ n: count() }).from(outbox);
  const [tokens] = await database.db.select({ n: count() }).from(accessTokens);
  const limits = await database.db.select().from(rateLimits);
  return { mail: mail.n, tokens: tokens.n, limits };
}

async function household(address: string) {
  const organisation = await createOrganisation(database.db, { name: "Stichting Huisgenoten" });
  const make = (firstName: string, login: Partial<typeof users.$inferInsert> = {}) =>
    createMemberWithLogin(database.db, { tenantId: organisation.id, person: { firstName, lastName: "Jansen", infix: null, email: address }, login });
  const pieter = await make("Pieter");
  const marieke = await make("Marieke");
  const blocked = await make("Lotte", { status: "blocked" });
  const pending = await make("Kees", { status: "pending" });
  return { organisation, pieter, marieke, blocked, pending };
}

describe("login opvragen sends one email per active account on the address", () => {
  it("a shared household address gets one email per active account, each with its own username and working link", async () => {
    const family = await household("familie.jansen@example.org");
    const run = deferred();
    // Typed the way people do: capitals and a pasted space.
    const answer = await requestLogin({ email: " Familie.Jansen@Example.org " }, { clientKey: newClient(), now, defer: run.defer });
    expect(answer).toEqual({ ok: true });
    await run.run();

    const mails = withMailBodies(
      await database.db
        .select()
        .from(outbox)
        .where(inArray(outbox.personId, [family.pieter.person.id, family.marieke.person.id, family.blocked.person.id, family.pending.person.id])),
    );
    expect(mails).toHaveLength(2);
    expect(mails.map((mail) => mail.personId).sort()).toEqual([family.pieter.person.id, family.marieke.person.id].sort());
    for (const mail of mails) {
      const owner = mail.personId === family.pieter.person.id ? family.pieter : family.marieke;
      expect(mail.template).toBe("login-request");
      expect(mail.toAddress).toBe("familie.jansen@example.org");
      expect(mail.text).toContain(owner.user.username);
      expect(mail.text).toContain("Stuur deze e-mail niet door");
      const link = /http:\/\/localhost:3000\/l\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      if (!link) throw new Error("no sign-in link in the mail");
      const opened = await signInWithLink(link, now);
      if (!opened.ok || opened.kind !== "session") throw new Error("the link did not sign in");
      expect((await redeemLoginTicket(opened.ticket, now))?.userId).toBe(owner.user.id);
    }
  });

  it("an unknown address gets the same answer, and nothing is sent", async () => {
    const run = deferred();
    const before = await snapshot();
    const answer = await requestLogin({ email: "niemand@example.org" }, { clientKey: newClient(), now, defer: run.defer });
    expect(answer).toEqual({ ok: true });
    await run.run();
    const afterwards = await snapshot();
    expect(afterwards.mail).toBe(before.mail);
    expect(afterwards.tokens).toBe(before.tokens);
  });

  it("the lookup and sending wait until after the answer, so known and unknown addresses answer alike", async () => {
    await household("bakker.vandenberg@example.org");
    const known = deferred();
    const unknown = deferred();
    const before = await snapshot();
    const a = await requestLogin({ email: "bakker.vandenberg@example.org" }, { clientKey: newClient(), now, defer: known.defer });
    const b = await requestLogin({ email: "onbekend.adres@example.org" }, { clientKey: newClient(), now, defer: unknown.defer });
    expect(a).toEqual(b);
    // Both did the same work before answering: two counters each, nothing sent yet.
    const afterwards = await snapshot();
    expect(afterwards.mail).toBe(before.mail);
    expect(afterwards.tokens).toBe(before.tokens);
    expect(known.tasks).toHaveLength(1);
    expect(unknown.tasks).toHaveLength(1);
    await known.run();
    await unknown.run();
  });

  it("accounts in another organisation on the same address get their own email with their own organisation", async () => {
    const address = "gedeeld@example.org";
    const first = await createOrganisation(database.db, { name: "Stichting Een" });
    const second = await createOrganisation(database.db, { name: "Stichting Twee" });
    const a = await createMemberWithLogin(database.db, { tenantId: first.id, person: { email: address } });
    const b = await createMemberWithLogin(database.db, { tenantId: second.id, person: { email: address } });
    const run = deferred();
    await requestLogin({ email: address }, { clientKey: newClient(), now, defer: run.defer });
    await run.run();
    const mails = await database.db.select().from(outbox).where(inArray(outbox.personId, [a.person.id, b.person.id]));
    expect(mails.map((mail) => [mail.personId, mail.tenantId]).sort()).toEqual(
      [
        [a.person.id, first.id],
        [b.person.id, second.id],
      ].sort(),
    );
  });
});

describe("bad input gets a clear message and changes nothing", () => {
  it.each([
    { label: "no address at all", email: undefined, error: "required" },
    { label: "an empty address", email: "", error: "required" },
    { label: "only spaces", email: "   ", error: "required" },
    { label: "a name without @", email: "jan", error: "invalidEmail" },
    { label: "nothing after @", email: "jan@", error: "invalidEmail" },
    { label: "nothing before @", email: "@example.org", error: "invalidEmail" },
    { label: "two @ signs", email: "jan@@example.org", error: "invalidEmail" },
    { label: "a space inside", email: "jan jansen@example.org", error: "invalidEmail" },
    { label: "a 10 kB address", email: `${"a".repeat(10_240)}@example.org`, error: "invalidEmail" },
    { label: "not text", email: 42, error: "required" },
  ])("$label is refused ($error)", async ({ email, error }) => {
    const run = deferred();
    const before = await snapshot();
    expect(await requestLogin({ email }, { clientKey: newClient(), now, defer: run.defer })).toEqual({ ok: false, error });
    expect(run.tasks).toHaveLength(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe("login opvragen is rate limited", () => {
  it("per address: the sixth request within an hour is refused, whichever client asks; an hour later it works again", async () => {
    const address = "veelgevraagd@example.org";
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await requestLogin({ email: address }, { clientKey: newClient(), now, defer: () => {} }));
    expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
    expect(answers[5]).toMatchObject({ ok: false, error: "rateLimited" });
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await requestLogin({ email: address }, { clientKey: newClient(), now: later, defer: () => {} })).toEqual({ ok: true });
  });

  it("per client: the eleventh request within a minute is refused, for any address", async () => {
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await requestLogin({ email: `lid${i}@example.org` }, { clientKey: client, now, defer: () => {} }));
    expect(answers.slice(0, 10).every((answer) => answer.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, error: "rateLimited" });
    expect(answers[10].ok === false && answers[10].error === "rateLimited" && answers[10].retryAfterSeconds).toBeGreaterThan(0);
  });

  it("the counters never hold the address itself, only a hash", async () => {
    await requestLogin({ email: "privacy@example.org" }, { clientKey: newClient(), now, defer: () => {} });
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key);
    expect(keys.some((key) => key.includes("privacy"))).toBe(false);
    expect(keys).toContain(`login-request:address:${addressKey("privacy@example.org")}`);
    const [sample] = await database.db.select({ key: rateLimits.key }).from(rateLimits).where(eq(rateLimits.key, `login-request:address:${addressKey("privacy@example.org")}`));
    expect(sample).toBeDefined();
  });
});

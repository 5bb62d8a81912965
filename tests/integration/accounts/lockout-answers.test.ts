// A lock is told to the member and the coordinator, never to whoever types at the sign-in form: the
// form answers the same for an unknown username, a wrong password, a locked and a blocked account;
// the member's lockout email signs in; the coordinator is told by the fallback chain and sees the
// count on the dashboard. Through the real password form action; only Next's request helpers,
// Auth.js's cookie writer and the session are stand-ins, and the texts are the real Dutch ones.
import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { countAccountsNeedingAttention } from "@/lib/accounts/blocking/queries";
import { signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { redeemLoginTicket } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import {
  addPersonToGroup,
  createAssignment,
  createGroup,
  createMemberWithLogin,
  createOrganisation,
  createShift,
} from "@/lib/demo/factories";
import nl from "@/lib/i18n/messages/nl.json";
import en from "@/lib/i18n/messages/en.json";
import { extractLinks } from "@/lib/mail/preview";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { signOut } from "@/tests/setup/sign-in-as";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const request = vi.hoisted(() => ({ client: "192.0.2.1", deferred: [] as Array<() => Promise<void>> }));
vi.mock("@/lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/client", () => ({ getClientKey: async () => request.client }));
vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next/server", () => ({ after: (task: () => Promise<void>) => void request.deferred.push(task) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { signInWithPassword } = await import("@/lib/accounts/sign-in/actions");

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";
const signInTexts = createTranslator({ locale: "nl", messages: nl, namespace: "signIn" });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
let clientNumber = 0;
beforeEach(() => {
  // A fresh client per test, so the per-client limit of the form never decides an answer here.
  clientNumber += 1;
  request.client = `198.51.100.${clientNumber}`;
  request.deferred.length = 0;
  signOut();
});

function postPasswordForm(username: string, pass: string) {
  return signInWithPassword({}, formOf({ username, password: pass }));
}

async function runDeferred(): Promise<void> {
  for (const task of request.deferred.splice(0)) await task();
}

/** Five wrong passwords through the form, and what `after` deferred (the notices) run. */
async function lockThroughForm(username: string): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) await postPasswordForm(username, `fout-${attempt}`);
  await runDeferred();
}

async function lockDirectly(username: string): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) await checkPassword(passwordSignInSchema.parse({ username, password: `fout-${attempt}` }));
}

async function mailsOf(tenantId: string, template: "account-locked" | "account-locked-coordinator") {
  return withMailBodies(
    await database.db
      .select({ id: outbox.id, toAddress: outbox.toAddress, personId: outbox.personId, subject: outbox.subject, sealedBody: outbox.sealedBody })
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), eq(outbox.template, template))),
  );
}

describe("anonymous callers get one answer", () => {
  it("an unknown username, a wrong password, a locked and a blocked account get the identical ‘klopt niet’ answer", async () => {
    const organisation = await createOrganisation(database.db);
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "antwoord.fout", password });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "antwoord.slot", password });
    const blocked = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "antwoord.blok", password });
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, blocked.user.id));
    await lockThroughForm("antwoord.slot");
    request.client = "198.51.100.250";

    const answers = {
      unknown: await postPasswordForm("antwoord.onbekend", "fout-wachtwoord"),
      wrong: await postPasswordForm("antwoord.fout", "fout-wachtwoord"),
      lockedWrong: await postPasswordForm("antwoord.slot", "fout-wachtwoord"),
      lockedRight: await postPasswordForm("antwoord.slot", password),
      blockedWrong: await postPasswordForm("antwoord.blok", "fout-wachtwoord"),
      blockedRight: await postPasswordForm("antwoord.blok", password),
    };
    const invalid = signInTexts("invalid");
    expect(answers).toEqual({
      unknown: { error: invalid, username: "antwoord.onbekend" },
      wrong: { error: invalid, username: "antwoord.fout" },
      lockedWrong: { error: invalid, username: "antwoord.slot" },
      lockedRight: { error: invalid, username: "antwoord.slot" },
      blockedWrong: { error: invalid, username: "antwoord.blok" },
      blockedRight: { error: invalid, username: "antwoord.blok" },
    });
    // The same at the layer below, and no word about a lock anywhere in the sign-in texts.
    for (const [username, pass] of [
      ["antwoord.onbekend", password],
      ["antwoord.fout", "fout-wachtwoord"],
      ["antwoord.slot", password],
      ["antwoord.blok", password],
    ]) {
      expect(await checkPassword(passwordSignInSchema.parse({ username, password: pass }))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(Object.keys(nl.signIn)).not.toContain("locked");
    expect(Object.keys(en.signIn)).not.toContain("locked");
  });

  it("the wrong password that locks the account answers like any other, and its notices are written after the answer", async () => {
    const organisation = await createOrganisation(database.db);
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "antwoord.vijfde", password });
    for (let attempt = 1; attempt <= 4; attempt++) await postPasswordForm("antwoord.vijfde", `fout-${attempt}`);
    expect(request.deferred).toHaveLength(0);
    expect(await postPasswordForm("antwoord.vijfde", "fout-5")).toEqual({ error: signInTexts("invalid"), username: "antwoord.vijfde" });
    expect(await mailsOf(organisation.id, "account-locked")).toHaveLength(0);
    expect(request.deferred).toHaveLength(1);
    await runDeferred();
    expect(await mailsOf(organisation.id, "account-locked")).toHaveLength(1);
  });
});

describe("the lockout email", () => {
  it("its button signs the member in with a 7-day link, while password sign-in stays locked", async () => {
    const organisation = await createOrganisation(database.db);
    const { user, person } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "knop.slot", password });
    const started = new Date();
    await lockThroughForm("knop.slot");
    const [notice] = await mailsOf(organisation.id, "account-locked");
    expect(notice.toAddress).toBe(person.email);
    expect(notice.text).toContain("knop.slot");
    const link = extractLinks(notice.html).find((href) => href.startsWith("http://localhost:3000/l/"));
    if (!link) throw new Error("the lockout email has no sign-in button");
    expect(extractLinks(notice.html)).not.toContain("http://localhost:3000/sign-in/forgot");
    const token = link.slice("http://localhost:3000/l/".length);

    const opened = await signInWithLink(token);
    if (!opened.ok || opened.kind !== "session") throw new Error(`expected a session, got ${JSON.stringify(opened)}`);
    expect((await redeemLoginTicket(opened.ticket))?.userId).toBe(user.id);
    // A link like every member email's: 7 days, this account only.
    const [row] = await database.db
      .select({ expiresAt: accessTokens.expiresAt, userId: accessTokens.userId })
      .from(accessTokens)
      .where(and(eq(accessTokens.userId, user.id), eq(accessTokens.purpose, "sign_in")));
    expect(row.expiresAt.getTime() - started.getTime()).toBeGreaterThan(6.9 * 24 * 60 * 60 * 1000);
    expect(row.expiresAt.getTime() - started.getTime()).toBeLessThan(7.1 * 24 * 60 * 60 * 1000);
    // The link does not unlock the password: a reset or the coordinator does.
    const [login] = await database.db.select({ lockedAt: users.lockedAt }).from(users).where(eq(users.id, user.id));
    expect(login.lockedAt).not.toBeNull();
    expect(await checkPassword(passwordSignInSchema.parse({ username: "knop.slot", password }))).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("the coordinator hears of the lock", () => {
  it("the coordinator of the member's next shift is told, with a button to the locked accounts", async () => {
    const organisation = await createOrganisation(database.db);
    const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
    const member = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "ketting.dienst", password });
    const later = await createShift(database.db, { tenantId: organisation.id, startsAt: new Date(Date.now() + 5 * 24 * 60 * 60 * 1000) });
    const next = await createShift(database.db, {
      tenantId: organisation.id,
      coordinatorId: coordinator.person.id,
      startsAt: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000),
    });
    for (const shift of [later, next]) await createAssignment(database.db, { tenantId: organisation.id, shiftId: shift.id, personId: member.person.id });
    await lockDirectly("ketting.dienst");
    const notices = await mailsOf(organisation.id, "account-locked-coordinator");
    expect(notices.map((notice) => [notice.toAddress, notice.personId])).toEqual([[coordinator.person.email, coordinator.person.id]]);
    expect(notices[0].text).toContain("ketting.dienst");
    expect(extractLinks(notices[0].html)).toContain("http://localhost:3000/dashboard/people?status=locked");
  });

  it("without a coming shift the member's group address is told, else the organisation's address", async () => {
    const organisation = await createOrganisation(database.db, { email: "kantoor@slot.example.org" });
    const group = await createGroup(database.db, { tenantId: organisation.id, name: "Keuken", email: "keuken@slot.example.org" });
    const inGroup = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "ketting.groep", password });
    await addPersonToGroup(database.db, { tenantId: organisation.id, groupId: group.id, personId: inGroup.person.id });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "ketting.los", password });
    await lockDirectly("ketting.groep");
    await lockDirectly("ketting.los");
    const notices = await mailsOf(organisation.id, "account-locked-coordinator");
    expect(notices.map((notice) => notice.toAddress).sort()).toEqual(["kantoor@slot.example.org", "keuken@slot.example.org"]);
  });

  it("a member without an email address is still reported to the coordinator", async () => {
    const organisation = await createOrganisation(database.db, { email: "kantoor@zonder.example.org" });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "ketting.geen.mail", password, person: { email: null } });
    await lockDirectly("ketting.geen.mail");
    expect(await mailsOf(organisation.id, "account-locked")).toHaveLength(0);
    expect((await mailsOf(organisation.id, "account-locked-coordinator")).map((notice) => notice.toAddress)).toEqual(["kantoor@zonder.example.org"]);
  });

  it("the dashboard counts the locked accounts, the same number the people filter shows", async () => {
    const organisation = await createOrganisation(database.db);
    for (const username of ["teller.een", "teller.twee", "teller.open"]) {
      await createMemberWithLogin(database.db, { tenantId: organisation.id, username, password });
    }
    await lockDirectly("teller.een");
    await lockDirectly("teller.twee");
    expect(await countAccountsNeedingAttention(organisation.id, new Date().toISOString().slice(0, 10))).toEqual({ left: 0, locked: 2 });
  });
});

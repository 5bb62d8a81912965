import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function signIn(username: string, pass: string) {
  return checkPassword(passwordSignInSchema.parse({ username, password: pass }));
}

async function lockNotices(tenantId: string) {
  return withMailBodies(
    await database.db
      .select({ id: outbox.id, toAddress: outbox.toAddress, personId: outbox.personId, subject: outbox.subject, sealedBody: outbox.sealedBody })
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), eq(outbox.template, "account-locked"))),
  );
}

describe("the account-locked notice", () => {
  it("the wrong password that locks the account sends exactly one notice, whatever follows", async () => {
    const organisation = await createOrganisation(database.db);
    const { person } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "Slot.Lid", password });
    for (let attempt = 1; attempt <= 4; attempt++) await signIn("slot.lid", `fout-${attempt}`);
    expect(await lockNotices(organisation.id)).toHaveLength(0);

    // The answer itself does not tell that the account is now locked: the email does.
    expect(await signIn("slot.lid", "fout-5")).toEqual({ ok: false, reason: "invalid" });
    expect(await lockNotices(organisation.id)).toHaveLength(1);

    // More wrong passwords, and the right one, while locked: no second notice.
    await signIn("slot.lid", "fout-6");
    await signIn("slot.lid", "fout-7");
    expect(await signIn("slot.lid", password)).toEqual({ ok: false, reason: "invalid" });
    const notices = await lockNotices(organisation.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].toAddress).toBe(person.email);
    expect(notices[0].personId).toBe(person.id);
  });

  it("names the username, points to ‘forgot password’ and mentions the coordinator; its button is a sign-in link", async () => {
    const organisation = await createOrganisation(database.db, { name: "Stichting Slotgracht" });
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "inhoud.slot", password });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("inhoud.slot", "fout");
    const [notice] = await lockNotices(organisation.id);
    expect(notice.subject).toContain("Stichting Slotgracht");
    expect(notice.text).toContain("inhoud.slot");
    expect(notice.text).toMatch(/coördinator/);
    expect(notice.text).toMatch(/Wachtwoord vergeten/);
    expect(notice.html).toMatch(/http:\/\/localhost:3000\/l\/[A-Za-z0-9_-]{43}/);
  });

  it("follows the organisation's own threshold", async () => {
    const organisation = await createOrganisation(database.db);
    await database.db.execute(
      sql`update organisations set settings = jsonb_set(settings, '{lockoutThreshold}', '2') where id = ${organisation.id}`,
    );
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "streng.slot", password });
    await signIn("streng.slot", "fout");
    expect(await lockNotices(organisation.id)).toHaveLength(0);
    await signIn("streng.slot", "fout");
    expect(await lockNotices(organisation.id)).toHaveLength(1);
  });

  it("a member without an email address is still locked, and no mail is attempted", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      username: "slot.zonder.mail",
      password,
      person: { email: null },
    });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("slot.zonder.mail", "fout");
    const [row] = await database.db.select({ lockedAt: users.lockedAt }).from(users).where(eq(users.id, user.id));
    expect(row.lockedAt).not.toBeNull();
    expect(await lockNotices(organisation.id)).toHaveLength(0);
  });

  it("a blocked member gets no lock notice (they already had the blocked-access notice)", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "slot.geblokkeerd", password });
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("slot.geblokkeerd", "fout");
    expect(await lockNotices(organisation.id)).toHaveLength(0);
  });

  it("an account locked again after being reopened gets a new notice", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "twee.keer.slot", password });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("twee.keer.slot", "fout");
    // What a coordinator's unlock or a completed password reset does to the row.
    await database.db.update(users).set({ lockedAt: null, failedPasswordCount: 0 }).where(eq(users.id, user.id));
    for (let attempt = 1; attempt <= 5; attempt++) await signIn("twee.keer.slot", "fout");
    expect(await lockNotices(organisation.id)).toHaveLength(2);
  });
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActorForSession, redeemLoginTicket } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { users } from "@/lib/db/schema/accounts";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { openSession } from "@/tests/setup/sessions";

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function memberOf(organisation: { id: string }, username: string) {
  return createMemberWithLogin(database.db, { tenantId: organisation.id, username, password });
}

function signInInput(username: string, pass: string) {
  return passwordSignInSchema.parse({ username, password: pass });
}

describe("signing in with username and password", () => {
  it("a member signs in with their username in any letter case and with pasted spaces around it", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await memberOf(organisation, "Jan.deVries");
    const check = await checkPassword(signInInput("  jan.DEVRIES \t", ` ${password} `));
    if (!check.ok || check.kind !== "session") throw new Error("expected a session ticket");
    const claims = await redeemLoginTicket(check.ticket);
    expect(claims?.userId).toBe(user.id);
    const actor = claims ? await getActorForSession(claims) : null;
    expect(actor?.tenantId).toBe(organisation.id);
    expect(actor?.firstName).toBeTruthy();
  });

  it("a sign-in ticket works once", async () => {
    const organisation = await createOrganisation(database.db);
    await memberOf(organisation, "eenmalig");
    const check = await checkPassword(signInInput("eenmalig", password));
    if (!check.ok || check.kind !== "session") throw new Error("expected a session ticket");
    expect(await redeemLoginTicket(check.ticket)).not.toBeNull();
    expect(await redeemLoginTicket(check.ticket)).toBeNull();
  });

  it("a wrong password and an unknown username get the same answer", async () => {
    const organisation = await createOrganisation(database.db);
    await memberOf(organisation, "bekend");
    expect(await checkPassword(signInInput("bekend", "verkeerd-wachtwoord"))).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword(signInInput("onbekend", "verkeerd-wachtwoord"))).toEqual({ ok: false, reason: "invalid" });
  });

  it("a blocked account cannot sign in with the right password", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await memberOf(organisation, "geblokkeerd");
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await checkPassword(signInInput("geblokkeerd", password))).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("lockout after consecutive wrong passwords", () => {
  it("the 6th attempt on a 5-limit organisation is refused even with the right password, with the same answer as a wrong one", async () => {
    const organisation = await createOrganisation(database.db, {});
    const { user } = await memberOf(organisation, "vergeetachtig");
    const answers = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      answers.push(await checkPassword(signInInput("vergeetachtig", `fout-${attempt}`)));
    }
    expect(answers.map((a) => (a.ok ? "ok" : a.reason))).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(await checkPassword(signInInput("vergeetachtig", password))).toEqual({ ok: false, reason: "invalid" });
    const [row] = await database.db.select({ lockedAt: users.lockedAt }).from(users).where(eq(users.id, user.id));
    expect(row.lockedAt).not.toBeNull();
  });

  it("a right password resets the count of wrong ones", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await memberOf(organisation, "bijna");
    for (let attempt = 1; attempt <= 4; attempt++) await checkPassword(signInInput("bijna", "fout"));
    expect((await checkPassword(signInInput("bijna", password))).ok).toBe(true);
    const [row] = await database.db.select({ failed: users.failedPasswordCount }).from(users).where(eq(users.id, user.id));
    expect(row.failed).toBe(0);
  });

  it("follows the organisation's own limit", async () => {
    const organisation = await createOrganisation(database.db);
    await database.db.execute(
      sql`update organisations set settings = jsonb_set(settings, '{lockoutThreshold}', '2') where id = ${organisation.id}`,
    );
    const { user } = await memberOf(organisation, "streng");
    expect(await checkPassword(signInInput("streng", "fout"))).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword(signInInput("streng", "fout"))).toEqual({ ok: false, reason: "invalid" });
    const [row] = await database.db.select({ lockedAt: users.lockedAt }).from(users).where(eq(users.id, user.id));
    expect(row.lockedAt).not.toBeNull();
  });
});

describe("sessions are checked against the database on every request", () => {
  it("a blocked member's existing session is refused on the next request", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await memberOf(organisation, "sessie");
    const claims = await openSession(user);
    expect(await getActorForSession(claims)).not.toBeNull();
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await getActorForSession(claims)).toBeNull();
  });

  it("a session from before a password reset (older session version) is refused", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await memberOf(organisation, "oudesessie");
    const claims = await openSession(user);
    await database.db.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id));
    expect(await getActorForSession(claims)).toBeNull();
  });
});

describe("bad input on the sign-in form", () => {
  it.each([
    { label: "empty username", username: "", password: "x", message: "required" },
    { label: "only spaces as password", username: "jan", password: "   ", message: "required" },
    { label: "a 10 kB username", username: "a".repeat(10_240), password: "x", message: "tooLong" },
    { label: "a 10 kB password", username: "jan", password: "p".repeat(10_240), message: "tooLong" },
  ])("$label is refused with a clear message", ({ username, password: pass, message }) => {
    const result = passwordSignInSchema.safeParse({ username, password: pass });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

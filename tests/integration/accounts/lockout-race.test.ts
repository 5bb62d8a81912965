// The lockout holds when sign-ins race: a password sign-in is granted only while the account is
// unlocked at the moment of the grant, a success never resets the count of an account locked in the
// meantime, wrong passwords count once each and exactly one lock sends the notices. Runs on PGlite and,
// through `npm test -- --only=pg`, on a real PostgreSQL server with real parallel connections.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

// The real Argon2 check, with a hook that runs while it is under way: the window the race lives in.
const verification = vi.hoisted(() => ({ during: null as null | (() => Promise<void>) }));
vi.mock("@/lib/accounts/passwords/hashing", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/accounts/passwords/hashing")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      const valid = await real.verifyPassword(hash, password);
      const during = verification.during;
      verification.during = null;
      if (during) await during();
      return valid;
    },
  };
});

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";
const THRESHOLD = 5;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => {
  verification.during = null;
});

function signIn(username: string, pass: string) {
  return checkPassword(passwordSignInSchema.parse({ username, password: pass }));
}

async function loginState(userId: string) {
  const [row] = await database.db
    .select({ lockedAt: users.lockedAt, failed: users.failedPasswordCount, temporaryUsedAt: users.temporaryPasswordUsedAt })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

async function ticketsOf(userId: string) {
  return database.db
    .select({ id: accessTokens.id })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.purpose, "login_ticket")));
}

/** Login tickets stamped at or after the lock, compared in SQL on the database's own clock (microseconds). */
async function ticketsGrantedAfterLock(userId: string): Promise<number> {
  const [row] = await database.db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.purpose, "login_ticket"), sql`${accessTokens.createdAt} >= ${users.lockedAt}`));
  return row.count;
}

async function noticesOf(tenantId: string, template: "account-locked" | "account-locked-coordinator") {
  return database.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.tenantId, tenantId), eq(outbox.template, template)));
}

describe("the lockout under parallel sign-ins", () => {
  it("the right password in a burst of wrong ones gets no session once the account locks", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "burst.lid", password });
    // 49 wrong passwords and then the right one, all at once. The right one is sent last, so its
    // Argon2 check ends after the wrong ones have locked the account: the race the old code lost.
    const attempts = [...Array.from({ length: 49 }, (_, i) => `fout-${i}`), password];
    const started = Date.now();
    const answers = await Promise.all(attempts.map((attempt) => signIn("burst.lid", attempt)));
    expect(Date.now() - started).toBeLessThan(20_000);

    const state = await loginState(user.id);
    expect(state.lockedAt).not.toBeNull();
    // No session was granted at or after the lock, on the database's clock.
    expect(await ticketsGrantedAfterLock(user.id)).toBe(0);
    const right = answers.at(-1);
    const tickets = await ticketsOf(user.id);
    if (right?.ok) {
      // Granted before the lock: then the count started again from 0 and the lock came later.
      expect(right.kind).toBe("session");
      expect(tickets).toHaveLength(1);
    } else {
      expect(right).toEqual({ ok: false, reason: "invalid" });
      expect(tickets).toHaveLength(0);
    }
    // A success never reset the counter of the locked account, and no failure counted twice or past the lock.
    expect(state.failed).toBe(THRESHOLD);
    for (const answer of answers.slice(0, -1)) expect(answer).toEqual({ ok: false, reason: "invalid" });
    // Exactly one lock, so exactly one notice to the member and one to the coordinator.
    expect(await noticesOf(organisation.id, "account-locked")).toHaveLength(1);
    expect(await noticesOf(organisation.id, "account-locked-coordinator")).toHaveLength(1);
  });

  it("a right password verified just before the account locks is refused at the grant, and the count stays", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "net.op.slot", password });
    // While this sign-in's Argon2 check runs, other requests' wrong passwords lock the account.
    verification.during = async () => {
      for (let attempt = 1; attempt <= THRESHOLD; attempt++) await signIn("net.op.slot", `fout-${attempt}`);
    };
    expect(await signIn("net.op.slot", password)).toEqual({ ok: false, reason: "invalid" });
    const state = await loginState(user.id);
    expect(state.lockedAt).not.toBeNull();
    expect(state.failed).toBe(THRESHOLD);
    expect(await ticketsOf(user.id)).toHaveLength(0);
  });

  it("a temporary password verified just before the account locks is refused and keeps its one use", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, {
      tenantId: organisation.id,
      username: "tijdelijk.op.slot",
      password,
      login: { mustChangePassword: true, temporaryPasswordExpiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) },
    });
    verification.during = async () => {
      await database.db.update(users).set({ lockedAt: new Date(), failedPasswordCount: THRESHOLD }).where(eq(users.id, user.id));
    };
    expect(await signIn("tijdelijk.op.slot", password)).toEqual({ ok: false, reason: "invalid" });
    expect((await loginState(user.id)).temporaryUsedAt).toBeNull();
    expect(await ticketsOf(user.id)).toHaveLength(0);
  });

  it("wrong passwords sent at once are each counted once, and lock exactly at the threshold", async () => {
    const organisation = await createOrganisation(database.db);
    await database.db.execute(sql`update organisations set settings = jsonb_set(settings, '{lockoutThreshold}', '20') where id = ${organisation.id}`);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "tien.tegelijk", password });
    await Promise.all(Array.from({ length: 10 }, (_, i) => signIn("tien.tegelijk", `fout-${i}`)));
    const state = await loginState(user.id);
    expect(state.failed).toBe(10);
    expect(state.lockedAt).toBeNull();
  });
});

// The three database drivers (PGlite, node-postgres, Neon over WebSocket) behave the same for what the
// app relies on: rollback, interactive transactions with row locks, extensions and tenant rows.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { assertDatabaseReachable } from "@/lib/db/health";
import { defaultOrganisationSettings, groups, organisations, people, providers } from "@/lib/db/schema/all";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { selectRows } from "@/tests/setup/raw-rows";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // Not part of the app's schema: a plain counter for the locking tests, in this file's own database.
  await db.execute(sql`CREATE TABLE lock_test_counters (name text PRIMARY KEY, value integer NOT NULL)`);
});

afterAll(async () => {
  await database?.close();
});

async function createOrganisation(slug: string): Promise<{ providerId: string; organisationId: string }> {
  const [provider] = await db.insert(providers).values({ name: `Provider ${slug}`, slug: `provider-${slug}` }).returning({ id: providers.id });
  const [organisation] = await db
    .insert(organisations)
    .values({ providerId: provider.id, name: `Stichting ${slug}`, slug })
    .returning({ id: organisations.id });
  return { providerId: provider.id, organisationId: organisation.id };
}

async function createCounter(name: string): Promise<void> {
  await db.execute(sql`INSERT INTO lock_test_counters (name, value) VALUES (${name}, 0)`);
}

async function readCounter(name: string): Promise<number> {
  const [row] = await selectRows<{ value: number }>(db, sql`SELECT value FROM lock_test_counters WHERE name = ${name}`);
  return Number(row?.value);
}

/** Reads the counter with a row lock, lets the event loop run, then writes value + 1: a lost update without the lock. */
async function incrementWithRowLock(name: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [locked] = await selectRows<{ value: number }>(tx, sql`SELECT value FROM lock_test_counters WHERE name = ${name} FOR UPDATE`);
    const current = Number(locked.value);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await tx.execute(sql`UPDATE lock_test_counters SET value = ${current + 1} WHERE name = ${name}`);
  });
}

describe("the test database", () => {
  it("uses the driver the test run asked for", () => {
    expect(database.driver).toBe(process.env.TEST_DATABASE_DRIVER || "pglite");
  });

  it("is the database the app's getDb() returns", async () => {
    expect(await getDb()).toBe(db);
  });

  it("passes the reachability check the CLI and dev script run at start-up", async () => {
    await expect(assertDatabaseReachable({ db, driver: database.driver, close: async () => {} })).resolves.toBeUndefined();
  });

  it("starts with the migrations applied and no rows", async () => {
    const count = await db.$count(organisations);
    expect(count).toBe(0);
  });
});

describe("transactions", () => {
  it("a transaction that throws rolls back everything it wrote", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(providers).values({ name: "Teruggedraaid", slug: "rolled-back" });
        const inside = await tx.select({ id: providers.id }).from(providers).where(eq(providers.slug, "rolled-back"));
        expect(inside).toHaveLength(1);
        throw new Error("stop here");
      }),
    ).rejects.toThrow("stop here");

    const after = await db.select({ id: providers.id }).from(providers).where(eq(providers.slug, "rolled-back"));
    expect(after).toEqual([]);
  });

  it("a failed statement inside a transaction rolls back the statements before it", async () => {
    await db.insert(providers).values({ name: "Bestaand", slug: "existing" });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(providers).values({ name: "Nieuw", slug: "new-before-failure" });
        await tx.insert(providers).values({ name: "Dubbel", slug: "existing" });
      }),
    ).rejects.toThrow();

    const after = await db.select({ slug: providers.slug }).from(providers).where(eq(providers.slug, "new-before-failure"));
    expect(after).toEqual([]);
  });

  it("an interactive transaction reads a row FOR UPDATE, decides in code and writes it back", async () => {
    await createCounter("interactive");
    const seen = await db.transaction(async (tx) => {
      const [locked] = await selectRows<{ value: number }>(tx, sql`SELECT value FROM lock_test_counters WHERE name = 'interactive' FOR UPDATE`);
      const current = Number(locked.value);
      if (current === 0) {
        await tx.execute(sql`UPDATE lock_test_counters SET value = 41 WHERE name = 'interactive'`);
      }
      await tx.execute(sql`UPDATE lock_test_counters SET value = value + 1 WHERE name = 'interactive'`);
      return current;
    });
    expect(seen).toBe(0);
    expect(await readCounter("interactive")).toBe(42);
  });

  it("drizzle's .for('update') locks rows of a schema table inside a transaction", async () => {
    const { organisationId } = await createOrganisation("locked-organisation");
    const renamed = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId))
        .for("update");
      await tx.update(organisations).set({ name: `${row.name} (vergrendeld)` }).where(eq(organisations.id, row.id));
      return row.name;
    });
    expect(renamed).toBe("Stichting locked-organisation");
    const [after] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    expect(after.name).toBe("Stichting locked-organisation (vergrendeld)");
  });

  it("20 concurrent transactions incrementing one counter under a row lock end at exactly 20", async () => {
    await createCounter("concurrent");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => incrementWithRowLock("concurrent")));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await readCounter("concurrent")).toBe(20);
  });
});

describe("extensions", () => {
  it("unaccent() folds accents the way Dutch names need", async () => {
    const [row] = await selectRows<{ folded: string }>(db, sql`SELECT unaccent('Zoë Çelik-Müller, Anaïs van den Hoëk') AS folded`);
    expect(row.folded).toBe("Zoe Celik-Muller, Anais van den Hoek");
  });

  it("pg_trgm similarity() ranks a misspelt name above unrelated ones", async () => {
    const [{ close, far }] = await selectRows<{ close: number; far: number }>(
      db,
      sql`SELECT similarity('janssen', 'jansen') AS close, similarity('janssen', 'bakker') AS far`,
    );
    expect(Number(close)).toBeGreaterThan(0.5);
    expect(Number(far)).toBe(0);
  });

  it("a people search combining unaccent and similarity finds 'Zoë Jansen' from 'zoe janssen'", async () => {
    const { organisationId } = await createOrganisation("search");
    await db.insert(people).values([
      { tenantId: organisationId, firstName: "Zoë", lastName: "Jansen" },
      { tenantId: organisationId, firstName: "Piet", infix: "de", lastName: "Vries" },
      { tenantId: organisationId, firstName: "Fatma", lastName: "Yılmaz" },
    ]);
    const term = "zoe janssen";
    const score = sql<number>`similarity(unaccent(lower(${people.firstName} || ' ' || ${people.lastName})), unaccent(lower(${term})))`;
    const found = await db
      .select({ firstName: people.firstName, lastName: people.lastName, score })
      .from(people)
      .where(and(eq(people.tenantId, organisationId), sql`${score} > 0.3`))
      .orderBy(sql`${score} DESC`);
    expect(found.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(["Zoë Jansen"]);
  });
});

describe("tenant rows", () => {
  it("a provider and an organisation insert and read back with their defaults", async () => {
    const { providerId, organisationId } = await createOrganisation("read-back");
    const [row] = await db
      .select({
        providerId: organisations.providerId,
        name: organisations.name,
        timeZone: organisations.timeZone,
        locale: organisations.locale,
        settings: organisations.settings,
        createdAt: organisations.createdAt,
      })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    expect(row).toMatchObject({
      providerId,
      name: "Stichting read-back",
      timeZone: "Europe/Amsterdam",
      locale: "nl",
      settings: defaultOrganisationSettings,
    });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("group names are unique per tenant, ignoring case, but may repeat across tenants", async () => {
    const first = await createOrganisation("tenant-one");
    const second = await createOrganisation("tenant-two");
    await db.insert(groups).values({ tenantId: first.organisationId, name: "Keuken" });
    await expect(db.insert(groups).values({ tenantId: first.organisationId, name: "keuken" })).rejects.toThrow();
    await db.insert(groups).values({ tenantId: second.organisationId, name: "KEUKEN" });

    const rows = await db
      .select({ tenantId: groups.tenantId, name: groups.name })
      .from(groups)
      .where(eq(sql`lower(${groups.name})`, "keuken"));
    // Compared without ORDER BY: case ordering depends on the server's collation.
    expect(Object.fromEntries(rows.map((r) => [r.tenantId, r.name]))).toEqual({
      [first.organisationId]: "Keuken",
      [second.organisationId]: "KEUKEN",
    });
  });

  it("rows of one tenant are not returned when filtering by another tenant", async () => {
    const mine = await createOrganisation("mine");
    const theirs = await createOrganisation("theirs");
    await db.insert(people).values([
      { tenantId: mine.organisationId, firstName: "Mijn", lastName: "Lid" },
      { tenantId: theirs.organisationId, firstName: "Hun", lastName: "Lid" },
    ]);
    const visible = await db.select({ firstName: people.firstName }).from(people).where(eq(people.tenantId, mine.organisationId));
    expect(visible).toEqual([{ firstName: "Mijn" }]);
  });
});

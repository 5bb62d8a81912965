// The demo seed: a complete, valid demo organisation on an empty database, loaded once and only once.
import { TZDate } from "@date-fns/tz";
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/accounts/passwords/hashing";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, photos } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations, organisations } from "@/lib/db/schema/tenancy";
import { demoLogins, DEMO_ORGANISATION_SLUG, DEMO_PASSWORD } from "@/lib/demo/logins";
import { hasAnyOrganisation, seedDemo, type SeedDemoResult } from "@/lib/demo/seed";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

// A Wednesday four days before the spring DST switch (29 March 2026), so the six weeks cross it.
const now = new Date("2026-03-25T10:00:00Z");

let database: TestDatabase;
let db: Db;
let first: SeedDemoResult;
let tenantId: string;
let seedMs: number;

async function countRows(): Promise<Record<string, number>> {
  const tables = { people, users, photos, groups, groupMembers, locations, shifts, assignments, organisations };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = Number(row.n);
  }
  return counts;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const started = Date.now();
  first = await seedDemo(db, { now });
  seedMs = Date.now() - started;
  tenantId = first.organisationId;
});

afterAll(async () => {
  await database?.close();
});

describe("the demo seed on an empty database", () => {
  it("creates Stichting Samen Sterk with three groups and two locations, quickly", async () => {
    expect(first.created).toBe(true);
    expect(seedMs).toBeLessThan(10_000);
    const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_ORGANISATION_SLUG));
    expect(organisation).toMatchObject({ name: "Stichting Samen Sterk", timeZone: "Europe/Amsterdam" });
    expect(organisation.email).toMatch(/@/);
    const groupRows = await db.select({ name: groups.name, email: groups.email }).from(groups).where(eq(groups.tenantId, tenantId));
    expect(groupRows.map((g) => g.name).sort()).toEqual(["Buurthuis", "Maaltijden", "Vervoer"]);
    expect(groupRows.some((g) => g.email !== null)).toBe(true);
    const locationRows = await db.select({ name: locations.name }).from(locations).where(eq(locations.tenantId, tenantId));
    expect(locationRows.map((l) => l.name).sort()).toEqual(["Buurthuis De Linde", "Wijkcentrum Het Anker"]);
    expect(await hasAnyOrganisation(db)).toBe(true);
  });

  it("creates about sixty members with Dutch names, phone numbers and postcodes", async () => {
    const rows = await db.select().from(people).where(eq(people.tenantId, tenantId));
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(rows.length).toBeLessThanOrEqual(65);
    expect(rows.filter((p) => p.infix !== null).length).toBeGreaterThan(10);
    const infixes = new Set(rows.map((p) => p.infix));
    for (const infix of ["van", "de", "van der", "van den", "ter"]) expect(infixes).toContain(infix);
    const firstNames = rows.map((p) => p.firstName);
    for (const accented of ["Zoë", "Noël"]) expect(firstNames).toContain(accented);
    for (const person of rows) {
      expect(person.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      expect(person.postcode).not.toMatch(/ S[ADS]$/);
      expect(person.phone).toMatch(/^06 \d{8}$/);
      expect(person.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/);
    }
    const roles = rows.map((p) => p.role);
    expect(roles.filter((r) => r === "coordinator")).toHaveLength(1);
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
  });

  it("puts two households on one shared email address each", async () => {
    const shared = await db
      .select({ email: sql<string>`lower(${people.email})`, members: count(), addresses: sql<number>`count(distinct ${people.address})::int` })
      .from(people)
      .where(eq(people.tenantId, tenantId))
      .groupBy(sql`lower(${people.email})`)
      .having(sql`count(*) > 1`);
    expect(shared).toHaveLength(2);
    for (const household of shared) {
      expect(Number(household.members)).toBeGreaterThanOrEqual(2);
      expect(Number(household.members)).toBeLessThanOrEqual(3);
      expect(Number(household.addresses)).toBe(1);
    }
  });

  it("gives most members a generated photo in both sizes", async () => {
    const withPhoto = await db
      .select({ large: photos.large, small: photos.small, tenantId: photos.tenantId, personId: photos.personId, owner: people.id })
      .from(people)
      .innerJoin(photos, eq(photos.id, people.photoId))
      .where(eq(people.tenantId, tenantId));
    expect(withPhoto.length).toBe(first.photos);
    expect(withPhoto.length).toBeGreaterThan(first.people * 0.6);
    for (const photo of withPhoto) {
      expect(photo.tenantId).toBe(tenantId);
      expect(photo.personId).toBe(photo.owner);
    }
    const large = await sharp(withPhoto[0].large).metadata();
    const small = await sharp(withPhoto[0].small).metadata();
    expect([large.format, large.width, large.height]).toEqual(["webp", 512, 512]);
    expect([small.format, small.width, small.height]).toEqual(["webp", 128, 128]);
  });

  it("gives every member an active login, and only the demo accounts a password", async () => {
    const logins = await db.select().from(users).where(eq(users.tenantId, tenantId));
    expect(logins).toHaveLength(first.people);
    expect(logins.every((u) => u.status === "active")).toBe(true);
    const lowered = logins.map((u) => u.username.toLowerCase());
    expect(new Set(lowered).size).toBe(lowered.length);
    expect(logins.filter((u) => u.passwordHash !== null).map((u) => u.username).sort()).toEqual(
      demoLogins.map((l) => l.username).sort(),
    );
  });

  it("lets each demo account sign in with the demo password, with its role", async () => {
    for (const login of demoLogins) {
      const [row] = await db
        .select({ passwordHash: users.passwordHash, role: people.role })
        .from(users)
        .innerJoin(people, eq(people.id, users.personId))
        .where(sql`lower(${users.username}) = ${login.username}`);
      expect(row.role).toBe(login.role);
      expect(await verifyPassword(row.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
    const [member] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, "demo.lid"));
    expect(await verifyPassword(member.hash ?? "", "wrong-password")).toBe(false);
  });

  it("plans six weeks of shifts: past, open, full and group-restricted ones", async () => {
    const rows = await db
      .select({
        startsAt: shifts.startsAt,
        endsAt: shifts.endsAt,
        needed: shifts.needed,
        groupId: shifts.groupId,
        cancelledAt: shifts.cancelledAt,
        filled: count(assignments.id),
      })
      .from(shifts)
      .leftJoin(assignments, eq(assignments.shiftId, shifts.id))
      .where(eq(shifts.tenantId, tenantId))
      .groupBy(shifts.id);
    const day = 24 * 60 * 60 * 1000;
    const live = rows.filter((s) => s.cancelledAt === null);
    const past = live.filter((s) => s.endsAt < now);
    const coming = live.filter((s) => s.startsAt > now);
    expect(Math.min(...rows.map((s) => s.startsAt.getTime()))).toBeLessThan(now.getTime() - 14 * day);
    expect(Math.max(...rows.map((s) => s.startsAt.getTime()))).toBeGreaterThan(now.getTime() + 10 * day);
    expect(past.length).toBeGreaterThan(10);
    expect(coming.filter((s) => Number(s.filled) < s.needed).length).toBeGreaterThan(3);
    expect(coming.filter((s) => Number(s.filled) === s.needed).length).toBeGreaterThan(1);
    expect(rows.filter((s) => s.groupId !== null).length).toBeGreaterThan(5);
    expect(rows.filter((s) => s.groupId === null).length).toBeGreaterThan(5);
    expect(rows.every((s) => s.endsAt > s.startsAt && Number(s.filled) <= s.needed)).toBe(true);
    // Wall-clock times stay the same on both sides of the DST switch.
    const localStarts = new Set(rows.map((s) => new TZDate(s.startsAt.getTime(), "Europe/Amsterdam").toTimeString().slice(0, 5)));
    expect([...localStarts].sort()).toEqual(["09:00", "09:30", "10:00", "13:30", "14:00", "16:00", "17:00"]);
  });

  it("only assigns members who may work the shift, each at most once", async () => {
    const outsiders = await db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
      .where(
        and(
          eq(assignments.tenantId, tenantId),
          isNotNull(shifts.groupId),
          sql`not exists (select 1 from ${groupMembers} gm where gm.group_id = ${shifts.groupId} and gm.person_id = ${assignments.personId})`,
        ),
      );
    expect(Number(outsiders[0].n)).toBe(0);
    const signedUpLate = await db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
      .where(sql`${assignments.signedUpAt} > ${shifts.startsAt} or ${assignments.signedUpAt} > ${now}`);
    expect(Number(signedUpLate[0].n)).toBe(0);
  });

  it("gives the demo member coming shifts and worked past ones", async () => {
    const rows = await db
      .select({ startsAt: shifts.startsAt })
      .from(assignments)
      .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
      .innerJoin(users, eq(users.personId, assignments.personId))
      .where(eq(users.username, "demo.lid"));
    expect(rows.filter((s) => s.startsAt > now).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((s) => s.startsAt < now).length).toBeGreaterThanOrEqual(3);
  });
});

describe("running the demo seed again", () => {
  it("changes nothing and creates no duplicates", async () => {
    const before = await countRows();
    const again = await seedDemo(db, { now: new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000) });
    expect(again).toMatchObject({ created: false, organisationId: tenantId });
    expect(await countRows()).toEqual(before);
  });
});

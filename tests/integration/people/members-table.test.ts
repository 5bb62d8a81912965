// The coordinators' members table (/dashboard/people): the tolerant name search of Personen zoeken,
// filters by group, location ("works at") and status, the sortable columns and paging through a large
// organisation, in the same number of statements whatever its size.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { countPeopleByAccessStatus, listGroupOptions, listLocationOptions, listPeopleAccess, PEOPLE_PAGE_SIZE, type PeopleAccessFilter } from "@/lib/accounts/blocking/queries";
import { todayIn } from "@/lib/dates";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import {
  addPersonToGroup,
  buildPerson,
  createAssignment,
  createGroup,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createPerson,
  createShift,
} from "@/lib/demo/factories";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const now = new Date();
const today = todayIn("Europe/Amsterdam", now);
const DAY = 24 * 3_600_000;

async function list(tenantId: string, filter: Partial<PeopleAccessFilter>) {
  return listPeopleAccess(tenantId, { status: "all", page: 1, ...filter }, today, now);
}

const names = (rows: Array<{ firstName: string; lastName: string }>) => rows.map((row) => `${row.firstName} ${row.lastName}`);

describe("searching the members table", () => {
  it("a misspelt or accent-less name still finds the member, the same way Personen zoeken does", async () => {
    const organisation = await createOrganisation(database.db, { name: "Zoekstichting" });
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Zoë", infix: "de", lastName: "Vries" });
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Pieter", lastName: "Jansen" });
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Karin", lastName: "Bakker" });

    expect(names((await list(organisation.id, { search: "jansn" })).rows)).toEqual(["Pieter Jansen"]);
    expect(names((await list(organisation.id, { search: "zoe vreis" })).rows)).toEqual(["Zoë Vries"]);
    expect(names((await list(organisation.id, { search: "de vries" })).rows)).toEqual(["Zoë Vries"]);
  });

  it("a part of a username finds its member too", async () => {
    const organisation = await createOrganisation(database.db, { name: "Gebruikersnamen" });
    const member = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "tuinclub.henk", person: { firstName: "Henk", lastName: "Smit" } });
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Anna", lastName: "Smit" });
    const found = await list(organisation.id, { search: "tuinclub" });
    expect(found.rows.map((row) => row.personId)).toEqual([member.person.id]);
  });
});

describe("filtering the members table", () => {
  it("the group filter shows only that group's members", async () => {
    const organisation = await createOrganisation(database.db, { name: "Groepen" });
    const group = await createGroup(database.db, { tenantId: organisation.id });
    const inGroup = await createPerson(database.db, { tenantId: organisation.id, lastName: "Binnen" });
    await createPerson(database.db, { tenantId: organisation.id, lastName: "Buiten" });
    await addPersonToGroup(database.db, { tenantId: organisation.id, groupId: group.id, personId: inGroup.id });
    const page = await list(organisation.id, { groupId: group.id });
    expect(page.rows.map((row) => row.personId)).toEqual([inGroup.id]);
    expect(page.total).toBe(1);
  });

  it("a member works at a location when rostered there on a shift that is coming or started in the past three months, not on a cancelled one", async () => {
    const organisation = await createOrganisation(database.db, { name: "Locaties" });
    const location = await createLocation(database.db, { tenantId: organisation.id });
    const elsewhere = await createLocation(database.db, { tenantId: organisation.id });
    const at = async (lastName: string, startsAt: Date, options: { locationId?: string; cancelled?: boolean } = {}) => {
      const person = await createPerson(database.db, { tenantId: organisation.id, lastName });
      const shift = await createShift(database.db, {
        tenantId: organisation.id,
        locationId: options.locationId ?? location.id,
        startsAt,
        cancelledAt: options.cancelled ? new Date() : null,
      });
      await createAssignment(database.db, { tenantId: organisation.id, shiftId: shift.id, personId: person.id });
      return person;
    };
    const coming = await at("Komend", new Date(now.getTime() + 5 * DAY));
    const lastMonth = await at("Vorigemaand", new Date(now.getTime() - 30 * DAY));
    await at("Langgeleden", new Date(now.getTime() - 120 * DAY));
    await at("Afgezegd", new Date(now.getTime() + 5 * DAY), { cancelled: true });
    await at("Elders", new Date(now.getTime() + 5 * DAY), { locationId: elsewhere.id });

    const page = await list(organisation.id, { locationId: location.id });
    expect(page.rows.map((row) => row.personId).sort()).toEqual([coming.id, lastMonth.id].sort());
  });

  it("the status filter finds members who left but can still sign in", async () => {
    const organisation = await createOrganisation(database.db, { name: "Vertrekkers" });
    const left = await createMemberWithLogin(database.db, { tenantId: organisation.id, person: { endDate: "2020-01-31" } });
    await createMemberWithLogin(database.db, { tenantId: organisation.id });
    await createPerson(database.db, { tenantId: organisation.id, endDate: "2020-01-31" });
    const page = await list(organisation.id, { status: "left" });
    expect(page.rows.map((row) => row.personId)).toEqual([left.person.id]);
  });
});

describe("sorting the members table", () => {
  it("sorts by name the Dutch way, by last sign-in with the most recent first, and by status with blocked people first", async () => {
    const organisation = await createOrganisation(database.db, { name: "Sorteren" });
    const vries = await createMemberWithLogin(database.db, { tenantId: organisation.id, person: { firstName: "Sanne", infix: "de", lastName: "Vries" }, login: { lastLoginAt: new Date(now.getTime() - 2 * DAY), loginCount: 3 } });
    const bakker = await createMemberWithLogin(database.db, { tenantId: organisation.id, person: { firstName: "Bram", infix: null, lastName: "Bakker" }, login: { lastLoginAt: new Date(now.getTime() - DAY), loginCount: 5 } });
    const mulder = await createMemberWithLogin(database.db, { tenantId: organisation.id, person: { firstName: "Mila", infix: null, lastName: "Mulder" }, login: { status: "blocked", blockedAt: now } });

    expect((await list(organisation.id, {})).rows.map((row) => row.personId)).toEqual([bakker.person.id, mulder.person.id, vries.person.id]);
    expect((await list(organisation.id, { sort: "name", direction: "desc" })).rows.map((row) => row.personId)).toEqual([vries.person.id, mulder.person.id, bakker.person.id]);
    expect((await list(organisation.id, { sort: "lastLogin", direction: "desc" })).rows.map((row) => row.personId)).toEqual([bakker.person.id, vries.person.id, mulder.person.id]);
    expect((await list(organisation.id, { sort: "status" })).rows[0].personId).toBe(mulder.person.id);
  });
});

describe("paging through a large organisation", () => {
  async function organisationOf(size: number) {
    const organisation = await createOrganisation(database.db, { name: `Groot ${size}` });
    const group = await createGroup(database.db, { tenantId: organisation.id });
    await createLocation(database.db, { tenantId: organisation.id });
    const rows = Array.from({ length: size }, () => buildPerson({ tenantId: organisation.id }));
    const inserted = await database.db.insert(people).values(rows).returning({ id: people.id });
    for (const person of inserted.filter((_, index) => index % 2 === 0)) {
      await addPersonToGroup(database.db, { tenantId: organisation.id, groupId: group.id, personId: person.id });
    }
    return { organisation, group };
  }

  it("every member appears exactly once across the pages, a hundred a page when the coordinator asks for a hundred", async () => {
    const { organisation } = await organisationOf(230);
    const pages = [1, 2, 3].map((page) => list(organisation.id, { page, pageSize: 100 }));
    const read = await Promise.all(pages);
    expect(read.map((page) => page.rows.length)).toEqual([100, 100, 30]);
    expect(read[0].pageCount).toBe(3);
    expect(new Set(read.flatMap((page) => page.rows.map((row) => row.personId))).size).toBe(230);
  });

  it("a page shows 25 people unless asked otherwise, and the pages together show everyone once", async () => {
    const { organisation } = await organisationOf(60);
    const read = await Promise.all([1, 2, 3].map((page) => list(organisation.id, { page })));
    expect(PEOPLE_PAGE_SIZE).toBe(25);
    expect(read.map((page) => page.rows.length)).toEqual([25, 25, 10]);
    expect(read[0].pageCount).toBe(3);
    expect(read[0].total).toBe(60);
    expect(new Set(read.flatMap((page) => page.rows.map((row) => row.personId))).size).toBe(60);
  });

  it("the table filtered by a group takes as many statements for 200 members as for 20", async () => {
    const client = (database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    const spy = vi.spyOn(client, "query");
    const statementsFor = async (size: number) => {
      const { organisation, group } = await organisationOf(size);
      spy.mockClear();
      await Promise.all([
        listPeopleAccess(organisation.id, { groupId: group.id, status: "all", page: 1 }, today, now),
        countPeopleByAccessStatus(organisation.id, today),
        listGroupOptions(organisation.id),
        listLocationOptions(organisation.id),
      ]);
      return spy.mock.calls.length;
    };
    const small = await statementsFor(20);
    const large = await statementsFor(200);
    spy.mockRestore();
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

describe("the rows", () => {
  it("show a member's login state beside their name", async () => {
    const organisation = await createOrganisation(database.db, { name: "Rijen" });
    const member = await createMemberWithLogin(database.db, { tenantId: organisation.id, login: { loginCount: 4 } });
    const [login] = await database.db.select().from(users).where(eq(users.id, member.user.id));
    const [row] = (await list(organisation.id, {})).rows;
    expect(row.login?.username).toBe(login.username);
    expect(row.login?.loginCount).toBe(4);
  });
});

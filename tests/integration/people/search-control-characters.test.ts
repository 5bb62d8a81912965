// A NUL byte (or any control character) typed or pasted into a people search is answered with a
// sentence, not a failed query: the search boxes refuse it before anything reaches Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPeopleAccess } from "@/lib/accounts/blocking/queries";
import { peopleFilterSchema } from "@/lib/accounts/blocking/schemas";
import { createOrganisation, createPerson, type Organisation } from "@/lib/demo/factories";
import { DatabaseQueryError } from "@/lib/db/query-errors";
import { getProfileFieldSettings, searchPeople } from "@/lib/people/queries";
import { readSearchQuery } from "@/lib/people/rules";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
let organisation: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Zoeklicht" });
  await createPerson(database.db, { tenantId: organisation.id, firstName: "Sanne", infix: "de", lastName: "Vries" });
});
afterAll(async () => {
  await database.close();
});

describe("a NUL byte in a people search", () => {
  it("the members' search box refuses it with a sentence and asks the database nothing", async () => {
    const { query, refused } = readSearchQuery("Sanne\u0000Vries");
    expect(refused).toBe(true);
    expect(query).toBe("");
  });

  it("sent straight to the database it would fail the query, which is why the box refuses it", async () => {
    const settings = await getProfileFieldSettings(organisation.id);
    await expect(searchPeople(organisation.id, "Sanne\u0000", settings, "2026-06-01")).rejects.toBeInstanceOf(DatabaseQueryError);
  });

  it("the coordinators' people list drops the search and shows everyone instead of failing", async () => {
    const filter = peopleFilterSchema.parse({ q: "Vries\u0000", status: "all", page: "1" });
    expect(filter.q).toBeUndefined();
    const page = await listPeopleAccess(organisation.id, { search: filter.q, groupId: undefined, status: filter.status, page: filter.page }, "2026-06-01");
    expect(page.total).toBe(1);
  });
});

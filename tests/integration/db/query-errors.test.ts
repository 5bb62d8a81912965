// A failing query leaves one short line in the log: the SQLSTATE, never the statement or its
// parameters (tenant ids, search words, addresses), whatever logs the error and however deep.
import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/lib/db/schema/people";
import { createOrganisation, createPerson, type Organisation } from "@/lib/demo/factories";
import { DatabaseQueryError } from "@/lib/db/query-errors";
import type { ProfileField } from "@/lib/db/schema/tenancy";
import { searchPeople } from "@/lib/people/queries";
import type { ProfileFieldSettings } from "@/lib/people/rules";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
let organisation: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Logboek" });
  await createPerson(database.db, { tenantId: organisation.id, firstName: "Sanne", lastName: "Vries", infix: "de" });
});
afterAll(async () => {
  await database.close();
});

/** Everything a logger could print of an error: message, stack, own fields and causes. */
function everythingLogged(error: unknown): string {
  return [String(error), error instanceof Error ? (error.stack ?? "") : "", inspect(error, { depth: 10, showHidden: true })].join("\n");
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

describe("a failing query's error", () => {
  it("a NUL byte in a search word fails without the SQL, the tenant id or the search words in any log line", async () => {
    const error = await failureOf(() =>
      database.db.select({ id: people.id }).from(people).where(sql`${people.tenantId} = ${organisation.id} and ${people.firstName} = ${"geheim\u0000woord"}`),
    );
    expect(error).toBeInstanceOf(DatabaseQueryError);
    const logged = everythingLogged(error);
    for (const secret of ["select", "people", organisation.id, "geheim", "params"]) expect(logged.toLowerCase()).not.toContain(secret.toLowerCase());
    expect((error as Error).message).toMatch(/^Database query failed( \(SQLSTATE \w+\))?$/);
  });

  it("a unique violation keeps its SQLSTATE and constraint, so callers can still tell a conflict, but not the values", async () => {
    const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.tenantId, organisation.id));
    const error = await failureOf(() => database.db.insert(people).values({ id: person.id, tenantId: organisation.id, firstName: "Dubbel", lastName: "Persoon" }));
    expect(error).toMatchObject({ name: "DatabaseQueryError", code: "23505" });
    const logged = everythingLogged(error);
    expect(logged).not.toContain(person.id);
    expect(logged).not.toContain("Dubbel");
    expect(logged.toLowerCase()).not.toContain("insert into");
  });

  it("inside a transaction the error is redacted the same way", async () => {
    const error = await failureOf(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select ${"verborgen\u0000"}::text as x`);
      }),
    );
    expect(everythingLogged(error)).not.toContain("verborgen");
    expect(error).toBeInstanceOf(DatabaseQueryError);
  });

  it("ordinary queries are not touched by the redaction: a search for a name still finds it", async () => {
    const settings: ProfileFieldSettings = { editable: new Set(), visible: new Set<ProfileField>(["firstName", "infix", "lastName"]) };
    const found = await searchPeople(organisation.id, "Sanne", settings, "2026-01-01");
    expect(found.length).toBe(1);
  });
});

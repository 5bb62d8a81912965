// What the tag-expiration tests start from: this file's database (on whichever driver the run chose)
// with two roster organisations, `org`, which the tests change, and `other`, whose tags must stay as they
// were; and how many times a tag has been stamped.
import { eq, sql } from "drizzle-orm";
import { beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import { cacheTagExpirations } from "@/lib/db/schema/platform";
import { setUpTestDatabase } from "@/tests/setup/database";
import { createNumberedRosterOrganisation, type RosterOrganisation } from "../roster/roster-fixtures";

export type TwoOrganisations = {
  readonly db: Db;
  readonly org: RosterOrganisation;
  readonly other: RosterOrganisation;
  /** How many times `tag` has been stamped so far. */
  stampsOf(tag: string): Promise<number>;
};

/**
 * The database and both organisations, made before the file's first test (the database is closed after
 * its last). Read them inside hooks and tests, once they exist.
 */
export function setUpTwoOrganisations(): TwoOrganisations {
  const database = setUpTestDatabase();
  let organisations: { org: RosterOrganisation; other: RosterOrganisation } | undefined;
  beforeAll(async () => {
    organisations = { org: await createNumberedRosterOrganisation(database.db), other: await createNumberedRosterOrganisation(database.db) };
  });
  const current = () => {
    if (!organisations) throw new Error("The organisations exist only inside hooks and tests");
    return organisations;
  };
  return {
    get db() {
      return database.db;
    },
    get org() {
      return current().org;
    },
    get other() {
      return current().other;
    },
    async stampsOf(tag) {
      const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(cacheTagExpirations).where(eq(cacheTagExpirations.tag, tag));
      return row?.count ?? 0;
    },
  };
}

// The page cache's coherence through Postgres: a committed change to an organisation's roster or
// people stamps that organisation's tags once per transaction (deferred triggers), and two cache
// stores (two server instances, each with its own memory) on one database both stop serving a
// fragment built before the change, on their next look, while another organisation's fragments stay.
// Runs unchanged on PGlite, PostgreSQL and Neon.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cacheTagExpirations } from "@/lib/db/schema/platform";
import { assignments } from "@/lib/db/schema/roster";
import { people } from "@/lib/db/schema/people";
import { organisationTag } from "@/lib/cache/tags";
import { databaseTagSource } from "@/lib/cache/tag-source";
// @ts-expect-error -- plain JavaScript module (Next imports it at run time)
import { createCacheHandler } from "@/lib/cache/handler.mjs";
import { createShift } from "@/lib/demo/factories";
import { daysAhead } from "../roster/roster-fixtures";
import { setUpTwoOrganisations } from "./fixtures";

type Handler = {
  get(key: string, softTags: string[]): Promise<{ value: ReadableStream<Uint8Array>; tags: string[] } | undefined>;
  set(key: string, entry: Promise<unknown>): Promise<void>;
  refreshTags(): Promise<void>;
  updateTags(tags: string[]): Promise<void>;
};

const database = setUpTwoOrganisations();

/** A server instance's store on the test database. */
function instance(): Handler {
  const source = databaseTagSource(async () => database.db);
  return createCacheHandler({ source: () => source }) as Handler;
}

function entry(text: string, tags: string[], timestamp = Date.now()) {
  return Promise.resolve({
    value: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    tags,
    stale: 0,
    timestamp,
    expire: 600,
    revalidate: 600,
  });
}

async function read(handler: Handler, key: string): Promise<string | undefined> {
  const found = await handler.get(key, []);
  return found ? new Response(found.value).text() : undefined;
}

/** A moment safely after the last stamp, so a fragment "rendered now" is newer than every change so far. */
async function afterEveryStamp(): Promise<number> {
  const [row] = await database.db.select({ at: sql<number>`coalesce(extract(epoch from max(${cacheTagExpirations.expiredAt})) * 1000, 0)::float8`.mapWith(Number) }).from(cacheTagExpirations);
  return Math.max(Date.now(), (row?.at ?? 0) + 1_500);
}

describe("tag expirations written by the data tables", () => {
  it("a transaction that puts two people on shifts stamps the organisation's roster tag once, and not another organisation's", async () => {
    const shift = await createShift(database.db, { tenantId: database.org.organisation.id, startsAt: daysAhead(3, "10:00"), endsAt: daysAhead(3, "12:00"), needed: 3 });
    const rosterTag = organisationTag(database.org.organisation.id, "roster");
    const before = await database.stampsOf(rosterTag);
    const otherBefore = await database.stampsOf(organisationTag(database.other.organisation.id, "roster"));
    await database.db.transaction(async (tx) => {
      for (const member of database.org.members.slice(0, 2)) {
        await tx.insert(assignments).values({ tenantId: database.org.organisation.id, shiftId: shift.id, personId: member.person.id, source: "self" });
      }
    });
    expect(await database.stampsOf(rosterTag)).toBe(before + 1);
    expect(await database.stampsOf(organisationTag(database.other.organisation.id, "roster"))).toBe(otherBefore);
  });

  it("a rolled-back change stamps nothing", async () => {
    const peopleTag = organisationTag(database.org.organisation.id, "people");
    const before = await database.stampsOf(peopleTag);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(people).set({ firstName: "Tijdelijk" }).where(eq(people.id, database.org.members[2]!.person.id));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await database.stampsOf(peopleTag)).toBe(before);
  });
});

describe("two instances with their own memory on one database", () => {
  it("a change committed through either one makes both miss the organisation's fragment on their next look; another organisation's stays", async () => {
    const a = instance();
    const b = instance();
    const rosterTag = organisationTag(database.org.organisation.id, "roster");
    const otherTag = organisationTag(database.other.organisation.id, "roster");
    const builtAt = await afterEveryStamp();
    for (const handler of [a, b]) {
      await handler.refreshTags();
      await handler.set("week", entry("3 van 4 ingevuld", [rosterTag], builtAt));
      await handler.set("other-week", entry("1 van 2 ingevuld", [otherTag], builtAt));
    }
    // Wait until the fragments are older than the change by more than the margin the handler allows.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, builtAt - Date.now()) + 1_100));
    for (const handler of [a, b]) {
      await handler.refreshTags();
      expect(await read(handler, "week")).toBe("3 van 4 ingevuld");
    }

    // Someone signs off on "instance A": only the database sees it.
    await database.db.delete(assignments).where(eq(assignments.personId, database.org.members[0]!.person.id));

    for (const handler of [a, b]) {
      await handler.refreshTags();
      expect(await read(handler, "week")).toBeUndefined();
      expect(await read(handler, "other-week")).toBe("1 van 2 ingevuld");
    }
  });

  it("a fragment rendered just before a change that commits later is not served after that commit", async () => {
    const b = instance();
    const peopleTag = organisationTag(database.org.organisation.id, "people");
    await b.refreshTags();
    const renderStarted = Date.now();
    // The change commits a moment after the fragment started rendering (so the fragment may lack it).
    await database.db.update(people).set({ phone: "0612345678" }).where(eq(people.id, database.org.members[1]!.person.id));
    await b.set("photo-book", entry("smoelenboek", [peopleTag], renderStarted));
    await b.refreshTags();
    expect(await read(b, "photo-book")).toBeUndefined();
  });

  it("a store that cannot reach its database serves nothing from memory", async () => {
    const broken = createCacheHandler({
      source: () => ({
        expiredSince: () => Promise.reject(new Error("connection refused")),
        expire: () => Promise.resolve(),
      }),
    }) as Handler;
    await broken.set("week", entry("oud", [organisationTag(database.org.organisation.id, "roster")]));
    await broken.refreshTags();
    expect(await read(broken, "week")).toBeUndefined();
  });

  it("an explicit revalidateTag on one instance is written to the database for the other", async () => {
    const a = instance();
    const b = instance();
    const tag = organisationTag(database.other.organisation.id, "people");
    const builtAt = await afterEveryStamp();
    await b.refreshTags();
    await b.set("search", entry("zoekresultaat", [tag], builtAt));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, builtAt - Date.now()) + 1_100));
    await b.refreshTags();
    expect(await read(b, "search")).toBe("zoekresultaat");
    await a.updateTags([tag]);
    await b.refreshTags();
    expect(await read(b, "search")).toBeUndefined();
  });
});

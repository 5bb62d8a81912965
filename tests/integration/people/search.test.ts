// Personen zoeken: tolerant of infixes, accents and small typos, done in Postgres (pg_trgm + unaccent
// over an indexed, normalised name), only within the member's organisation, and selecting only the
// contact fields the admin made visible.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/lib/db/schema/people";
import { createOrganisation, createPerson, type Organisation, type Person } from "@/lib/demo/factories";
import { resolveProfileFieldSettings } from "@/lib/people/rules";
import { searchPeople } from "@/lib/people/queries";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
let organisation: Organisation;
let elsewhere: Organisation;
const byName = new Map<string, Person>();
let outsider: Person;
const today = "2026-06-15";
const defaults = resolveProfileFieldSettings(undefined);

const names = [
  { firstName: "Sanne", infix: "de", lastName: "Vries" },
  { firstName: "Jan", infix: "de", lastName: "Vries" },
  { firstName: "Jan", infix: null, lastName: "Jansen" },
  { firstName: "Pieter", infix: null, lastName: "Jansen" },
  { firstName: "Zoë", infix: "van den", lastName: "Berg" },
  { firstName: "Femke", infix: "van der", lastName: "Meer" },
  { firstName: "Noël", infix: null, lastName: "Bakker" },
  { firstName: "Chloë", infix: "van 't", lastName: "Hof" },
  { firstName: "Youssef", infix: null, lastName: "El Idrissi" },
  { firstName: "Hüseyin", infix: null, lastName: "Yılmaz" },
  { firstName: "Anne-Marie", infix: null, lastName: "Dekker" },
];

function key(person: { firstName: string; infix: string | null; lastName: string }): string {
  return [person.firstName, person.infix, person.lastName].filter(Boolean).join(" ");
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Zoeken" });
  elsewhere = await createOrganisation(database.db, { name: "Stichting Elders" });
  for (const name of names) {
    byName.set(key(name), await createPerson(database.db, { tenantId: organisation.id, ...name, birthDate: "1980-04-17", address: "Kerkstraat 1", postcode: "3811 CV", city: "Amersfoort" }));
  }
  // Not current members: one left before today, one was merged into another record.
  await createPerson(database.db, { tenantId: organisation.id, firstName: "Oud", infix: "de", lastName: "Vries", endDate: "2026-01-01" });
  await createPerson(database.db, { tenantId: organisation.id, firstName: "Dubbel", infix: "de", lastName: "Vries", mergedIntoId: byName.get("Sanne de Vries")?.id });
  outsider = await createPerson(database.db, { tenantId: elsewhere.id, firstName: "Sanne", infix: "de", lastName: "Vries" });
});
afterAll(async () => {
  await database.close();
});

/** Raw SQL results differ per driver in type only: all three return `{ rows }`. */
async function selectRows<Row>(run: Db | Tx, query: SQL): Promise<Row[]> {
  const result: unknown = await run.execute(query);
  const rows = typeof result === "object" && result !== null && "rows" in result ? result.rows : undefined;
  if (!Array.isArray(rows)) throw new Error("The driver returned no rows array");
  return rows;
}

async function find(query: string): Promise<string[]> {
  return (await searchPeople(organisation.id, query, defaults, today)).map(key);
}

describe("searching by name", () => {
  it.each([
    { label: "the last name with its infix", query: "de vries", found: ["Jan de Vries", "Sanne de Vries"] },
    { label: "the last name without its infix", query: "vries", found: ["Jan de Vries", "Sanne de Vries"] },
    { label: "capitals do not matter", query: "DE VRIES", found: ["Jan de Vries", "Sanne de Vries"] },
    { label: "first name, infix and the start of the last name", query: "Jan de V", found: ["Jan de Vries"] },
    { label: "last name first", query: "vries sanne", found: ["Sanne de Vries"] },
    { label: "with a comma, as in a list", query: "Vries, Jan", found: ["Jan de Vries"] },
    { label: "zoe finds Zoë", query: "zoe", found: ["Zoë van den Berg"] },
    { label: "an accent typed where there is none", query: "Zöe", found: ["Zoë van den Berg"] },
    { label: "chloe finds Chloë", query: "chloe", found: ["Chloë van 't Hof"] },
    { label: "noel finds Noël", query: "noel bakker", found: ["Noël Bakker"] },
    { label: "a dotless ı typed as i", query: "yilmaz", found: ["Hüseyin Yılmaz"] },
    { label: "an apostrophe infix", query: "van 't hof", found: ["Chloë van 't Hof"] },
    { label: "an infix of several words", query: "van der meer", found: ["Femke van der Meer"] },
    { label: "a hyphenated first name, typed without the hyphen", query: "anne marie", found: ["Anne-Marie Dekker"] },
    { label: "a typo: a letter missing", query: "jansn", found: ["Jan Jansen", "Pieter Jansen"] },
    { label: "a typo: a wrong letter", query: "vriez", found: ["Jan de Vries", "Sanne de Vries"] },
    { label: "a typo: a letter missing in the middle", query: "bakkr", found: ["Noël Bakker"] },
    { label: "a typo: a letter doubled", query: "Idrissie", found: ["Youssef El Idrissi"] },
    { label: "a typo in a two-part last name", query: "idrisi", found: ["Youssef El Idrissi"] },
    { label: "a typo: two letters swapped", query: "Sanne Vreis", found: ["Sanne de Vries"] },
    { label: "a typo: a letter missing in a short word", query: "Vres", found: ["Jan de Vries", "Sanne de Vries"] },
    { label: "a typo: a wrong and a missing letter", query: "Fmeke", found: ["Femke van der Meer"] },
    { label: "a name one letter off another's is not a typo of it", query: "bakker", found: ["Noël Bakker"] },
    { label: "a name nobody has", query: "Smit", found: [] },
    { label: "an unrelated name", query: "Mohammed", found: [] },
    { label: "an unrelated short name", query: "Kees", found: [] },
    { label: "a word with only punctuation", query: "%_'", found: [] },
  ])("$label: “$query”", async ({ query, found }) => {
    expect((await find(query)).sort()).toEqual([...found].sort());
  });

  it.each([
    { query: "jan", first: ["Jan Jansen", "Jan de Vries"] },
    // "jans" is also a near miss of "Jan" (de Vries), which may follow but never comes first.
    { query: "jans", first: ["Jan Jansen", "Pieter Jansen"] },
    { query: "de v", first: ["Jan de Vries", "Sanne de Vries"] },
  ])("puts names where “$query” starts a word first", async ({ query, first }) => {
    const results = await find(query);
    expect(results.slice(0, first.length).sort()).toEqual([...first].sort());
  });

  it.each([
    { query: "Sanne Vreis", first: ["Sanne de Vries"] },
    // Jan and Sanne de Vries are as near to "Vres"; whoever else it may find comes after them.
    { query: "Vres", first: ["Jan de Vries", "Sanne de Vries"] },
  ])("a typo still puts the person meant first: “$query”", async ({ query, first }) => {
    const results = await find(query);
    expect(results.slice(0, first.length).sort()).toEqual([...first].sort());
  });

  it("never finds people who left before today, or records merged into another", async () => {
    const all = await searchPeople(organisation.id, "vries", defaults, today);
    expect(all.map((person) => person.firstName).sort()).toEqual(["Jan", "Sanne"]);
  });

  it("never finds another organisation's people, even with the same name", async () => {
    const results = await searchPeople(organisation.id, "Sanne de Vries", defaults, today);
    expect(results.map((person) => person.id)).toEqual([byName.get("Sanne de Vries")?.id]);
    expect(results.map((person) => person.id)).not.toContain(outsider.id);
    const theirs = await searchPeople(elsewhere.id, "de vries", defaults, today);
    expect(theirs.map((person) => person.id)).toEqual([outsider.id]);
  });

  it("returns nothing for an empty query, without asking the database", async () => {
    expect(await searchPeople(organisation.id, "  ", defaults, today)).toEqual([]);
  });
});

describe("what a search result holds", () => {
  it("only the contact fields colleagues may see: the others are not even selected", async () => {
    const [sanne] = await searchPeople(organisation.id, "Sanne de Vries", defaults, today);
    expect(Object.keys(sanne.contact).sort()).toEqual(["email", "phone", "photoId"]);
    expect(JSON.stringify(sanne)).not.toContain("1980-04-17");
    expect(JSON.stringify(sanne)).not.toContain("Kerkstraat");
  });

  it.each([
    { label: "nothing but the name", visible: [] as const, keys: [] },
    { label: "birth date and city", visible: ["birthDate", "city"] as const, keys: ["birthDate", "city"] },
    { label: "everything", visible: ["email", "phone", "birthDate", "address", "postcode", "city", "photo"] as const, keys: ["address", "birthDate", "city", "email", "phone", "photoId", "postcode"] },
  ])("with $label visible", async ({ visible, keys }) => {
    const settings = resolveProfileFieldSettings({ editableProfileFields: [], visibleProfileFields: [...visible] });
    const [sanne] = await searchPeople(organisation.id, "Sanne de Vries", settings, today);
    expect(Object.keys(sanne.contact).sort()).toEqual(keys);
    expect(sanne).toMatchObject({ firstName: "Sanne", infix: "de", lastName: "Vries" });
  });
});

describe("the search index", () => {
  it("the trigram index on the normalised name is usable for a search", async () => {
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await selectRows<Record<string, unknown>>(
        tx,
        sql`explain select ${people.id} from ${people} where ploeg_search_key('vries') <% ${people.nameKey}`,
      );
      return rows.map((row) => String(Object.values(row)[0])).join("\n");
    });
    expect(plan).toContain("people_name_key_trgm_col_idx");
  });

  it("the stored search name follows a changed name", async () => {
    const person = await createPerson(database.db, { tenantId: elsewhere.id, firstName: "Chloë", infix: "van 't", lastName: "Hof" });
    const read = async () => (await database.db.select({ key: people.nameKey }).from(people).where(eq(people.id, person.id)))[0]?.key;
    expect(await read()).toBe("chloe van t hof");
    await database.db.update(people).set({ infix: null, lastName: "Vreeswijk" }).where(eq(people.id, person.id));
    expect(await read()).toBe("chloe vreeswijk");
  });

  it.each([
    { input: "Zoë van den Berg", output: "zoe van den berg" },
    { input: "Chloë van ’t Hof", output: "chloe van t hof" },
    { input: "  Anne-Marie   Dekker ", output: "anne marie dekker" },
    { input: "Hüseyin Yılmaz", output: "huseyin yilmaz" },
  ])("the search key of “$input” is “$output”", async ({ input, output }) => {
    const [row] = await selectRows<{ key: string }>(database.db, sql`select ploeg_search_key(${input}) as key`);
    expect(row.key).toBe(output);
  });
});

// What the people pages keep in the page cache for the whole organisation: a colleague, search rows
// and photo book sections hold the visible contact fields only, whoever asks, and nothing of another
// organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationKey } from "@/lib/cache/tags";
import { createAvatarPhoto, createOrganisation, createPerson, type Organisation, type Person } from "@/lib/demo/factories";
import { listPhotoBook, searchPeople } from "@/lib/people/queries";
import { resolveProfileFieldSettings } from "@/lib/people/rules";
import { readColleague, toPhotoBookSections, toSearchResultRow } from "@/lib/people/shared-views";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
let organisation: Organisation;
let elsewhere: Organisation;
let sanne: Person;
let pieter: Person;
let outsider: Person;
const today = "2026-06-15";
const contact = {
  phone: "06 12345678",
  email: "familie@example.org",
  birthDate: "1961-02-03",
  address: "Kerkstraat 12",
  postcode: "3811 CV",
  city: "Amersfoort",
};

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Gedeeld" });
  elsewhere = await createOrganisation(database.db, { name: "Stichting Elders" });
  sanne = await createPerson(database.db, { tenantId: organisation.id, firstName: "Sanne", infix: "de", lastName: "Vries", ...contact });
  pieter = await createPerson(database.db, { tenantId: organisation.id, firstName: "Pieter", infix: null, lastName: "Jansen", ...contact });
  await createAvatarPhoto(database.db, sanne);
  outsider = await createPerson(database.db, { tenantId: elsewhere.id, firstName: "Sanne", infix: "de", lastName: "Vries", ...contact });
});
afterAll(async () => {
  await database.close();
});

describe("a search result row", () => {
  it("holds the name, the photo or the initials, and a call and mail address only when colleagues may see them", async () => {
    const rows = (await searchPeople(organisation.id, "vries", resolveProfileFieldSettings(undefined), today)).map(toSearchResultRow);
    expect(rows).toEqual([
      { id: sanne.id, name: "Sanne de Vries", photo: expect.any(String), phone: ["tel:+31612345678", "06 12345678"], email: "familie@example.org" },
    ]);
    const hidden = resolveProfileFieldSettings({ editableProfileFields: [], visibleProfileFields: ["email"] });
    const [pieterRow] = (await searchPeople(organisation.id, "jansen", hidden, today)).map(toSearchResultRow);
    expect(pieterRow).toEqual({ id: pieter.id, name: "Pieter Jansen", initials: "PJ", email: "familie@example.org" });
  });

  it("leaves out the phone, email and photo the admin hid, and an address, which a result never shows", async () => {
    const settings = resolveProfileFieldSettings({ editableProfileFields: [], visibleProfileFields: ["address", "city"] });
    const rows = (await searchPeople(organisation.id, "vries", settings, today)).map(toSearchResultRow);
    expect(rows).toEqual([{ id: sanne.id, name: "Sanne de Vries", initials: "SV" }]);
  });
});

describe("the photo book sections", () => {
  it("files each face under the letter of the last name, with a photo or initials and the family name with its infix", async () => {
    const book = await listPhotoBook(organisation.id, resolveProfileFieldSettings(undefined), today, null);
    expect(toPhotoBookSections(book.entries)).toEqual([
      { letter: "J", people: [{ id: pieter.id, first: "Pieter", family: "Jansen", initials: "PJ" }] },
      { letter: "V", people: [{ id: sanne.id, first: "Sanne", family: "de Vries", photo: expect.any(String) }] },
    ]);
  });
});

describe("a colleague read for the page cache", () => {
  it("holds the visible contact fields of the organisation's own member", async () => {
    const person = await readColleague(organisationKey(organisation.id), sanne.id, today);
    expect(person).toMatchObject({ firstName: "Sanne", lastName: "Vries" });
    expect(person?.contact).toEqual({ email: "familie@example.org", phone: "06 12345678", photoId: expect.any(String) });
  });

  it("is null for another organisation's person", async () => {
    expect(await readColleague(organisationKey(organisation.id), outsider.id, today)).toBeNull();
  });
});

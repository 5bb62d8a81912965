// The person page, the photo book and the vCard: only the organisation's own current members, only
// the fields colleagues may see, sorted the Dutch way.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addPersonToGroup, createAvatarPhoto, createGroup, createOrganisation, type Group, type Organisation } from "@/lib/demo/factories";
import { resolveProfileFieldSettings } from "@/lib/people/rules";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createMember, setProfileFields, type Member } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const { getColleague, listPhotoBook, listGroups } = await import("@/lib/people/queries");
const { GET: getVCard } = await import("@/app/(member)/my/people/[id]/vcard/route");

let database: TestDatabase;
let organisation: Organisation;
let elsewhere: Organisation;
let group: Group;
let viewer: Member;
let sanne: Member;
const today = "2026-06-15";
const defaults = resolveProfileFieldSettings(undefined);

const members = [
  { firstName: "Sanne", infix: "de", lastName: "Vries" },
  { firstName: "Anouk", infix: null, lastName: "Visser" },
  { firstName: "Zoë", infix: "van den", lastName: "Berg" },
  { firstName: "Pieter", infix: null, lastName: "Jansen" },
  { firstName: "Inès", infix: "de", lastName: "Wit" },
  { firstName: "Bram", infix: null, lastName: "Dekker" },
  { firstName: "Chloë", infix: "van 't", lastName: "Hof" },
  { firstName: "Femke", infix: "van der", lastName: "Meer" },
  { firstName: "Emre", infix: null, lastName: "Özdemir" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Smoelen" });
  elsewhere = await createOrganisation(database.db, { name: "Stichting Elders" });
  group = await createGroup(database.db, { tenantId: organisation.id, name: "Maaltijden" });
  const created: Member[] = [];
  for (const person of members) {
    created.push(
      await createMember(database.db, organisation, {
        ...person,
        phone: "06 12345678",
        email: `${person.firstName.toLowerCase()}@example.org`,
        birthDate: "1961-02-03",
        address: "Kerkstraat 12, achterom",
        postcode: "3811 CV",
        city: "Amersfoort",
      }),
    );
  }
  [sanne] = created;
  viewer = created[1];
  await createAvatarPhoto(database.db, sanne.person);
  await addPersonToGroup(database.db, { tenantId: organisation.id, groupId: group.id, personId: sanne.person.id });
  await addPersonToGroup(database.db, { tenantId: organisation.id, groupId: group.id, personId: created[2].person.id });
  // Someone who left last year, and a namesake in another organisation.
  await createMember(database.db, organisation, { firstName: "Oud", infix: null, lastName: "Lid", endDate: "2025-01-01" });
  await createMember(database.db, elsewhere, { firstName: "Sanne", infix: "de", lastName: "Vries" });
});
afterAll(async () => {
  await database.close();
});

describe("the photo book", () => {
  it("lists everyone current by last name without infix: de Vries under V, van den Berg under B, Özdemir under O", async () => {
    const entries = (await listPhotoBook(organisation.id, defaults, today, null)).entries;
    expect(entries.map((entry) => [entry.infix, entry.lastName].filter(Boolean).join(" "))).toEqual([
      "van den Berg",
      "Dekker",
      "van 't Hof",
      "Jansen",
      "van der Meer",
      "Özdemir",
      "Visser",
      "de Vries",
      "de Wit",
    ]);
  });

  it("shows the photo of those who have one, and null (initials) for the others", async () => {
    const entries = (await listPhotoBook(organisation.id, defaults, today, null)).entries;
    const withPhoto = entries.filter((entry) => entry.photoId !== null).map((entry) => entry.firstName);
    expect(withPhoto).toEqual(["Sanne"]);
  });

  it("filters by group", async () => {
    const entries = (await listPhotoBook(organisation.id, defaults, today, group.id)).entries;
    expect(entries.map((entry) => entry.firstName)).toEqual(["Zoë", "Sanne"]);
  });

  it("a group id of another organisation shows nobody, and is not offered as a filter", async () => {
    const theirs = await createGroup(database.db, { tenantId: elsewhere.id, name: "Hun groep" });
    expect((await listPhotoBook(organisation.id, defaults, today, theirs.id)).entries).toEqual([]);
    expect((await listGroups(organisation.id)).map((option) => option.name)).toEqual(["Maaltijden"]);
  });

  it("comes in pages, with each letter's page, and a page past the end shows the last one", async () => {
    const first = await listPhotoBook(organisation.id, defaults, today, null, 1, 4);
    expect(first.total).toBe(9);
    expect(first.pages).toBe(3);
    expect(first.entries.map((entry) => entry.lastName)).toEqual(["Berg", "Dekker", "Hof", "Jansen"]);
    expect(first.letters).toEqual([
      { letter: "B", page: 1 },
      { letter: "D", page: 1 },
      { letter: "H", page: 1 },
      { letter: "J", page: 1 },
      { letter: "M", page: 2 },
      { letter: "O", page: 2 },
      { letter: "V", page: 2 },
      { letter: "W", page: 3 },
    ]);
    const second = await listPhotoBook(organisation.id, defaults, today, null, 2, 4);
    expect(second.entries.map((entry) => [entry.letter, entry.lastName])).toEqual([
      ["M", "Meer"],
      ["O", "Özdemir"],
      ["V", "Visser"],
      ["V", "Vries"],
    ]);
    const beyond = await listPhotoBook(organisation.id, defaults, today, null, 99, 4);
    expect(beyond.page).toBe(3);
    expect(beyond.entries.map((entry) => entry.lastName)).toEqual(["Wit"]);
  });

  it("leaves photos out when the admin hides them from colleagues", async () => {
    const settings = resolveProfileFieldSettings({ editableProfileFields: [], visibleProfileFields: ["email"] });
    const entries = (await listPhotoBook(organisation.id, settings, today, null)).entries;
    expect(entries.every((entry) => entry.photoId === null)).toBe(true);
  });
});

describe("a colleague's page", () => {
  it("holds the name, the groups and only the visible contact fields", async () => {
    const person = await getColleague(organisation.id, sanne.person.id, defaults, today);
    expect(person).toMatchObject({ firstName: "Sanne", infix: "de", lastName: "Vries", groups: ["Maaltijden"] });
    expect(Object.keys(person?.contact ?? {}).sort()).toEqual(["email", "phone", "photoId"]);
    // Without the ids: a random uuid may hold "1961" or "3811" as well.
    const withoutIds = { ...person, id: undefined, contact: { ...person?.contact, photoId: undefined } };
    expect(JSON.stringify(withoutIds)).not.toMatch(/1961|Kerkstraat|3811/);
  });

  it("is not found for another organisation's person or someone who left", async () => {
    const outsider = await createMember(database.db, elsewhere);
    expect(await getColleague(organisation.id, outsider.person.id, defaults, today)).toBeNull();
    const left = await createMember(database.db, organisation, { endDate: "2026-06-14" });
    expect(await getColleague(organisation.id, left.person.id, defaults, today)).toBeNull();
    const leavingToday = await createMember(database.db, organisation, { endDate: today });
    expect(await getColleague(organisation.id, leavingToday.person.id, defaults, today)).not.toBeNull();
  });
});

describe("the vCard download", () => {
  function download(id: string): Promise<Response> {
    return getVCard(new Request(`http://localhost/my/people/${id}/vcard`), { params: Promise.resolve({ id }) });
  }

  it("is a text/vcard attachment with the visible fields only", async () => {
    signInAs(await actorOf(viewer));
    const response = await download(sanne.person.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="Sanne de Vries.vcf"');
    const card = await response.text();
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(card).toContain("FN:Sanne de Vries\r\n");
    expect(card).toContain("TEL;TYPE=CELL:+31612345678\r\n");
    expect(card).toContain("EMAIL;TYPE=INTERNET:sanne@example.org\r\n");
    expect(card).toContain("ORG:Stichting Smoelen\r\n");
    expect(card).not.toMatch(/BDAY|ADR|1961|Kerkstraat/);
  });

  it("escapes what the admin made visible, such as a comma in an address", async () => {
    await setProfileFields(database.db, organisation.id, { visible: ["address", "postcode", "city", "birthDate"] });
    try {
      signInAs(await actorOf(viewer));
      const card = await (await download(sanne.person.id)).text();
      expect(card).toContain("ADR;TYPE=HOME:;;Kerkstraat 12\\, achterom;Amersfoort;;3811 CV;\r\n");
      expect(card).toContain("BDAY:1961-02-03\r\n");
      expect(card).not.toMatch(/TEL|EMAIL/);
    } finally {
      await setProfileFields(database.db, organisation.id, { visible: ["firstName", "infix", "lastName", "email", "phone", "photo"] });
    }
  });

  it("answers 401 without a session and 404 for another organisation's person", async () => {
    signOut();
    expect((await download(sanne.person.id)).status).toBe(401);
    const outsider = await createMember(database.db, elsewhere);
    signInAs(await actorOf(viewer));
    expect((await download(outsider.person.id)).status).toBe(404);
    expect((await download("niet-een-id")).status).toBe(404);
  });
});

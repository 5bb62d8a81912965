// Mijn profiel: a member changes the fields the organisation lets them edit, validated and normalised
// on the server; a field they may not edit is refused by the action, whatever the form sent.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";
import { createOrganisation, type Organisation } from "@/lib/demo/factories";
import { profileColumns } from "@/lib/people/queries";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createMember, setProfileFields, type Member } from "./fixtures";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveMyProfile, saveProfileFieldChoices } = await import("@/lib/people/actions");
const { getProfileFieldSettings } = await import("@/lib/people/queries");

let database: TestDatabase;
let organisation: Organisation;
let member: Member;

const original = {
  firstName: "Sanne",
  infix: "de",
  lastName: "Vries",
  email: "sanne@example.org",
  phone: "06 24681357",
  birthDate: "1990-05-01",
  address: "Lindelaan 41",
  postcode: "3817 BH",
  city: "Amersfoort",
};

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Profiel" });
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await setProfileFields(database.db, organisation.id, { editable: ["email", "phone", "address", "postcode", "city", "photo"] });
  member = await createMember(database.db, organisation, original);
  signInAs(await actorOf(member));
});

async function stored(personId: string) {
  const [row] = await database.db
    .select(profileColumns)
    .from(people)
    .where(eq(people.id, personId));
  return row;
}

const idle = { status: "idle" } as const;

describe("a member saves their profile", () => {
  it("stores the editable fields validated and normalised: E.164 phone, 1234 AB postcode, lower-case email", async () => {
    const result = await saveMyProfile(idle, formOf({ email: " Sanne.DeVries@Example.org ", phone: "06-12 34 56 78", address: " Kerkstraat  12 ", postcode: "3811cv", city: "Leusden" }));
    expect(result).toEqual({ status: "saved" });
    expect(await stored(member.person.id)).toEqual({
      ...original,
      email: "sanne.devries@example.org",
      phone: "+31612345678",
      address: "Kerkstraat 12",
      postcode: "3811 CV",
      city: "Leusden",
    });
  });

  it("empties an optional field when the member clears it", async () => {
    expect(await saveMyProfile(idle, formOf({ phone: "", city: "" }))).toEqual({ status: "saved" });
    expect(await stored(member.person.id)).toMatchObject({ phone: null, city: null });
  });

  it("refuses invalid values with a message key per field, shows what was typed, and stores nothing", async () => {
    const typed = { email: "sanne@", phone: "06 1234", postcode: "1234 SS", city: "Leusden" };
    const result = await saveMyProfile(idle, formOf(typed));
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { email: "emailInvalid", phone: "phoneInvalid", postcode: "postcodeInvalid" },
      submitted: typed,
    });
    expect(await stored(member.person.id)).toEqual(original);
  });
});

describe("fields the member may not edit", () => {
  it.each([
    { label: "the first name (not editable by default)", field: "firstName", value: "Sandra" },
    { label: "the last name", field: "lastName", value: "Jansen" },
    { label: "the infix", field: "infix", value: "van" },
    { label: "the birth date", field: "birthDate", value: "2000-01-01" },
  ])("a changed $label is refused by the action and nothing is stored", async ({ field, value }) => {
    const result = await saveMyProfile(idle, formOf({ [field]: value, city: "Leusden" }));
    expect(result.status).toBe("invalid");
    expect(result.fieldErrors).toEqual({ [field]: "notEditable" });
    expect(await stored(member.person.id)).toEqual(original);
  });

  it("an unchanged read-only value sent by an old form is not a change", async () => {
    expect(await saveMyProfile(idle, formOf({ firstName: "Sanne", birthDate: "01-05-1990", city: "Leusden" }))).toEqual({ status: "saved" });
    expect(await stored(member.person.id)).toMatchObject({ firstName: "Sanne", city: "Leusden" });
  });

  it("follows the admin's choice: once the phone is not editable, changing it is refused", async () => {
    await setProfileFields(database.db, organisation.id, { editable: ["email"] });
    const result = await saveMyProfile(idle, formOf({ phone: "0612345678" }));
    expect(result.fieldErrors).toEqual({ phone: "notEditable" });
    // The stored "06 24681357" and a typed "+31 6 24681357" are the same number: no change, no refusal.
    expect(await saveMyProfile(idle, formOf({ phone: "+31 6 24681357", email: "nieuw@example.org" }))).toEqual({ status: "saved" });
    expect(await stored(member.person.id)).toMatchObject({ phone: "06 24681357", email: "nieuw@example.org" });
  });

  it("once names are editable, a member may correct them", async () => {
    await setProfileFields(database.db, organisation.id, { editable: ["firstName", "infix", "lastName"] });
    expect(await saveMyProfile(idle, formOf({ firstName: "Zoë", infix: "", lastName: "Vries-Bakker" }))).toEqual({ status: "saved" });
    expect(await stored(member.person.id)).toMatchObject({ firstName: "Zoë", infix: null, lastName: "Vries-Bakker" });
  });
});

describe("whose profile is changed", () => {
  it("only the signed-in member's: person and organisation ids in the form are ignored", async () => {
    const colleague = await createMember(database.db, organisation, { city: "Soest" });
    const result = await saveMyProfile(idle, formOf({ id: colleague.person.id, personId: colleague.person.id, tenantId: "x", city: "Baarn" }));
    expect(result).toEqual({ status: "saved" });
    expect((await stored(colleague.person.id)).city).toBe("Soest");
    expect((await stored(member.person.id)).city).toBe("Baarn");
  });

  it("without a session nothing is stored", async () => {
    signOut();
    const result = await saveMyProfile(idle, formOf({ city: "Baarn" }));
    expect(result.status).toBe("failed");
    expect(await stored(member.person.id)).toEqual(original);
  });
});

describe("the admin's profile-field settings", () => {
  function settingsForm(editable: string[], visible: string[]): FormData {
    const data = new FormData();
    for (const field of editable) data.set(`editable.${field}`, "on");
    for (const field of visible) data.set(`visible.${field}`, "on");
    return data;
  }

  it("an admin saves which fields members may edit and colleagues may see; other settings stay", async () => {
    const admin = await createMember(database.db, organisation, {}, "admin");
    signInAs(await actorOf(admin));
    const result = await saveProfileFieldChoices({ status: "idle" }, settingsForm(["phone", "photo"], ["email", "city"]));
    expect(result).toEqual({ status: "saved" });
    const settings = await getProfileFieldSettings(organisation.id);
    expect([...settings.editable].sort()).toEqual(["phone", "photo"]);
    expect([...settings.visible].sort()).toEqual(["city", "email", "firstName", "infix", "lastName"]);
    const [row] = await database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisation.id));
    expect(row.settings.lockoutThreshold).toBe(5);
    expect(row.settings.hoursDeadline).toEqual({ weekday: 1, time: "09:00" });
  });

  it.each([
    { label: "a member", role: "member" as const },
    { label: "a coordinator", role: "coordinator" as const },
  ])("$label cannot change them", async ({ role }) => {
    const before = await getProfileFieldSettings(organisation.id);
    const someone = await createMember(database.db, organisation, {}, role);
    signInAs(await actorOf(someone));
    expect(await saveProfileFieldChoices({ status: "idle" }, settingsForm(["firstName", "birthDate"], ["birthDate"]))).toEqual({ status: "failed" });
    expect(await getProfileFieldSettings(organisation.id)).toEqual(before);
  });

  it("an admin of another organisation changes only their own", async () => {
    const other = await createOrganisation(database.db, { name: "Stichting Anders" });
    const otherAdmin = await createMember(database.db, other, {}, "admin");
    const before = await getProfileFieldSettings(organisation.id);
    signInAs(await actorOf(otherAdmin));
    expect(await saveProfileFieldChoices({ status: "idle" }, settingsForm(["birthDate"], ["birthDate"]))).toEqual({ status: "saved" });
    expect(await getProfileFieldSettings(organisation.id)).toEqual(before);
    expect([...(await getProfileFieldSettings(other.id)).editable]).toEqual(["birthDate"]);
  });
});

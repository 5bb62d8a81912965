// Coordinators create members and edit every field of a member record through the real actions
// (stubbed session): validated with the profile's field rules, messages in Dutch beside each field,
// audited by field name only, whatever the organisation lets members edit about themselves.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { people } from "@/lib/db/schema/people";
import { users } from "@/lib/db/schema/accounts";
import { auditLog } from "@/lib/db/schema/platform";
import { createMember, createMemberForm, updateMember, updateMemberForm } from "@/lib/people/member-record-actions";
import { saveProfileFieldSettings } from "@/lib/people/queries";
import { setUpTestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createAccessOrganisation } from "../accounts/access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));

const database = setUpTestDatabase();
beforeEach(() => signOut());

const complete = {
  firstName: "Fatima",
  infix: "",
  lastName: "El Amrani",
  email: "Fatima.ElAmrani@Example.org",
  phone: "06 1234 5678",
  birthDate: "1984-03-09",
  address: "Kerkstraat 12",
  postcode: "3811 ab",
  city: "Amersfoort",
  startDate: "2024-09-01",
  endDate: "",
};

async function personRow(id: string) {
  const [row] = await database.db.select().from(people).where(eq(people.id, id));
  return row;
}

async function auditOf(personId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.targetPersonId, personId));
}

describe("creating a member", () => {
  it("a coordinator adds a member with every field, stored normalised and audited by field name", async () => {
    const org = await createAccessOrganisation(database.db, "Nieuwe leden");
    signInAs(await actorOf(org.coordinator));
    const result = await createMember(formOf(complete));
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    const row = await personRow(result.value.personId);
    expect(row).toMatchObject({
      tenantId: org.organisation.id,
      role: "member",
      firstName: "Fatima",
      infix: null,
      lastName: "El Amrani",
      email: "fatima.elamrani@example.org",
      postcode: "3811 AB",
      startDate: "2024-09-01",
      endDate: null,
    });
    const [entry] = await auditOf(row.id);
    expect(entry.action).toBe("person.created");
    expect(entry.details).toEqual({ fields: ["firstName", "lastName", "email", "phone", "birthDate", "address", "postcode", "city", "startDate"] });
    expect(JSON.stringify(entry.details)).not.toContain("Amersfoort");
  });

  it("the new-member form takes the coordinator to the new member's page", async () => {
    const org = await createAccessOrganisation(database.db, "Formulier");
    signInAs(await actorOf(org.coordinator));
    await expect(createMemberForm({ status: "idle" }, formOf({ ...complete, lastName: "Formulier" }))).rejects.toThrow(/NEXT_REDIRECT \/dashboard\/people\/[0-9a-f-]{36}\?created=1/);
  });

  it("a form with mistakes shows a Dutch message next to each wrong field, keeps what was typed and stores nothing", async () => {
    const org = await createAccessOrganisation(database.db, "Fouten");
    signInAs(await actorOf(org.coordinator));
    const before = await database.db.select().from(people).where(eq(people.tenantId, org.organisation.id));
    const state = await createMemberForm(
      { status: "idle" },
      formOf({ ...complete, firstName: "", postcode: "12345", phone: "12", startDate: "2025-05-01", endDate: "2025-04-30", birthDate: "2999-01-01" }),
    );
    expect(state.status).toBe("invalid");
    expect(state.message).toBe("Niet opgeslagen. Verbeter de gemarkeerde velden.");
    expect(state.fieldErrors).toEqual({
      firstName: ["Vul de voornaam in."],
      postcode: ["Deze postcode klopt niet. Een Nederlandse postcode heeft 4 cijfers en 2 letters, zoals 1234 AB."],
      phone: [expect.stringContaining("Dit telefoonnummer klopt niet")],
      birthDate: ["Een geboortedatum kan niet in de toekomst liggen."],
      endDate: ["De einddatum ligt vóór de begindatum."],
    });
    expect(state.submitted?.postcode).toBe("12345");
    const after = await database.db.select().from(people).where(eq(people.tenantId, org.organisation.id));
    expect(after).toHaveLength(before.length);
  });
});

describe("editing a member", () => {
  it("a coordinator changes fields; the audit names the changed fields, never their values", async () => {
    const org = await createAccessOrganisation(database.db, "Wijzigen");
    const member = org.members[0];
    signInAs(await actorOf(org.coordinator));
    const current = await personRow(member.person.id);
    const state = await updateMemberForm(
      { status: "idle" },
      formOf({
        personId: member.person.id,
        firstName: current.firstName,
        infix: current.infix ?? "",
        lastName: current.lastName,
        email: current.email ?? "",
        phone: "0201234567",
        birthDate: current.birthDate ?? "",
        address: "Nieuwe Gracht 3",
        postcode: current.postcode ?? "",
        city: current.city ?? "",
        startDate: "",
        endDate: "2026-06-30",
      }),
    );
    expect(state).toEqual({ status: "saved", message: "De gegevens zijn opgeslagen." });
    const row = await personRow(member.person.id);
    expect(row).toMatchObject({ phone: "+31201234567", address: "Nieuwe Gracht 3", endDate: "2026-06-30" });
    const [entry] = (await auditOf(member.person.id)).filter((audit) => audit.action === "person.updated");
    expect(entry.details).toEqual({ fields: ["phone", "address", "endDate"] });
    expect(JSON.stringify(entry.details)).not.toContain("Gracht");
  });

  it("setting an end date leaves the member's login working", async () => {
    const org = await createAccessOrganisation(database.db, "Einddatum");
    const member = org.members[1];
    signInAs(await actorOf(org.coordinator));
    const row = await personRow(member.person.id);
    const result = await updateMember({ ...recordOf(row), personId: member.person.id, endDate: "2020-01-31" });
    expect(result).toEqual({ ok: true, value: { outcome: "saved", changed: ["endDate"] } });
    const [login] = await database.db.select().from(users).where(eq(users.id, member.user.id));
    expect(login.status).toBe("active");
  });

  it("saving without a change writes nothing and records nothing", async () => {
    const org = await createAccessOrganisation(database.db, "Ongewijzigd");
    const member = org.members[2];
    signInAs(await actorOf(org.coordinator));
    const row = await personRow(member.person.id);
    const state = await updateMemberForm({ status: "idle" }, formOf({ ...recordOf(row), personId: member.person.id }));
    expect(state).toEqual({ status: "unchanged", message: "Er was niets veranderd." });
    expect(await auditOf(member.person.id)).toEqual([]);
  });

  it("the members' own editability settings do not restrict a coordinator", async () => {
    const org = await createAccessOrganisation(database.db, "Alles dicht");
    await saveProfileFieldSettings(org.organisation.id, { editable: [], visible: [] });
    const member = org.members[3];
    // Known values first (the factories pick names and places at random), so every field below changes.
    await database.db
      .update(people)
      .set({ firstName: "Bram", infix: null, lastName: "Jansen", email: null, phone: null, birthDate: null, address: null, postcode: null, city: null, startDate: null, endDate: null })
      .where(eq(people.id, member.person.id));
    signInAs(await actorOf(org.coordinator));
    const result = await updateMember({
      personId: member.person.id,
      firstName: "Anouk",
      infix: "van",
      lastName: "Dijk",
      email: "anouk@example.org",
      phone: "0612345678",
      birthDate: "1990-12-01",
      address: "Dorpsstraat 1",
      postcode: "1234AB",
      city: "Utrecht",
      startDate: "2023-01-01",
      endDate: "2030-01-01",
    });
    if (!result.ok || result.value.outcome !== "saved") throw new Error(JSON.stringify(result));
    expect(result.value.changed).toHaveLength(11);
    expect(await personRow(member.person.id)).toMatchObject({ firstName: "Anouk", infix: "van", lastName: "Dijk", city: "Utrecht" });
  });
});

describe("who may keep member records", () => {
  it("a member (role member) is refused creating, editing and sending a sign-in link, and nothing changes", async () => {
    const org = await createAccessOrganisation(database.db, "Alleen leden");
    const target = org.members[1];
    signInAs(await actorOf(org.members[0]));
    const { sendPersonSignInLink } = await import("@/lib/accounts/blocking/actions");
    const before = await personRow(target.person.id);
    expect(await createMember(formOf(complete))).toEqual({ ok: false, error: "forbidden" });
    expect(await updateMember({ ...recordOf(before), personId: target.person.id, lastName: "Anders" })).toEqual({ ok: false, error: "forbidden" });
    expect(await sendPersonSignInLink({ personId: target.person.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await personRow(target.person.id)).toEqual(before);
    const created = await database.db.select().from(people).where(and(eq(people.tenantId, org.organisation.id), eq(people.lastName, "El Amrani")));
    expect(created).toEqual([]);
  });

  it("nobody signed in is sent to the sign-in page by the forms", async () => {
    await expect(createMemberForm({ status: "idle" }, formOf(complete))).rejects.toThrow("NEXT_REDIRECT /sign-in");
  });
});

/** A stored row as the edit form posts it back. */
function recordOf(row: typeof people.$inferSelect): Record<string, string> {
  return {
    firstName: row.firstName,
    infix: row.infix ?? "",
    lastName: row.lastName,
    email: row.email ?? "",
    phone: row.phone ?? "",
    birthDate: row.birthDate ?? "",
    address: row.address ?? "",
    postcode: row.postcode ?? "",
    city: row.city ?? "",
    startDate: row.startDate ?? "",
    endDate: row.endDate ?? "",
  };
}

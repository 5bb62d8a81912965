// Importing members from a CSV or Excel file: upload, column choice, preview and confirm through the
// real coordinator actions (stubbed session) against a migrated database. Nothing reaches people before
// confirm; confirm writes every valid row (logins and groups included) in one go, once.
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/lib/db/schema/accounts";
import { memberImports } from "@/lib/db/schema/member-imports";
import { people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { groupMembers } from "@/lib/db/schema/tenancy";
import { createGroup, createMemberWithLogin, createOrganisation, createPerson, type Organisation } from "@/lib/demo/factories";
import { chooseImportColumns, confirmMemberImport, uploadMemberImport } from "@/lib/people/import/actions";
import { previewMemberImport } from "@/lib/people/import/imports";
import { setUpTestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { xlsxFile } from "@/tests/setup/xlsx";
import { actorOf, type Member } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const TODAY = "2026-06-01";

const database = setUpTestDatabase();
beforeEach(() => signOut());

type Fixture = { organisation: Organisation; coordinator: Member; admin: Member; member: Member };
let counter = 0;

async function organisationWith(): Promise<Fixture> {
  counter += 1;
  const organisation = await createOrganisation(database.db, { name: `Stichting Import ${counter}` });
  const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
  const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" });
  const member = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { organisation, coordinator, admin, member };
}

function csvFile(text: string, name = "leden.csv"): File {
  return new File([text], name, { type: "text/csv" });
}

async function upload(file: File): Promise<string> {
  const result = await uploadMemberImport(withFile(file));
  if (!result.ok || !result.value.ok) throw new Error(`upload refused: ${JSON.stringify(result)}`);
  return result.value.importId;
}

function withFile(file: File): FormData {
  const form = new FormData();
  form.set("file", file);
  return form;
}

async function peopleOf(tenantId: string) {
  return database.db
    .select({ id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName, email: people.email, phone: people.phone })
    .from(people)
    .where(eq(people.tenantId, tenantId));
}

async function countOf(table: typeof people | typeof users | typeof groupMembers, tenantId: string): Promise<number> {
  const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(table).where(eq(table.tenantId, tenantId));
  return row.count;
}

async function confirm(importId: string, expectedCount: number) {
  return confirmMemberImport(formOf({ importId, expectedCount: String(expectedCount) }));
}

describe("uploading a file", () => {
  it("keeps a CSV as a draft with its columns guessed, and adds nobody yet", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const before = await countOf(people, organisation.id);
    const importId = await upload(csvFile("\uFEFFVoornaam;Tussenvoegsel;Achternaam;E-mailadres;Notitie\nSanne;de;Vries;sanne@example.org;x\n"));
    const [stored] = await database.db.select().from(memberImports).where(eq(memberImports.id, importId));
    expect(stored).toMatchObject({ tenantId: organisation.id, status: "draft", fileName: "leden.csv", mapping: ["firstName", "infix", "lastName", "email", "ignore"] });
    expect(stored.rows).toEqual([["Sanne", "de", "Vries", "sanne@example.org", "x"]]);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(23 * 3600_000);
    expect(await countOf(people, organisation.id)).toBe(before);
  });

  it.each([
    { label: "an empty file", file: () => csvFile(""), reason: "empty" },
    { label: "a PDF", file: () => new File(["%PDF-1.4"], "leden.pdf", { type: "application/pdf" }), reason: "unsupportedType" },
    { label: "only a header", file: () => csvFile("Voornaam;Achternaam\n"), reason: "noRows" },
    { label: "more than 5,000 rows", file: () => csvFile(["Voornaam;Achternaam", ...Array.from({ length: 5001 }, (_, i) => `Lid;Nummer${i}`)].join("\n")), reason: "tooManyRows" },
    { label: "no file at all", file: () => null, reason: "empty" },
    { label: "a file over 10 MB", file: () => csvFile("a".repeat(10 * 1024 * 1024 + 1)), reason: "tooLarge" },
  ])("refuses $label with a reason and stores nothing", async ({ file, reason }) => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const chosen = file();
    const result = await uploadMemberImport(chosen ? withFile(chosen) : new FormData());
    expect(result).toEqual({ ok: true, value: { ok: false, reason } });
    expect(await database.db.select().from(memberImports).where(eq(memberImports.tenantId, organisation.id))).toEqual([]);
  });

  it("refuses a member who is no coordinator, and stores nothing", async () => {
    const { organisation, member } = await organisationWith();
    signInAs(await actorOf(member));
    const result = await uploadMemberImport(withFile(csvFile("Voornaam;Achternaam\nJan;Jansen\n")));
    expect(result).toEqual({ ok: false, error: "forbidden" });
    expect(await database.db.select().from(memberImports).where(eq(memberImports.tenantId, organisation.id))).toEqual([]);
  });
});

describe("an import with a missing column, a duplicate username and a broken email address", () => {
  it("writes nothing until confirmed and reports each row in the preview", async () => {
    const { organisation, coordinator } = await organisationWith();
    await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "Bezet.Elders" });
    signInAs(await actorOf(coordinator));
    const before = await countOf(people, organisation.id);
    const importId = await upload(
      csvFile(
        [
          "Voornaam;Achternaam;E-mailadres;Gebruikersnaam",
          "Anouk;Bakker;anouk@example.org;anouk.b",
          ";Visser;visser@example.org;",
          "Daan;Smit;daan@example;",
          "Femke;Mulder;femke@example.org;anouk.b",
          "Joost;Dekker;joost@example.org;bezet.elders",
        ].join("\r\n"),
      ),
    );
    const preview = await previewMemberImport(organisation.id, importId, TODAY);
    expect(preview?.validation.valid.map((record) => record.rowNumber)).toEqual([2]);
    expect(preview?.validation.invalid.map((row) => ({ row: row.rowNumber, errors: row.problems.map((problem) => problem.error) }))).toEqual([
      { row: 3, errors: ["firstNameRequired"] },
      { row: 4, errors: ["emailInvalid"] },
      { row: 5, errors: ["usernameInFile"] },
      { row: 6, errors: ["usernameTaken"] },
    ]);
    expect(await countOf(people, organisation.id)).toBe(before);
  });

  it("confirm writes only the valid rows, in one go, with their logins", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(
      csvFile(["Voornaam,Achternaam,E-mail,Gebruikersnaam", "Anouk,Bakker,anouk@example.org,anouk.import", "Daan,Smit,daan@example,", "Femke,Mulder,femke@example.org,ANOUK.import"].join("\n")),
    );
    const before = await countOf(people, organisation.id);
    const result = await confirm(importId, 1);
    expect(result).toMatchObject({ ok: true, value: { outcome: "imported", result: { added: 1, logins: 1, skipped: [{ row: 3 }, { row: 4 }] } } });
    const added = (await peopleOf(organisation.id)).filter((person) => person.email === "anouk@example.org");
    expect(added).toMatchObject([{ firstName: "Anouk", email: "anouk@example.org" }]);
    expect(await countOf(people, organisation.id)).toBe(before + 1);
    const [login] = await database.db.select().from(users).where(eq(users.personId, added[0].id));
    expect(login).toMatchObject({ tenantId: organisation.id, username: "anouk.import", status: "active", passwordHash: null, name: "Anouk Bakker", email: "anouk@example.org" });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, organisation.id), eq(auditLog.action, "people.imported")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: coordinator.user.id, details: { added: 1, skipped: 2, logins: 1, fileName: "leden.csv" } });
  });

  it("a file missing a required column is refused, naming it, and writes nothing", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;E-mailadres\nJan;jan@example.org\n"));
    const before = await countOf(people, organisation.id);
    expect(await chooseImportColumns(formOf({ importId, "column.0": "firstName", "column.1": "email" }))).toEqual({
      ok: true,
      value: { outcome: "invalid", problems: [{ kind: "missing", field: "lastName" }] },
    });
    expect(await confirm(importId, 1)).toEqual({ ok: true, value: { outcome: "invalidMapping", problems: [{ kind: "missing", field: "lastName" }] } });
    expect(await countOf(people, organisation.id)).toBe(before);
    const [stored] = await database.db.select().from(memberImports).where(eq(memberImports.id, importId));
    expect(stored.status).toBe("draft");
  });
});

describe("choosing columns", () => {
  it("stores the coordinator's choice, and the preview follows it", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Naam;Familie;Mail\nJan;Jansen;jan@example.org\n"));
    expect((await previewMemberImport(organisation.id, importId, TODAY))?.problems).toHaveLength(2);
    const saved = await chooseImportColumns(formOf({ importId, "column.0": "firstName", "column.1": "lastName", "column.2": "email" }));
    expect(saved).toEqual({ ok: true, value: { outcome: "saved" } });
    const preview = await previewMemberImport(organisation.id, importId, TODAY);
    expect(preview?.validation.valid[0].person).toMatchObject({ firstName: "Jan", lastName: "Jansen", email: "jan@example.org" });
  });
});

describe("an Excel file with groups", () => {
  it("adds members to existing groups and refuses rows naming an unknown group", async () => {
    const { organisation, coordinator } = await organisationWith();
    const koffie = await createGroup(database.db, { tenantId: organisation.id, name: "Koffieploeg" });
    const taal = await createGroup(database.db, { tenantId: organisation.id, name: "Taalcafé" });
    signInAs(await actorOf(coordinator));
    const importId = await upload(
      await xlsxFile([
        ["Voornaam", "Achternaam", "Geboortedatum", "Mobiel", "Groep"],
        ["Lotte", "Zwanenburg", new Date(Date.UTC(1985, 4, 3)), "06 12345678", "koffieploeg, Taalcafé"],
        ["Bram", "Smit", null, null, "Tuinploeg"],
      ]),
    );
    expect(await confirm(importId, 1)).toMatchObject({ ok: true, value: { outcome: "imported", result: { added: 1, groupMemberships: 2, skipped: [{ row: 3, errors: [{ error: "unknownGroup", value: "Tuinploeg" }] }] } } });
    const [lotte] = await database.db.select().from(people).where(and(eq(people.tenantId, organisation.id), eq(people.lastName, "Zwanenburg")));
    expect(lotte).toMatchObject({ birthDate: "1985-05-03", phone: "+31612345678" });
    const memberships = await database.db.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.personId, lotte.id));
    expect(memberships.map((row) => row.groupId).sort()).toEqual([koffie.id, taal.id].sort());
  });
});

describe("confirming", () => {
  it("imports 2,000 rows in one call", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const lines = ["Voornaam;Achternaam;E-mailadres;Gebruikersnaam;Postcode;Telefoon"];
    for (let index = 0; index < 2000; index += 1) lines.push(`Lid;Nummer${"abcdefghij"[index % 10]}${"klmnopqrst"[Math.floor(index / 10) % 10]}${"uvwxyzabcd"[Math.floor(index / 100) % 10]}${"efghijklmn"[Math.floor(index / 1000)]};lid${index}@example.org;massa.${index}.${counter};1234 AB;0612345678`);
    const importId = await upload(csvFile(lines.join("\n")));
    const before = await countOf(people, organisation.id);
    const started = Date.now();
    const result = await confirm(importId, 2000);
    expect(result).toMatchObject({ ok: true, value: { outcome: "imported", result: { added: 2000, logins: 2000, skipped: [] } } });
    expect(await countOf(people, organisation.id)).toBe(before + 2000);
    expect(await countOf(users, organisation.id)).toBeGreaterThanOrEqual(2000);
    // Well inside one request, even on a slow machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a confirmed import cannot be confirmed twice", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;Achternaam\nNoor;Bakker\nSem;Visser\n"));
    expect(await confirm(importId, 2)).toMatchObject({ ok: true, value: { outcome: "imported" } });
    const after = await countOf(people, organisation.id);
    expect(await confirm(importId, 2)).toMatchObject({ ok: true, value: { outcome: "alreadyImported", result: { added: 2 } } });
    expect(await countOf(people, organisation.id)).toBe(after);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, organisation.id), eq(auditLog.action, "people.imported")));
    expect(audits).toHaveLength(1);
  });

  it("re-importing the same file finds every row already there", async () => {
    const { organisation, coordinator } = await organisationWith();
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Iris", infix: "van", lastName: "Dijk", email: "iris@example.org" });
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;Tussenvoegsel;Achternaam;E-mail\nIris;Van;Dijk;IRIS@example.org\n"));
    const preview = await previewMemberImport(organisation.id, importId, TODAY);
    expect(preview?.validation.invalid[0].problems).toEqual([{ field: "person", error: "duplicateMember" }]);
    expect(await confirm(importId, 1)).toEqual({ ok: true, value: { outcome: "nothingToImport" } });
  });

  it("writes nothing when the number of members changed since the confirmation was shown", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;Achternaam\nTom;Bakker\nEva;Smit\n"));
    await createPerson(database.db, { tenantId: organisation.id, firstName: "Tom", infix: null, lastName: "Bakker", email: null });
    const before = await countOf(people, organisation.id);
    expect(await confirm(importId, 2)).toEqual({ ok: true, value: { outcome: "countChanged", count: 1 } });
    expect(await countOf(people, organisation.id)).toBe(before);
  });

  it("an admin may import too", async () => {
    const { organisation, admin } = await organisationWith();
    signInAs(await actorOf(admin));
    const importId = await upload(csvFile("Voornaam;Achternaam\nKees;Ameland\n"));
    expect(await confirm(importId, 1)).toMatchObject({ ok: true, value: { outcome: "imported" } });
    expect((await peopleOf(organisation.id)).filter((person) => person.lastName === "Ameland")).toHaveLength(1);
  });
});

describe("another organisation's import", () => {
  it("is not found for a coordinator of organisation A: preview, columns and confirm, and nothing changes", async () => {
    const a = await organisationWith();
    const b = await organisationWith();
    signInAs(await actorOf(b.coordinator));
    const importId = await upload(csvFile("Voornaam;Achternaam\nWouter;Smit\n"));
    signInAs(await actorOf(a.coordinator));
    const peopleBefore = [await countOf(people, a.organisation.id), await countOf(people, b.organisation.id)];
    expect(await previewMemberImport(a.organisation.id, importId, TODAY)).toBeNull();
    expect(await chooseImportColumns(formOf({ importId, "column.0": "firstName", "column.1": "lastName" }))).toEqual({ ok: false, error: "notFound" });
    expect(await confirm(importId, 1)).toEqual({ ok: false, error: "notFound" });
    expect([await countOf(people, a.organisation.id), await countOf(people, b.organisation.id)]).toEqual(peopleBefore);
    const [stored] = await database.db.select().from(memberImports).where(eq(memberImports.id, importId));
    expect(stored.status).toBe("draft");
  });

  it("an import left for more than a day is gone: not found, and nothing is added", async () => {
    const { organisation, coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;Achternaam\nRik;Visser\n"));
    await database.db.update(memberImports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(memberImports.id, importId));
    const before = await countOf(people, organisation.id);
    expect(await previewMemberImport(organisation.id, importId, TODAY)).toBeNull();
    expect(await confirm(importId, 1)).toEqual({ ok: false, error: "notFound" });
    expect(await countOf(people, organisation.id)).toBe(before);
    // The next upload clears expired imports away.
    await upload(csvFile("Voornaam;Achternaam\nRik;Visser\n"));
    expect(await database.db.select().from(memberImports).where(eq(memberImports.id, importId))).toEqual([]);
  });

  it("a made-up import id answers the same: not found", async () => {
    const { coordinator } = await organisationWith();
    signInAs(await actorOf(coordinator));
    expect(await confirm("00000000-0000-4000-8000-000000000000", 1)).toEqual({ ok: false, error: "notFound" });
  });

  it("a member is refused confirming, even their own organisation's import", async () => {
    const { organisation, coordinator, member } = await organisationWith();
    signInAs(await actorOf(coordinator));
    const importId = await upload(csvFile("Voornaam;Achternaam\nGijs;Jansen\n"));
    signInAs(await actorOf(member));
    const before = await countOf(people, organisation.id);
    expect(await confirm(importId, 1)).toEqual({ ok: false, error: "forbidden" });
    expect(await chooseImportColumns(formOf({ importId, "column.0": "firstName", "column.1": "lastName" }))).toEqual({ ok: false, error: "forbidden" });
    expect(await countOf(people, organisation.id)).toBe(before);
  });
});

// Refused requests: route handlers get the same guards as actions (a temporary password reaches no
// colleague data), and every refusal of a signed-in account lands in its organisation's security log,
// which admins read and which a flood cannot fill.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/accounts/queries";
import { coordinatorAction, memberAction, recordNotFound, refuse } from "@/lib/auth/guards";
import { coordinatorRoute } from "@/lib/auth/route-guards";
import { securityLogPerAccount } from "@/lib/auth/refusals";
import { people, type Role } from "@/lib/db/schema/people";
import { auditLog, rateLimits } from "@/lib/db/schema/platform";
import { createAvatarPhoto, createMemberWithLogin, createOrganisation, type Organisation, type Person, type User } from "@/lib/demo/factories";
import { auditKindFor, listAuditEntries } from "@/lib/tenancy/audit-queries";
import { recordAudit } from "@/lib/tenancy/audit";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const vcardRoute = await import("@/app/(member)/my/people/[id]/vcard/route");
const photoRoute = await import("@/app/api/photos/[id]/route");

type Member = { person: Person; user: User; organisation: Organisation };

let database: TestDatabase;
let home: Organisation;
let elsewhere: Organisation;
let member: Member;
let colleague: Member;
let temporary: Member;
let coordinator: Member;
let outsideCoordinator: Member;
let colleaguePhotoId: string;

async function memberOf(organisation: Organisation, role: "member" | "coordinator" | "admin" = "member"): Promise<Member> {
  const { person, user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, role });
  return { person, user, organisation };
}

function actorOf(who: Member, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: who.user.id,
    personId: who.person.id,
    tenantId: who.organisation.id,
    role: who.person.role,
    firstName: who.person.firstName,
    displayName: who.person.firstName,
    organisationName: who.organisation.name,
    timeZone: "Europe/Amsterdam",
    locale: "nl",
    mustChangePassword: false,
    providerVisit: null,
    ...overrides,
  };
}

function open(route: { GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> }, path: string, id: string, cookie?: string) {
  return route.GET(new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ id }) });
}

async function securityRows(organisationId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, organisationId)))
    .then((rows) => rows.filter((row) => row.action.startsWith("security.")));
}

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createOrganisation(database.db, { name: "Stichting Thuis" });
  elsewhere = await createOrganisation(database.db, { name: "Stichting Elders" });
  member = await memberOf(home);
  colleague = await memberOf(home);
  temporary = await memberOf(home, "coordinator");
  coordinator = await memberOf(home, "coordinator");
  outsideCoordinator = await memberOf(elsewhere, "coordinator");
  colleaguePhotoId = (await createAvatarPhoto(database.db, colleague.person)).id;
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(auditLog);
  await database.db.delete(rateLimits);
});

describe("route handlers refuse the way actions do", () => {
  it("a temporary-password session gets neither a colleague's contact card nor their photo, only the request to choose a password", async () => {
    signInAs(actorOf(temporary, { mustChangePassword: true }));
    for (const response of [
      await open(vcardRoute, `/my/people/${colleague.person.id}/vcard`, colleague.person.id),
      await open(photoRoute, `/api/photos/${colleaguePhotoId}`, colleaguePhotoId),
    ]) {
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe("Kies eerst een nieuw wachtwoord; daarna kun je dit weer zien.");
    }
    const rows = await securityRows(home.id);
    expect(rows.map((row) => [row.actorUserId, row.details.action, row.details.reason])).toEqual([
      [temporary.user.id, "colleagueVCard", "passwordChangeOwed"],
      [temporary.user.id, "memberPhoto", "passwordChangeOwed"],
    ]);
  });

  it("once the password is changed the same member gets the card and the photo", async () => {
    signInAs(actorOf(temporary));
    const card = await open(vcardRoute, `/my/people/${colleague.person.id}/vcard`, colleague.person.id);
    expect(card.status).toBe(200);
    expect(await card.text()).toContain(`FN:`);
    expect((await open(photoRoute, `/api/photos/${colleaguePhotoId}`, colleaguePhotoId)).status).toBe(200);
  });

  it("without a session both answer 401 in the reader's language, and nothing is logged for nobody", async () => {
    signOut();
    const dutch = await open(vcardRoute, `/my/people/${colleague.person.id}/vcard`, colleague.person.id);
    expect(dutch.status).toBe(401);
    expect(await dutch.text()).toBe("Log in om dit te zien.");
    const english = await open(photoRoute, `/api/photos/${colleaguePhotoId}`, colleaguePhotoId, "PLOEG_LOCALE=en");
    expect(english.status).toBe(401);
    expect(await english.text()).toBe("Sign in to see this.");
    expect(await database.db.select().from(auditLog)).toHaveLength(0);
  });

  it("a coordinator of another organisation asking for this organisation's card gets the plain 404, and their own organisation's log shows the attempt", async () => {
    signInAs(actorOf(outsideCoordinator));
    const foreign = await open(vcardRoute, `/my/people/${colleague.person.id}/vcard`, colleague.person.id);
    const nobody = await open(vcardRoute, "/my/people/00000000-0000-4000-8000-000000000000/vcard", "00000000-0000-4000-8000-000000000000");
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nobody.text());
    expect((await open(photoRoute, `/api/photos/${colleaguePhotoId}`, colleaguePhotoId)).status).toBe(404);
    const rows = await securityRows(elsewhere.id);
    expect(rows.map((row) => [row.actorUserId, row.details.action, row.details.reason])).toEqual([
      [outsideCoordinator.user.id, "colleagueVCard", "otherOrganisation"],
      [outsideCoordinator.user.id, "memberPhoto", "otherOrganisation"],
    ]);
    expect(await securityRows(home.id)).toHaveLength(0);
  });
});

describe("a coordinators' route", () => {
  const rosterExport = coordinatorRoute("rosterExport", async (actor) => new Response(`rooster van ${actor.organisationName}`));

  it("refuses a member with 403 and logs it; a coordinator of the organisation gets the answer", async () => {
    signInAs(actorOf(member));
    const refused = await rosterExport(new Request("http://localhost/export"), { params: Promise.resolve({}) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Dit kan alleen een coördinator of beheerder van deze organisatie.");
    expect(await securityRows(home.id)).toMatchObject([{ actorUserId: member.user.id, details: { action: "rosterExport", reason: "role", required: "coordinator" } }]);
    signInAs(actorOf(coordinator));
    const allowed = await rosterExport(new Request("http://localhost/export"), { params: Promise.resolve({}) });
    expect(await allowed.text()).toBe("rooster van Stichting Thuis");
  });
});

describe("the security log", () => {
  const planShift = coordinatorAction("planShift", z.object({ shiftName: z.string() }), async () => "planned");
  const greetColleague = memberAction("greetColleague", z.object({ personId: z.uuid() }), async () => "greeted");
  const openLocker = memberAction("openLocker", z.object({}), async () => refuse());
  const findLocker = memberAction("findLocker", z.object({ lockerId: z.uuid() }), async () => recordNotFound());

  it("a member calling a coordinator action is refused, and the log says who, which action, which organisation and when", async () => {
    signInAs(actorOf(member));
    const before = Date.now();
    expect(await planShift({ shiftName: "Koffie" })).toEqual({ ok: false, error: "forbidden" });
    const [row] = await securityRows(home.id);
    expect(row).toMatchObject({
      tenantId: home.id,
      actorUserId: member.user.id,
      action: "security.refused",
      details: { action: "planShift", reason: "role", required: "coordinator" },
    });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a coordinator naming another organisation's member is answered 'not found' before the handler runs and logged in their own organisation", async () => {
    signInAs(actorOf(outsideCoordinator));
    expect(await greetColleague({ personId: member.person.id })).toEqual({ ok: false, error: "notFound" });
    expect(await securityRows(elsewhere.id)).toMatchObject([{ details: { action: "greetColleague", reason: "otherOrganisation", field: "personId" } }]);
    // The organisation's own member, and an id that exists nowhere, are not refusals.
    expect(await greetColleague({ personId: outsideCoordinator.person.id })).toEqual({ ok: true, value: "greeted" });
    expect(await greetColleague({ personId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: true, value: "greeted" });
    expect(await securityRows(elsewhere.id)).toHaveLength(1);
  });

  it("a record the handler cannot find is answered 'not found' like another organisation's, and nothing is logged", async () => {
    signInAs(actorOf(member));
    expect(await findLocker({ lockerId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "notFound" });
    expect(await securityRows(home.id)).toEqual([]);
  });

  it("a handler's own refusal is answered 'forbidden' and logged", async () => {
    signInAs(actorOf(member));
    expect(await openLocker({})).toEqual({ ok: false, error: "forbidden" });
    expect(await securityRows(home.id)).toMatchObject([{ details: { action: "openLocker", reason: "notAllowed" } }]);
  });

  it("a flood of refusals from one account writes a bounded number of rows and one note that more were not logged", async () => {
    signInAs(actorOf(member));
    for (let i = 0; i < securityLogPerAccount.limit + 15; i++) {
      expect(await planShift({ shiftName: "Koffie" })).toEqual({ ok: false, error: "forbidden" });
    }
    const rows = await securityRows(home.id);
    expect(rows.filter((row) => row.action === "security.refused")).toHaveLength(securityLogPerAccount.limit);
    expect(rows.filter((row) => row.action === "security.refusals-suppressed")).toHaveLength(1);
    // Another account's refusals are still recorded.
    signInAs(actorOf(colleague));
    await planShift({ shiftName: "Koffie" });
    expect((await securityRows(home.id)).filter((row) => row.actorUserId === colleague.user.id)).toHaveLength(1);
  });

  it("the changes list never shows refusals; the security list shows only them", async () => {
    await recordAudit(database.db, { tenantId: home.id, actorUserId: coordinator.user.id, action: "account.unlocked", targetPersonId: member.person.id });
    signInAs(actorOf(member));
    await planShift({ shiftName: "Koffie" });
    const changes = await listAuditEntries(home.id, { page: 1 });
    const security = await listAuditEntries(home.id, { page: 1, kind: "security" });
    expect(changes.entries.map((entry) => entry.action)).toEqual(["account.unlocked"]);
    expect(security.entries.map((entry) => entry.action)).toEqual(["security.refused"]);
    expect(security.total).toBe(1);
  });

  it.each([
    { role: "admin", requested: "security", kind: "security" },
    { role: "coordinator", requested: "security", kind: "changes" },
    { role: "member", requested: "security", kind: "changes" },
    { role: "admin", requested: undefined, kind: "changes" },
    { role: "admin", requested: ["security", "security"], kind: "changes" },
  ] satisfies Array<{ role: Role; requested: unknown; kind: string }>)("a $role asking for $requested sees the $kind list", ({ role, requested, kind }) => {
    expect(auditKindFor(role, requested)).toBe(kind);
  });
});

describe("control characters at the edge of every action", () => {
  const rename = memberAction("rename", z.object({ firstName: z.string() }), async (actor, input) => {
    await database.db.update(people).set({ firstName: input.firstName }).where(eq(people.id, actor.personId));
    return "renamed";
  });

  it("a NUL byte in a form field is refused next to that field before any handler runs, and the name stays as it was", async () => {
    signInAs(actorOf(member));
    const form = new FormData();
    form.set("firstName", "Jan\u0000; drop table people");
    expect(await rename(form)).toEqual({ ok: false, error: "invalid", fieldErrors: { firstName: ["controlCharacters"] } });
    const [row] = await database.db.select({ firstName: people.firstName }).from(people).where(eq(people.id, member.person.id));
    expect(row.firstName).toBe(member.person.firstName);
    // The same field without the control character goes through.
    expect(await rename({ firstName: "Janneke" })).toEqual({ ok: true, value: "renamed" });
  });
});

// Creating logins in bulk (preview, edit, confirm as pending) and activating them, through the
// coordinators' actions with the real guard and a stubbed session.
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { activateLogins, countLoginActivation, createLogins, previewLogins } from "@/lib/accounts/logins/actions";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { createMemberWithLogin, createPerson, addPersonToGroup, type NewPerson, type Person } from "@/lib/demo/factories";
import { users } from "@/lib/db/schema/accounts";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { listTakenUsernames } from "@/lib/accounts/logins/queries";
import { actorOf, createAccessOrganisation, FIXTURE_PASSWORD, type AccessOrganisation } from "./access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
// Wrapped, unchanged, so one test can let a racing transaction take a username after the check.
vi.mock("@/lib/accounts/logins/queries", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/accounts/logins/queries")>();
  return { ...original, listTakenUsernames: vi.fn(original.listTakenUsernames) };
});

const database = setUpTestDatabase();
beforeEach(() => {
  signOut();
});

let organisationNumber = 0;
async function organisation(): Promise<AccessOrganisation> {
  organisationNumber += 1;
  return createAccessOrganisation(database.db, `Stichting Logins ${organisationNumber}`);
}

let surnameNumber = 0;
/** A person without a login, with a family name no other test uses unless one is given. */
async function personWithoutLogin(org: AccessOrganisation, overrides: Partial<NewPerson> = {}): Promise<Person> {
  surnameNumber += 1;
  return createPerson(database.db, {
    tenantId: org.organisation.id,
    firstName: "Kim",
    infix: null,
    lastName: `Testpersoon${"abcdefghijklmnopqrstuvwxyz"[surnameNumber % 26]}${"abcdefghijklmnopqrstuvwxyz"[Math.floor(surnameNumber / 26) % 26]}`,
    email: `kim${surnameNumber}@example.org`,
    endDate: null,
    ...overrides,
  });
}

async function asCoordinatorOf(org: AccessOrganisation): Promise<void> {
  signInAs(await actorOf(org.coordinator));
}

async function proposalsFor(target: AccessTarget) {
  const result = await previewLogins({ target });
  if (!result.ok || result.value.outcome !== "preview") throw new Error(`preview failed: ${JSON.stringify(result)}`);
  return result.value;
}

async function loginsOf(people: Person[]) {
  return database.db
    .select({ personId: users.personId, username: users.username, status: users.status, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.personId, people.map((person) => person.id)));
}

async function auditOf(org: AccessOrganisation, action: string) {
  return database.db
    .select({ details: auditLog.details, targetPersonId: auditLog.targetPersonId, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, org.organisation.id), eq(auditLog.action, action)));
}

describe("usernames derived from names and made unique across the installation", () => {
  it("two Jan de Vries in one run and one already in another organisation get jan.de.vries2 and jan.de.vries3", async () => {
    const one = await organisation();
    const two = await organisation();
    await createMemberWithLogin(database.db, { tenantId: two.organisation.id, username: "jan.de.vries" });
    const first = await personWithoutLogin(one, { firstName: "Jan", infix: "de", lastName: "Vries" });
    const second = await personWithoutLogin(one, { firstName: "Jan", infix: "de", lastName: "Vries" });
    const zoe = await personWithoutLogin(one, { firstName: "Zoë", infix: "van 't", lastName: "Hof" });
    await asCoordinatorOf(one);

    const preview = await proposalsFor({ kind: "selection", personIds: [first.id, second.id, zoe.id] });

    expect(preview.proposals.map((row) => row.username).sort()).toEqual(["jan.de.vries2", "jan.de.vries3", "zoe.van.t.hof"]);
    expect(preview.skipped).toEqual({});
  });

  it("the preview writes nothing", async () => {
    const one = await organisation();
    const person = await personWithoutLogin(one);
    await asCoordinatorOf(one);

    await proposalsFor({ kind: "person", personId: person.id });

    expect(await loginsOf([person])).toEqual([]);
    expect(await auditOf(one, "logins.created")).toEqual([]);
  });
});

describe("creating logins for a group or everyone", () => {
  it("only members with an email and no login who have not left get one; the others are counted by reason", async () => {
    const one = await organisation();
    const fresh = await personWithoutLogin(one);
    const noEmail = await personWithoutLogin(one, { email: null });
    const left = await personWithoutLogin(one, { endDate: "2020-01-31" });
    for (const person of [fresh, noEmail, left]) await addPersonToGroup(database.db, { tenantId: one.organisation.id, groupId: one.group.id, personId: person.id });
    await asCoordinatorOf(one);

    const preview = await proposalsFor({ kind: "group", groupId: one.group.id });

    expect(preview.proposals.map((row) => row.personId)).toEqual([fresh.id]);
    // members[0] and members[1] of the fixture group already have logins.
    expect(preview.skipped).toEqual({ "has-login": 2, "no-email": 1, left: 1 });
    expect(preview.groupName).toBe(one.group.name);
  });

  it("confirming creates every login pending, without a password or email, and audits the count once", async () => {
    const one = await organisation();
    const people = [await personWithoutLogin(one), await personWithoutLogin(one), await personWithoutLogin(one)];
    await asCoordinatorOf(one);
    const target: AccessTarget = { kind: "everyone" };
    const preview = await proposalsFor(target);
    expect(preview.proposals).toHaveLength(3);
    expect(preview.skipped).toEqual({ "has-login": 7 });

    const result = await createLogins({ target, logins: preview.proposals.map(({ personId, username }) => ({ personId, username })) });

    expect(result).toEqual({ ok: true, value: { outcome: "done", created: 3, skipped: { "has-login": 7 } } });
    const logins = await loginsOf(people);
    expect(logins.map((login) => login.status)).toEqual(["pending", "pending", "pending"]);
    expect(logins.every((login) => login.passwordHash === null)).toBe(true);
    expect(await database.db.select().from(outbox).where(inArray(outbox.personId, people.map((person) => person.id)))).toEqual([]);
    const coordinator = await actorOf(one.coordinator);
    expect(await auditOf(one, "logins.created")).toEqual([{ details: { count: 3, via: "everyone" }, targetPersonId: null, actorUserId: coordinator.userId }]);
  });

  it("a login created pending cannot sign in, with the same answer as a wrong password", async () => {
    const one = await organisation();
    const person = await personWithoutLogin(one);
    await asCoordinatorOf(one);
    const [proposal] = (await proposalsFor({ kind: "person", personId: person.id })).proposals;
    await createLogins({ target: { kind: "person", personId: person.id }, logins: [proposal] });
    // Even with a password set some other way, a pending login is refused.
    const hash = (await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, one.members[0].user.id)))[0].hash;
    await database.db.update(users).set({ passwordHash: hash }).where(eq(users.personId, person.id));

    const answer = await checkPassword(passwordSignInSchema.parse({ username: proposal.username, password: FIXTURE_PASSWORD }));

    expect(answer).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword(passwordSignInSchema.parse({ username: "nobody.at.all", password: FIXTURE_PASSWORD }))).toEqual(answer);
  });
});

describe("usernames edited in the preview", () => {
  it("an edited username is the one created", async () => {
    const one = await organisation();
    const person = await personWithoutLogin(one);
    await asCoordinatorOf(one);
    const target: AccessTarget = { kind: "person", personId: person.id };
    await proposalsFor(target);

    const result = await createLogins({ target, logins: [{ personId: person.id, username: "  Kim.Gekozen " }] });

    expect(result.ok && result.value.outcome).toBe("done");
    expect((await loginsOf([person]))[0]).toMatchObject({ username: "Kim.Gekozen", status: "pending" });
  });

  it("an invalid or twice-used username is refused next to its row, and nothing is written", async () => {
    const one = await organisation();
    const people = [await personWithoutLogin(one), await personWithoutLogin(one), await personWithoutLogin(one)];
    await asCoordinatorOf(one);
    const target: AccessTarget = { kind: "selection", personIds: people.map((person) => person.id) };

    const result = await createLogins({
      target,
      logins: [
        { personId: people[0].id, username: "a b" },
        { personId: people[1].id, username: "dubbel.naam" },
        { personId: people[2].id, username: "Dubbel.Naam" },
      ],
    });

    expect(result).toEqual({
      ok: true,
      value: {
        outcome: "usernameProblems",
        problems: [
          { personId: people[0].id, username: "a b", problem: "characters" },
          { personId: people[1].id, username: "dubbel.naam", problem: "duplicate" },
          { personId: people[2].id, username: "Dubbel.Naam", problem: "duplicate" },
        ],
      },
    });
    expect(await loginsOf(people)).toEqual([]);
    expect(await auditOf(one, "logins.created")).toEqual([]);
  });

  /** Two organisations; as the first one's coordinator, the proposed usernames for two of its people. */
  async function proposeTwoLoginsBesideAnotherOrganisation() {
    const one = await organisation();
    const two = await organisation();
    const people = [await personWithoutLogin(one), await personWithoutLogin(one)];
    await asCoordinatorOf(one);
    const target: AccessTarget = { kind: "selection", personIds: people.map((person) => person.id) };
    const preview = await proposalsFor(target);
    return { one, two, people, target, preview };
  }

  it("a username taken in another organisation after the preview is reported, and none of the batch is created", async () => {
    const { two, people, target, preview } = await proposeTwoLoginsBesideAnotherOrganisation();
    const takenMeanwhile = preview.proposals[1];
    await createMemberWithLogin(database.db, { tenantId: two.organisation.id, username: takenMeanwhile.username.toUpperCase() });

    const result = await createLogins({ target, logins: preview.proposals.map(({ personId, username }) => ({ personId, username })) });

    expect(result).toEqual({ ok: true, value: { outcome: "usernameProblems", problems: [{ personId: takenMeanwhile.personId, username: takenMeanwhile.username, problem: "taken" }] } });
    expect(await loginsOf(people)).toEqual([]);
  });

  it("a username a racing transaction takes between the check and the insert is reported, and none of the batch is created", async () => {
    const { one, two, people, target, preview } = await proposeTwoLoginsBesideAnotherOrganisation();
    const racedFor = preview.proposals[0];
    await createMemberWithLogin(database.db, { tenantId: two.organisation.id, username: racedFor.username });
    // The check inside the transaction still sees the name free, as it would before the other commit.
    vi.mocked(listTakenUsernames).mockResolvedValueOnce(new Set());

    const result = await createLogins({ target, logins: preview.proposals.map(({ personId, username }) => ({ personId, username })) });

    expect(result).toEqual({ ok: true, value: { outcome: "usernameProblems", problems: [{ personId: racedFor.personId, username: racedFor.username, problem: "taken" }] } });
    expect(await loginsOf(people)).toEqual([]);
    expect(await auditOf(one, "logins.created")).toEqual([]);
  });

  it("a confirmation that no longer matches the people who get a login changes nothing", async () => {
    const one = await organisation();
    const people = [await personWithoutLogin(one), await personWithoutLogin(one)];
    await asCoordinatorOf(one);
    const target: AccessTarget = { kind: "selection", personIds: people.map((person) => person.id) };
    const preview = await proposalsFor(target);

    const result = await createLogins({ target, logins: [preview.proposals[0]] });

    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "countChanged", count: 2 } });
    expect(await loginsOf(people)).toEqual([]);
  });
});

describe("activating logins", () => {
  async function pendingLogins(org: AccessOrganisation, count: number): Promise<Person[]> {
    const people: Person[] = [];
    for (let index = 0; index < count; index += 1) people.push(await personWithoutLogin(org));
    const target: AccessTarget = { kind: "selection", personIds: people.map((person) => person.id) };
    const preview = await proposalsFor(target);
    const created = await createLogins({ target, logins: preview.proposals.map(({ personId, username }) => ({ personId, username })) });
    if (!created.ok || created.value.outcome !== "done") throw new Error(`create failed: ${JSON.stringify(created)}`);
    return people;
  }

  it("activate all turns every pending login of everyone active, skips the others by reason, and audits the count", async () => {
    const one = await organisation();
    await asCoordinatorOf(one);
    const people = await pendingLogins(one, 2);
    const noLogin = await personWithoutLogin(one, { email: null });

    const count = await countLoginActivation({ target: { kind: "everyone" } });
    expect(count).toMatchObject({ ok: true, value: { outcome: "preview", affected: 2, skipped: { "already-active": 7, "no-login": 1 } } });
    const result = await activateLogins({ target: { kind: "everyone" }, expectedCount: 2 });

    expect(result).toEqual({ ok: true, value: { outcome: "done", activated: 2, skipped: { "already-active": 7, "no-login": 1 } } });
    expect((await loginsOf(people)).map((login) => login.status)).toEqual(["active", "active"]);
    expect(await loginsOf([noLogin])).toEqual([]);
    expect(await auditOf(one, "logins.activated")).toMatchObject([{ details: { count: 2, via: "everyone" }, targetPersonId: null }]);
  });

  it("one member is activated from the member page, and the audit entry names them", async () => {
    const one = await organisation();
    await asCoordinatorOf(one);
    const [person, other] = await pendingLogins(one, 2);

    const result = await activateLogins({ target: { kind: "person", personId: person.id }, expectedCount: 1 });

    expect(result).toEqual({ ok: true, value: { outcome: "done", activated: 1, skipped: {} } });
    expect((await loginsOf([person]))[0].status).toBe("active");
    expect((await loginsOf([other]))[0].status).toBe("pending");
    expect(await auditOf(one, "logins.activated")).toMatchObject([{ details: { count: 1, via: "person" }, targetPersonId: person.id }]);
  });

  it("a count that changed since the confirmation activates nobody", async () => {
    const one = await organisation();
    await asCoordinatorOf(one);
    const people = await pendingLogins(one, 2);

    const result = await activateLogins({ target: { kind: "everyone" }, expectedCount: 3 });

    expect(result).toMatchObject({ ok: true, value: { outcome: "refused", reason: "countChanged", count: 2 } });
    expect((await loginsOf(people)).map((login) => login.status)).toEqual(["pending", "pending"]);
    expect(await auditOf(one, "logins.activated")).toEqual([]);
  });
});

describe("who may create and activate logins", () => {
  it("a coordinator of another organisation is answered as if the people and group did not exist", async () => {
    const one = await organisation();
    const two = await organisation();
    const person = await personWithoutLogin(one);
    await asCoordinatorOf(two);
    const target: AccessTarget = { kind: "person", personId: person.id };

    expect(await previewLogins({ target })).toMatchObject({ ok: false, error: "notFound" });
    expect(await createLogins({ target, logins: [{ personId: person.id, username: "overgenomen" }] })).toMatchObject({ ok: false, error: "notFound" });
    expect(await countLoginActivation({ target })).toMatchObject({ ok: false, error: "notFound" });
    expect(await activateLogins({ target, expectedCount: 1 })).toMatchObject({ ok: false, error: "notFound" });
    expect(await previewLogins({ target: { kind: "group", groupId: one.group.id } })).toMatchObject({ ok: false, error: "notFound" });
    expect(await loginsOf([person])).toEqual([]);
  });

  it("a member may not create or activate logins", async () => {
    const one = await organisation();
    const person = await personWithoutLogin(one);
    signInAs(await actorOf(one.members[0]));
    const target: AccessTarget = { kind: "person", personId: person.id };

    expect(await previewLogins({ target })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createLogins({ target, logins: [{ personId: person.id, username: "zelfgemaakt" }] })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await countLoginActivation({ target: { kind: "everyone" } })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await activateLogins({ target: { kind: "everyone" }, expectedCount: 1 })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await loginsOf([person])).toEqual([]);
  });
});

// A coordinator puts several people on a shift at once: everyone who may work it is put on while
// places last, and the answer says who was put on and who was not, and why. Through the real guard
// (stubbed session) and the form the dashboard posts. Runs unchanged on PGlite, PostgreSQL and Neon.
import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { outbox } from "@/lib/db/schema/platform";
import { assignments } from "@/lib/db/schema/roster";
import { addPersonToGroup, createAssignment } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, peopleOn, shiftIn, type Member, type RosterOrganisation } from "./roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));
// The Dutch texts with next-intl's own formatting, as the dashboard shows them.
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { assignPeopleForm, assignPeopleToShift } = await import("@/lib/roster/actions");

let database: TestDatabase;
let org: RosterOrganisation;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createRosterOrganisation(database.db, "Indelen", 6);
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  signOut();
  signInAs(await actorOf(org.coordinator));
});

function chosen(shiftId: string, members: Member[]): FormData {
  const form = new FormData();
  form.set("shiftId", shiftId);
  for (const member of members) form.append("personIds", member.person.id);
  return form;
}

function nameOf(member: Member): string {
  const { person } = member;
  return [person.firstName, person.infix, person.lastName].filter(Boolean).join(" ");
}

/** Who got the assignment email since `since` among the people now on the shift. */
async function assignedMailsOf(shiftId: string, since: Date): Promise<string[]> {
  const rows = await database.db
    .select({ personId: outbox.personId, template: outbox.template })
    .from(outbox)
    .where(and(eq(outbox.tenantId, org.organisation.id), eq(outbox.template, "shift-assigned"), gte(outbox.createdAt, since)));
  const onShift = new Set(await peopleOn(database.db, shiftId));
  return rows.flatMap((row) => (row.personId && onShift.has(row.personId) ? [row.personId] : []));
}

describe("who was assigned and who was not, and why", () => {
  it("with more people chosen than places, the first chosen are put on and the rest hear there was no place left", async () => {
    const [a, b, c] = org.members.slice(2, 5);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(5, "09:00"), needed: 2 });
    const result = await assignPeopleToShift({ shiftId: shift.id, personIds: [c.person.id, a.person.id, b.person.id] });
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: "assigned",
        assigned: [
          { personId: c.person.id, name: nameOf(c) },
          { personId: a.person.id, name: nameOf(a) },
        ],
        notAssigned: [{ personId: b.person.id, name: nameOf(b), problem: "noPlace" }],
      },
    });
    expect((await peopleOn(database.db, shift.id)).sort()).toEqual([a.person.id, c.person.id].sort());
    const [row] = await database.db.select({ source: assignments.source }).from(assignments).where(eq(assignments.shiftId, shift.id));
    expect(row.source).toBe("coordinator");
  });

  it("someone already on it, working elsewhere then or outside the group is named with the reason; the others are still put on and mailed", async () => {
    const [inGroup, alsoInGroup] = org.members;
    const [outsider, busy] = org.members.slice(4, 6);
    await addPersonToGroup(database.db, { tenantId: org.organisation.id, groupId: org.group.id, personId: busy.person.id });
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(6, "09:00"), needed: 4, groupId: org.group.id, activity: "Soepkeuken" });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: shift.id, personId: alsoInGroup.person.id });
    const clash = await shiftIn(database.db, org, { startsAt: daysAhead(6, "10:00"), activity: "Taalcafé" });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: clash.id, personId: busy.person.id });

    const since = new Date();
    const answer = await assignPeopleForm({}, chosen(shift.id, [inGroup, alsoInGroup, outsider, busy]));
    expect(answer.tone).toBe("partial");
    expect(answer.message).toBe("1 persoon ingeroosterd; die krijgt een e-mail. 3 personen niet.");
    expect(answer.assigned).toEqual([nameOf(inGroup)]);
    expect(answer.notAssigned).toEqual([
      `${nameOf(alsoInGroup)} staat al op deze dienst.`,
      `${nameOf(outsider)} zit niet in de groep van deze dienst.`,
      expect.stringMatching(new RegExp(`^${nameOf(busy)} heeft dan al een andere dienst: Taalcafé, `)),
    ]);
    expect((await peopleOn(database.db, shift.id)).sort()).toEqual([inGroup.person.id, alsoInGroup.person.id].sort());
    expect(await assignedMailsOf(shift.id, since)).toEqual([inGroup.person.id]);
  });

  it("when nobody can be put on, nothing changes, nobody is mailed and the answer says why for each", async () => {
    const [a, b] = org.members.slice(2, 4);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(7, "09:00"), needed: 1 });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: shift.id, personId: a.person.id });
    const since = new Date();
    const answer = await assignPeopleForm({}, chosen(shift.id, [a, b]));
    expect(answer).toEqual({
      tone: "error",
      message: "Niemand ingeroosterd.",
      assigned: [],
      notAssigned: [`${nameOf(a)} staat al op deze dienst.`, `${nameOf(b)}: er was geen plek meer vrij.`],
    });
    expect(await peopleOn(database.db, shift.id)).toEqual([a.person.id]);
    expect(await assignedMailsOf(shift.id, since)).toEqual([]);
  });

  it("everyone put on: a confirmation without a list of refusals", async () => {
    const [a, b] = org.members.slice(2, 4);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(8, "09:00"), needed: 3 });
    const answer = await assignPeopleForm({}, chosen(shift.id, [a, b]));
    expect(answer).toEqual({ tone: "success", message: "2 personen ingeroosterd; ze krijgen een e-mail.", assigned: [nameOf(a), nameOf(b)], notAssigned: [] });
  });
});

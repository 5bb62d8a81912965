// Groups on the coordinator dashboard: create, rename and email address (unique names in any letter
// case, the address used by the "tell the coordinator" fallback chain), archive (no longer offered,
// nothing lost), delete (restricted shifts open up), and adding or removing many members at once.
// Through the real actions with a stubbed session: another organisation's coordinator finds nothing,
// a member is refused, and every change is audited.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { listGroupOptions } from "@/lib/accounts/blocking/queries";
import { auditLog } from "@/lib/db/schema/platform";
import { people } from "@/lib/db/schema/people";
import { shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations, organisations } from "@/lib/db/schema/tenancy";
import { addPersonToGroup, createGroup as createGroupRow, createMemberWithLogin } from "@/lib/demo/factories";
import { listGroups } from "@/lib/people/queries";
import { responsibleAddress } from "@/lib/roster/handover";
import { createShift, editShift } from "@/lib/roster/actions";
import { listShiftFormOptions } from "@/lib/roster/queries";
import {
  addMembersToGroup,
  archiveGroup,
  changeGroupStatusForm,
  createGroup,
  deleteGroup,
  removeMembersFromGroup,
  saveGroupForm,
  unarchiveGroup,
  updateGroup,
} from "@/lib/tenancy/groups-actions";
import { getGroupOverview, listGroupsOverview } from "@/lib/tenancy/groups-queries";
import { auditEntriesOf } from "@/tests/setup/audit-entries";
import { formOf } from "@/tests/setup/forms";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, createNumberedRosterOrganisation, daysAhead, shiftIn } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const database = setUpSignedOutDatabase();

const organisation = () => createNumberedRosterOrganisation(database.db);
const auditOf = (tenantId: string, action: string) => auditEntriesOf(database.db, tenantId, action, { details: auditLog.details, actorUserId: auditLog.actorUserId });

async function groupRow(groupId: string) {
  const [row] = await database.db.select().from(groups).where(eq(groups.id, groupId));
  return row;
}

async function membersOf(groupId: string): Promise<string[]> {
  const rows = await database.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  return rows.map((row) => row.personId).sort();
}

describe("creating and changing a group", () => {
  it("a coordinator creates a group with an email address; it is listed without members and the creation is audited", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const result = await createGroup({ name: "  Chauffeurs ", email: "chauffeurs@example.org" });
    expect(result).toMatchObject({ ok: true, value: { outcome: "saved", changed: true } });
    const list = await listGroupsOverview(org.organisation.id, new Date());
    expect(list.find((group) => group.name === "Chauffeurs")).toMatchObject({ email: "chauffeurs@example.org", members: 0, comingShifts: 0, archivedAt: null });
    const audit = await auditOf(org.organisation.id, "group.created");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: org.coordinator.user.id, details: { name: "Chauffeurs", email: "chauffeurs@example.org" } });
  });

  it("a name another group already has, in any letter case, is refused at the name field and no second group is made", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const state = await saveGroupForm({}, formOf({ name: org.group.name.toUpperCase(), email: "" }));
    expect(state.status).toBe("failed");
    expect(state.fieldErrors?.name?.[0]).toContain("Er is al een groep met deze naam");
    const rows = await database.db.select({ id: groups.id }).from(groups).where(eq(groups.tenantId, org.organisation.id));
    expect(rows).toHaveLength(1);
    expect(await auditOf(org.organisation.id, "group.created")).toHaveLength(0);
  });

  it("the same name may exist in another organisation", async () => {
    const org = await organisation();
    const other = await organisation();
    signInAs(await actorOf(other.coordinator));
    expect(await createGroup({ name: org.group.name, email: "" })).toMatchObject({ ok: true, value: { outcome: "saved" } });
  });

  it("renaming changes only the letter case of the group's own name, but refuses another group's name", async () => {
    const org = await organisation();
    const second = await createGroupRow(database.db, { tenantId: org.organisation.id, name: "Tuin" });
    signInAs(await actorOf(org.coordinator));
    expect(await updateGroup({ groupId: second.id, name: "TUIN", email: "" })).toMatchObject({ ok: true, value: { outcome: "saved", changed: true } });
    expect((await groupRow(second.id)).name).toBe("TUIN");
    expect(await updateGroup({ groupId: second.id, name: org.group.name.toLowerCase(), email: "" })).toEqual({ ok: true, value: { outcome: "refused", problem: "nameTaken" } });
    expect((await groupRow(second.id)).name).toBe("TUIN");
    const renamed = await auditOf(org.organisation.id, "group.renamed");
    expect(renamed).toHaveLength(1);
    expect(renamed[0].details).toMatchObject({ before: { name: "Tuin" }, after: { name: "TUIN" } });
  });

  it.each([
    { label: "not an address", email: "chauffeurs-at-example" },
    { label: "two addresses", email: "a@example.org, b@example.org" },
    { label: "too long", email: `${"a".repeat(250)}@example.org` },
  ])("an email address that is $label is refused at the email field", async ({ email }) => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const state = await saveGroupForm({}, formOf({ groupId: org.group.id, name: org.group.name, email }));
    expect(state.fieldErrors?.email?.[0]).toBe("Vul een geldig e-mailadres in, of laat het veld leeg.");
    expect((await groupRow(org.group.id)).email).toBeNull();
  });

  it("notifications about a group's shift without a coordinator go to the group's address once set, and to the organisation's once cleared", async () => {
    const org = await organisation();
    await database.db.update(organisations).set({ email: "kantoor@example.org" }).where(eq(organisations.id, org.organisation.id));
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(3, "10:00"), groupId: org.group.id, coordinatorId: null });
    signInAs(await actorOf(org.coordinator));
    expect(await updateGroup({ groupId: org.group.id, name: org.group.name, email: "keuken@example.org" })).toMatchObject({ ok: true, value: { changed: true } });
    const toGroup = await database.db.transaction((tx) => responsibleAddress(tx, org.organisation.id, shift.id));
    expect(toGroup?.address).toBe("keuken@example.org");
    expect(await updateGroup({ groupId: org.group.id, name: org.group.name, email: "" })).toMatchObject({ ok: true, value: { changed: true } });
    expect((await groupRow(org.group.id)).email).toBeNull();
    const toOrganisation = await database.db.transaction((tx) => responsibleAddress(tx, org.organisation.id, shift.id));
    expect(toOrganisation?.address).toBe("kantoor@example.org");
    const changes = await auditOf(org.organisation.id, "group.email-changed");
    expect(changes.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ before: { email: null }, after: { email: "keuken@example.org" } }),
      expect.objectContaining({ before: { email: "keuken@example.org" }, after: { email: null } }),
    ]);
  });
});

describe("archiving a group", () => {
  it("an archived group is no longer offered in the shift editor, the filters or the photo book, but stays on a shift that has it", async () => {
    const org = await organisation();
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(2, "10:00"), groupId: org.group.id });
    signInAs(await actorOf(org.coordinator));
    expect(await archiveGroup({ groupId: org.group.id })).toEqual({ ok: true, value: { changed: true } });
    const tenantId = org.organisation.id;
    expect((await listShiftFormOptions(tenantId)).groups.map((group) => group.id)).not.toContain(org.group.id);
    expect((await listGroupOptions(tenantId)).map((group) => group.id)).not.toContain(org.group.id);
    expect((await listGroups(tenantId)).map((group) => group.id)).not.toContain(org.group.id);
    // Editing the shift that already has it still shows it; a link from the groups page still filters by it.
    expect((await listShiftFormOptions(tenantId, { groupId: org.group.id })).groups.map((group) => group.id)).toContain(org.group.id);
    expect((await listGroupOptions(tenantId, { include: org.group.id })).map((group) => group.id)).toContain(org.group.id);
    // Members and the shift keep it.
    expect(await membersOf(org.group.id)).toHaveLength(2);
    const [row] = await database.db.select({ groupId: shifts.groupId }).from(shifts).where(eq(shifts.id, shift.id));
    expect(row.groupId).toBe(org.group.id);
    expect(await auditOf(tenantId, "group.archived")).toHaveLength(1);
  });

  it("a new shift cannot be restricted to an archived group or placed at an archived location, but a shift that has them can still be edited", async () => {
    const org = await organisation();
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(5, "10:00"), groupId: org.group.id });
    signInAs(await actorOf(org.coordinator));
    await archiveGroup({ groupId: org.group.id });
    await database.db.update(locations).set({ archivedAt: new Date() }).where(eq(locations.id, org.location.id));
    const fields = { activity: "Koken", locationId: org.location.id, startTime: "10:00", endTime: "13:00", needed: "2", groupId: org.group.id, coordinatorId: "", notes: "" };
    const created = await createShift(formOf({ repeat: "once", date: "2031-03-04", ...fields }));
    expect(created).toMatchObject({ ok: true, value: { outcome: "invalid", fieldErrors: { groupId: ["groupUnknown"], locationId: ["locationUnknown"] } } });
    const edited = await editShift(formOf({ shiftId: shift.id, scope: "one", date: "2031-03-05", ...fields, activity: "Koken en eten" }));
    expect(edited).toMatchObject({ ok: true, value: { outcome: "saved" } });
    const [row] = await database.db.select({ activity: shifts.activity, groupId: shifts.groupId, locationId: shifts.locationId }).from(shifts).where(eq(shifts.id, shift.id));
    expect(row).toEqual({ activity: "Koken en eten", groupId: org.group.id, locationId: org.location.id });
  });

  it("archiving twice changes nothing the second time, and restoring offers the group again", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    await archiveGroup({ groupId: org.group.id });
    expect(await archiveGroup({ groupId: org.group.id })).toEqual({ ok: true, value: { changed: false } });
    expect(await auditOf(org.organisation.id, "group.archived")).toHaveLength(1);
    const state = await changeGroupStatusForm({}, formOf({ groupId: org.group.id, intent: "unarchive" }));
    expect(state).toMatchObject({ status: "saved", message: "De groep is weer actief." });
    expect((await listShiftFormOptions(org.organisation.id)).groups.map((group) => group.id)).toContain(org.group.id);
    expect(await auditOf(org.organisation.id, "group.unarchived")).toHaveLength(1);
  });
});

describe("deleting a group", () => {
  it("the page counts the coming shifts only for the group; after deleting anyone can take them and members lose only the membership", async () => {
    const org = await organisation();
    const tenantId = org.organisation.id;
    const coming = [
      await shiftIn(database.db, org, { startsAt: daysAhead(1, "10:00"), groupId: org.group.id }),
      await shiftIn(database.db, org, { startsAt: daysAhead(8, "10:00"), groupId: org.group.id }),
    ];
    const past = await shiftIn(database.db, org, { startsAt: daysAhead(-3, "10:00"), groupId: org.group.id });
    await shiftIn(database.db, org, { startsAt: daysAhead(4, "10:00"), groupId: org.group.id, cancelledAt: new Date() });
    await shiftIn(database.db, org, { startsAt: daysAhead(4, "10:00") });
    expect(await getGroupOverview(tenantId, org.group.id, new Date())).toMatchObject({ members: 2, comingShifts: 2 });

    signInAs(await actorOf(org.coordinator));
    expect(await deleteGroup({ groupId: org.group.id })).toEqual({ ok: true, value: { name: org.group.name, members: 2, comingShifts: 2 } });
    expect(await groupRow(org.group.id)).toBeUndefined();
    const after = await database.db
      .select({ groupId: shifts.groupId })
      .from(shifts)
      .where(inArray(shifts.id, [...coming.map((shift) => shift.id), past.id]));
    expect(after.map((row) => row.groupId)).toEqual([null, null, null]);
    expect(await membersOf(org.group.id)).toEqual([]);
    const stillThere = await database.db.select({ id: people.id }).from(people).where(inArray(people.id, [org.members[0].person.id, org.members[1].person.id]));
    expect(stillThere).toHaveLength(2);
    const audit = await auditOf(tenantId, "group.deleted");
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ name: org.group.name, members: 2, comingShifts: 2 });
  });

  it("deleting from the group page goes back to the list of groups", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    await expect(changeGroupStatusForm({}, formOf({ groupId: org.group.id, intent: "delete" }))).rejects.toThrow("NEXT_REDIRECT /dashboard/groups?deleted=1");
    expect(await groupRow(org.group.id)).toBeUndefined();
  });
});

describe("adding and removing many members at once", () => {
  it("adds the selected people, counts those already in it, and audits the number added; repeating adds nobody", async () => {
    const org = await organisation();
    const tenantId = org.organisation.id;
    const personIds = org.members.slice(1).map((member) => member.person.id);
    signInAs(await actorOf(org.coordinator));
    expect(await addMembersToGroup({ groupId: org.group.id, personIds })).toEqual({
      ok: true,
      value: { outcome: "changed", groupName: org.group.name, changed: 2, unchanged: 1 },
    });
    expect(await membersOf(org.group.id)).toEqual(org.members.map((member) => member.person.id).sort());
    expect(await addMembersToGroup({ groupId: org.group.id, personIds })).toMatchObject({ ok: true, value: { changed: 0, unchanged: 3 } });
    const audit = await auditOf(tenantId, "group.members-added");
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ groupId: org.group.id, name: org.group.name, count: 2, selected: 3 });
  });

  it("removes the selected people who are in the group, counts the others, and audits the number removed", async () => {
    const org = await organisation();
    const personIds = [org.members[0].person.id, org.members[3].person.id];
    signInAs(await actorOf(org.coordinator));
    expect(await removeMembersFromGroup({ groupId: org.group.id, personIds })).toMatchObject({ ok: true, value: { outcome: "changed", changed: 1, unchanged: 1 } });
    expect(await membersOf(org.group.id)).toEqual([org.members[1].person.id]);
    expect(await removeMembersFromGroup({ groupId: org.group.id, personIds })).toMatchObject({ ok: true, value: { changed: 0 } });
    const audit = await auditOf(org.organisation.id, "group.members-removed");
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ count: 1, selected: 2 });
  });

  it("an archived group takes no new members", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    await archiveGroup({ groupId: org.group.id });
    expect(await addMembersToGroup({ groupId: org.group.id, personIds: [org.members[3].person.id] })).toEqual({ ok: true, value: { outcome: "refused", problem: "archived" } });
    expect(await membersOf(org.group.id)).toHaveLength(2);
  });

  it("a selection with someone of another organisation is refused as not found and changes nothing", async () => {
    const org = await organisation();
    const other = await organisation();
    signInAs(await actorOf(org.coordinator));
    const result = await addMembersToGroup({ groupId: org.group.id, personIds: [org.members[3].person.id, other.members[0].person.id] });
    expect(result).toEqual({ ok: false, error: "notFound" });
    expect(await membersOf(org.group.id)).toHaveLength(2);
  });

  it("an empty selection is invalid", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    expect(await addMembersToGroup({ groupId: org.group.id, personIds: [] })).toMatchObject({ ok: false, error: "invalid" });
  });
});

describe("who may change groups", () => {
  it("a coordinator of another organisation gets not found for every action on a group, and its pages show nothing of it", async () => {
    const org = await organisation();
    const other = await organisation();
    signInAs(await actorOf(other.coordinator));
    const groupId = org.group.id;
    const personIds = [org.members[2].person.id];
    const calls = [
      () => updateGroup({ groupId, name: "Overgenomen", email: "" }),
      () => archiveGroup({ groupId }),
      () => unarchiveGroup({ groupId }),
      () => deleteGroup({ groupId }),
      () => addMembersToGroup({ groupId, personIds }),
      () => removeMembersFromGroup({ groupId, personIds: [org.members[0].person.id] }),
    ];
    for (const call of calls) expect(await call()).toEqual({ ok: false, error: "notFound" });
    expect(await groupRow(groupId)).toMatchObject({ name: org.group.name, archivedAt: null });
    expect(await membersOf(groupId)).toHaveLength(2);
    expect(await getGroupOverview(other.organisation.id, groupId, new Date())).toBeNull();
    expect((await listGroupsOverview(other.organisation.id, new Date())).map((group) => group.id)).not.toContain(groupId);
    expect(await auditOf(org.organisation.id, "group.renamed")).toHaveLength(0);
  });

  it("a made-up group id answers exactly like another organisation's", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    expect(await archiveGroup({ groupId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "notFound" });
  });

  it("a member is refused every action and nothing changes", async () => {
    const org = await organisation();
    const member = await createMemberWithLogin(database.db, { tenantId: org.organisation.id, role: "member" });
    await addPersonToGroup(database.db, { tenantId: org.organisation.id, groupId: org.group.id, personId: member.person.id });
    signInAs(await actorOf(member));
    const groupId = org.group.id;
    const personIds = [org.members[2].person.id];
    const calls = [
      () => createGroup({ name: "Eigen groep", email: "" }),
      () => updateGroup({ groupId, name: "Overgenomen", email: "" }),
      () => archiveGroup({ groupId }),
      () => unarchiveGroup({ groupId }),
      () => deleteGroup({ groupId }),
      () => addMembersToGroup({ groupId, personIds }),
      () => removeMembersFromGroup({ groupId, personIds }),
    ];
    for (const call of calls) expect(await call()).toEqual({ ok: false, error: "forbidden" });
    expect(await listGroupsOverview(org.organisation.id, new Date())).toHaveLength(1);
    expect(await groupRow(groupId)).toMatchObject({ name: org.group.name, archivedAt: null });
    expect(await membersOf(groupId)).toHaveLength(3);
  });
});

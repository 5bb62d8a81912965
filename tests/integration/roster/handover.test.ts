// Handing a shift over: asking colleagues or a group, the first accept winning under 50 simultaneous
// accepts, withdrawing, expiry at the shift's start, who is told by email, and what each viewer may
// see. Runs unchanged on PGlite, PostgreSQL and the Neon driver.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { people } from "@/lib/db/schema/people";
import { outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { assignments, handoverRecipients, handoverRequests, shifts } from "@/lib/db/schema/roster";
import { groups, organisations } from "@/lib/db/schema/tenancy";
import { addPersonToGroup, createAssignment, createGroup, createPerson } from "@/lib/demo/factories";
import { acceptHandover, cancelHandover, getHandoverChoices, getHandoverForViewer, requestHandover, type RequestHandoverInput } from "@/lib/roster/handover";
import { acceptHandoverRequest, askForHandover, withdrawHandover } from "@/lib/roster/handover-actions";
import type { RosterMember } from "@/lib/roster/sign-ups";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, mailTo, peopleOn, shiftIn, signInLinksOf, type Member, type RosterOrganisation } from "./roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

let database: TestDatabase;
let one: RosterOrganisation;
let two: RosterOrganisation;
const TZ = "Europe/Amsterdam";

beforeAll(async () => {
  database = await createTestDatabase();
  one = await createRosterOrganisation(database.db, "Eén", 6);
  two = await createRosterOrganisation(database.db, "Twee");
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => {
  signOut();
});

const as = (member: Member, org: RosterOrganisation = one): RosterMember => ({ tenantId: org.organisation.id, personId: member.person.id, timeZone: TZ });
const ask = (overrides: Partial<RequestHandoverInput> & { shiftId: string }): RequestHandoverInput => ({ personIds: [], groupId: null, message: null, ...overrides });

let day = 10;
/** A fresh shift some days ahead (never overlapping another test's), with `holder` on it. */
async function shiftOf(holder: Member, overrides: Partial<Parameters<typeof shiftIn>[2]> = {}) {
  day += 1;
  const shift = await shiftIn(database.db, one, { ...overrides, startsAt: overrides.startsAt ?? daysAhead(day, "09:00") });
  await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: shift.id, personId: holder.person.id });
  return shift;
}

async function requested(holder: Member, shiftId: string, recipients: Member[], message: string | null = null) {
  const change = await requestHandover(as(holder), ask({ shiftId, personIds: recipients.map((m) => m.person.id), message }));
  if (change.result.outcome !== "requested") throw new Error(`not requested: ${JSON.stringify(change.result)}`);
  return change.result.requestId;
}

async function templatesTo(member: Member): Promise<string[]> {
  return (await mailTo(database.db, member.person.id)).map((mail) => mail.template);
}

describe("asking colleagues to take a shift over", () => {
  it("asks the chosen colleagues by email; each button signs them in on the request's page, with the message", async () => {
    const [a, b, c] = one.members.slice(2, 5);
    const shift = await shiftOf(a);
    const change = await requestHandover(as(a), ask({ shiftId: shift.id, personIds: [b.person.id, c.person.id], message: "Ik ben die dag jarig." }));
    expect(change.result).toMatchObject({ outcome: "requested", recipients: 2 });
    if (change.result.outcome !== "requested") return;
    expect(change.mailIds).toHaveLength(2);
    for (const recipient of [b, c]) {
      const [mail] = (await mailTo(database.db, recipient.person.id)).filter((row) => row.template === "handover-request");
      expect(mail.subject).toContain("vraagt of je een dienst wilt overnemen");
      expect(mail.html).toContain("Ik ben die dag jarig.");
      expect(mail.html).toContain("Koffieochtend");
      const links = await signInLinksOf(database.db, recipient.user.id);
      expect(links.map((link) => link.destination)).toContain(`/my/handover/${change.result.requestId}`);
    }
    // The requester stays on the shift until someone accepts.
    expect(await peopleOn(database.db, shift.id)).toEqual([a.person.id]);
  });

  it("asks a group: only its members who may work the shift", async () => {
    const [a] = one.members.slice(2);
    const [inGroupFree, inGroupBusy] = one.members;
    const shift = await shiftOf(a);
    // inGroupBusy already has a shift at that time.
    const clash = await shiftIn(database.db, one, { startsAt: shift.startsAt, activity: "Taalcafé" });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: clash.id, personId: inGroupBusy.person.id });
    const change = await requestHandover(as(a), ask({ shiftId: shift.id, groupId: one.group.id }));
    expect(change.result).toMatchObject({ outcome: "requested", recipients: 1 });
    if (change.result.outcome !== "requested") return;
    const recipients = await database.db.select({ personId: handoverRecipients.personId }).from(handoverRecipients).where(eq(handoverRecipients.requestId, change.result.requestId));
    expect(recipients.map((row) => row.personId)).toEqual([inGroupFree.person.id]);
  });

  it("refuses someone chosen by name who may not work the shift, naming them, and asks nobody", async () => {
    const [a, b] = one.members.slice(2);
    const outsider = one.members[5];
    const shift = await shiftOf(a, { startsAt: daysAhead(day + 1, "09:00"), groupId: one.group.id });
    const change = await requestHandover(as(a), ask({ shiftId: shift.id, personIds: [one.members[0].person.id, outsider.person.id] }));
    expect(change.result).toEqual({ outcome: "refused", problem: "notEligible", names: [expect.stringContaining(outsider.person.lastName)] });
    expect(change.mailIds).toEqual([]);
    expect(await database.db.select().from(handoverRequests).where(eq(handoverRequests.shiftId, shift.id))).toEqual([]);
    expect(b).toBeDefined();
  });

  it.each([
    { label: "a shift the member is not on", problem: "notOnShift" },
    { label: "a shift that has started", problem: "started" },
    { label: "a cancelled shift", problem: "cancelled" },
    { label: "a shift of another organisation", problem: "notFound" },
  ])("refuses $label", async ({ problem }) => {
    const [a, b] = one.members.slice(2);
    let shiftId: string;
    if (problem === "notOnShift") shiftId = (await shiftIn(database.db, one, { startsAt: daysAhead(++day, "09:00") })).id;
    else if (problem === "started") shiftId = (await shiftOf(a, { startsAt: new Date(Date.now() - 3_600_000) })).id;
    else if (problem === "cancelled") {
      shiftId = (await shiftOf(a)).id;
      await database.db.update(shifts).set({ cancelledAt: new Date() }).where(eq(shifts.id, shiftId));
    } else {
      const theirs = await shiftIn(database.db, two, { startsAt: daysAhead(++day, "09:00") });
      await createAssignment(database.db, { tenantId: two.organisation.id, shiftId: theirs.id, personId: two.members[0].person.id });
      shiftId = theirs.id;
    }
    const change = await requestHandover(as(a), ask({ shiftId, personIds: [b.person.id] }));
    expect(change.result).toEqual({ outcome: "refused", problem });
    expect(change.mailIds).toEqual([]);
  });

  it("keeps one open request per shift, asks nobody for an empty choice, and ignores people of another organisation", async () => {
    const [a, b] = one.members.slice(2);
    const shift = await shiftOf(a);
    expect((await requestHandover(as(a), ask({ shiftId: shift.id }))).result).toEqual({ outcome: "refused", problem: "nobodyChosen" });
    expect((await requestHandover(as(a), ask({ shiftId: shift.id, personIds: [two.members[0].person.id, a.person.id] }))).result).toEqual({
      outcome: "refused",
      problem: "nobodyChosen",
    });
    const requestId = await requested(a, shift.id, [b]);
    expect((await requestHandover(as(a), ask({ shiftId: shift.id, personIds: [b.person.id] }))).result).toEqual({ outcome: "refused", problem: "alreadyAsked", requestId });
  });
});

describe("accepting: the first one wins", () => {
  it("moves the place to the taker and tells the requester, the taker, the others and the shift's coordinator", async () => {
    const [a, b, c, d] = one.members.slice(2, 6);
    const shift = await shiftOf(a, { coordinatorId: one.coordinator.person.id });
    const requestId = await requested(a, shift.id, [b, c, d]);
    const change = await acceptHandover(as(c), requestId);
    expect(change.result).toEqual({ outcome: "accepted", shiftId: shift.id });
    expect(await peopleOn(database.db, shift.id)).toEqual([c.person.id]);
    const [place] = await database.db.select().from(assignments).where(eq(assignments.shiftId, shift.id));
    expect(place.source).toBe("handover");
    const [request] = await database.db.select().from(handoverRequests).where(eq(handoverRequests.id, requestId));
    expect(request).toMatchObject({ status: "accepted", acceptedById: c.person.id });

    expect(await templatesTo(a)).toContain("handover-accepted-requester");
    expect(await templatesTo(c)).toContain("handover-accepted-taker");
    expect(await templatesTo(b)).toContain("handover-already-taken");
    expect(await templatesTo(d)).toContain("handover-already-taken");
    const [notice] = withMailBodies(await database.db.select().from(outbox).where(and(eq(outbox.template, "handover-coordinator"), eq(outbox.personId, one.coordinator.person.id))));
    expect(notice.toAddress).toBe(one.coordinator.person.email);
    expect(notice.html).toContain("Koffieochtend");

    // B's button now leads to a page that says it was taken; B pressing accept hears the same.
    expect((await acceptHandover(as(b), requestId)).result).toEqual({ outcome: "refused", problem: "alreadyTaken" });
    expect((await acceptHandover(as(c), requestId)).result).toEqual({ outcome: "refused", problem: "alreadyYours" });
    expect(await getHandoverForViewer(one.organisation.id, b.person.id, requestId)).toMatchObject({ state: "accepted", viewer: "recipient", acceptedByViewer: false });
  });

  it("50 colleagues accepting at once: exactly one new assignee, 49 hear it is already taken, the requester is off the shift", async () => {
    const org = one.organisation.id;
    const [a] = one.members.slice(2);
    const shift = await shiftOf(a);
    const racers = await database.db
      .insert(people)
      .values(Array.from({ length: 50 }, (_, i) => ({ tenantId: org, firstName: `Overnemer${i}`, lastName: "Vlug", email: `vlug${i}@example.org` })))
      .returning({ id: people.id });
    const change = await requestHandover(as(a), ask({ shiftId: shift.id, personIds: racers.map((racer) => racer.id) }));
    if (change.result.outcome !== "requested") throw new Error("not requested");
    const requestId = change.result.requestId;

    const now = new Date();
    const results = await Promise.all(racers.map((racer) => acceptHandover({ tenantId: org, personId: racer.id, timeZone: TZ }, requestId, now)));

    const winners = results.filter((r) => r.result.outcome === "accepted");
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.result.outcome === "refused" && r.result.problem === "alreadyTaken")).toHaveLength(49);
    const onShift = await peopleOn(database.db, shift.id);
    expect(onShift).toHaveLength(1);
    expect(onShift[0]).not.toBe(a.person.id);
    expect(racers.map((racer) => racer.id)).toContain(onShift[0]);
    const [request] = await database.db.select().from(handoverRequests).where(eq(handoverRequests.id, requestId));
    expect(request.acceptedById).toBe(onShift[0]);
  });

  it("refuses someone who was not asked, someone of another organisation, and a taker with another shift at that time", async () => {
    const [a, b, c] = one.members.slice(2, 5);
    const shift = await shiftOf(a);
    const requestId = await requested(a, shift.id, [b]);
    expect((await acceptHandover(as(c), requestId)).result).toEqual({ outcome: "refused", problem: "notFound" });
    expect((await acceptHandover(as(two.members[0], two), requestId)).result).toEqual({ outcome: "refused", problem: "notFound" });
    // b takes another shift at the same time after being asked.
    const clash = await shiftIn(database.db, one, { startsAt: shift.startsAt, activity: "Taalcafé" });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: clash.id, personId: b.person.id });
    expect((await acceptHandover(as(b), requestId)).result).toEqual({ outcome: "refused", problem: "overlap" });
    expect(await peopleOn(database.db, shift.id)).toEqual([a.person.id]);
  });

  it("ends at the shift's start: accepting then is refused and the page shows it as expired", async () => {
    const [a, b] = one.members.slice(2);
    const shift = await shiftOf(a);
    const requestId = await requested(a, shift.id, [b]);
    const later = new Date(shift.startsAt.getTime() + 60_000);
    expect((await acceptHandover(as(b), requestId, later)).result).toEqual({ outcome: "refused", problem: "expired" });
    expect(await getHandoverForViewer(one.organisation.id, b.person.id, requestId, later)).toMatchObject({ state: "expired" });
    expect((await cancelHandover(as(a), requestId, later)).result).toEqual({ outcome: "refused", problem: "expired" });
    expect(await peopleOn(database.db, shift.id)).toEqual([a.person.id]);
  });
});

describe("the coordinator is told: the shift's coordinator, else the group's address, else the organisation's", () => {
  async function noticeAddressFor(shiftOverrides: Record<string, unknown>): Promise<string[]> {
    const [a, b] = [one.members[0], one.members[1]];
    day += 1;
    const shift = await shiftIn(database.db, one, { startsAt: daysAhead(day, "13:00"), ...shiftOverrides });
    await createAssignment(database.db, { tenantId: one.organisation.id, shiftId: shift.id, personId: a.person.id });
    const requestId = await requested(a, shift.id, [b]);
    const change = await acceptHandover(as(b), requestId);
    expect(change.result.outcome).toBe("accepted");
    const notices = await database.db.select().from(outbox).where(eq(outbox.template, "handover-coordinator"));
    return notices.filter((mail) => change.mailIds.includes(mail.id)).map((mail) => mail.toAddress);
  }

  it("falls back along the chain, and sends nothing when nobody has an address", async () => {
    await database.db.update(groups).set({ email: "keuken@example.org" }).where(eq(groups.id, one.group.id));
    await database.db.update(organisations).set({ email: "kantoor@example.org" }).where(eq(organisations.id, one.organisation.id));
    const withoutEmail = await createPerson(database.db, { tenantId: one.organisation.id, role: "coordinator", email: null });

    expect(await noticeAddressFor({ coordinatorId: one.coordinator.person.id, groupId: one.group.id })).toEqual([one.coordinator.person.email]);
    expect(await noticeAddressFor({ coordinatorId: withoutEmail.id, groupId: one.group.id })).toEqual(["keuken@example.org"]);
    expect(await noticeAddressFor({ groupId: null })).toEqual(["kantoor@example.org"]);
    await database.db.update(organisations).set({ email: null }).where(eq(organisations.id, one.organisation.id));
    expect(await noticeAddressFor({ groupId: null })).toEqual([]);
  });
});

describe("withdrawing", () => {
  it("the requester withdraws until someone accepts; then nobody can accept it", async () => {
    const [a, b, c] = one.members.slice(2);
    const shift = await shiftOf(a);
    const requestId = await requested(a, shift.id, [b, c]);
    expect((await cancelHandover(as(b), requestId)).result).toEqual({ outcome: "refused", problem: "notFound" });
    const change = await cancelHandover(as(a), requestId);
    expect(change.result).toEqual({ outcome: "withdrawn" });
    // Both colleagues asked hear it is no longer needed; the requester gets nothing.
    expect(change.mailIds).toHaveLength(2);
    for (const asked of [b, c]) {
      const [mail] = (await mailTo(database.db, asked.person.id)).filter((m) => m.template === "handover-withdrawn");
      expect(mail?.subject).toContain("Niet meer nodig");
      expect(mail?.text).toContain(a.person.firstName);
      expect(mail?.text).toContain(shift.activity);
    }
    expect(await templatesTo(a)).not.toContain("handover-withdrawn");
    // Withdrawing twice is refused and mails nobody again.
    expect(await cancelHandover(as(a), requestId)).toEqual({ result: { outcome: "refused", problem: "withdrawn" }, mailIds: [] });
    expect((await acceptHandover(as(b), requestId)).result).toEqual({ outcome: "refused", problem: "withdrawn" });
    expect(await getHandoverForViewer(one.organisation.id, b.person.id, requestId)).toMatchObject({ state: "withdrawn" });
    // A new request for the same shift is possible again.
    await requested(a, shift.id, [b]);
  });

  it("cannot withdraw what a colleague already took", async () => {
    const [a, b] = one.members.slice(2);
    const shift = await shiftOf(a);
    const requestId = await requested(a, shift.id, [b]);
    await acceptHandover(as(b), requestId);
    expect((await cancelHandover(as(a), requestId)).result).toEqual({ outcome: "refused", problem: "alreadyTaken" });
  });
});

describe("what the pages show", () => {
  it("shows the request to the requester and the recipients only, with the message and who was asked", async () => {
    const [a, b, c] = one.members.slice(2, 5);
    const shift = await shiftOf(a);
    const requestId = await requested(a, shift.id, [b], "Wie kan er?");
    expect(await getHandoverForViewer(one.organisation.id, a.person.id, requestId)).toMatchObject({
      viewer: "requester",
      state: "open",
      message: "Wie kan er?",
      recipientNames: [expect.stringContaining(b.person.lastName)],
    });
    expect(await getHandoverForViewer(one.organisation.id, b.person.id, requestId)).toMatchObject({ viewer: "recipient", state: "open" });
    expect(await getHandoverForViewer(one.organisation.id, c.person.id, requestId)).toBeNull();
    expect(await getHandoverForViewer(two.organisation.id, two.members[0].person.id, requestId)).toBeNull();
  });

  it("offers only colleagues who may work the shift, and the groups they are in", async () => {
    const a = one.members[2];
    const shift = await shiftOf(a, { startsAt: daysAhead(day + 1, "09:00"), groupId: one.group.id });
    const choices = await getHandoverChoices(one.organisation.id, a.person.id, shift.id);
    expect(choices?.problem).toBeNull();
    expect(choices?.people.map((person) => person.id).sort()).toEqual([one.members[0].person.id, one.members[1].person.id].sort());
    expect(choices?.groups).toEqual([{ id: one.group.id, name: one.group.name, eligible: 2 }]);
    expect(await getHandoverChoices(two.organisation.id, two.members[0].person.id, shift.id)).toBeNull();
    expect((await getHandoverChoices(one.organisation.id, one.members[3].person.id, shift.id))?.problem).toBe("notOnShift");
  });
});

describe("through the actions, with the signed-in member as the only actor", () => {
  it("asks, accepts and withdraws as the session's member; malformed input changes nothing", async () => {
    const [a, b, c] = one.members.slice(2, 5);
    const shift = await shiftOf(a);
    signInAs(await actorOf(a));
    expect(await askForHandover({ shiftId: "not-a-shift", personIds: [b.person.id], groupId: null, message: null })).toMatchObject({ ok: false, error: "invalid" });
    expect(await askForHandover({ shiftId: shift.id, personIds: [b.person.id], groupId: null, message: "x".repeat(1001) })).toMatchObject({ ok: false, error: "invalid" });
    const asked = await askForHandover({ shiftId: shift.id, personIds: [b.person.id, c.person.id], groupId: null, message: "  Graag!  " });
    expect(asked).toMatchObject({ ok: true, value: { outcome: "requested", recipients: 2 } });
    if (!asked.ok || asked.value.outcome !== "requested") return;
    const [row] = await database.db.select().from(handoverRequests).where(eq(handoverRequests.id, asked.value.requestId));
    expect(row.message).toBe("Graag!");

    signInAs(await actorOf(c));
    expect(await withdrawHandover({ requestId: asked.value.requestId })).toEqual({ ok: true, value: { outcome: "refused", problem: "notFound" } });
    expect(await acceptHandoverRequest({ requestId: asked.value.requestId })).toEqual({ ok: true, value: { outcome: "accepted", shiftId: shift.id } });
    expect(await peopleOn(database.db, shift.id)).toEqual([c.person.id]);

    signOut();
    expect(await acceptHandoverRequest({ requestId: asked.value.requestId })).toEqual({ ok: false, error: "unauthorised" });
  });

  it("a group of another organisation is refused and asks nobody", async () => {
    const a = one.members[2];
    const shift = await shiftOf(a);
    const theirs = await createGroup(database.db, { tenantId: two.organisation.id, name: "Hun groep" });
    await addPersonToGroup(database.db, { tenantId: two.organisation.id, groupId: theirs.id, personId: two.members[0].person.id });
    signInAs(await actorOf(a));
    expect(await askForHandover({ shiftId: shift.id, personIds: [], groupId: theirs.id, message: null })).toEqual({ ok: false, error: "notFound" });
    expect(await database.db.select().from(handoverRequests).where(eq(handoverRequests.shiftId, shift.id))).toHaveLength(0);
  });
});

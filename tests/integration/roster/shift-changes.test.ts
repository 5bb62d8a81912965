// A coordinator edits a staffed shift: the people on it hear when its date, time or place changed,
// with the old and new details, the sign-in button and a fresh add-to-calendar link; nobody hears about
// a description-only edit. Edits run through the real action with a stubbed session.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/lib/db/schema/accounts";
import { shifts } from "@/lib/db/schema/roster";
import { createAssignment, createLocation, type Shift } from "@/lib/demo/factories";
import { extractLinks } from "@/lib/mail/preview";
import { assignPeopleToShift, createShift, editShift, removePeopleFromShift } from "@/lib/roster/actions";
import { localDateKey } from "@/lib/dates";
import { localTimeKey } from "@/lib/roster/rules";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, mailTo, shiftIn, type Member, type RosterOrganisation } from "./roster-fixtures";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

let database: TestDatabase;
let org: RosterOrganisation;
const TZ = "Europe/Amsterdam";

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createRosterOrganisation(database.db, "Wijzigingen", 5);
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  signOut();
  signInAs(await actorOf(org.coordinator));
});

/** The edit form as it opens for a shift, with the given fields changed. */
function editForm(shift: Shift, changes: Record<string, string>): FormData {
  return formOf({
    shiftId: shift.id,
    scope: "one",
    date: localDateKey(shift.startsAt, TZ),
    activity: shift.activity,
    locationId: shift.locationId ?? "",
    startTime: localTimeKey(shift.startsAt, TZ),
    endTime: localTimeKey(shift.endsAt, TZ),
    needed: String(shift.needed),
    groupId: shift.groupId ?? "",
    coordinatorId: shift.coordinatorId ?? "",
    notes: shift.notes ?? "",
    ...changes,
  });
}

async function changeMailsTo(member: Member) {
  return (await mailTo(database.db, member.person.id)).filter((mail) => mail.template === "shift-changed");
}

async function staffedShift(days: number, people: Member[]): Promise<Shift> {
  const shift = await shiftIn(database.db, org, { startsAt: daysAhead(days, "09:00"), activity: "Koffieochtend" });
  for (const m of people) await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: shift.id, personId: m.person.id });
  return shift;
}

describe("editing a staffed shift tells the people on it", () => {
  it("a new time reaches everyone on the shift with old and new details, the sign-in button and the add-to-calendar link", async () => {
    const [ans, bram, outsider] = org.members;
    const shift = await staffedShift(5, [ans, bram]);

    const result = await editShift(editForm(shift, { startTime: "10:00", endTime: "12:30" }));
    expect(result).toEqual({ ok: true, value: { outcome: "saved", shiftId: shift.id, count: 1 } });

    for (const m of [ans, bram]) {
      const mails = await changeMailsTo(m);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.subject).toMatch(/^Dienst gewijzigd: Koffieochtend \(Wijkcentrum Wijzigingen\), .*10:00–12:30$/);
      expect(mail.text).toMatch(/Was:\nKoffieochtend \(Wijkcentrum Wijzigingen\), .*09:00–12:00/);
      expect(mail.text).toMatch(/Wordt:\nKoffieochtend \(Wijkcentrum Wijzigingen\), .*10:00–12:30/);
      const links = extractLinks(mail.html);
      expect(links).toContainEqual(expect.stringMatching(/^http:\/\/localhost:3000\/l\/[A-Za-z0-9_-]{43}$/));
      expect(links).toContainEqual(expect.stringContaining(`/api/calendar/shift/${shift.id}?for=${m.person.id}&sig=`));
    }
    expect(await changeMailsTo(outsider)).toEqual([]);
  });

  it("moving a shift to another day tells them, with both dates", async () => {
    const [, , , dirk] = org.members;
    const shift = await staffedShift(6, [dirk]);
    const newDate = localDateKey(daysAhead(8, "09:00"), TZ);

    await editShift(editForm(shift, { date: newDate }));

    const [mail] = await changeMailsTo(dirk);
    const day = (date: Date) => new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: TZ }).format(date);
    expect(mail.text).toContain(day(shift.startsAt));
    expect(mail.text).toContain(day(daysAhead(8, "09:00")));
  });

  it("moving a shift to another place tells them, with both places", async () => {
    const [, , , dirk] = org.members;
    const shift = await staffedShift(7, [dirk]);
    const hall = await createLocation(database.db, { tenantId: org.organisation.id, name: "Sporthal De Bongerd" });

    await editShift(editForm(shift, { locationId: hall.id }));

    const mails = await changeMailsTo(dirk);
    const mail = mails.find((m) => m.text.includes("Sporthal De Bongerd"));
    expect(mail?.text).toMatch(/Was:\nKoffieochtend \(Wijkcentrum Wijzigingen\)/);
    expect(mail?.text).toMatch(/Wordt:\nKoffieochtend \(Sporthal De Bongerd\)/);
  });

  it("a member who reads in English gets the message in English", async () => {
    const [, , , , emma] = org.members;
    await database.db.update(users).set({ locale: "en" }).where(eq(users.id, emma.user.id));
    const shift = await staffedShift(9, [emma]);

    await editShift(editForm(shift, { startTime: "08:30" }));

    const [mail] = await changeMailsTo(emma);
    expect(mail.subject).toMatch(/^Shift changed: /);
    expect(mail.text).toMatch(/Was:\n.*09:00–12:00/);
    expect(mail.text).toMatch(/Now:\n.*08:30–12:00/);
    expect(mail.html).toContain("Add this shift to your calendar");
  });

  it("an edit of the description, the number needed or the notes tells nobody", async () => {
    const [ans, bram] = org.members;
    const shift = await staffedShift(10, [ans, bram]);
    const before = [...(await changeMailsTo(ans)), ...(await changeMailsTo(bram))].length;

    const result = await editShift(editForm(shift, { activity: "Koffie en taart", needed: "5", notes: "Neem een schort mee" }));
    expect(result).toMatchObject({ ok: true, value: { outcome: "saved" } });
    const [row] = await database.db.select().from(shifts).where(eq(shifts.id, shift.id));
    expect(row.activity).toBe("Koffie en taart");
    expect([...(await changeMailsTo(ans)), ...(await changeMailsTo(bram))]).toHaveLength(before);
  });

  it("someone taken off the shift before the edit is not told", async () => {
    const [ans, bram] = org.members;
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(11, "09:00"), groupId: org.group.id });
    expect(await assignPeopleToShift({ shiftId: shift.id, personIds: [ans.person.id, bram.person.id] })).toMatchObject({ ok: true });
    expect(await removePeopleFromShift({ shiftId: shift.id, personIds: [bram.person.id] })).toMatchObject({ ok: true, value: { outcome: "removed" } });
    expect((await mailTo(database.db, bram.person.id)).map((mail) => mail.template).slice(-2)).toEqual(["shift-assigned", "shift-removed"]);
    const bramBefore = (await changeMailsTo(bram)).length;
    const ansBefore = (await changeMailsTo(ans)).length;

    await editShift(editForm(shift, { endTime: "13:00" }));

    expect(await changeMailsTo(ans)).toHaveLength(ansBefore + 1);
    expect(await changeMailsTo(bram)).toHaveLength(bramBefore);
  });

  it("a shift that is already over is corrected without mail", async () => {
    const [, , , dirk] = org.members;
    const shift = await staffedShift(-2, [dirk]);
    const before = (await changeMailsTo(dirk)).length;

    expect(await editShift(editForm(shift, { startTime: "09:30" }))).toMatchObject({ ok: true, value: { outcome: "saved" } });
    expect(await changeMailsTo(dirk)).toHaveLength(before);
  });
});

describe("editing this and the following occurrences tells each shift's own people", () => {
  it("everyone on a changed occurrence hears about their own date; people on earlier ones hear nothing", async () => {
    const [ans, bram, carla] = org.members;
    const created = await createShift(
      formOf({
        repeat: "weekly",
        weekday: "3",
        startsOn: "2027-06-01",
        endsOn: "2027-06-30",
        activity: "Taalcafé",
        locationId: org.location.id,
        startTime: "14:00",
        endTime: "16:00",
        needed: "3",
        groupId: "",
        coordinatorId: "",
        notes: "",
      }),
    );
    if (!created.ok || created.value.outcome !== "saved") throw new Error(JSON.stringify(created));
    const [first] = await database.db.select().from(shifts).where(eq(shifts.id, created.value.shiftId));
    const series = await database.db.select().from(shifts).where(eq(shifts.seriesId, first.seriesId ?? "")).orderBy(asc(shifts.startsAt));
    expect(series.map((s) => localDateKey(s.startsAt, TZ))).toEqual(["2027-06-02", "2027-06-09", "2027-06-16", "2027-06-23", "2027-06-30"]);
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: series[0].id, personId: ans.person.id });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: series[1].id, personId: bram.person.id });
    await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: series[3].id, personId: carla.person.id });
    const before = { ans: (await changeMailsTo(ans)).length, bram: (await changeMailsTo(bram)).length, carla: (await changeMailsTo(carla)).length };

    const result = await editShift(editForm(series[1], { scope: "following", startTime: "15:00", endTime: "17:00" }));
    expect(result).toEqual({ ok: true, value: { outcome: "saved", shiftId: series[1].id, count: 4 } });

    expect(await changeMailsTo(ans)).toHaveLength(before.ans);
    const bramMail = (await changeMailsTo(bram)).at(-1);
    const carlaMail = (await changeMailsTo(carla)).at(-1);
    expect(await changeMailsTo(bram)).toHaveLength(before.bram + 1);
    expect(await changeMailsTo(carla)).toHaveLength(before.carla + 1);
    expect(bramMail?.text).toMatch(/Was:\nTaalcafé .*9 juni 2027, 14:00–16:00/);
    expect(bramMail?.text).toMatch(/Wordt:\nTaalcafé .*9 juni 2027, 15:00–17:00/);
    expect(carlaMail?.text).toMatch(/Wordt:\nTaalcafé .*23 juni 2027, 15:00–17:00/);
    expect(extractLinks(carlaMail?.html ?? "")).toContainEqual(expect.stringContaining(`/api/calendar/shift/${series[3].id}?for=${carla.person.id}`));
  });

  it("a description-only edit of the following occurrences tells nobody", async () => {
    const [, , carla] = org.members;
    const [shift] = await database.db
      .select()
      .from(shifts)
      .where(eq(shifts.activity, "Taalcafé"))
      .orderBy(asc(shifts.startsAt));
    const before = (await changeMailsTo(carla)).length;

    const result = await editShift(
      editForm(shift, { scope: "following", activity: "Taalcafé met koffie", notes: "Woordenboeken liggen in de kast" }),
    );
    expect(result).toMatchObject({ ok: true, value: { outcome: "saved" } });
    expect(await changeMailsTo(carla)).toHaveLength(before);
  });
});

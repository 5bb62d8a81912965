import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment, createMemberWithLogin, createOrganisation, createShift } from "@/lib/demo/factories";
import { getCalendarFeedUrl, renderCalendarFeed, renewCalendarFeed, shiftCalendarPath } from "@/lib/roster/calendar";
import { notifyAboutShift } from "@/lib/roster/notifications";
import { GET as getShiftCalendar } from "@/app/api/calendar/shift/[id]/route";
import { outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { assignments } from "@/lib/db/schema/roster";
import { shifts } from "@/lib/db/schema/roster";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function tokenOf(url: string): string {
  return url.split("/api/calendar/")[1];
}

function parseEvents(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((component) => component.type === "VEVENT");
}

async function memberWithShifts() {
  const organisation = await createOrganisation(database.db, { name: "Stichting Agenda" });
  const other = await createOrganisation(database.db);
  const { person } = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  const colleague = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  const mine = await createShift(database.db, {
    tenantId: organisation.id,
    activity: "Koffieochtend",
    startsAt: new Date("2026-03-29T07:00:00Z"),
    endsAt: new Date("2026-03-29T10:00:00Z"),
    needed: 2,
  });
  const cancelled = await createShift(database.db, { tenantId: organisation.id, activity: "Taalcafé", startsAt: new Date("2026-04-02T12:00:00Z"), endsAt: new Date("2026-04-02T14:00:00Z"), needed: 2 });
  const notMine = await createShift(database.db, { tenantId: organisation.id, activity: "Repair café", startsAt: new Date("2026-04-03T12:00:00Z"), endsAt: new Date("2026-04-03T14:00:00Z"), needed: 2 });
  await createAssignment(database.db, { tenantId: organisation.id, shiftId: mine.id, personId: person.id, source: "self" });
  await createAssignment(database.db, { tenantId: organisation.id, shiftId: cancelled.id, personId: person.id, source: "coordinator" });
  await createAssignment(database.db, { tenantId: organisation.id, shiftId: notMine.id, personId: colleague.person.id, source: "self" });
  await database.db.update(shifts).set({ cancelledAt: new Date("2026-03-20T00:00:00Z") }).where(eq(shifts.id, cancelled.id));
  return { organisation, other, person, mine, cancelled };
}

const now = new Date("2026-03-25T12:00:00Z");

describe("a member's private calendar feed", () => {
  it("lists exactly the member's shifts, parsable by a standard iCal parser, with times in UTC across the DST change", async () => {
    const { organisation, person, mine, cancelled } = await memberWithShifts();
    const url = await getCalendarFeedUrl(organisation.id, person.id);
    const text = await renderCalendarFeed(tokenOf(url), now);
    expect(text).not.toBeNull();
    const events = parseEvents(text ?? "");
    expect(events.map((event) => event.type === "VEVENT" && event.uid).sort()).toEqual([`${cancelled.id}@ploeg`, `${mine.id}@ploeg`].sort());
    const coffee = events.find((event) => event.type === "VEVENT" && event.uid === `${mine.id}@ploeg`);
    if (coffee?.type !== "VEVENT") throw new Error("missing event");
    expect(String(coffee.summary)).toBe("Koffieochtend");
    // 29 March 2026 is the day clocks go forward in Amsterdam: 09:00 local is 07:00 UTC.
    expect(new Date(coffee.start).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(new Date(coffee.end).toISOString()).toBe("2026-03-29T10:00:00.000Z");
    const taal = events.find((event) => event.type === "VEVENT" && event.uid === `${cancelled.id}@ploeg`);
    expect(taal?.type === "VEVENT" && taal.status).toBe("CANCELLED");
  });

  it("shows the same address again until the member makes a new one, which stops the old", async () => {
    const { organisation, person } = await memberWithShifts();
    const first = await getCalendarFeedUrl(organisation.id, person.id);
    expect(await getCalendarFeedUrl(organisation.id, person.id)).toBe(first);
    const second = await renewCalendarFeed(organisation.id, person.id);
    expect(second).not.toBe(first);
    expect(await renderCalendarFeed(tokenOf(first), now)).toBeNull();
    expect(await renderCalendarFeed(tokenOf(second), now)).not.toBeNull();
  });

  it.each([
    { label: "a tampered token", token: (real: string) => `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}` },
    { label: "an empty token", token: () => "" },
    { label: "a 10 kB token", token: () => "x".repeat(10_240) },
    { label: "a path trick", token: () => "../../etc/passwd" },
  ])("$label gets no feed", async ({ token }) => {
    const { organisation, person } = await memberWithShifts();
    const real = tokenOf(await getCalendarFeedUrl(organisation.id, person.id));
    expect(await renderCalendarFeed(token(real), now)).toBeNull();
  });
});

describe("the add-to-calendar link in an assignment email", () => {
  async function assignedMail() {
    const fixture = await memberWithShifts();
    const { organisation, person, mine } = fixture;
    await database.db.transaction((tx) =>
      notifyAboutShift(tx, { tenantId: organisation.id, notice: "assigned", shift: { ...mine, locationName: null }, personIds: [person.id], now }),
    );
    const [mail] = withMailBodies(await database.db.select().from(outbox).where(and(eq(outbox.personId, person.id), eq(outbox.template, "shift-assigned"))));
    const href = /href="([^"]*\/api\/calendar\/shift\/[^"]+)"/.exec(mail.html)?.[1]?.replaceAll("&amp;", "&");
    if (!href) throw new Error("no calendar link in the assignment email");
    return { ...fixture, mail, href };
  }

  async function open(href: string) {
    const url = new URL(href);
    const id = url.pathname.split("/").at(-1) ?? "";
    return getShiftCalendar(new Request(url), { params: Promise.resolve({ id }) });
  }

  it("is in the email under the button, and opens the shift as one calendar event without signing in", async () => {
    const { mail, href, mine } = await assignedMail();
    expect(mail.html).toContain("Zet deze dienst in je agenda");
    expect(mail.text).toContain("/api/calendar/shift/");
    const response = await open(href);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const events = parseEvents(await response.text());
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.type === "VEVENT" && event.summary).toBe("Koffieochtend");
    expect(event.type === "VEVENT" && event.uid).toBe(`${mine.id}@ploeg`);
    expect(event.type === "VEVENT" && new Date(event.start).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(event.type === "VEVENT" && event.status).toBe("CONFIRMED");
  });

  it("turns into a cancelled event once the member is no longer on the shift", async () => {
    const { href, person, mine } = await assignedMail();
    await database.db.delete(assignments).where(and(eq(assignments.shiftId, mine.id), eq(assignments.personId, person.id)));
    const [event] = parseEvents(await (await open(href)).text());
    expect(event.type === "VEVENT" && event.status).toBe("CANCELLED");
  });

  it("does not open for another person, a tampered signature or a made-up shift", async () => {
    const { href, mine, person, cancelled } = await assignedMail();
    const url = new URL(href);
    const forged = new URL(href);
    forged.searchParams.set("sig", `${url.searchParams.get("sig")?.slice(0, -1)}${url.searchParams.get("sig")?.endsWith("A") ? "B" : "A"}`);
    const otherPerson = new URL(href);
    otherPerson.searchParams.set("for", crypto.randomUUID());
    const otherShift = new URL(href.replace(mine.id, cancelled.id));
    for (const bad of [forged, otherPerson, otherShift, new URL(href.replace(mine.id, "not-a-shift")), new URL(`${url.origin}${url.pathname}`)]) {
      const response = await open(bad.toString());
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("agenda-link klopt niet");
    }
    // The genuine link of that other shift does open.
    expect((await open(new URL(shiftCalendarPath(cancelled.id, person.id), url.origin).toString())).status).toBe(200);
  });
});

import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment, createMemberWithLogin, createOrganisation, createShift } from "@/lib/demo/factories";
import { getCalendarFeedUrl, renderCalendarFeed, renewCalendarFeed } from "@/lib/roster/calendar";
import { shifts } from "@/lib/db/schema/roster";
import { eq } from "drizzle-orm";
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

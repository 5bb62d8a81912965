// The payroll export: approved hours only, per member or per location, as .xlsx and .csv, formula-safe,
// recorded in the audit log, and only for coordinators of the organisation.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { POST as exportRoute } from "@/app/api/hours/export/route";
import { people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { correctShift } from "@/lib/hours/coordinator-actions";
import { auditEntriesOf } from "@/tests/setup/audit-entries";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { readXlsxRows } from "@/tests/setup/xlsx";
import { addDaysToKey, weekNumberOf } from "@/lib/hours/rules";
import { createAssignment, createLocation, createShift } from "@/lib/demo/factories";
import { actorOf, at, createHoursOrganisation, pastWeek, setWeekStatus, workedShift, type HoursOrganisation } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();
const week = pastWeek(2);
const weekNumber = weekNumberOf(week);

async function exportRequest(body: Record<string, unknown>): Promise<Response> {
  const request = new Request("http://localhost:3000/api/hours/export", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return exportRoute(request, { params: Promise.resolve({}) });
}

/** The response's text with its byte-order mark kept (TextDecoder drops it by default). */
function csvText(bytes: ArrayBuffer): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** Splits CSV text (";" separated, RFC 4180 quotes, BOM first) into rows of fields. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ";") {
      row.push(field);
      field = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

/** Member 1 approved (a corrected shift and a second at another location), member 2 confirmed but not approved. */
async function organisationWithHours(): Promise<HoursOrganisation & { secondLocation: string }> {
  const org = await createHoursOrganisation(database.db, { memberCount: 2 });
  const [approved, confirmed] = org.members;
  const shift = await workedShift(database.db, org, approved, week, 1, "09:00", "13:00", "Koffieochtend");
  const second = await createLocation(database.db, { tenantId: org.organisation.id, name: "Atelier" });
  const other = await createShift(database.db, { tenantId: org.organisation.id, activity: "Schilderen", locationId: second.id, startsAt: at(week, 3, "14:00"), endsAt: at(week, 3, "16:00") });
  await createAssignment(database.db, { tenantId: org.organisation.id, shiftId: other.id, personId: approved.person.id });
  await workedShift(database.db, org, confirmed, week, 2, "10:00", "15:00", "Inloop");
  signInAs(await actorOf(org.coordinator));
  await correctShift({ personId: approved.person.id, shiftId: shift.id, day: addDaysToKey(week, 1), start: "09:00", end: "13:00", breakMinutes: 30 });
  await setWeekStatus(database.db, approved, week, "approved");
  await setWeekStatus(database.db, confirmed, week, "confirmed");
  return { ...org, secondLocation: second.name };
}

const nameOf = (org: HoursOrganisation, index: number) => `${org.members[index].person.firstName} ${org.members[index].person.lastName}`;

describe("the export holds approved hours only", () => {
  it("per member as .xlsx: one row per line with week, date, activity, location, times, break and decimal hours, and not the confirmed-only week", async () => {
    const org = await organisationWithHours();
    const response = await exportRequest({ period: "week", weekStart: week, layout: "member", format: "xlsx" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="uren-${weekNumber.year}-week-${weekNumber.week}.xlsx"`);

    const rows = await readXlsxRows(new Uint8Array(await response.arrayBuffer()));
    expect(rows).toEqual([
      ["Lid", "Week", "Datum", "Activiteit", "Locatie", "Begin", "Einde", "Pauze (min)", "Uren"],
      [nameOf(org, 0), String(weekNumber.week), addDaysToKey(week, 1), "Koffieochtend", org.location.name, "09:00", "13:00", "30", "3.5"],
      [nameOf(org, 0), String(weekNumber.week), addDaysToKey(week, 3), "Schilderen", "Atelier", "14:00", "16:00", "0", "2"],
    ]);
    expect(rows.flat().join(" ")).not.toContain(nameOf(org, 1));

    const [entry] = await auditEntriesOf(database.db, org.organisation.id, "hours.exported", { actorUserId: auditLog.actorUserId, details: auditLog.details });
    expect(entry).toEqual({ actorUserId: org.coordinator.user.id, details: { period: { week }, layout: "member", format: "xlsx", lines: 2 } });
  });

  it("per location as .csv: totals per location and member, with a BOM, ';' and decimal commas", async () => {
    const org = await organisationWithHours();
    const response = await exportRequest({ period: "week", weekStart: week, layout: "location", format: "csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(csvText(await response.arrayBuffer()));
    expect(rows).toEqual([
      ["Locatie", "Lid", "Uren"],
      ["Atelier", nameOf(org, 0), "2"],
      ["Atelier", "Totaal", "2"],
      [org.location.name, nameOf(org, 0), "3,5"],
      [org.location.name, "Totaal", "3,5"],
    ]);
  });

  it("for a calendar month, takes the approved weeks' lines that fall in it", async () => {
    const org = await organisationWithHours();
    const day = addDaysToKey(week, 1);
    const response = await exportRequest({ period: "month", month: day.slice(0, 7), layout: "member", format: "xlsx" });
    const rows = await readXlsxRows(new Uint8Array(await response.arrayBuffer()));
    const inMonth = [addDaysToKey(week, 1), addDaysToKey(week, 3)].filter((key) => key.startsWith(day.slice(0, 7)));
    expect(rows.slice(1).map((row) => [row[0], row[2]])).toEqual(inMonth.map((key) => [nameOf(org, 0), key]));
    expect(response.headers.get("content-disposition")).toContain(`uren-${day.slice(0, 7)}.xlsx`);
  });
});

describe("a member's name can never run as a formula", () => {
  it("exports '=HYPERLINK(…)' as text in .xlsx and with a leading quote in .csv", async () => {
    const org = await organisationWithHours();
    const evil = '=HYPERLINK("http://example.com","klik")';
    await database.db.update(people).set({ firstName: evil, infix: null, lastName: "" }).where(eq(people.id, org.members[0].person.id));

    const xlsx = await readXlsxRows(new Uint8Array(await (await exportRequest({ period: "week", weekStart: week, layout: "member", format: "xlsx" })).arrayBuffer()));
    expect(xlsx[1][0]).toBe(evil);
    const csv = parseCsv(csvText(await (await exportRequest({ period: "week", weekStart: week, layout: "member", format: "csv" })).arrayBuffer()));
    expect(csv[1][0]).toBe(`'${evil}`);
  });
});

describe("who may export", () => {
  it("refuses a member, who cannot export anyone's hours, not even their own", async () => {
    const org = await organisationWithHours();
    signInAs(await actorOf(org.members[0]));
    const response = await exportRequest({ period: "week", weekStart: week, layout: "member", format: "csv" });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(org.members[0].person.lastName);
  });

  it("answers 'not found' to a coordinator of another organisation naming this organisation's members, and their own export holds none of its hours", async () => {
    const org = await organisationWithHours();
    const other = await createHoursOrganisation(database.db);
    signInAs(await actorOf(other.coordinator));

    const named = await exportRequest({ period: "week", weekStart: week, layout: "member", format: "csv", personIds: [org.members[0].person.id] });
    expect(named.status).toBe(404);
    const own = await exportRequest({ period: "week", weekStart: week, layout: "member", format: "csv" });
    expect(own.status).toBe(200);
    expect(parseCsv(csvText(await own.arrayBuffer()))).toHaveLength(1);
  });

  it("refuses a body that names no valid period", async () => {
    await organisationWithHours();
    expect((await exportRequest({ period: "week", weekStart: addDaysToKey(week, 1), layout: "member", format: "csv" })).status).toBe(400);
    expect((await exportRequest({ period: "month", month: "2026-13", layout: "member", format: "csv" })).status).toBe(400);
  });
});

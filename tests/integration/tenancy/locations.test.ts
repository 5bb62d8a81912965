// Locations and clients on the coordinator dashboard: create, change, archive (no longer offered for
// new shifts, kept by the shifts that have it) and delete only what no shift or series uses. Through
// the real actions with a stubbed session: another organisation's coordinator finds nothing, a member
// is refused, and every change is audited.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog } from "@/lib/db/schema/platform";
import { shiftSeries, shifts } from "@/lib/db/schema/roster";
import { locations } from "@/lib/db/schema/tenancy";
import { createLocation as createLocationRow, createMemberWithLogin } from "@/lib/demo/factories";
import { listShiftFormOptions } from "@/lib/roster/queries";
import {
  archiveLocation,
  changeLocationStatusForm,
  createLocation,
  deleteLocation,
  saveLocationForm,
  unarchiveLocation,
  updateLocation,
} from "@/lib/tenancy/locations-actions";
import { getLocationOverview, listLocationsOverview } from "@/lib/tenancy/locations-queries";
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
const auditOf = (tenantId: string, action: string) => auditEntriesOf(database.db, tenantId, action, { details: auditLog.details });

async function locationRow(locationId: string) {
  const [row] = await database.db.select().from(locations).where(eq(locations.id, locationId));
  return row;
}

describe("creating and changing a location", () => {
  it("a coordinator adds a client with an address from the form; it is listed and audited", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const state = await saveLocationForm({}, formOf({ name: "Mevrouw Jansen", address: "Dorpsstraat 1, Ede", isClient: "on" }));
    expect(state).toMatchObject({ status: "saved", message: "‘Mevrouw Jansen’ is toegevoegd." });
    const listed = (await listLocationsOverview(org.organisation.id, new Date())).find((row) => row.name === "Mevrouw Jansen");
    expect(listed).toMatchObject({ address: "Dorpsstraat 1, Ede", isClient: true, comingShifts: 0, archivedAt: null });
    expect(await auditOf(org.organisation.id, "location.created")).toEqual([{ details: expect.objectContaining({ name: "Mevrouw Jansen", isClient: true }) }]);
  });

  it("changing name, address and kind is stored and audited with only what changed, before and after", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const result = await updateLocation({ locationId: org.location.id, name: "Buurthuis", address: "Plein 2", isClient: false });
    expect(result).toEqual({ ok: true, value: { changed: true } });
    expect(await locationRow(org.location.id)).toMatchObject({ name: "Buurthuis", address: "Plein 2", isClient: false });
    const [entry] = await auditOf(org.organisation.id, "location.changed");
    expect(entry.details).toMatchObject({ before: { name: org.location.name }, after: { name: "Buurthuis", address: "Plein 2" } });
    expect(await updateLocation({ locationId: org.location.id, name: "Buurthuis", address: "Plein 2", isClient: false })).toEqual({ ok: true, value: { changed: false } });
    expect(await auditOf(org.organisation.id, "location.changed")).toHaveLength(1);
  });

  it.each([
    { label: "an empty name", fields: { name: " ", address: "" }, field: "name" },
    { label: "an address that is too long", fields: { name: "Buurthuis", address: "x".repeat(301) }, field: "address" },
  ])("$label is refused at its field", async ({ fields, field }) => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const state = await saveLocationForm({}, formOf({ locationId: org.location.id, ...fields }));
    expect(state.status).toBe("failed");
    expect(state.fieldErrors?.[field]).toHaveLength(1);
    expect((await locationRow(org.location.id)).name).toBe(org.location.name);
  });
});

describe("archiving a location", () => {
  it("an archived location is no longer offered for new shifts, while the shift that has it keeps it and still offers it", async () => {
    const org = await organisation();
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(2, "10:00") });
    signInAs(await actorOf(org.coordinator));
    expect(await archiveLocation({ locationId: org.location.id })).toEqual({ ok: true, value: { changed: true } });
    expect((await listShiftFormOptions(org.organisation.id)).locations.map((row) => row.id)).not.toContain(org.location.id);
    expect((await listShiftFormOptions(org.organisation.id, { locationId: org.location.id })).locations.map((row) => row.id)).toContain(org.location.id);
    const [row] = await database.db.select({ locationId: shifts.locationId }).from(shifts).where(eq(shifts.id, shift.id));
    expect(row.locationId).toBe(org.location.id);
    expect(await getLocationOverview(org.organisation.id, org.location.id, new Date())).toMatchObject({ comingShifts: 1, archivedAt: expect.any(Date) });
    expect(await unarchiveLocation({ locationId: org.location.id })).toEqual({ ok: true, value: { changed: true } });
    expect((await listShiftFormOptions(org.organisation.id)).locations.map((row) => row.id)).toContain(org.location.id);
    expect(await auditOf(org.organisation.id, "location.archived")).toHaveLength(1);
    expect(await auditOf(org.organisation.id, "location.unarchived")).toHaveLength(1);
  });
});

describe("deleting a location", () => {
  it("a location no shift or series uses is deleted and audited", async () => {
    const org = await organisation();
    const spare = await createLocationRow(database.db, { tenantId: org.organisation.id, name: "Reservezaal" });
    signInAs(await actorOf(org.coordinator));
    await expect(changeLocationStatusForm({}, formOf({ locationId: spare.id, intent: "delete" }))).rejects.toThrow("NEXT_REDIRECT /dashboard/locations?deleted=1");
    expect(await locationRow(spare.id)).toBeUndefined();
    expect(await auditOf(org.organisation.id, "location.deleted")).toEqual([{ details: expect.objectContaining({ name: "Reservezaal" }) }]);
  });

  it("a location that shifts and a series use is kept, with a message that counts them and suggests archiving", async () => {
    const org = await organisation();
    await shiftIn(database.db, org, { startsAt: daysAhead(-10, "10:00") });
    await shiftIn(database.db, org, { startsAt: daysAhead(3, "10:00") });
    await database.db.insert(shiftSeries).values({
      tenantId: org.organisation.id,
      activity: "Koffieochtend",
      locationId: org.location.id,
      weekday: 2,
      startTime: "10:00",
      endTime: "12:00",
      needed: 2,
      startsOn: "2030-01-01",
    });
    expect(await getLocationOverview(org.organisation.id, org.location.id, new Date())).toMatchObject({ comingShifts: 1, usedBy: { shifts: 2, series: 1 } });
    signInAs(await actorOf(org.coordinator));
    expect(await deleteLocation({ locationId: org.location.id })).toEqual({ ok: true, value: { outcome: "inUse", shifts: 2, series: 1 } });
    const state = await changeLocationStatusForm({}, formOf({ locationId: org.location.id, intent: "delete" }));
    expect(state.status).toBe("failed");
    expect(state.message).toContain("2 diensten");
    expect(state.message).toContain("1 reeks");
    expect(state.message).toContain("Archiveer");
    expect(await locationRow(org.location.id)).toBeDefined();
    expect(await auditOf(org.organisation.id, "location.deleted")).toHaveLength(0);
  });
});

describe("who may change locations", () => {
  it("a coordinator of another organisation gets not found for every action on a location, and its pages show nothing of it", async () => {
    const org = await organisation();
    const other = await organisation();
    signInAs(await actorOf(other.coordinator));
    const locationId = org.location.id;
    const calls = [
      () => updateLocation({ locationId, name: "Overgenomen", address: "", isClient: false }),
      () => archiveLocation({ locationId }),
      () => unarchiveLocation({ locationId }),
      () => deleteLocation({ locationId }),
    ];
    for (const call of calls) expect(await call()).toEqual({ ok: false, error: "notFound" });
    expect(await locationRow(locationId)).toMatchObject({ name: org.location.name, archivedAt: null });
    expect(await getLocationOverview(other.organisation.id, locationId, new Date())).toBeNull();
    expect((await listLocationsOverview(other.organisation.id, new Date())).map((row) => row.id)).not.toContain(locationId);
  });

  it("a member is refused every action and nothing changes", async () => {
    const org = await organisation();
    const member = await createMemberWithLogin(database.db, { tenantId: org.organisation.id, role: "member" });
    signInAs(await actorOf(member));
    const locationId = org.location.id;
    const calls = [
      () => createLocation({ name: "Eigen plek", address: "", isClient: false }),
      () => updateLocation({ locationId, name: "Overgenomen", address: "", isClient: false }),
      () => archiveLocation({ locationId }),
      () => unarchiveLocation({ locationId }),
      () => deleteLocation({ locationId }),
    ];
    for (const call of calls) expect(await call()).toEqual({ ok: false, error: "forbidden" });
    expect(await listLocationsOverview(org.organisation.id, new Date())).toHaveLength(1);
    expect(await locationRow(locationId)).toMatchObject({ name: org.location.name, archivedAt: null });
  });
});

// The shared factories: rows they build are valid, reproducible from a seed, and insert cleanly.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/accounts/passwords/hashing";
import type { Db } from "@/lib/db/client";
import { people, photos } from "@/lib/db/schema/people";
import {
  addPersonToGroup,
  atLocalTime,
  buildPerson,
  buildPostcode,
  createAssignment,
  createAvatarPhoto,
  createGroup,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createShift,
  seedFactories,
} from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

describe("building rows", () => {
  it("builds the same person twice from the same seed", () => {
    seedFactories(7);
    const first = buildPerson({ tenantId: "t" });
    seedFactories(7);
    expect(buildPerson({ tenantId: "t" })).toEqual(first);
  });

  it("builds Dutch postcodes that PostNL could hand out", () => {
    for (let i = 0; i < 200; i++) expect(buildPostcode()).toMatch(/^[1-9]\d{3} [A-EGHJ-NPR-TV-XZ]{2}$/);
  });

  it.each([
    { label: "winter time (UTC+1)", day: "2026-03-27T12:00:00Z", expected: "2026-03-27T08:00:00.000Z" },
    { label: "the day summer time starts", day: "2026-03-29T12:00:00Z", expected: "2026-03-29T07:00:00.000Z" },
    { label: "summer time (UTC+2)", day: "2026-07-01T12:00:00Z", expected: "2026-07-01T07:00:00.000Z" },
  ])("places 09:00 in Amsterdam correctly in $label", ({ day, expected }) => {
    expect(atLocalTime(new Date(day), "09:00", "Europe/Amsterdam").toISOString()).toBe(expected);
  });
});

describe("creating rows", () => {
  it("creates an organisation with a roster a member can be assigned to", async () => {
    const organisation = await createOrganisation(db);
    const group = await createGroup(db, { tenantId: organisation.id });
    const location = await createLocation(db, { tenantId: organisation.id });
    const shift = await createShift(db, { tenantId: organisation.id, groupId: group.id, locationId: location.id });
    const { person } = await createMemberWithLogin(db, { tenantId: organisation.id });
    await addPersonToGroup(db, { tenantId: organisation.id, groupId: group.id, personId: person.id });
    const assignment = await createAssignment(db, { tenantId: organisation.id, shiftId: shift.id, personId: person.id });
    expect(assignment.tenantId).toBe(organisation.id);
    expect(shift.endsAt.getTime() - shift.startsAt.getTime()).toBe(3 * 60 * 60 * 1000);
  });

  it("creates a member whose login takes the given password and role", async () => {
    const organisation = await createOrganisation(db);
    const { person, user } = await createMemberWithLogin(db, {
      tenantId: organisation.id,
      username: "coordinator.test",
      password: "Een-goed-wachtwoord-1",
      role: "coordinator",
    });
    expect(person.role).toBe("coordinator");
    expect(user).toMatchObject({ tenantId: organisation.id, personId: person.id, status: "active", username: "coordinator.test" });
    expect(await verifyPassword(user.passwordHash ?? "", "Een-goed-wachtwoord-1")).toBe(true);
  });

  it("refuses a username that differs only in letter case", async () => {
    const organisation = await createOrganisation(db);
    await createMemberWithLogin(db, { tenantId: organisation.id, username: "jan.jansen" });
    await expect(createMemberWithLogin(db, { tenantId: organisation.id, username: "Jan.Jansen" })).rejects.toThrow();
  });

  it("gives a person a generated photo", async () => {
    const organisation = await createOrganisation(db);
    const { person } = await createMemberWithLogin(db, { tenantId: organisation.id });
    const photo = await createAvatarPhoto(db, person);
    const [row] = await db.select({ photoId: people.photoId }).from(people).where(eq(people.id, person.id));
    expect(row.photoId).toBe(photo.id);
    const [stored] = await db.select({ small: photos.small }).from(photos).where(eq(photos.id, photo.id));
    // WebP files start with "RIFF".
    expect(Buffer.from(stored.small).subarray(0, 4).toString("ascii")).toBe("RIFF");
  });
});

// The demo organisation "Stichting Samen Sterk": people, groups, locations, six weeks of shifts and the demo logins.
import { randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import type { Faker } from "@faker-js/faker";
import { addDays, subDays } from "date-fns";
import { eq, inArray, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/accounts/passwords/hashing";
import type { Db, Tx } from "@/lib/db/client";
import { providerAdmins, users } from "@/lib/db/schema/accounts";
import { people, photos } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations, organisations, providers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { weekRange } from "@/lib/roster/rules";
import { renderAvatar, type AvatarImages } from "./avatars";
import {
  atLocalTime,
  buildAssignment,
  buildGroup,
  buildLocation,
  buildLogin,
  buildOrganisation,
  buildPerson,
  buildProvider,
  buildShift,
  buildUsername,
  createFaker,
  dutchFirstNames,
  dutchSurnames,
  type NewAssignment,
  type NewPerson,
  type NewShift,
} from "./factories";
import { DEMO_ORGANISATION_SLUG, DEMO_PASSWORD, demoProviderAdmin } from "./logins";

/** Fixed, so every fresh demo database holds the same people and roster. */
const DEMO_FAKER_SEED = 2026;
const DEMO_PROVIDER_SLUG = "ploeg-demo";
const TIME_ZONE = "Europe/Amsterdam";
const MEMBER_COUNT = 60;

export type SeedDemoResult = {
  /** False when the demo organisation already existed; nothing was changed then. */
  created: boolean;
  organisationId: string;
  people: number;
  shifts: number;
  assignments: number;
  photos: number;
};

type GroupKey = "buurthuis" | "maaltijden" | "vervoer";
type LocationKey = "linde" | "anker";

type PlannedPerson = {
  row: NewPerson & { id: string };
  username: string;
  /** Only the three demo accounts get the shared password; everyone else signs in through links. */
  demoPassword: boolean;
  groups: GroupKey[];
  photo: boolean;
};

type ShiftTemplate = {
  /** Days after Monday. */
  day: number;
  start: string;
  end: string;
  activity: string;
  location: LocationKey;
  needed: number;
  group: GroupKey | null;
  byCoordinator: boolean;
};

const weeklyShifts: ShiftTemplate[] = [
  { day: 0, start: "09:30", end: "12:00", activity: "Koffieochtend", location: "linde", needed: 3, group: null, byCoordinator: false },
  { day: 1, start: "16:00", end: "19:30", activity: "Maaltijd koken", location: "anker", needed: 4, group: "maaltijden", byCoordinator: true },
  { day: 2, start: "09:00", end: "12:00", activity: "Boodschappen rijden", location: "anker", needed: 2, group: "vervoer", byCoordinator: false },
  { day: 3, start: "13:30", end: "16:00", activity: "Taalcafé", location: "linde", needed: 3, group: null, byCoordinator: false },
  { day: 4, start: "17:00", end: "19:00", activity: "Maaltijd bezorgen", location: "anker", needed: 3, group: "maaltijden", byCoordinator: true },
  { day: 5, start: "10:00", end: "13:00", activity: "Repair café", location: "linde", needed: 4, group: "buurthuis", byCoordinator: false },
  { day: 6, start: "14:00", end: "16:30", activity: "Spelletjesmiddag", location: "linde", needed: 2, group: null, byCoordinator: false },
];

/** Weeks relative to the current one: three past, this week, two ahead. */
const WEEK_OFFSETS = [-3, -2, -1, 0, 1, 2];

function planPeople(f: Faker, tenantId: string, now: Date): PlannedPerson[] {
  const planned: PlannedPerson[] = [];
  const takenNames = new Set<string>();
  const takenUsernames = new Set<string>();

  function add(
    person: Partial<NewPerson> & Pick<NewPerson, "firstName" | "lastName">,
    options: { username?: string; demoPassword?: boolean; groups?: GroupKey[]; photo?: boolean } = {},
  ): PlannedPerson {
    const row = { ...buildPerson({ tenantId, ...person }, f), id: randomUUID() };
    takenNames.add(`${row.firstName} ${row.infix ?? ""} ${row.lastName}`);
    let username = options.username ?? buildUsername(row);
    for (let n = 2; takenUsernames.has(username); n++) username = `${buildUsername(row)}${n}`;
    takenUsernames.add(username);
    const entry: PlannedPerson = {
      row,
      username,
      demoPassword: options.demoPassword ?? false,
      groups: options.groups ?? pickGroups(f),
      photo: options.photo ?? f.number.float() < 0.85,
    };
    planned.push(entry);
    return entry;
  }

  add(
    { firstName: "Sanne", infix: "de", lastName: "Vries", phone: "06 24681357", address: "Lindelaan 41", postcode: "3817 BH", city: "Amersfoort" },
    { username: "demo.lid", demoPassword: true, groups: ["buurthuis", "maaltijden"], photo: true },
  );
  add(
    { firstName: "Femke", infix: "van der", lastName: "Meer", role: "coordinator", email: "femke.vandermeer@example.org" },
    { username: "demo.coordinator", demoPassword: true, groups: ["buurthuis", "maaltijden", "vervoer"], photo: true },
  );
  add(
    { firstName: "Joost", infix: "ter", lastName: "Horst", role: "admin", email: "joost.terhorst@example.org" },
    { username: "demo.beheerder", demoPassword: true, groups: ["buurthuis"], photo: true },
  );

  // Two households that share one email address (and a front door): login requests by email must
  // reach every account on it.
  const jansen = { infix: null, lastName: "Jansen", email: "familie.jansen@example.org", address: "Kerkstraat 12", postcode: "3811 CV", city: "Amersfoort" };
  add({ firstName: "Pieter", ...jansen }, { groups: ["vervoer"] });
  add({ firstName: "Marieke", ...jansen }, { groups: ["maaltijden", "buurthuis"] });
  add({ firstName: "Lotte", ...jansen, birthDate: "2006-04-17" }, { groups: ["buurthuis"] });
  const household = { email: "bakker.vandenberg@example.org", address: "Populierenlaan 7", postcode: "3831 KL", city: "Leusden" };
  add({ firstName: "Noël", infix: null, lastName: "Bakker", ...household }, { groups: ["vervoer", "buurthuis"] });
  add({ firstName: "Zoë", infix: "van den", lastName: "Berg", ...household }, { groups: ["maaltijden"] });

  add({ firstName: "Anouk", infix: null, lastName: "Visser" });
  add({ firstName: "Inès", infix: "de", lastName: "Wit" });
  add({ firstName: "Youssef", infix: null, lastName: "El Idrissi" });
  add({ firstName: "Fatima", infix: null, lastName: "El Idrissi" }, { photo: false });
  add({ firstName: "Hüseyin", infix: null, lastName: "Yilmaz" });
  add({ firstName: "Chloë", infix: "van 't", lastName: "Hof" });

  // Every first name once before any repeats, so the photo book does not fill up with five Anouks.
  const firstNames = f.helpers.shuffle([...dutchFirstNames]).filter((name) => !planned.some((p) => p.row.firstName === name));
  while (planned.length < MEMBER_COUNT) {
    const firstName = firstNames.shift() ?? f.helpers.arrayElement(dutchFirstNames);
    const surname = f.helpers.arrayElement(dutchSurnames);
    if (takenNames.has(`${firstName} ${surname.infix ?? ""} ${surname.lastName}`)) continue;
    add({ firstName, infix: surname.infix, lastName: surname.lastName });
  }

  for (const entry of planned) {
    entry.row.startDate = subDays(now, f.number.int({ min: 30, max: 5 * 365 })).toISOString().slice(0, 10);
  }
  // One member left last month: still able to sign in, which the dashboard points out.
  planned[planned.length - 1].row.endDate = subDays(now, 30).toISOString().slice(0, 10);
  return planned;
}

function pickGroups(f: Faker): GroupKey[] {
  const chosen: GroupKey[] = [];
  if (f.number.float() < 0.6) chosen.push("buurthuis");
  if (f.number.float() < 0.45) chosen.push("maaltijden");
  if (f.number.float() < 0.3) chosen.push("vervoer");
  return chosen.length > 0 ? chosen : [f.helpers.arrayElement(["buurthuis", "maaltijden", "vervoer"] as const)];
}

/**
 * How many places to fill. Past shifts were (nearly) all staffed. Coming ones follow a fixed pattern
 * rather than chance, so whatever day the demo starts on, it shows full, nearly full and empty shifts.
 */
function chooseFill(f: Faker, needed: number, past: boolean, index: number): number {
  if (past) return f.number.float() < 0.8 ? needed : needed - 1;
  if (index % 11 === 5) return 0;
  switch (index % 5) {
    case 0:
    case 2:
      return needed;
    case 3:
      return Math.max(0, needed - 2);
    default:
      return needed - 1;
  }
}

/**
 * Loads the demo organisation unless it already exists (found by its slug), in one transaction.
 * Idempotent: a second run changes nothing. `now` anchors the six weeks of shifts.
 */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  const existing = await getDemoOrganisationId(db);
  if (existing) return { created: false, organisationId: existing, people: 0, shifts: 0, assignments: 0, photos: 0 };

  const f = createFaker(DEMO_FAKER_SEED);
  const tenantId = randomUUID();
  const planned = planPeople(f, tenantId, now);
  // CPU work (Argon2, image encoding) happens before the transaction so it stays short.
  const [passwordHash, avatars] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    Promise.all(planned.map((p) => (p.photo ? renderAvatar(p.username) : Promise.resolve(null)))),
  ]);

  return db.transaction(async (tx) => {
    // Re-checked inside the transaction: two processes seeding at once must not both insert.
    const raced = await getDemoOrganisationId(tx);
    if (raced) return { created: false, organisationId: raced, people: 0, shifts: 0, assignments: 0, photos: 0 };
    await assertUsernamesFree(tx, [...planned.map((p) => p.username), demoProviderAdmin.username]);

    const providerId = await ensureDemoProvider(tx);
    // The provider's admin: an account of no organisation and no person (see lib/tenancy/provisioning.ts).
    const [providerAdmin] = await tx
      .insert(users)
      .values({ tenantId: null, personId: null, username: demoProviderAdmin.username, passwordHash, name: demoProviderAdmin.name, email: demoProviderAdmin.email })
      .returning({ id: users.id });
    await tx.insert(providerAdmins).values({ providerId, userId: providerAdmin.id });
    await tx.insert(organisations).values({
      ...buildOrganisation(
        { providerId, name: "Stichting Samen Sterk", slug: DEMO_ORGANISATION_SLUG, email: "coordinatie@samensterk.example.org" },
        f,
      ),
      id: tenantId,
    });

    const groupIds: Record<GroupKey, string> = { buurthuis: randomUUID(), maaltijden: randomUUID(), vervoer: randomUUID() };
    await tx.insert(groups).values([
      { ...buildGroup({ tenantId, name: "Buurthuis", email: "buurthuis@samensterk.example.org" }, f), id: groupIds.buurthuis },
      { ...buildGroup({ tenantId, name: "Maaltijden" }, f), id: groupIds.maaltijden },
      { ...buildGroup({ tenantId, name: "Vervoer", email: "vervoer@samensterk.example.org" }, f), id: groupIds.vervoer },
    ]);

    const locationIds: Record<LocationKey, string> = { linde: randomUUID(), anker: randomUUID() };
    await tx.insert(locations).values([
      { ...buildLocation({ tenantId, name: "Buurthuis De Linde", address: "Lindelaan 12, 3817 AB Amersfoort" }, f), id: locationIds.linde },
      { ...buildLocation({ tenantId, name: "Wijkcentrum Het Anker", address: "Ankerplein 3, 3822 CD Amersfoort" }, f), id: locationIds.anker },
    ]);

    const photoRows = planned.flatMap((p, i) => {
      const images: AvatarImages | null = avatars[i];
      return images ? [{ id: randomUUID(), tenantId, personId: p.row.id, ...images }] : [];
    });
    const photoIdByPerson = new Map(photoRows.map((photo) => [photo.personId, photo.id]));
    await tx.insert(people).values(planned.map((p) => ({ ...p.row, photoId: photoIdByPerson.get(p.row.id) ?? null })));
    // Photos go in small batches: each row carries two images and one huge statement gains nothing.
    for (let i = 0; i < photoRows.length; i += 20) await tx.insert(photos).values(photoRows.slice(i, i + 20));

    await tx.insert(users).values(
      planned.map((p) =>
        buildLogin({
          tenantId,
          personId: p.row.id,
          username: p.username,
          passwordHash: p.demoPassword ? passwordHash : null,
          name: formatPersonName(p.row),
          email: p.row.email ?? null,
        }),
      ),
    );
    await tx.insert(groupMembers).values(planned.flatMap((p) => p.groups.map((g) => ({ tenantId, groupId: groupIds[g], personId: p.row.id }))));

    const roster = planRoster(f, { tenantId, now, planned, groupIds, locationIds });
    await tx.insert(shifts).values(roster.shifts);
    if (roster.assignments.length > 0) await tx.insert(assignments).values(roster.assignments);

    return {
      created: true,
      organisationId: tenantId,
      people: planned.length,
      shifts: roster.shifts.length,
      assignments: roster.assignments.length,
      photos: photoRows.length,
    };
  });
}

/** True once any organisation exists: `npm run dev` loads the demo only into an empty database. */
export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return row !== undefined;
}

async function getDemoOrganisationId(db: Db | Tx): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_ORGANISATION_SLUG)).limit(1);
  return row?.id ?? null;
}

async function ensureDemoProvider(tx: Tx): Promise<string> {
  const [found] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.slug, DEMO_PROVIDER_SLUG)).limit(1);
  if (found) return found.id;
  const [created] = await tx
    .insert(providers)
    .values(buildProvider({ name: "Ploeg Demo Provider", slug: DEMO_PROVIDER_SLUG }))
    .returning({ id: providers.id });
  return created.id;
}

/** Usernames are unique across the platform: say which one is taken rather than fail on the index. */
async function assertUsernamesFree(tx: Tx, usernames: string[]): Promise<void> {
  const lowered = usernames.map((u) => u.toLowerCase());
  const taken = await tx
    .select({ username: users.username })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, lowered))
    .limit(5);
  if (taken.length > 0) {
    throw new Error(`Cannot load the demo organisation: username(s) already in use: ${taken.map((t) => t.username).join(", ")}`);
  }
}

type RosterInput = {
  tenantId: string;
  now: Date;
  planned: PlannedPerson[];
  groupIds: Record<GroupKey, string>;
  locationIds: Record<LocationKey, string>;
};

function planRoster(f: Faker, input: RosterInput): { shifts: (NewShift & { id: string })[]; assignments: NewAssignment[] } {
  const { tenantId, now, planned, groupIds, locationIds } = input;
  const coordinator = planned.find((p) => p.row.role === "coordinator");
  const demoMember = planned[0];
  const today = now.toISOString().slice(0, 10);
  // Admins do not work shifts, and neither does anyone who has left.
  const workers = planned.filter((p) => p.row.role !== "admin" && !(p.row.endDate && p.row.endDate < today));
  const monday = weekRange(now, TIME_ZONE).from;

  const shiftRows: (NewShift & { id: string })[] = [];
  const assignmentRows: NewAssignment[] = [];
  let demoComing = 0;

  for (const week of WEEK_OFFSETS) {
    for (const template of weeklyShifts) {
      const day = addDays(new TZDate(monday.getTime(), TIME_ZONE), week * 7 + template.day);
      const startsAt = atLocalTime(day, template.start, TIME_ZONE);
      const endsAt = atLocalTime(day, template.end, TIME_ZONE);
      const id = randomUUID();
      const past = endsAt.getTime() < now.getTime();
      // One coming shift is cancelled, as happens: nobody is on it any more.
      const cancelled = week === 1 && template.day === 3;
      shiftRows.push({
        ...buildShift(
          {
            tenantId,
            activity: template.activity,
            locationId: locationIds[template.location],
            startsAt,
            endsAt,
            needed: template.needed,
            groupId: template.group ? groupIds[template.group] : null,
            coordinatorId: template.byCoordinator && coordinator ? coordinator.row.id : null,
            notes: cancelled ? "Vervalt: de zaal is die middag niet beschikbaar." : null,
            cancelledAt: cancelled ? subDays(now, 2) : null,
          },
          f,
        ),
        id,
      });
      if (cancelled) continue;

      const eligible = workers.filter((p) => template.group === null || p.groups.includes(template.group));
      let fill = chooseFill(f, template.needed, past, shiftRows.length);
      const chosen: PlannedPerson[] = [];
      // The demo member works a few past shifts (hours to confirm) and has a few coming ones;
      // the rest of the roster is left to chance, so she also sees open places she may take.
      const demoEligible = eligible.includes(demoMember);
      const demoWanted = demoEligible && (past ? template.day === 1 || template.day === 3 : demoComing < 3 && (template.day === 1 || template.day === 5));
      if (demoWanted) {
        chosen.push(demoMember);
        fill = Math.max(fill, 1);
        if (!past) demoComing++;
      }
      const others = eligible.filter((p) => p !== demoMember);
      chosen.push(...f.helpers.arrayElements(others, Math.max(0, Math.min(fill - chosen.length, others.length))));

      for (const person of chosen) {
        const signedUpAt = past ? subDays(startsAt, f.number.int({ min: 2, max: 14 })) : subDays(now, f.number.int({ min: 1, max: 10 }));
        assignmentRows.push(
          buildAssignment({
            tenantId,
            shiftId: id,
            personId: person.row.id,
            source: f.number.float() < 0.6 ? "coordinator" : "self",
            // Never after the shift began, never in the future.
            signedUpAt: new Date(Math.min(signedUpAt.getTime(), startsAt.getTime() - 60 * 60 * 1000, now.getTime())),
          }),
        );
      }
    }
  }
  return { shifts: shiftRows, assignments: assignmentRows };
}

// Valid rows for tests and the demo seed alike: build* returns an insertable row, create* inserts one and returns it.
import { TZDate } from "@date-fns/tz";
import { Faker, base, nl } from "@faker-js/faker";
import { addDays } from "date-fns";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/accounts/passwords/hashing";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, photos, type Role } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations, organisations, providers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { renderAvatar } from "./avatars";

export type NewProvider = typeof providers.$inferInsert;
export type NewOrganisation = typeof organisations.$inferInsert;
export type NewPerson = typeof people.$inferInsert;
export type NewGroup = typeof groups.$inferInsert;
export type NewLocation = typeof locations.$inferInsert;
export type NewShift = typeof shifts.$inferInsert;
export type NewAssignment = typeof assignments.$inferInsert;
export type NewUser = typeof users.$inferInsert;

export type Provider = typeof providers.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type Location = typeof locations.$inferSelect;
export type Shift = typeof shifts.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type User = typeof users.$inferSelect;

export const DEFAULT_TIME_ZONE = "Europe/Amsterdam";

/** A faker speaking Dutch (falling back to the base locale), seeded for reproducible data. */
export function createFaker(seed?: number): Faker {
  const instance = new Faker({ locale: [nl, base] });
  if (seed !== undefined) instance.seed(seed);
  return instance;
}

let sharedFaker = createFaker();
// Appended to slugs and usernames so rows built in one process never collide on a unique index,
// whatever the faker picked.
let sequence = 0;

/**
 * Makes every following build* call without its own faker reproducible. The uniqueness sequence
 * keeps counting, so reseeding within one database never produces a duplicate slug or username.
 */
export function seedFactories(seed: number): void {
  sharedFaker = createFaker(seed);
}

function nextSequence(): number {
  sequence += 1;
  return sequence;
}

// Names, streets and places chosen by hand: faker's Dutch locale folds infixes into the last name
// and invents street names, and the demo should look like a real Dutch town.
export const dutchFirstNames = [
  "Sanne", "Daan", "Anouk", "Zoë", "Noël", "Thijs", "Femke", "Joost", "Lotte", "Bram", "Inès", "Ruben", "Maartje",
  "Sem", "Eva", "Jeroen", "Fleur", "Wouter", "Ilse", "Gerrit", "Chloë", "Kees", "Marloes", "Pieter", "Annelies",
  "Rik", "Mirjam", "Sven", "Noor", "Henk", "Lieke", "Bas", "Renée", "Esmée", "Tom", "Wilma", "Job", "Marieke",
  "Stijn", "Ingrid", "Luuk", "Saskia", "Iris", "Arjen", "Truus", "Cor", "Gijs", "Hanneke", "Frits", "Yvonne",
] as const;

export const dutchSurnames: ReadonlyArray<{ infix: string | null; lastName: string }> = [
  { infix: "de", lastName: "Vries" },
  { infix: "van", lastName: "Dijk" },
  { infix: "van der", lastName: "Meer" },
  { infix: "van den", lastName: "Berg" },
  { infix: "ter", lastName: "Horst" },
  { infix: "de", lastName: "Jong" },
  { infix: null, lastName: "Jansen" },
  { infix: null, lastName: "Bakker" },
  { infix: null, lastName: "Visser" },
  { infix: null, lastName: "Smit" },
  { infix: null, lastName: "Mulder" },
  { infix: "de", lastName: "Boer" },
  { infix: "van", lastName: "Leeuwen" },
  { infix: "van 't", lastName: "Hof" },
  { infix: "ten", lastName: "Cate" },
  { infix: "van der", lastName: "Linden" },
  { infix: "van den", lastName: "Bosch" },
  { infix: "de", lastName: "Wit" },
  { infix: null, lastName: "Hendriks" },
  { infix: null, lastName: "Dekker" },
  { infix: null, lastName: "Brouwer" },
  { infix: "van", lastName: "Vliet" },
  { infix: null, lastName: "Postma" },
  { infix: "in 't", lastName: "Veld" },
  { infix: null, lastName: "Kok" },
  { infix: "van der", lastName: "Heijden" },
  { infix: null, lastName: "Peeters" },
  { infix: null, lastName: "Willems" },
  { infix: "de", lastName: "Graaf" },
  { infix: null, lastName: "Groen" },
];

const streets = [
  "Kerkstraat", "Dorpsstraat", "Molenweg", "Lindelaan", "Schoolstraat", "Julianastraat", "Beatrixlaan",
  "Prins Hendrikstraat", "Stationsweg", "Havenkade", "Populierenlaan", "Wilhelminaplein", "Eemstraat", "Kastanjehof",
];

/** Amersfoort and its neighbours, with the four-digit ranges their postcodes really use. */
const places = [
  { city: "Amersfoort", from: 3811, to: 3829 },
  { city: "Leusden", from: 3830, to: 3833 },
  { city: "Hoogland", from: 3828, to: 3828 },
  { city: "Soest", from: 3760, to: 3769 },
];

export const shiftActivities = ["Koffieochtend", "Taalcafé", "Maaltijd koken", "Boodschappen rijden", "Repair café", "Spelletjesmiddag"];

/** Lower-case ASCII: accents dropped ("Zoë" → "zoe"), everything but letters and digits removed. */
export function toAsciiKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export function buildSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "organisatie";
}

/** `sanne.devries` style: the Dutch way of writing a name in an address or login. */
export function buildUsername(person: { firstName: string; infix?: string | null; lastName: string }): string {
  return `${toAsciiKey(person.firstName)}.${toAsciiKey(`${person.infix ?? ""}${person.lastName}`)}`;
}

// PostNL leaves out F, I, O, Q, U and Y (too easily misread) and never hands out SA, SD or SS.
const postcodeLetters = "ABCDEGHJKLMNPRSTVWXZ";

/** A Dutch postcode: four digits without a leading zero, a space, two letters. */
export function buildPostcode(f: Faker = sharedFaker, range: { from: number; to: number } = { from: 1000, to: 9999 }): string {
  const digits = f.number.int({ min: range.from, max: range.to });
  let letters = "";
  do {
    letters = f.string.fromCharacters(postcodeLetters, 2);
  } while (letters === "SA" || letters === "SD" || letters === "SS");
  return `${digits} ${letters}`;
}

/** A Dutch mobile number the way people write it: `06 12345678`. */
export function buildMobileNumber(f: Faker = sharedFaker): string {
  return `06 ${f.number.int({ min: 1, max: 5 })}${f.string.numeric({ length: 7 })}`;
}

/** The moment `time` ("HH:MM") on the calendar day of `day`, both read in `timeZone` (DST-safe). */
export function atLocalTime(day: Date, time: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [hours, minutes] = time.split(":").map(Number);
  const local = new TZDate(day.getTime(), timeZone);
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hours, minutes, timeZone).getTime());
}

export function buildProvider(overrides: Partial<NewProvider> = {}, f: Faker = sharedFaker): NewProvider {
  // The Dutch locale has no company names; a hosting party named after a region reads naturally.
  const name = overrides.name ?? `${f.helpers.arrayElement(["Welzijn", "Vrijwilligerspunt", "Zorgnet", "Buurtkracht"])} ${f.location.city()}`;
  return { name, slug: `${buildSlug(name)}-${nextSequence()}`, ...overrides };
}

export function buildOrganisation(overrides: Partial<NewOrganisation> & { providerId: string }, f: Faker = sharedFaker): NewOrganisation {
  const name = overrides.name ?? `Stichting ${f.location.city()}`;
  const slug = overrides.slug ?? `${buildSlug(name)}-${nextSequence()}`;
  return {
    name,
    slug,
    email: `info@${slug}.example.org`,
    timeZone: DEFAULT_TIME_ZONE,
    locale: "nl",
    ...overrides,
  };
}

export function buildPerson(overrides: Partial<NewPerson> & { tenantId: string }, f: Faker = sharedFaker): NewPerson {
  const surname = f.helpers.arrayElement(dutchSurnames);
  const firstName = overrides.firstName ?? f.helpers.arrayElement(dutchFirstNames);
  const infix = overrides.infix !== undefined ? overrides.infix : overrides.lastName !== undefined ? null : surname.infix;
  const lastName = overrides.lastName ?? surname.lastName;
  const place = f.helpers.arrayElement(places);
  return {
    firstName,
    infix,
    lastName,
    email: `${buildUsername({ firstName, infix, lastName })}@example.org`,
    phone: buildMobileNumber(f),
    birthDate: f.date.birthdate({ mode: "age", min: 18, max: 82 }).toISOString().slice(0, 10),
    address: `${f.helpers.arrayElement(streets)} ${f.number.int({ min: 1, max: 180 })}`,
    postcode: buildPostcode(f, place),
    city: place.city,
    role: "member",
    ...overrides,
  };
}

export function buildGroup(overrides: Partial<NewGroup> & { tenantId: string }, f: Faker = sharedFaker): NewGroup {
  return { name: `${f.helpers.arrayElement(shiftActivities)} ${nextSequence()}`, email: null, ...overrides };
}

export function buildLocation(overrides: Partial<NewLocation> & { tenantId: string }, f: Faker = sharedFaker): NewLocation {
  const place = f.helpers.arrayElement(places);
  return {
    name: `Wijkcentrum ${f.helpers.arrayElement(["De Linde", "Het Anker", "De Kroon", "Het Kompas"])} ${nextSequence()}`,
    isClient: false,
    address: `${f.helpers.arrayElement(streets)} ${f.number.int({ min: 1, max: 120 })}, ${buildPostcode(f, place)} ${place.city}`,
    ...overrides,
  };
}

/**
 * A shift of three hours; without times it starts tomorrow 09:00 in the organisation's zone
 * (Europe/Amsterdam unless `timeZone` says otherwise).
 */
export function buildShift(
  overrides: Partial<NewShift> & { tenantId: string; timeZone?: string },
  f: Faker = sharedFaker,
): NewShift {
  const { timeZone = DEFAULT_TIME_ZONE, ...row } = overrides;
  const startsAt = row.startsAt ?? atLocalTime(addDays(new Date(), 1), "09:00", timeZone);
  return {
    activity: f.helpers.arrayElement(shiftActivities),
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
    needed: f.number.int({ min: 2, max: 4 }),
    ...row,
  };
}

export function buildAssignment(overrides: Partial<NewAssignment> & { tenantId: string; shiftId: string; personId: string }): NewAssignment {
  return { source: "coordinator", ...overrides };
}

/** A login for a person; active, no password unless a hash is given (members then sign in through links). */
export function buildLogin(
  overrides: Partial<NewUser> & { tenantId: string; personId: string; username: string },
): NewUser {
  return { status: "active", passwordHash: null, ...overrides };
}

export async function createProvider(db: DbOrTx, overrides: Partial<NewProvider> = {}): Promise<Provider> {
  const [row] = await db.insert(providers).values(buildProvider(overrides)).returning();
  return row;
}

/** Creates an organisation, and a provider for it when none is given. */
export async function createOrganisation(
  db: DbOrTx,
  overrides: Partial<NewOrganisation> = {},
): Promise<Organisation> {
  const providerId = overrides.providerId ?? (await createProvider(db)).id;
  const [row] = await db.insert(organisations).values(buildOrganisation({ ...overrides, providerId })).returning();
  return row;
}

export async function createPerson(db: DbOrTx, overrides: Partial<NewPerson> & { tenantId: string }): Promise<Person> {
  const [row] = await db.insert(people).values(buildPerson(overrides)).returning();
  return row;
}

export async function createGroup(db: DbOrTx, overrides: Partial<NewGroup> & { tenantId: string }): Promise<Group> {
  const [row] = await db.insert(groups).values(buildGroup(overrides)).returning();
  return row;
}

export async function addPersonToGroup(db: DbOrTx, membership: { tenantId: string; groupId: string; personId: string }): Promise<void> {
  await db.insert(groupMembers).values(membership);
}

export async function createLocation(db: DbOrTx, overrides: Partial<NewLocation> & { tenantId: string }): Promise<Location> {
  const [row] = await db.insert(locations).values(buildLocation(overrides)).returning();
  return row;
}

export async function createShift(db: DbOrTx, overrides: Partial<NewShift> & { tenantId: string; timeZone?: string }): Promise<Shift> {
  const [row] = await db.insert(shifts).values(buildShift(overrides)).returning();
  return row;
}

export async function createAssignment(
  db: DbOrTx,
  overrides: Partial<NewAssignment> & { tenantId: string; shiftId: string; personId: string },
): Promise<Assignment> {
  const [row] = await db.insert(assignments).values(buildAssignment(overrides)).returning();
  return row;
}

export type CreateMemberWithLoginInput = {
  tenantId: string;
  /** Defaults to `first.last` plus a sequence number; compared case-insensitively by the database. */
  username?: string;
  /** Hashed with Argon2id (~50 ms); pass `passwordHash` instead to reuse one hash for many logins. */
  password?: string;
  passwordHash?: string | null;
  role?: Role;
  person?: Partial<NewPerson>;
  login?: Partial<NewUser>;
};

/** A person with an active login. Throws (unique violation) when the username is taken in any letter case. */
export async function createMemberWithLogin(db: DbOrTx, input: CreateMemberWithLoginInput): Promise<{ person: Person; user: User }> {
  const person = await createPerson(db, { ...input.person, tenantId: input.tenantId, role: input.role ?? input.person?.role ?? "member" });
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : (input.passwordHash ?? null);
  const username = input.username ?? `${buildUsername(person)}${nextSequence()}`;
  const [user] = await db
    .insert(users)
    .values(
      buildLogin({
        passwordHash,
        name: formatPersonName(person),
        email: person.email,
        ...input.login,
        tenantId: input.tenantId,
        personId: person.id,
        username,
      }),
    )
    .returning();
  return { person, user };
}

/** Gives a person a generated avatar (both sizes) and links it as their photo. */
export async function createAvatarPhoto(db: DbOrTx, person: { id: string; tenantId: string }): Promise<{ id: string }> {
  const images = await renderAvatar(person.id);
  const [photo] = await db.insert(photos).values({ tenantId: person.tenantId, personId: person.id, ...images }).returning({ id: photos.id });
  await db
    .update(people)
    .set({ photoId: photo.id })
    .where(and(eq(people.tenantId, person.tenantId), eq(people.id, person.id)));
  return photo;
}

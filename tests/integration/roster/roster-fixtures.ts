// An organisation as the roster tests need it: a coordinator and members with logins, a group with two
// of them in it, a location, and helpers to make shifts at Amsterdam wall-clock times and read back
// assignments and mail.
import { TZDate } from "@date-fns/tz";
import { and, asc, eq } from "drizzle-orm";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import type { Db } from "@/lib/db/client";
import { accessTokens } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { assignments, shifts } from "@/lib/db/schema/roster";
import {
  addPersonToGroup,
  createGroup,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createShift,
  type Group,
  type Location,
  type NewShift,
  type Organisation,
  type Person,
  type Shift,
  type User,
} from "@/lib/demo/factories";
import { openSession } from "@/tests/setup/sessions";

export type Member = { person: Person; user: User };

export type RosterOrganisation = {
  organisation: Organisation;
  coordinator: Member;
  /** members[0] and members[1] are in `group`. */
  members: Member[];
  group: Group;
  location: Location;
};

export async function createRosterOrganisation(db: Db, name: string, memberCount = 4): Promise<RosterOrganisation> {
  const organisation = await createOrganisation(db, { name });
  const member = (role: "member" | "coordinator" = "member") => createMemberWithLogin(db, { tenantId: organisation.id, role });
  const coordinator = await member("coordinator");
  const members: Member[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await member());
  const group = await createGroup(db, { tenantId: organisation.id, name: `Keuken ${name}` });
  for (const m of members.slice(0, 2)) await addPersonToGroup(db, { tenantId: organisation.id, groupId: group.id, personId: m.person.id });
  const location = await createLocation(db, { tenantId: organisation.id, name: `Wijkcentrum ${name}` });
  return { organisation, coordinator, members, group, location };
}

let numbered = 0;

/** A fresh organisation named "Org <n>", n counting up within the test file. */
export async function createNumberedRosterOrganisation(db: Db): Promise<RosterOrganisation> {
  numbered += 1;
  return createRosterOrganisation(db, `Org ${numbered}`);
}

/** The real actor for a login, resolved the way every request resolves it. */
export async function actorOf(member: Member): Promise<Actor> {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error(`No actor for ${member.user.username}`);
  return actor;
}

const TZ = "Europe/Amsterdam";

/** "09:00" on the day `days` from today, in Amsterdam. */
export function daysAhead(days: number, time: string): Date {
  const today = new TZDate(Date.now(), TZ);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + days, hours, minutes, TZ).getTime());
}

export async function shiftIn(
  db: Db,
  org: RosterOrganisation,
  overrides: Partial<NewShift> & { startsAt: Date; hours?: number },
): Promise<Shift> {
  const { hours = 3, ...row } = overrides;
  return createShift(db, {
    tenantId: org.organisation.id,
    activity: "Koffieochtend",
    locationId: org.location.id,
    needed: 3,
    endsAt: new Date(row.startsAt.getTime() + hours * 3_600_000),
    ...row,
  });
}

export async function peopleOn(db: Db, shiftId: string): Promise<string[]> {
  const rows = await db.select({ personId: assignments.personId }).from(assignments).where(eq(assignments.shiftId, shiftId));
  return rows.map((row) => row.personId).sort();
}

export async function shiftRow(db: Db, shiftId: string): Promise<Shift> {
  const [row] = await db.select().from(shifts).where(eq(shifts.id, shiftId));
  return row;
}

export async function mailTo(db: Db, personId: string) {
  return withMailBodies(await db.select().from(outbox).where(eq(outbox.personId, personId)).orderBy(asc(outbox.createdAt)));
}

export async function signInLinksOf(db: Db, userId: string) {
  return db
    .select({ destination: accessTokens.destination, expiresAt: accessTokens.expiresAt, createdAt: accessTokens.createdAt })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.purpose, "sign_in")));
}

// An organisation as the hours tests need it: a coordinator and members with logins, a group and a
// location, and helpers to put members on shifts that have ended (or add hours outside a shift) at
// Amsterdam wall-clock times in a given week. Shared by every hours test; names are set explicitly
// where a test reads them back.
import { TZDate } from "@date-fns/tz";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import type { Db } from "@/lib/db/client";
import { workedHours } from "@/lib/db/schema/hours";
import { defaultOrganisationSettings } from "@/lib/db/schema/tenancy";
import {
  addPersonToGroup,
  createAssignment,
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

export const HOURS_TIME_ZONE = "Europe/Amsterdam";

export type HoursMember = { person: Person; user: User };

export type HoursOrganisation = {
  organisation: Organisation;
  coordinator: HoursMember;
  members: HoursMember[];
  /** Every member is in it; its address is null unless `groupEmail` was given. */
  group: Group;
  location: Location;
};

export type HoursOrganisationOptions = {
  name?: string;
  memberCount?: number;
  /** The organisation's own address (the last stop of the planner chain); null for none. */
  organisationEmail?: string | null;
  groupEmail?: string | null;
  /** settings.hoursDeadline, when a test needs another deadline than Monday 09:00. */
  hoursDeadline?: { weekday: number; time: string };
};

let counter = 0;

export async function createHoursOrganisation(db: Db, options: HoursOrganisationOptions = {}): Promise<HoursOrganisation> {
  counter += 1;
  const name = options.name ?? `Uren ${counter}`;
  const organisation = await createOrganisation(db, {
    name,
    ...(options.organisationEmail !== undefined ? { email: options.organisationEmail } : {}),
    ...(options.hoursDeadline ? { settings: { ...defaultOrganisationSettings, hoursDeadline: options.hoursDeadline } } : {}),
  });
  const coordinator = await createMemberWithLogin(db, { tenantId: organisation.id, role: "coordinator", person: { firstName: "Carla", lastName: `Coördinator ${counter}` } });
  const members: HoursMember[] = [];
  for (let i = 0; i < (options.memberCount ?? 3); i++) {
    members.push(await createMemberWithLogin(db, { tenantId: organisation.id, person: { firstName: `Lid${i + 1}`, infix: null, lastName: `Uren ${counter}` } }));
  }
  const group = await createGroup(db, { tenantId: organisation.id, name: `Ploeg ${name}`, email: options.groupEmail ?? null });
  for (const member of members) await addPersonToGroup(db, { tenantId: organisation.id, groupId: group.id, personId: member.person.id });
  const location = await createLocation(db, { tenantId: organisation.id, name: `Buurthuis ${name}` });
  return { organisation, coordinator, members, group, location };
}

/** The instant of `time` (HH:MM) on the calendar day `day` (YYYY-MM-DD) in Amsterdam. */
export function amsterdam(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, HOURS_TIME_ZONE).getTime());
}

export type WorkedShift = {
  /** YYYY-MM-DD and HH:MM in Amsterdam. */
  day: string;
  from: string;
  /** Real hours; defaults to 3. */
  hours?: number;
} & Partial<Omit<NewShift, "tenantId" | "startsAt" | "endsAt">>;

/**
 * A shift of the organisation at the given Amsterdam time with these members on it (it must lie in
 * the past of the test's `now` to count as worked). No coordinator and no group unless given.
 */
export async function putOnShift(db: Db, org: HoursOrganisation, members: readonly HoursMember[], shift: WorkedShift): Promise<Shift> {
  const { day, from, hours = 3, ...row } = shift;
  const startsAt = amsterdam(day, from);
  const created = await createShift(db, {
    activity: "Koffieochtend",
    locationId: org.location.id,
    needed: Math.max(1, members.length),
    coordinatorId: null,
    groupId: null,
    ...row,
    tenantId: org.organisation.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
  });
  for (const member of members) await createAssignment(db, { tenantId: org.organisation.id, shiftId: created.id, personId: member.person.id });
  return created;
}

/** Hours worked outside any shift (as a coordinator would add them). */
export async function addHoursOutsideShift(
  db: Db,
  org: HoursOrganisation,
  member: HoursMember,
  entry: { day: string; from: string; hours: number; activity?: string; breakMinutes?: number },
): Promise<void> {
  const startsAt = amsterdam(entry.day, entry.from);
  await db.insert(workedHours).values({
    tenantId: org.organisation.id,
    personId: member.person.id,
    shiftId: null,
    activity: entry.activity ?? "Vergadering",
    locationId: org.location.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + entry.hours * 3_600_000),
    breakMinutes: entry.breakMinutes ?? 0,
  });
}

/** The real actor for a login, resolved the way every request resolves it. */
export async function hoursActorOf(member: HoursMember): Promise<Actor> {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error(`No actor for ${member.user.username}`);
  return actor;
}

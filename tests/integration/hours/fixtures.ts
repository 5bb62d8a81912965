// An organisation as every hours test needs it: a coordinator and members with logins (more with or
// without a login as a test adds them), a group and a location; shifts that have ended (or hours outside
// a shift) at Amsterdam wall-clock times, a week's sign-off row in a chosen state, and what a member's
// week left behind: worked hours, the sign-off row and the reminders received; signing in as the
// coordinator, and a member's week as the coordinator's actions name it. Names are set explicitly where
// a test reads them back. Actors, mail and sign-in links are read with the roster fixtures.
import { TZDate } from "@date-fns/tz";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { outbox } from "@/lib/db/schema/platform";
import { defaultOrganisationSettings } from "@/lib/db/schema/tenancy";
import {
  addPersonToGroup,
  createAssignment,
  createGroup,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createPerson,
  createShift,
  type Group,
  type Location,
  type NewPerson,
  type NewShift,
  type NewUser,
  type Organisation,
  type Person,
  type Shift,
  type User,
} from "@/lib/demo/factories";
import type { WeekRef } from "@/lib/hours/approval";
import { addDaysToKey, weekStartOf, type HoursDeadline, type WeekStatus } from "@/lib/hours/rules";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, type Member } from "@/tests/integration/roster/roster-fixtures";

export { actorOf, mailTo, signInLinksOf } from "@/tests/integration/roster/roster-fixtures";

export const HOURS_TIME_ZONE = "Europe/Amsterdam";

export type HoursMember = Member;
/** A person who may have no login (never invited, or kept on paper). */
export type HoursPerson = { person: Person; user: User | null };

export type HoursOrganisation = {
  organisation: Organisation;
  coordinator: HoursMember;
  members: HoursMember[];
  /** Every member made with the organisation is in it; its address is null unless `groupEmail` was given. */
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
  hoursDeadline?: HoursDeadline;
  hoursReminderHoursBefore?: number;
  locale?: string;
};

let counter = 0;

/** "Uren <n>" (or `name`) with a coordinator, `memberCount` members "Lid<i> Uren <n>", a group and a location. */
export async function createHoursOrganisation(db: Db, options: HoursOrganisationOptions = {}): Promise<HoursOrganisation> {
  counter += 1;
  const name = options.name ?? `Uren ${counter}`;
  const organisation = await createOrganisation(db, {
    name,
    timeZone: HOURS_TIME_ZONE,
    ...(options.organisationEmail !== undefined ? { email: options.organisationEmail } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    settings: {
      ...defaultOrganisationSettings,
      ...(options.hoursDeadline ? { hoursDeadline: options.hoursDeadline } : {}),
      ...(options.hoursReminderHoursBefore !== undefined ? { hoursReminderHoursBefore: options.hoursReminderHoursBefore } : {}),
    },
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

/** Every following request (and so every guarded action) acts as the organisation's coordinator. */
export async function asCoordinator(org: Pick<HoursOrganisation, "coordinator">): Promise<void> {
  signInAs(await actorOf(org.coordinator));
}

/** A member's week as the coordinator's actions name it (approve, send back, mark a request handled). */
export function weekRef(member: HoursPerson, weekStart: string): WeekRef {
  return { personId: member.person.id, weekStart };
}

/** One more member with an active login (unless `login` says otherwise); the email address is derived from the first name. */
export async function memberWithLogin(
  db: Db,
  org: HoursOrganisation,
  firstName: string,
  options: { person?: Partial<NewPerson>; login?: Partial<NewUser> } = {},
): Promise<HoursMember> {
  const { person, user } = await createMemberWithLogin(db, {
    tenantId: org.organisation.id,
    person: { firstName, lastName: "Jansen", infix: null, email: `${firstName.toLowerCase()}@example.org`, ...options.person },
    login: options.login,
  });
  return { person, user };
}

/** A person without a login; the email address is derived from the first name. */
export async function memberWithoutLogin(db: Db, org: HoursOrganisation, firstName: string, person: Partial<NewPerson> = {}): Promise<HoursPerson> {
  return {
    person: await createPerson(db, {
      tenantId: org.organisation.id,
      firstName,
      lastName: "Jansen",
      infix: null,
      email: `${firstName.toLowerCase()}@example.org`,
      ...person,
    }),
    user: null,
  };
}

/** The instant of `time` (HH:MM) on the calendar day `day` (YYYY-MM-DD) in Amsterdam. */
export function amsterdam(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, HOURS_TIME_ZONE).getTime());
}

/** An instant at `time` on day `dayOfWeek` (0 = Monday) of the week, Amsterdam wall clock. */
export function at(weekStart: string, dayOfWeek: number, time: string): Date {
  return amsterdam(addDaysToKey(weekStart, dayOfWeek), time);
}

/** The Monday of the week `weeksBack` weeks before the current one (Amsterdam). */
export function pastWeek(weeksBack: number, now: Date = new Date()): string {
  return addDaysToKey(weekStartOf(now, HOURS_TIME_ZONE), -7 * weeksBack);
}

export type WorkedShift = {
  /** YYYY-MM-DD and HH:MM in Amsterdam; `from` defaults to 09:00. */
  day: string;
  from?: string;
  /** The end (HH:MM, same day) or the real hours; 3 hours when neither is given. */
  to?: string;
  hours?: number;
} & Partial<Omit<NewShift, "tenantId" | "startsAt" | "endsAt">>;

/**
 * A shift of the organisation at the given Amsterdam time with these members on it (it must lie in
 * the past of the test's `now` to count as worked). No coordinator and no group unless given.
 */
export async function putOnShift(db: Db, org: Pick<HoursOrganisation, "organisation" | "location">, members: readonly HoursPerson[], shift: WorkedShift): Promise<Shift> {
  const { day, from = "09:00", to, hours = 3, ...row } = shift;
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
    endsAt: to ? amsterdam(day, to) : new Date(startsAt.getTime() + hours * 3_600_000),
  });
  for (const member of members) await createAssignment(db, { tenantId: org.organisation.id, shiftId: created.id, personId: member.person.id });
  return created;
}

/** A shift from `from` to `to` on day `dayOfWeek` (0 = Monday) of the week with `member` on it. */
export async function workedShift(db: Db, org: HoursOrganisation, member: HoursMember, weekStart: string, dayOfWeek: number, from: string, to: string, activity = "Koffieochtend"): Promise<Shift> {
  return putOnShift(db, org, [member], { day: addDaysToKey(weekStart, dayOfWeek), from, to, activity, needed: 3 });
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

/** The coordinator's correction that the member did not come: the shift then counts for nothing. */
export async function markNoShow(db: Db, shift: Shift, member: HoursPerson): Promise<void> {
  await db.insert(workedHours).values({
    tenantId: shift.tenantId,
    personId: member.person.id,
    shiftId: shift.id,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    noShow: true,
  });
}

/**
 * Sets the member's sign-off row of the week, as the member's and coordinator's steps leave it:
 * confirmed and approved at `at` (now unless given) where the state says so; `extra` sets any column.
 */
export async function setWeekStatus(
  db: Db,
  member: HoursPerson,
  weekStart: string,
  status: WeekStatus,
  { at = new Date(), ...extra }: Partial<typeof weekConfirmations.$inferInsert> & { at?: Date } = {},
): Promise<void> {
  const values = { status, confirmedAt: status === "confirmed" || status === "approved" ? at : null, approvedAt: status === "approved" ? at : null, ...extra };
  await db
    .insert(weekConfirmations)
    .values({ tenantId: member.person.tenantId, personId: member.person.id, weekStart, ...values })
    .onConflictDoUpdate({ target: [weekConfirmations.personId, weekConfirmations.weekStart], set: values });
}

export async function weekRowOf(db: Db, member: HoursPerson, weekStart: string) {
  const [row] = await db
    .select()
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.personId, member.person.id), eq(weekConfirmations.weekStart, weekStart)));
  return row ?? null;
}

export async function workedHoursOf(db: Db, member: HoursMember) {
  return db.select().from(workedHours).where(eq(workedHours.personId, member.person.id)).orderBy(asc(workedHours.startsAt));
}

/** The hours reminders a person received, oldest first, with their bodies opened. */
export async function remindersTo(db: Db, member: HoursPerson) {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.personId, member.person.id), eq(outbox.template, "hours-reminder")))
    .orderBy(asc(outbox.createdAt));
  return withMailBodies(rows);
}

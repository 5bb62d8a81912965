// Organisations as the hours-reminder tests need them: members with an email address and a login (or
// without either), shifts at Amsterdam wall-clock times that they worked in a chosen week, a week's
// sign-off row in a chosen state, and the reminders each person received, read back from the outbox.
import { TZDate } from "@date-fns/tz";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accessTokens } from "@/lib/db/schema/accounts";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { outbox } from "@/lib/db/schema/platform";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import {
  createAssignment,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createPerson,
  createShift,
  type Location,
  type NewPerson,
  type NewUser,
  type Organisation,
  type Person,
  type Shift,
  type User,
} from "@/lib/demo/factories";
import type { HoursDeadline, WeekStatus } from "@/lib/hours/rules";
import { withMailBodies } from "@/tests/setup/mail-bodies";

export const ZONE = "Europe/Amsterdam";

export type ReminderOrganisation = { organisation: Organisation; location: Location };
export type ReminderMember = { person: Person; user: User | null };

export async function createReminderOrganisation(
  db: Db,
  name: string,
  options: { hoursDeadline?: HoursDeadline; hoursReminderHoursBefore?: number; locale?: string } = {},
): Promise<ReminderOrganisation> {
  const organisation = await createOrganisation(db, {
    name,
    timeZone: ZONE,
    locale: options.locale ?? "nl",
    settings: {
      ...defaultOrganisationSettings,
      ...(options.hoursDeadline ? { hoursDeadline: options.hoursDeadline } : {}),
      ...(options.hoursReminderHoursBefore !== undefined ? { hoursReminderHoursBefore: options.hoursReminderHoursBefore } : {}),
    },
  });
  const location = await createLocation(db, { tenantId: organisation.id, name: `Buurthuis ${name}` });
  return { organisation, location };
}

/** A member with an active login (unless `login` says otherwise); the email address is derived from the first name. */
export async function memberWithLogin(
  db: Db,
  org: ReminderOrganisation,
  firstName: string,
  options: { person?: Partial<NewPerson>; login?: Partial<NewUser> } = {},
): Promise<ReminderMember> {
  const { person, user } = await createMemberWithLogin(db, {
    tenantId: org.organisation.id,
    person: { firstName, lastName: "Jansen", infix: null, email: `${firstName.toLowerCase()}@example.org`, ...options.person },
    login: options.login,
  });
  return { person, user };
}

/** A person without a login (never invited, or kept on paper). */
export async function memberWithoutLogin(db: Db, org: ReminderOrganisation, firstName: string, person: Partial<NewPerson> = {}): Promise<ReminderMember> {
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

/** The instant of `time` on `day` (YYYY-MM-DD) in Amsterdam. */
export function amsterdam(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, ZONE).getTime());
}

/** A shift of `hours` starting at `time` on `day` in Amsterdam, with these members assigned. */
export async function workedShift(
  db: Db,
  org: ReminderOrganisation,
  members: readonly ReminderMember[],
  day: string,
  time = "09:00",
  hours = 3,
): Promise<Shift> {
  const startsAt = amsterdam(day, time);
  const shift = await createShift(db, {
    tenantId: org.organisation.id,
    activity: "Koffieochtend",
    locationId: org.location.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
    needed: Math.max(1, members.length),
  });
  for (const member of members) await createAssignment(db, { tenantId: org.organisation.id, shiftId: shift.id, personId: member.person.id });
  return shift;
}

/** The coordinator's correction that the member did not come: the shift then counts for nothing. */
export async function markNoShow(db: Db, shift: Shift, member: ReminderMember): Promise<void> {
  await db.insert(workedHours).values({
    tenantId: shift.tenantId,
    personId: member.person.id,
    shiftId: shift.id,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    noShow: true,
  });
}

/** The week's sign-off row in the given state, as the member's or coordinator's action leaves it. */
export async function setWeekStatus(db: Db, member: ReminderMember, weekStart: string, status: WeekStatus, at: Date): Promise<void> {
  await db.insert(weekConfirmations).values({
    tenantId: member.person.tenantId,
    personId: member.person.id,
    weekStart,
    status,
    confirmedAt: status === "open" ? null : at,
    approvedAt: status === "approved" ? at : null,
  });
}

export async function setHoursSettings(db: Db, org: ReminderOrganisation, settings: { hoursDeadline?: HoursDeadline; hoursReminderHoursBefore?: number }) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, org.organisation.id));
  await db
    .update(organisations)
    .set({ settings: { ...row.settings, ...settings } })
    .where(eq(organisations.id, org.organisation.id));
}

/** The hours reminders a person received, oldest first, with their bodies opened. */
export async function remindersTo(db: Db, member: ReminderMember) {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.personId, member.person.id), eq(outbox.template, "hours-reminder")))
    .orderBy(asc(outbox.createdAt));
  return withMailBodies(rows);
}

export async function weekRowOf(db: Db, member: ReminderMember, weekStart: string) {
  const [row] = await db
    .select()
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.personId, member.person.id), eq(weekConfirmations.weekStart, weekStart)));
  return row ?? null;
}

export async function signInLinksOf(db: Db, user: User) {
  return db
    .select({ destination: accessTokens.destination, expiresAt: accessTokens.expiresAt })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, user.id), eq(accessTokens.purpose, "sign_in")));
}

// An organisation as the coordinator's hours tests need it: a coordinator, members with logins, a
// location, and helpers to put a member on a shift that has ended, set a week's sign-off state and read
// back worked hours, sign-off records, audit entries and mail.
import { and, asc, eq } from "drizzle-orm";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import type { Db } from "@/lib/db/client";
import { weekConfirmations, workedHours } from "@/lib/db/schema/hours";
import { outbox } from "@/lib/db/schema/platform";
import { createAssignment, createLocation, createMemberWithLogin, createOrganisation, createShift, type Location, type Organisation, type Person, type Shift, type User } from "@/lib/demo/factories";
import { addDaysToKey, localInstant, weekStartOf, type WeekStatus } from "@/lib/hours/rules";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { openSession } from "@/tests/setup/sessions";

export const TZ = "Europe/Amsterdam";

export type Member = { person: Person; user: User };

export type HoursTestOrganisation = {
  organisation: Organisation;
  coordinator: Member;
  members: Member[];
  location: Location;
};

let numbered = 0;

/** "Stichting Uren <n>" with a coordinator, `memberCount` members and a location; n counts up per test file. */
export async function createCoordinatorHoursOrganisation(db: Db, memberCount = 3): Promise<HoursTestOrganisation> {
  numbered += 1;
  const organisation = await createOrganisation(db, { name: `Stichting Uren ${numbered}`, timeZone: TZ });
  const member = (role: "member" | "coordinator", index: number) =>
    createMemberWithLogin(db, { tenantId: organisation.id, role, person: { firstName: role === "coordinator" ? "Cor" : `Lid${index}`, infix: null, lastName: `Org${numbered}` } });
  const coordinator = await member("coordinator", 0);
  const members: Member[] = [];
  for (let i = 1; i <= memberCount; i++) members.push(await member("member", i));
  const location = await createLocation(db, { tenantId: organisation.id, name: `Buurthuis ${numbered}` });
  return { organisation, coordinator, members, location };
}

export async function actorOf(member: Member): Promise<Actor> {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error(`No actor for ${member.user.username}`);
  return actor;
}

/** The Monday of the week `weeksBack` weeks before the current one (Amsterdam). */
export function pastWeek(weeksBack: number, now: Date = new Date()): string {
  return addDaysToKey(weekStartOf(now, TZ), -7 * weeksBack);
}

/** An instant at `time` on day `dayOfWeek` (0 = Monday) of the week, Amsterdam wall clock. */
export function at(weekStart: string, dayOfWeek: number, time: string): Date {
  return localInstant(addDaysToKey(weekStart, dayOfWeek), time, TZ);
}

/** A shift of the week (from `start` to `end` on `dayOfWeek`) at the organisation's location with `member` on it. */
export async function workedShift(db: Db, org: HoursTestOrganisation, member: Member, weekStart: string, dayOfWeek: number, start: string, end: string, activity = "Koffieochtend"): Promise<Shift> {
  const shift = await createShift(db, {
    tenantId: org.organisation.id,
    activity,
    locationId: org.location.id,
    needed: 3,
    startsAt: at(weekStart, dayOfWeek, start),
    endsAt: at(weekStart, dayOfWeek, end),
  });
  await createAssignment(db, { tenantId: org.organisation.id, shiftId: shift.id, personId: member.person.id });
  return shift;
}

/** Sets the member's sign-off record of the week, as the member's and coordinator's steps leave it. */
export async function setWeekStatus(db: Db, org: HoursTestOrganisation, member: Member, weekStart: string, status: WeekStatus, extra: Partial<typeof weekConfirmations.$inferInsert> = {}): Promise<void> {
  const now = new Date();
  const values = { status, confirmedAt: status === "confirmed" || status === "approved" ? now : null, approvedAt: status === "approved" ? now : null, ...extra };
  await db
    .insert(weekConfirmations)
    .values({ tenantId: org.organisation.id, personId: member.person.id, weekStart, ...values })
    .onConflictDoUpdate({ target: [weekConfirmations.personId, weekConfirmations.weekStart], set: values });
}

export async function weekRecord(db: Db, member: Member, weekStart: string) {
  const [row] = await db
    .select()
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.personId, member.person.id), eq(weekConfirmations.weekStart, weekStart)));
  return row ?? null;
}

export async function workedHoursOf(db: Db, member: Member) {
  return db.select().from(workedHours).where(eq(workedHours.personId, member.person.id)).orderBy(asc(workedHours.startsAt));
}

export async function mailTo(db: Db, member: Member) {
  return withMailBodies(await db.select().from(outbox).where(eq(outbox.personId, member.person.id)).orderBy(asc(outbox.createdAt)));
}

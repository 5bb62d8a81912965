// The private calendar feed (iCal) of a member's shifts: its secret address, revocation and content.
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gte, isNull } from "drizzle-orm";
import ical, { ICalEventStatus, type ICalCalendar } from "ical-generator";
import { getDb } from "@/lib/db/client";
import { calendarFeeds } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { locations, organisations } from "@/lib/db/schema/tenancy";
import { hashToken } from "@/lib/accounts/links/tokens";
import { env } from "@/lib/env";

/** How far back the feed reaches: calendars keep last month's shifts visible. */
const FEED_HISTORY_DAYS = 60;

/**
 * The token is derived from the feed row's id with an HMAC of AUTH_SECRET, so the address can be shown
 * again without storing it in plain text; only its SHA-256 is stored for the lookup. Revoking deletes
 * the meaning of the old token: a new row gets a new id.
 */
function feedToken(feedId: string): string {
  const secret = env().authSecret ?? "";
  return createHmac("sha256", secret).update(`calendar-feed:${feedId}`).digest("base64url");
}

export function calendarFeedUrl(token: string): string {
  return `${env().appUrl}/api/calendar/${token}`;
}

/** A well-formed feed token: 43 URL-safe characters (a base64url SHA-256). Anything else is refused unread. */
export function isWellFormedFeedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The member's current feed address, creating the feed on first use. */
export async function getCalendarFeedUrl(tenantId: string, personId: string): Promise<string> {
  const db = await getDb();
  const [existing] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (existing) return calendarFeedUrl(feedToken(existing.id));
  return renewCalendarFeed(tenantId, personId);
}

/** Revokes the member's feed address (calendars subscribed to it stop updating) and returns a new one. */
export async function renewCalendarFeed(tenantId: string, personId: string, now = new Date()): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
    const id = crypto.randomUUID();
    const token = feedToken(id);
    await tx.insert(calendarFeeds).values({ id, tenantId, personId, tokenHash: hashToken(token) });
    return calendarFeedUrl(token);
  });
}

/** The iCalendar text for a feed token, or null when the token is unknown or revoked. */
export async function renderCalendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!isWellFormedFeedToken(token)) return null;
  const db = await getDb();
  const [feed] = await db
    .select({ tenantId: calendarFeeds.tenantId, personId: calendarFeeds.personId, organisationName: organisations.name, timeZone: organisations.timeZone })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.tenantId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!feed) return null;
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db
    .select(shiftEventColumns)
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(assignments.tenantId, feed.tenantId), eq(shifts.tenantId, feed.tenantId), eq(assignments.personId, feed.personId), gte(shifts.endsAt, since)))
    .orderBy(asc(shifts.startsAt));

  const calendar = newCalendar(feed.organisationName, feed.timeZone);
  for (const shift of rows) addShiftEvent(calendar, shift, now, shift.cancelledAt !== null);
  return calendar.toString();
}

/** What an event needs of a shift (with its location joined), for the feed and the single-shift file. */
const shiftEventColumns = {
  id: shifts.id,
  activity: shifts.activity,
  startsAt: shifts.startsAt,
  endsAt: shifts.endsAt,
  notes: shifts.notes,
  cancelledAt: shifts.cancelledAt,
  updatedAt: shifts.updatedAt,
  locationName: locations.name,
  locationAddress: locations.address,
};

type ShiftEventRow = {
  id: string;
  activity: string;
  startsAt: Date;
  endsAt: Date;
  notes: string | null;
  updatedAt: Date;
  locationName: string | null;
  locationAddress: string | null;
};

function newCalendar(organisationName: string, timeZone: string): ICalCalendar {
  return ical({ name: `${organisationName} · Ploeg`, prodId: { company: "Ploeg", product: "rooster", language: "NL" }, timezone: timeZone, ttl: 60 * 60 });
}

function addShiftEvent(calendar: ICalCalendar, shift: ShiftEventRow, now: Date, cancelled: boolean): void {
  calendar.createEvent({
    // Stable ids let calendars update an event in place when the shift moves or is cancelled; the
    // feed and the single-shift file use the same id, so adding both never doubles a shift.
    id: `${shift.id}@ploeg`,
    start: shift.startsAt,
    end: shift.endsAt,
    stamp: now,
    lastModified: shift.updatedAt,
    summary: shift.activity,
    location: [shift.locationName, shift.locationAddress].filter(Boolean).join(", ") || null,
    description: shift.notes,
    url: `${env().appUrl}/my/shifts/${shift.id}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

// ── One shift, from the "add to calendar" link in an assignment email ──────────────────────────────

/**
 * The link's signature: an HMAC of AUTH_SECRET over the shift and the person, so the link works
 * without signing in (calendar apps and mail previews cannot) but cannot be made up for another
 * shift or person. It only reads: opening it never changes anything.
 */
function shiftCalendarSignature(shiftId: string, personId: string): string {
  return createHmac("sha256", env().authSecret ?? "").update(`shift-calendar:${shiftId}:${personId}`).digest("base64url");
}

/** The app path of one shift as a calendar file for one person (for the assignment email). */
export function shiftCalendarPath(shiftId: string, personId: string): string {
  return `/api/calendar/shift/${shiftId}?for=${personId}&sig=${shiftCalendarSignature(shiftId, personId)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The iCalendar text of one shift for the person the link was made for, or null when the link is not
 * genuine or the shift is gone. A cancelled shift, or one the person is no longer on, comes as a
 * cancelled event, so importing it again takes it out of the calendar.
 */
export async function renderShiftCalendar(input: { shiftId: string; personId: string; signature: string }, now = new Date()): Promise<string | null> {
  const { shiftId, personId, signature } = input;
  if (!uuidPattern.test(shiftId) || !uuidPattern.test(personId) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(shiftCalendarSignature(shiftId, personId)))) return null;
  const db = await getDb();
  const [shift] = await db
    .select({
      ...shiftEventColumns,
      organisationName: organisations.name,
      timeZone: organisations.timeZone,
      assignmentId: assignments.id,
    })
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.tenantId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(assignments, and(eq(assignments.shiftId, shifts.id), eq(assignments.tenantId, shifts.tenantId), eq(assignments.personId, personId)))
    .where(eq(shifts.id, shiftId))
    .limit(1);
  if (!shift) return null;
  const calendar = newCalendar(shift.organisationName, shift.timeZone);
  addShiftEvent(calendar, shift, now, shift.cancelledAt !== null || shift.assignmentId === null);
  return calendar.toString();
}

// The private calendar feed (iCal) of a member's shifts: its secret address, revocation and content.
import { createHmac } from "node:crypto";
import { and, asc, eq, gte, isNull } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import { getDb } from "@/lib/db/client";
import { calendarFeeds } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { locations, organisations } from "@/lib/db/schema/tenancy";
import { hashToken } from "@/lib/accounts/tokens";
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
    .select({
      id: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      notes: shifts.notes,
      cancelledAt: shifts.cancelledAt,
      updatedAt: shifts.updatedAt,
      locationName: locations.name,
      locationAddress: locations.address,
    })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(assignments.tenantId, feed.tenantId), eq(shifts.tenantId, feed.tenantId), eq(assignments.personId, feed.personId), gte(shifts.endsAt, since)))
    .orderBy(asc(shifts.startsAt));

  const { appUrl } = env();
  const calendar = ical({
    name: `${feed.organisationName} · Ploeg`,
    prodId: { company: "Ploeg", product: "rooster", language: "NL" },
    timezone: feed.timeZone,
    ttl: 60 * 60,
  });
  for (const shift of rows) {
    calendar.createEvent({
      // Stable ids let calendars update an event in place when the shift moves or is cancelled.
      id: `${shift.id}@ploeg`,
      start: shift.startsAt,
      end: shift.endsAt,
      stamp: now,
      lastModified: shift.updatedAt,
      summary: shift.activity,
      location: [shift.locationName, shift.locationAddress].filter(Boolean).join(", ") || null,
      description: shift.notes,
      url: `${appUrl}/my/shifts/${shift.id}`,
      status: shift.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

// How long a signed-in session lives, on plain data: the absolute lifetime, the idle timeout and how
// often its last-seen time is refreshed. No db, auth or next imports.

/**
 * A session ends 30 days after signing in, however active it is: after that the member signs in
 * again (or taps the button in any email from us).
 */
export const SESSION_LIFETIME_DAYS = 30;

/**
 * And 14 days after it was last used. Volunteers come by weekly or less and often arrive through an
 * email days later; two weeks spares a weekly volunteer a new sign-in every visit, while a phone or a
 * shared computer left signed in stops working two weeks after its last use.
 */
export const SESSION_IDLE_DAYS = 14;

/** Last-seen is written at most this often per session, so nearly every request stays one statement. */
export const SESSION_TOUCH_MINUTES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

export function sessionExpiresAt(signedInAt: Date): Date {
  return new Date(signedInAt.getTime() + SESSION_LIFETIME_DAYS * DAY_MS);
}

export type SessionRecord = { expires: Date; lastSeenAt: Date };

/** Whether a session record still signs in at `now`: before its absolute end and within the idle timeout. */
export function isSessionLive(session: SessionRecord, now: Date): boolean {
  return session.expires.getTime() > now.getTime() && session.lastSeenAt.getTime() + SESSION_IDLE_DAYS * DAY_MS > now.getTime();
}

/** Whether this request should refresh last-seen (it is older than the touch interval). */
export function isSessionTouchDue(session: SessionRecord, now: Date): boolean {
  return session.lastSeenAt.getTime() + SESSION_TOUCH_MINUTES * 60_000 <= now.getTime();
}

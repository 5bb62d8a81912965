// The current actor, resolved from the session token and re-checked against Postgres on every request.
import { cache } from "react";
import { redirect } from "next/navigation";
import { checkSession, type Actor, type SessionCheck } from "@/lib/accounts/queries";
import { canCoordinate } from "./permissions";
import { hasSessionCookie, readSessionCookie } from "./session-token";

/** Where a refused session cookie is cleared before the member is sent on (a route may set cookies, a page may not). */
export const SESSION_ENDED_PATH = "/sign-in/ended";

/** This request's session: "none" without a cookie, otherwise its standing (one statement, once per request). */
export const getSessionCheck = cache(async (): Promise<SessionCheck | { status: "none" }> => {
  const claims = await readSessionCookie();
  if (claims) return checkSession(claims);
  // A cookie that is not ours, damaged or expired is refused like an ended session, so it gets cleared.
  return (await hasSessionCookie()) ? { status: "ended" } : { status: "none" };
});

/** The signed-in, active member of this request, or null (blocked, signed out, or session ended). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const check = await getSessionCheck();
  return check.status === "ok" ? check.actor : null;
});

/** The path where a member replaces a coordinator-set password before anything else is reachable. */
export const PASSWORD_CHANGE_PATH = "/my/account/password";

/**
 * The actor, or a redirect to sign in, without the forced password change: only for the member
 * layout and the password page itself, which must stay reachable while the change is owed.
 */
export async function requireSignedIn(): Promise<Actor> {
  const check = await getSessionCheck();
  if (check.status === "ok") return check.actor;
  redirect(check.status === "none" ? "/sign-in" : SESSION_ENDED_PATH);
}

/** For member pages: the actor, or a redirect to sign in (or to choose a new password first). */
export async function requireMember(): Promise<Actor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}

/** For dashboard pages: coordinators and admins only. */
export async function requireCoordinator(): Promise<Actor> {
  const actor = await requireMember();
  if (!canCoordinate(actor.role)) redirect("/my");
  return actor;
}

// The current actor, resolved from the session token and re-checked against Postgres on every request.
import { cache } from "react";
import { redirect } from "next/navigation";
import { checkSession, isMemberActor, type Actor, type MemberActor, type ProviderAdminActor, type SessionCheck } from "@/lib/accounts/queries";
import { canCoordinate } from "./permissions";
import { requestStore } from "@/lib/cache/tag-watch.mjs";
import { hasSessionCookie, readSessionCookie, readSessionCookieValue } from "./session-token";

/** Where a refused session cookie is cleared before the member is sent on (a route may set cookies, a page may not). */
export const SESSION_ENDED_PATH = "/sign-in/ended";

/**
 * This request's session: "none" without a cookie, otherwise its standing (one statement, once per
 * request). A page handed on by the response cache (lib/cache/response-cache.ts) was checked there,
 * for this very cookie, just before: that check is used instead of a second one.
 */
export const getSessionCheck = cache(async (): Promise<SessionCheck | { status: "none" }> => {
  const inFront = requestStore().getStore()?.session;
  if (inFront && inFront.token === (await readSessionCookieValue())) return inFront.check as SessionCheck;
  const claims = await readSessionCookie();
  if (claims) return checkSession(claims);
  // A cookie that is not ours, damaged or expired is refused like an ended session, so it gets cleared.
  return (await hasSessionCookie()) ? { status: "ended" } : { status: "none" };
});

/**
 * The signed-in actor of this request in an organisation, or null (blocked, signed out, session
 * ended, or a provider admin who is not visiting an organisation).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const check = await getSessionCheck();
  return check.status === "ok" ? check.actor : null;
});

/** The path where a member replaces a coordinator-set password before anything else is reachable. */
export const PASSWORD_CHANGE_PATH = "/my/account/password";

/** A provider admin's home: their organisations. */
export const PROVIDER_PATH = "/provider";

/** Where a provider admin replaces the temporary password the operator gave them. */
export const PROVIDER_PASSWORD_PATH = "/provider/password";

/** Sends a request without an organisation member on: a provider admin home, anyone else to sign in. */
function redirectAway(check: SessionCheck | { status: "none" }): never {
  if (check.status === "ok" || check.status === "provider") redirect(PROVIDER_PATH);
  redirect(check.status === "none" ? "/sign-in" : SESSION_ENDED_PATH);
}

/**
 * The member, or a redirect to sign in, without the forced password change: only for the member
 * layout and the password page itself, which must stay reachable while the change is owed. A provider
 * admin (no person record) is sent to their provider page.
 */
export async function requireSignedIn(): Promise<MemberActor> {
  const check = await getSessionCheck();
  if (check.status === "ok" && isMemberActor(check.actor)) return check.actor;
  redirectAway(check);
}

/** For member pages: the member, or a redirect to sign in (or to choose a new password first). */
export async function requireMember(): Promise<MemberActor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}

/**
 * For dashboard pages: coordinators and admins only, and a provider admin visiting the organisation
 * (as its admin, `personId` null).
 */
export async function requireCoordinator(): Promise<Actor> {
  const check = await getSessionCheck();
  if (check.status !== "ok") redirectAway(check);
  const { actor } = check;
  if (actor.mustChangePassword) redirect(actor.providerVisit ? PROVIDER_PASSWORD_PATH : PASSWORD_CHANGE_PATH);
  if (!canCoordinate(actor.role)) redirect("/my");
  return actor;
}

/** For provider pages: the provider admin (visiting an organisation or not), or a redirect away. */
export async function requireProviderAdmin(options: { allowPasswordChangeOwed?: boolean } = {}): Promise<ProviderAdminActor> {
  const check = await getSessionCheck();
  const admin = check.status === "ok" || check.status === "provider" ? check.providerAdmin : null;
  if (!admin) redirect(check.status === "ok" ? "/my" : check.status === "none" ? "/sign-in" : SESSION_ENDED_PATH);
  if (admin.mustChangePassword && !options.allowPasswordChangeOwed) redirect(PROVIDER_PASSWORD_PATH);
  return admin;
}

// The current actor, resolved from the session token and re-checked against Postgres on every request.
import { cache } from "react";
import { redirect } from "next/navigation";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import { readSessionCookie } from "./session-token";

/** The signed-in, active member of this request, or null (blocked, signed out, or session revoked). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionCookie();
  return claims ? getActorForSession(claims) : null;
});

/** The path where a member replaces a coordinator-set password before anything else is reachable. */
export const PASSWORD_CHANGE_PATH = "/my/account/password";

/**
 * The actor, or a redirect to sign in, without the forced password change: only for the member
 * layout and the password page itself, which must stay reachable while the change is owed.
 */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
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
  if (actor.role !== "coordinator" && actor.role !== "admin") redirect("/my");
  return actor;
}

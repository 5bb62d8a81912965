// A signed-in session the way a sign-in makes one: a server-side session row and the claims its cookie
// would carry. For tests that resolve a session with getActorForSession or checkSession.
import type { SessionClaims } from "@/lib/accounts/queries";
import { startSession } from "@/lib/accounts/sign-in/sessions";
import { getDb } from "@/lib/db/client";

export async function openSession(user: { id: string; sessionVersion: number }, now?: Date): Promise<SessionClaims> {
  const sessionId = await startSession(await getDb(), user.id, now);
  return { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
}

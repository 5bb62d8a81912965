// A provider admin visits one of their provider's organisations: the session (its auth_sessions row,
// on the server) then acts there as the organisation's admin until they go back. Every visit is written
// to that organisation's audit log; another provider's organisation is not found and nothing is written.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema/accounts";
import { sessionKey } from "@/lib/accounts/sign-in/sessions";
import { recordAudit } from "./audit";
import { getProviderOrganisation } from "./provider-queries";

/** The provider admin who visits: their account, provider and name for the audit log. */
export type Visitor = { userId: string; providerId: string; providerName: string; displayName: string };

export type VisitStart = { outcome: "visiting"; organisationName: string } | { outcome: "notFound" };

/**
 * Starts (or switches) the visit of this session. The organisation must belong to the visitor's
 * provider, checked in the same transaction that stores the visit and writes the audit row.
 */
export async function startProviderVisit(visitor: Visitor, sessionId: string, organisationId: string): Promise<VisitStart> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<VisitStart> => {
    const organisation = await getProviderOrganisation(tx, visitor.providerId, organisationId);
    if (!organisation) return { outcome: "notFound" };
    const [session] = await tx
      .update(authSessions)
      .set({ visitingTenantId: organisation.id })
      .where(and(eq(authSessions.sessionToken, sessionKey(sessionId)), eq(authSessions.userId, visitor.userId)))
      .returning({ userId: authSessions.userId });
    if (!session) return { outcome: "notFound" };
    await recordAudit(tx, {
      tenantId: organisation.id,
      actorUserId: visitor.userId,
      action: "provider.visit-started",
      details: { provider: visitor.providerName, providerAdmin: visitor.displayName },
    });
    return { outcome: "visiting", organisationName: organisation.name };
  });
}

/** Ends this session's visit: back to the provider page, no organisation. */
export async function endProviderVisit(userId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ visitingTenantId: null })
    .where(and(eq(authSessions.sessionToken, sessionKey(sessionId)), eq(authSessions.userId, userId)));
}

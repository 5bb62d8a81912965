// Activating logins: pending logins (created but not yet activated) of one person, a selection, a
// group or everyone become active, so they can sign in. Count first, then confirm that count.
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { recordAudit } from "@/lib/tenancy/audit";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { assertCoordinatorOf, confirmationRefusal, previewOf } from "@/lib/accounts/bulk-targets";
import type { LoginActorRef, LoginRefusal } from "@/lib/accounts/logins/creation";
import { listLoginCandidates } from "@/lib/accounts/logins/queries";
import { activationEligibility, planLogins, type LoginSkipped } from "@/lib/accounts/logins/rules";

/** Names logins in the defence-in-depth error. */
const FEATURE = "Logins";

export type ActivationPreview =
  | { outcome: "preview"; affected: number; names: string[]; skipped: LoginSkipped; groupName: string | null }
  | { outcome: "refused"; reason: LoginRefusal };

export type ActivationResult =
  | { outcome: "done"; activated: number; skipped: LoginSkipped }
  | { outcome: "refused"; reason: LoginRefusal; count?: number; skipped?: LoginSkipped };

/** How many pending logins the target has (and who is left out, by reason), for the confirmation. Changes nothing. */
export async function previewActivation(tenantId: string, actor: LoginActorRef, target: AccessTarget): Promise<ActivationPreview> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  const resolved = await listLoginCandidates(db, tenantId, target);
  if (!resolved.ok) return { outcome: "refused", reason: resolved.reason };
  const plan = planLogins(resolved.candidates, (subject) => activationEligibility(subject, actor.role));
  return previewOf(plan.affected, plan.skipped, resolved.groupName);
}

/**
 * Activates every pending login of the target (pending → active) and audits `logins.activated` with
 * the count. Refuses, changing nothing, when the confirmed count no longer matches. Guarded by
 * status = 'pending', so a login blocked or activated meanwhile is not touched twice.
 */
export async function activateLogins(
  tenantId: string,
  actor: LoginActorRef,
  input: { target: AccessTarget; expectedCount: number },
  now = new Date(),
): Promise<ActivationResult> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActivationResult> => {
    const resolved = await listLoginCandidates(tx, tenantId, input.target);
    if (!resolved.ok) return { outcome: "refused", reason: resolved.reason };
    const plan = planLogins(resolved.candidates, (subject) => activationEligibility(subject, actor.role));
    const refusal = confirmationRefusal(plan.affected.length, input.expectedCount, plan.skipped);
    if (refusal) return refusal;
    const userIds = plan.affected.flatMap((person) => (person.userId ? [person.userId] : []));
    const changed = await tx
      .update(users)
      .set({ status: "active", updatedAt: now })
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds), eq(users.status, "pending")))
      .returning({ personId: users.personId });
    if (changed.length > 0) {
      await recordAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: "logins.activated",
        targetPersonId: changed.length === 1 ? changed[0].personId : null,
        details: { count: changed.length, via: input.target.kind, ...(resolved.groupName ? { groupName: resolved.groupName } : {}) },
      });
    }
    return { outcome: "done", activated: changed.length, skipped: plan.skipped };
  });
}

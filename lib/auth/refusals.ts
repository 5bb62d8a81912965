// The security log of refused requests: who was refused, by which action, for which organisation and
// when, written to the organisation's audit log (admins read it on the audit page). Counted per account,
// so a flood of refusals costs a few rows an hour, not one per request.
import { channel } from "node:diagnostics_channel";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import type { Actor } from "@/lib/accounts/queries";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/tenancy/audit";

/**
 * What a guard asks for: any member, a member replacing a forced password, coordinators, admins, a
 * provider admin, a provider admin replacing a forced password.
 */
export type GuardLevel = "member" | "ownPassword" | "coordinator" | "admin" | "provider" | "providerPassword";

export type RefusalReason =
  /** No valid session. */
  | "signedOut"
  /** A coordinator-set password must be replaced first. */
  | "passwordChangeOwed"
  /** The actor's role is below what the action needs. */
  | "role"
  /** The input names a record (person, shift, …) of another organisation. */
  | "otherOrganisation"
  /** A handler's own check said no (see `refuse`). */
  | "notAllowed";

/** A handler's way to refuse: thrown, caught by the guard wrapper, recorded, answered as "forbidden". */
export class RefusedError extends Error {
  constructor(readonly reason: RefusalReason = "notAllowed") {
    super(`refused: ${reason}`);
    this.name = "RefusedError";
  }
}

export function refuse(reason: RefusalReason = "notAllowed"): never {
  throw new RefusedError(reason);
}

/** Rows per account per hour; past it one "more were not logged" row, then silence until the hour is over. */
export const securityLogPerAccount: RateLimitRule = { name: "security-log:account", limit: 20, windowSeconds: 3600 };
const floodNotice: RateLimitRule = { name: "security-log:flood", limit: 1, windowSeconds: 3600 };

export type GuardEvent =
  | { outcome: "refused"; action: string; level: GuardLevel; reason: RefusalReason; userId: string | null }
  | { outcome: "passed"; action: string; level: GuardLevel };

/**
 * Every guard decision, for whoever subscribes in the same process (the build-wide guard test does;
 * nothing does in production, where publishing to a channel without subscribers costs nothing).
 */
export const guardChannel = channel("ploeg:guard");

export function recordGuardPassed(event: { action: string; level: GuardLevel }): void {
  if (guardChannel.hasSubscribers) guardChannel.publish({ outcome: "passed", ...event } satisfies GuardEvent);
}

/**
 * Records one refusal. Anonymous callers belong to no organisation and are not written down. Never
 * throws: a refusal must stay a refusal even when the log cannot be written.
 */
export async function recordRefusal(refusal: {
  actor: Actor | null;
  action: string;
  level: GuardLevel;
  reason: RefusalReason;
  details?: Record<string, unknown>;
}): Promise<void> {
  const { actor, action, level, reason } = refusal;
  if (guardChannel.hasSubscribers) {
    guardChannel.publish({ outcome: "refused", action, level, reason, userId: actor?.userId ?? null } satisfies GuardEvent);
  }
  if (!actor) return;
  try {
    const now = new Date();
    const verdict = await consumeRateLimit(securityLogPerAccount, actor.userId, now);
    const db = await getDb();
    if (verdict.allowed) {
      await recordAudit(db, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "security.refused",
        details: { action, reason, required: level, ...refusal.details },
      });
    } else if ((await consumeRateLimit(floodNotice, actor.userId, now)).allowed) {
      await recordAudit(db, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "security.refusals-suppressed",
        details: { action, reason, required: level, perHour: securityLogPerAccount.limit },
      });
    }
  } catch (error) {
    console.error(`security log: refusal of ${action} not recorded (${error instanceof Error ? error.name : "error"})`);
  }
}

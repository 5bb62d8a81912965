// Resending usernames in bulk: to a selection, a group or everyone, only to accounts that signed in at
// least once (the same rule as for one person, usernameResendEligibility). One transaction: the fresh
// sign-in links, the mails (one batch, so the members table shows their progress) and one audit row with the count.
import { getDb } from "@/lib/db/client";
import { sendToMany } from "@/lib/mail/fan-out";
import { recordAudit } from "@/lib/tenancy/audit";
import { assertCoordinatorOf, auditVia, confirmationRefusal, previewOf, type BulkActorRef } from "@/lib/accounts/bulk-targets";
import { resolveTarget, type AccessRefusal, type Candidate } from "@/lib/accounts/blocking/blocking";
import { usernameResendEligibility, type UsernameSkipReason } from "@/lib/accounts/blocking/rules";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";

export type UsernameSkipped = Partial<Record<UsernameSkipReason, number>>;

export type UsernameResendPreview =
  | { outcome: "preview"; affected: number; names: string[]; skipped: UsernameSkipped; groupName: string | null }
  | { outcome: "refused"; reason: AccessRefusal };

export type UsernameResendResult =
  | { outcome: "done"; emailed: number; skipped: UsernameSkipped }
  | { outcome: "refused"; reason: AccessRefusal; count?: number; skipped?: UsernameSkipped };

export type UsernameResending = { result: UsernameResendResult; mailIds: string[] };

/** Names username resends in the defence-in-depth error. */
const FEATURE = "Access changes";

type Recipient = Candidate & { userId: string; username: string; email: string };

function planUsernameResend(candidates: readonly Candidate[]): { affected: Recipient[]; skipped: UsernameSkipped } {
  const affected: Recipient[] = [];
  const skipped: UsernameSkipped = {};
  for (const person of candidates) {
    const email = person.email?.trim() ?? "";
    const decision = usernameResendEligibility(person, email !== "");
    if (decision === "resend" && person.userId && person.username) affected.push({ ...person, userId: person.userId, username: person.username, email });
    else if (decision !== "resend") skipped[decision] = (skipped[decision] ?? 0) + 1;
  }
  return { affected, skipped };
}

/** How many people a bulk username resend reaches and who it skips, by reason, for the confirmation. Changes nothing. */
export async function previewUsernameResend(tenantId: string, actor: BulkActorRef, target: AccessTarget): Promise<UsernameResendPreview> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const resolved = await resolveTarget(await getDb(), tenantId, target);
  if (!resolved.ok) return { outcome: "refused", reason: resolved.reason };
  const plan = planUsernameResend(resolved.candidates);
  return previewOf(plan.affected, plan.skipped, resolved.groupName);
}

/**
 * Emails every eligible person of the target their username with a fresh 7-day sign-in link (the same
 * mail as for one person). Refuses, changing nothing, when nobody qualifies or the confirmed count no
 * longer matches. Callers deliver the returned mail after commit.
 */
export async function resendUsernames(
  tenantId: string,
  actor: BulkActorRef,
  input: { target: AccessTarget; expectedCount: number },
  now = new Date(),
): Promise<UsernameResending> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, input.target);
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const plan = planUsernameResend(resolved.candidates);
    const refusal = confirmationRefusal(plan.affected.length, input.expectedCount, plan.skipped);
    if (refusal) return { result: refusal, mailIds: [] };
    // The same mail as for one person: the username, and a fresh 7-day sign-in link to the home page.
    const { mailIds } = await sendToMany(tx, {
      tenantId,
      template: "username",
      batch: true,
      now,
      recipients: plan.affected.map((person) => ({
        personId: person.personId,
        email: person.email,
        name: person.firstName,
        locale: person.locale,
        userId: person.userId,
        values: { voornaam: person.firstName, gebruikersnaam: person.username },
        details: { username: person.username },
      })),
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: actor.userId,
      action: "account.username-sent",
      targetPersonId: input.target.kind === "person" ? input.target.personId : null,
      details: { ...auditVia(input.target, resolved.groupName), count: mailIds.length, skipped: plan.skipped },
    });
    return { result: { outcome: "done", emailed: mailIds.length, skipped: plan.skipped }, mailIds };
  });
}

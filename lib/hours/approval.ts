// The coordinator's side of a week's sign-off: approving confirmed weeks (many at once), sending a week
// back to the member with a comment (mailed to them), and marking a correction request handled.
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/accounts/queries";
import { recordNotFound } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { sendToMany } from "@/lib/mail/fan-out";
import { mailRecipientOf, readMailPeople } from "@/lib/mail/recipients";
import { recordAudit } from "@/lib/tenancy/audit";
import { getHoursSettings } from "./queries";
import { describeWeek, weekPhase } from "./rules";

export type HoursApprover = Pick<Actor, "tenantId" | "personId" | "userId">;

export type WeekRef = { personId: string; weekStart: string };

/** A change and the outbox ids its transaction wrote, for `deliverAfterCommit` after commit. */
export type HoursChange<R> = { result: R; mailIds: string[] };

/** The page the member's email button opens: their own week. */
export function memberWeekPath(weekStart: string): string {
  return `/my/hours/${weekStart}`;
}

// ── Approving ───────────────────────────────────────────────────────────────────────────────────

export type ApproveSkipReason = "notConfirmed" | "alreadyApproved";

export type ApproveResult = { approved: number; skipped: Partial<Record<ApproveSkipReason, number>> };

/**
 * Approves the confirmed weeks among `weeks` in one transaction; any other week (not confirmed yet,
 * sent back, already approved, or unknown here) is skipped and counted by reason.
 */
export async function approveWeeks(actor: HoursApprover, weeks: readonly WeekRef[], now: Date = new Date()): Promise<ApproveResult> {
  const wanted = new Map(weeks.map((week) => [`${week.personId}|${week.weekStart}`, week]));
  if (wanted.size === 0) return { approved: 0, skipped: {} };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: weekConfirmations.id, personId: weekConfirmations.personId, weekStart: weekConfirmations.weekStart, status: weekConfirmations.status })
      .from(weekConfirmations)
      .where(
        and(
          eq(weekConfirmations.tenantId, actor.tenantId),
          inArray(weekConfirmations.personId, [...new Set(weeks.map((week) => week.personId))]),
          inArray(weekConfirmations.weekStart, [...new Set(weeks.map((week) => week.weekStart))]),
        ),
      )
      .for("update");
    const found = rows.filter((row) => wanted.has(`${row.personId}|${row.weekStart}`));
    const toApprove = found.filter((row) => row.status === "confirmed");
    const alreadyApproved = found.filter((row) => row.status === "approved").length;
    const skipped: Partial<Record<ApproveSkipReason, number>> = {};
    if (alreadyApproved > 0) skipped.alreadyApproved = alreadyApproved;
    const notConfirmed = wanted.size - toApprove.length - alreadyApproved;
    if (notConfirmed > 0) skipped.notConfirmed = notConfirmed;
    if (toApprove.length > 0) {
      await tx
        .update(weekConfirmations)
        .set({ status: "approved", approvedAt: now, approvedById: actor.personId, updatedAt: now })
        .where(and(eq(weekConfirmations.tenantId, actor.tenantId), inArray(weekConfirmations.id, toApprove.map((row) => row.id))));
      await recordAudit(
        tx,
        toApprove.map((row) => ({ tenantId: actor.tenantId, actorUserId: actor.userId, action: "hours.approved" as const, targetPersonId: row.personId, details: { week: row.weekStart } })),
      );
    }
    return { approved: toApprove.length, skipped };
  });
}

// ── Sending back ────────────────────────────────────────────────────────────────────────────────

export type SendBackResult = { outcome: "sentBack"; emailed: boolean } | { outcome: "refused"; problem: "approved" | "notYet" };

/**
 * Sends the member's week back with the coordinator's comment: a confirmed week, and also a week not
 * confirmed yet (or past its deadline), so a late member can still confirm it. The member gets the
 * comment by email with a button to their week. An approved week, or one that has not ended, is refused.
 */
export async function sendWeekBack(actor: HoursApprover, input: WeekRef & { comment: string }, now: Date = new Date()): Promise<HoursChange<SendBackResult>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refuse = (problem: "approved" | "notYet") => ({ result: { outcome: "refused" as const, problem }, mailIds: [] });
    const [member] = await readMailPeople(tx, actor.tenantId, [input.personId]);
    const settings = member ? await getHoursSettings(actor.tenantId, tx) : null;
    if (!member || !settings) recordNotFound();
    const [existing] = await tx
      .select({ id: weekConfirmations.id, status: weekConfirmations.status })
      .from(weekConfirmations)
      .where(and(eq(weekConfirmations.tenantId, actor.tenantId), eq(weekConfirmations.personId, input.personId), eq(weekConfirmations.weekStart, input.weekStart)))
      .for("update");
    const phase = weekPhase({ weekStart: input.weekStart, timeZone: settings.timeZone, deadline: settings.deadline, status: existing?.status ?? null, now });
    if (phase === "approved") return refuse("approved");
    if (phase === "notYet") return refuse("notYet");

    const change = { status: "returned" as const, confirmedAt: null, returnComment: input.comment, returnedAt: now, returnedById: actor.personId, updatedAt: now };
    await tx
      .insert(weekConfirmations)
      .values({ tenantId: actor.tenantId, personId: input.personId, weekStart: input.weekStart, ...change, createdAt: now })
      .onConflictDoUpdate({ target: [weekConfirmations.personId, weekConfirmations.weekStart], set: change });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "hours.sent-back",
      targetPersonId: input.personId,
      details: { week: input.weekStart, comment: input.comment, previousStatus: existing?.status ?? null },
    });

    if (!member.email) return { result: { outcome: "sentBack", emailed: false }, mailIds: [] };
    const { mailIds } = await sendToMany(tx, {
      tenantId: actor.tenantId,
      template: "hours-sent-back",
      now,
      recipients: [
        {
          ...mailRecipientOf(member, memberWeekPath(input.weekStart)),
          values: { voornaam: member.firstName, week: describeWeek(input.weekStart, member.locale), opmerking: input.comment },
          // The comment is shown as written, in a box, whatever the customised text says.
          details: { comment: input.comment },
        },
      ],
    });
    return { result: { outcome: "sentBack", emailed: true }, mailIds };
  });
}

// ── Correction requests ─────────────────────────────────────────────────────────────────────────

/** Marks the member's correction request of the week handled; "not found" when there is none open. */
export async function markCorrectionHandled(actor: HoursApprover, input: WeekRef, now: Date = new Date()): Promise<{ outcome: "handled" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: weekConfirmations.id, request: weekConfirmations.correctionRequest, handledAt: weekConfirmations.correctionHandledAt })
      .from(weekConfirmations)
      .where(and(eq(weekConfirmations.tenantId, actor.tenantId), eq(weekConfirmations.personId, input.personId), eq(weekConfirmations.weekStart, input.weekStart)))
      .for("update");
    if (!row || row.request === null || row.handledAt !== null) recordNotFound();
    await tx
      .update(weekConfirmations)
      .set({ correctionHandledAt: now, correctionHandledById: actor.personId, updatedAt: now })
      .where(and(eq(weekConfirmations.tenantId, actor.tenantId), eq(weekConfirmations.id, row.id)));
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "hours.correction-handled",
      targetPersonId: input.personId,
      details: { week: input.weekStart },
    });
    return { outcome: "handled" as const };
  });
}

// Confirming a week (bevestigen): the member agrees with the hours shown for a week that has ended,
// before the organisation's deadline (Monday 09:00 by default) or again after the coordinator sent it
// back. The week's row is created if nothing happened to it yet and locked, so two presses (two tabs, a
// double tap) confirm once. Once confirmed the member can change nothing more about the week.
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { recordAudit } from "@/lib/tenancy/audit";
import { getHoursSettings, listWorkedHours } from "./queries";
import { isWeekStart, weekBounds, weekPhase, whyCannotConfirm, type ConfirmProblem, type WeekStatus } from "./rules";

export type ConfirmWeekResult =
  | { outcome: "confirmed"; confirmedAt: Date }
  | {
      outcome: "refused";
      /** ConfirmProblem, "noHours" for a week without any hours, "notFound" for a week that cannot exist. */
      problem: ConfirmProblem | "noHours" | "notFound";
    };

/** The week's row, created when missing, locked for the rest of the transaction. */
export async function lockWeekConfirmation(
  tx: Tx,
  tenantId: string,
  personId: string,
  weekStart: string,
  now: Date,
): Promise<{ id: string; status: WeekStatus; correctionRequestedAt: Date | null; correctionHandledAt: Date | null }> {
  await tx
    .insert(weekConfirmations)
    .values({ tenantId, personId, weekStart, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [weekConfirmations.personId, weekConfirmations.weekStart] });
  const [row] = await tx
    .select({
      id: weekConfirmations.id,
      status: weekConfirmations.status,
      correctionRequestedAt: weekConfirmations.correctionRequestedAt,
      correctionHandledAt: weekConfirmations.correctionHandledAt,
    })
    .from(weekConfirmations)
    .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.personId, personId), eq(weekConfirmations.weekStart, weekStart)))
    .for("update");
  // A person belongs to one organisation, so the (person, week) row just ensured is this tenant's.
  if (!row) throw new Error("week confirmation row missing after insert");
  return row;
}

/**
 * Confirms the member's week at `now`. Refuses (nothing written) a week that has not ended, one whose
 * deadline passed ("closed": the member must contact the planner), one already confirmed or approved,
 * and a week without any hours. A sent-back week may be confirmed again whatever the clock says.
 */
export async function confirmWeek(
  tenantId: string,
  personId: string,
  weekStart: string,
  now: Date = new Date(),
  actorUserId: string | null = null,
): Promise<ConfirmWeekResult> {
  if (!isWeekStart(weekStart)) return { outcome: "refused", problem: "notFound" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const settings = await getHoursSettings(tenantId, tx);
    if (!settings) return { outcome: "refused", problem: "notFound" };
    const facts = { weekStart, timeZone: settings.timeZone, deadline: settings.deadline, now };
    // Nothing is created for a week still running.
    if (weekPhase({ ...facts, status: null }) === "notYet") return { outcome: "refused", problem: "notYet" };
    const { startsAt, endsAt } = weekBounds(weekStart, settings.timeZone);
    const entries = await listWorkedHours(tenantId, { from: startsAt, to: endsAt, now, personIds: [personId] }, tx);
    if (entries.length === 0) return { outcome: "refused", problem: "noHours" };

    const row = await lockWeekConfirmation(tx, tenantId, personId, weekStart, now);
    const problem = whyCannotConfirm({ ...facts, status: row.status });
    if (problem) return { outcome: "refused", problem };
    await tx
      .update(weekConfirmations)
      .set({ status: "confirmed", confirmedAt: now, updatedAt: now })
      .where(and(eq(weekConfirmations.tenantId, tenantId), eq(weekConfirmations.id, row.id)));
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "hours.week-confirmed",
      targetPersonId: personId,
      details: { week: weekStart, again: row.status === "returned", lines: entries.length },
    });
    return { outcome: "confirmed", confirmedAt: now };
  });
}


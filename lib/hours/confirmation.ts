// Confirming a week (bevestigen): the member agrees with the hours shown for a week that has ended,
// before the organisation's deadline (Monday 09:00 by default) or again after the coordinator sent it
// back. The week's row is created if nothing happened to it yet and locked, so two presses (two tabs, a
// double tap) confirm once. Once confirmed the member can change nothing more about the week. Also the
// opening a correction request shares: the ended week's transaction and its locked row.
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { recordAudit } from "@/lib/tenancy/audit";
import { getHoursSettings, listWorkedHours, type HoursSettings } from "./queries";
import { isWeekStart, weekBounds, whyCannotConfirm, type ConfirmProblem, type WeekStatus } from "./rules";

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

type EndedWeekRefusal = { outcome: "refused"; problem: "notFound" | "notYet" };

/**
 * Runs `step` in one transaction for a week that has ended, with the organisation's hours settings and
 * the week's bounds. Refused, with nothing written, as "notFound" for an unknown organisation and as
 * "notYet" while the week is still running. The opening both member steps on a week share.
 */
export async function inEndedWeek<T>(
  tenantId: string,
  weekStart: string,
  now: Date,
  step: (tx: Tx, week: { settings: HoursSettings; startsAt: Date; endsAt: Date }) => Promise<T>,
): Promise<T | EndedWeekRefusal> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<T | EndedWeekRefusal> => {
    const settings = await getHoursSettings(tenantId, tx);
    if (!settings) return { outcome: "refused", problem: "notFound" };
    const { startsAt, endsAt } = weekBounds(weekStart, settings.timeZone);
    // Nothing is created for a week still running.
    if (now.getTime() < endsAt.getTime()) return { outcome: "refused", problem: "notYet" };
    return step(tx, { settings, startsAt, endsAt });
  });
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
  return inEndedWeek(tenantId, weekStart, now, async (tx, { settings, startsAt, endsAt }) => {
    const facts = { weekStart, timeZone: settings.timeZone, deadline: settings.deadline, now };
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


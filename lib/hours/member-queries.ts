// What a member reads about their own hours: one week to sign (its lines, totals per day and location,
// the deadline and where the sign-off stands), their recent weeks, and the weeks waiting for them on
// Mijn pagina. Always one person, the actor: a member never reads another member's hours. A constant
// number of statements whatever the organisation's size: the settings, then the hours (two) and the
// sign-off rows together.
import { listWeekConfirmations, listWorkedHours, getHoursSettings, type WeekConfirmation, type WorkedHoursEntry } from "./queries";
import {
  confirmationDeadline,
  recentWeekStarts,
  summariseWeek,
  weekBounds,
  weekPhase,
  weekStartOf,
  whyCannotConfirm,
  workedMinutes,
  type ConfirmProblem,
  type WeekPhase,
  type WeekSummary,
} from "./rules";

export type MemberWeek = {
  weekStart: string;
  timeZone: string;
  entries: (WorkedHoursEntry & { minutes: number; corrected: boolean })[];
  summary: WeekSummary;
  confirmation: WeekConfirmation | null;
  phase: WeekPhase;
  /** The last moment confirming is possible (unless the week is sent back). */
  deadline: Date;
  /** Null when the member may press *bevestig* now. */
  problem: ConfirmProblem | "noHours" | null;
};

/** The member's week, or null for a week that has not started yet or an unknown organisation. */
export async function getMemberWeek(tenantId: string, personId: string, weekStart: string, now: Date = new Date()): Promise<MemberWeek | null> {
  const settings = await getHoursSettings(tenantId);
  if (!settings) return null;
  const { timeZone, deadline: setting } = settings;
  if (weekStart > weekStartOf(now, timeZone)) return null;
  const { startsAt, endsAt } = weekBounds(weekStart, timeZone);
  const [entries, [confirmation]] = await Promise.all([
    listWorkedHours(tenantId, { from: startsAt, to: endsAt, now, personIds: [personId] }),
    listWeekConfirmations(tenantId, [weekStart], [personId]),
  ]);
  const facts = { weekStart, timeZone, deadline: setting, status: confirmation?.status ?? null, now };
  const phase = weekPhase(facts);
  const problem = whyCannotConfirm(facts) ?? (entries.length === 0 ? "noHours" : null);
  return {
    weekStart,
    timeZone,
    entries: entries.map((entry) => ({ ...entry, minutes: workedMinutes(entry), corrected: entry.shiftId !== null && entry.workedHoursId !== null })),
    summary: summariseWeek(entries, timeZone),
    confirmation: confirmation ?? null,
    phase,
    deadline: confirmationDeadline(weekStart, timeZone, setting),
    problem,
  };
}

/** What a week's badge says: its phase, "returned" for a sent-back week, "empty" for a week without hours. */
export type HoursBadge = WeekPhase | "returned" | "empty";

export function hoursBadgeOf(week: { phase: WeekPhase; returned: boolean; hasHours: boolean }): HoursBadge {
  if (week.phase === "toConfirm" && week.returned) return "returned";
  if (!week.hasHours && (week.phase === "toConfirm" || week.phase === "late" || week.phase === "notYet")) return "empty";
  return week.phase;
}

export type MemberWeekLine = {
  weekStart: string;
  totalMinutes: number;
  /** Whether the week has any line at all (a no-show counts as a line of 0 hours). */
  hasHours: boolean;
  phase: WeekPhase;
  /** Sent back by the coordinator and waiting for the member again. */
  returned: boolean;
  badge: HoursBadge;
  deadline: Date;
};

/** The member's weeks before the current one (WEEKS_SHOWN of them), newest first. */
export async function listMemberWeeks(tenantId: string, personId: string, now: Date = new Date()): Promise<MemberWeekLine[]> {
  const settings = await getHoursSettings(tenantId);
  if (!settings) return [];
  const { timeZone, deadline } = settings;
  const weekStarts = recentWeekStarts(now, timeZone);
  const from = weekBounds(weekStarts[weekStarts.length - 1], timeZone).startsAt;
  const to = weekBounds(weekStarts[0], timeZone).endsAt;
  const [entries, confirmations] = await Promise.all([
    listWorkedHours(tenantId, { from, to, now, personIds: [personId] }),
    listWeekConfirmations(tenantId, weekStarts, [personId]),
  ]);
  const byWeek = new Map<string, WorkedHoursEntry[]>();
  for (const entry of entries) {
    const week = weekStartOf(entry.startsAt, timeZone);
    byWeek.set(week, [...(byWeek.get(week) ?? []), entry]);
  }
  const statusOf = new Map(confirmations.map((row) => [row.weekStart, row.status]));
  return weekStarts.map((weekStart) => {
    const lines = byWeek.get(weekStart) ?? [];
    const status = statusOf.get(weekStart) ?? null;
    const phase = weekPhase({ weekStart, timeZone, deadline, status, now });
    const facts = { phase, returned: status === "returned", hasHours: lines.length > 0 };
    return {
      weekStart,
      totalMinutes: lines.reduce((sum, line) => sum + workedMinutes(line), 0),
      ...facts,
      badge: hoursBadgeOf(facts),
      deadline: confirmationDeadline(weekStart, timeZone, deadline),
    };
  });
}

/**
 * The weeks waiting for the member on Mijn pagina: weeks with hours still to confirm (sent-back ones
 * included) and weeks whose deadline passed unconfirmed, newest first.
 */
export async function listWeeksAwaitingMember(tenantId: string, personId: string, now: Date = new Date()): Promise<MemberWeekLine[]> {
  const weeks = await listMemberWeeks(tenantId, personId, now);
  return weeks.filter((week) => week.hasHours && (week.phase === "toConfirm" || week.phase === "late"));
}

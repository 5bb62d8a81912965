// What a member reads about their own hours: one week to sign (its lines, totals per day and location,
// the deadline and where the sign-off stands), their recent weeks, and the weeks waiting for them on
// Mijn pagina and Mijn uren. The facts of a week and of the recent weeks are kept in the page cache per
// member; the phases, what has ended and whether *bevestig* may be pressed are worked out from the
// current time on every request. Always one person, the actor: a member never reads another member's
// hours. A constant number of statements whatever the organisation's size: the settings, then the hours
// (two) and the sign-off rows together.
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
  type HoursDeadline,
  type WeekPhase,
  type WeekStatus,
  type WeekSummary,
} from "./rules";
import { cachedForOrganisation, organisationKey, type OrganisationKey } from "@/lib/cache/tags";

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

/**
 * What the member's week is made of, without the current time: the organisation's hours settings,
 * every line of the week (a shift's line whether or not it has ended; `plannedEndsAt` tells) and the
 * week's sign-off record.
 */
export type MemberWeekFacts = {
  weekStart: string;
  timeZone: string;
  deadline: HoursDeadline;
  entries: WorkedHoursEntry[];
  confirmation: WeekConfirmation | null;
};

/**
 * The facts of the member's week (`weekStart`, a Monday), kept in the page cache per member and week;
 * any change to the organisation's roster (its shifts, places, locations, hours settings) or hours
 * (worked hours, sign-offs) expires them. Null for an unknown organisation.
 */
export async function readMemberWeekFacts(organisation: OrganisationKey, personId: string, weekStart: string): Promise<MemberWeekFacts | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster", "hours");
  const settings = await getHoursSettings(tenantId);
  if (!settings) return null;
  const { timeZone, deadline } = settings;
  const { startsAt, endsAt } = weekBounds(weekStart, timeZone);
  const [entries, [confirmation]] = await Promise.all([
    listWorkedHours(tenantId, { from: startsAt, to: endsAt, now: null, personIds: [personId] }),
    listWeekConfirmations(tenantId, [weekStart], [personId]),
  ]);
  return { weekStart, timeZone, deadline, entries, confirmation: confirmation ?? null };
}

/** The member's week as of `now`, from its facts; null for a week that has not started yet. */
export function memberWeekOf(facts: MemberWeekFacts, now: Date): MemberWeek | null {
  const { weekStart, timeZone, deadline } = facts;
  if (weekStart > weekStartOf(now, timeZone)) return null;
  // A shift counts once it has ended, as listWorkedHours would have decided at `now`.
  const entries = facts.entries.filter((entry) => entry.plannedEndsAt === null || entry.plannedEndsAt.getTime() <= now.getTime());
  const weekFacts = { weekStart, timeZone, deadline, status: facts.confirmation?.status ?? null, now };
  return {
    weekStart,
    timeZone,
    entries: entries.map((entry) => ({ ...entry, minutes: workedMinutes(entry), corrected: entry.shiftId !== null && entry.workedHoursId !== null })),
    summary: summariseWeek(entries, timeZone),
    confirmation: facts.confirmation,
    phase: weekPhase(weekFacts),
    deadline: confirmationDeadline(weekStart, timeZone, deadline),
    problem: whyCannotConfirm(weekFacts) ?? (entries.length === 0 ? "noHours" : null),
  };
}

/**
 * The member's week, or null for a week that has not started yet or an unknown organisation.
 * `tenantId` comes from the session, so the page cache's key for it is made here.
 */
export async function getMemberWeek(tenantId: string, personId: string, weekStart: string, now: Date = new Date()): Promise<MemberWeek | null> {
  const facts = await readMemberWeekFacts(organisationKey(tenantId), personId, weekStart);
  return facts ? memberWeekOf(facts, now) : null;
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

/**
 * What the member's recent weeks are made of, without the current time: the organisation's settings,
 * the sign-off status of each week and each worked line's minutes. `plannedEndsAt` is the end of the
 * line's shift (null for hours outside a shift): a line counts once that has passed.
 */
export type MemberWeeksFacts = {
  timeZone: string;
  deadline: HoursDeadline;
  /** The WEEKS_SHOWN weeks before the week of `asOf`, newest first. */
  weekStarts: string[];
  statuses: { weekStart: string; status: WeekStatus }[];
  lines: { weekStart: string; minutes: number; plannedEndsAt: Date | null }[];
};

/**
 * The facts of the weeks before the week holding `asOf`. Shifts are read up to that week's end: while
 * it runs, "ended by now" is then decided exactly from `plannedEndsAt` (see memberWeekLines). Three
 * statements: the settings, then the hours (two) and the sign-off rows together.
 */
export async function readMemberWeeksFacts(tenantId: string, personId: string, asOf: Date): Promise<MemberWeeksFacts | null> {
  const settings = await getHoursSettings(tenantId);
  if (!settings) return null;
  const { timeZone, deadline } = settings;
  const weekStarts = recentWeekStarts(asOf, timeZone);
  const from = weekBounds(weekStarts[weekStarts.length - 1], timeZone).startsAt;
  const to = weekBounds(weekStarts[0], timeZone).endsAt;
  const [entries, confirmations] = await Promise.all([
    listWorkedHours(tenantId, { from, to, now: weekBounds(weekStartOf(asOf, timeZone), timeZone).endsAt, personIds: [personId] }),
    listWeekConfirmations(tenantId, weekStarts, [personId]),
  ]);
  return {
    timeZone,
    deadline,
    weekStarts,
    statuses: confirmations.map((row) => ({ weekStart: row.weekStart, status: row.status })),
    lines: entries.map((entry) => ({ weekStart: weekStartOf(entry.startsAt, timeZone), minutes: workedMinutes(entry), plannedEndsAt: entry.plannedEndsAt })),
  };
}

/** The member's weeks as of `now`, from their facts, newest first. */
export function memberWeekLines(facts: MemberWeeksFacts, now: Date): MemberWeekLine[] {
  const { timeZone, deadline } = facts;
  const counted = facts.lines.filter((line) => line.plannedEndsAt === null || line.plannedEndsAt.getTime() <= now.getTime());
  const statusOf = new Map(facts.statuses.map((row) => [row.weekStart, row.status]));
  return facts.weekStarts.map((weekStart) => {
    const lines = counted.filter((line) => line.weekStart === weekStart);
    const status = statusOf.get(weekStart) ?? null;
    const phase = weekPhase({ weekStart, timeZone, deadline, status, now });
    const state = { phase, returned: status === "returned", hasHours: lines.length > 0 };
    return {
      weekStart,
      totalMinutes: lines.reduce((sum, line) => sum + line.minutes, 0),
      ...state,
      badge: hoursBadgeOf(state),
      deadline: confirmationDeadline(weekStart, timeZone, deadline),
    };
  });
}

/** The member's weeks before the current one (WEEKS_SHOWN of them), newest first. */
export async function listMemberWeeks(tenantId: string, personId: string, now: Date = new Date()): Promise<MemberWeekLine[]> {
  const facts = await readMemberWeeksFacts(tenantId, personId, now);
  return facts ? memberWeekLines(facts, now) : [];
}

/**
 * The facts of Mijn pagina's weeks, kept in the page cache per member and current week (`weekStart`,
 * a Monday in the organisation's zone `timeZone`); any change to the organisation's roster or hours expires them.
 */
export async function readMemberWeeksFactsOfWeek(organisation: OrganisationKey, personId: string, weekStart: string, timeZone: string): Promise<MemberWeeksFacts | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster", "hours");
  return readMemberWeeksFacts(tenantId, personId, weekBounds(weekStart, timeZone).startsAt);
}

/** Mijn pagina's choice: weeks with hours still to confirm (sent-back ones included) and weeks whose deadline passed unconfirmed. */
export function isAwaitingMember(week: MemberWeekLine): boolean {
  return week.hasHours && (week.phase === "toConfirm" || week.phase === "late");
}

/**
 * The weeks waiting for the member on Mijn pagina: weeks with hours still to confirm (sent-back ones
 * included) and weeks whose deadline passed unconfirmed, newest first.
 */
export async function listWeeksAwaitingMember(tenantId: string, personId: string, now: Date = new Date()): Promise<MemberWeekLine[]> {
  const weeks = await listMemberWeeks(tenantId, personId, now);
  return weeks.filter(isAwaitingMember);
}

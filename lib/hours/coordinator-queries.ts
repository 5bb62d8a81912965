// Reads of the coordinator's hours pages: the approval list of one week (everyone with hours or a
// sign-off record that week), the open correction requests, and one member's week. A fixed number of
// statements whatever the organisation's size.
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { weekConfirmations } from "@/lib/db/schema/hours";
import { people } from "@/lib/db/schema/people";
import { formatPersonName, personNameSql } from "@/lib/people/names";
import { listPersonNames } from "@/lib/people/queries";
import { getHoursSettings, listWeekConfirmations, listWorkedHours, type HoursSettings, type WeekConfirmation, type WorkedHoursEntry } from "./queries";
import { addDaysToKey, summariseWeek, weekBounds, weekPhase, weekStartOf, workedMinutes, type WeekPhase, type WeekSummary } from "./rules";

/** The filters of the approval list; "awaiting" is confirmed and waiting for the coordinator. */
export const approvalFilters = ["all", "awaiting", "toConfirm", "late", "approved"] as const;
export type ApprovalFilter = (typeof approvalFilters)[number];

export type ApprovalRow = {
  personId: string;
  name: string;
  totalMinutes: number;
  phase: WeekPhase;
  /** The coordinator's comment while the week is sent back (phase toConfirm). */
  returnComment: string | null;
  confirmedAt: Date | null;
  /** The member's open correction request of this week. */
  correctionRequest: string | null;
};

export type ApprovalList = {
  weekStart: string;
  rows: ApprovalRow[];
  counts: Record<WeekPhase, number>;
};

/** One collator for every sort by name: building one per comparison is slow on thousands of rows. */
const byName = new Intl.Collator("nl");

/** Rows per page of the approval list. */
export const APPROVAL_PAGE_SIZE = 100;

/** The week a coordinator sees first: last week, in the organisation's zone. */
export function defaultApprovalWeek(now: Date, timeZone: string): string {
  return addDaysToKey(weekStartOf(now, timeZone), -7);
}

export function matchesApprovalFilter(phase: WeekPhase, filter: ApprovalFilter): boolean {
  if (filter === "all") return true;
  if (filter === "awaiting") return phase === "confirmed";
  return phase === filter;
}

function isOpenRequest(row: Pick<WeekConfirmation, "correctionRequest" | "correctionHandledAt">): boolean {
  return row.correctionRequest !== null && row.correctionHandledAt === null;
}

/**
 * The approval list of one week: every person with hours that week or a sign-off record, by name, with
 * their total, phase and open correction request; counts per phase. Four statements.
 */
export async function listWeekApprovals(tenantId: string, weekStart: string, now: Date = new Date()): Promise<ApprovalList> {
  const settings = await getHoursSettings(tenantId);
  if (!settings) return { weekStart, rows: [], counts: emptyCounts() };
  const { startsAt, endsAt } = weekBounds(weekStart, settings.timeZone);
  const [entries, confirmations] = await Promise.all([listWorkedHours(tenantId, { from: startsAt, to: endsAt, now }), listWeekConfirmations(tenantId, [weekStart])]);
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(entry.personId, (totals.get(entry.personId) ?? 0) + workedMinutes(entry));
  const byPerson = new Map(confirmations.map((row) => [row.personId, row]));
  const personIds = [...new Set([...totals.keys(), ...byPerson.keys()])];
  const names = await listPersonNames(tenantId, personIds);
  const counts = emptyCounts();
  const rows: ApprovalRow[] = [];
  for (const personId of personIds) {
    const name = names.get(personId);
    // Someone merged away or of no person record here is not listed.
    if (name === undefined) continue;
    const confirmation = byPerson.get(personId) ?? null;
    const phase = weekPhase({ weekStart, timeZone: settings.timeZone, deadline: settings.deadline, status: confirmation?.status ?? null, now });
    counts[phase] += 1;
    rows.push({
      personId,
      name,
      totalMinutes: totals.get(personId) ?? 0,
      phase,
      returnComment: confirmation?.status === "returned" ? confirmation.returnComment : null,
      confirmedAt: confirmation?.status === "confirmed" || confirmation?.status === "approved" ? confirmation.confirmedAt : null,
      correctionRequest: confirmation && isOpenRequest(confirmation) ? confirmation.correctionRequest : null,
    });
  }
  rows.sort((a, b) => byName.compare(a.name, b.name) || a.personId.localeCompare(b.personId));
  return { weekStart, rows, counts };
}

function emptyCounts(): Record<WeekPhase, number> {
  return { notYet: 0, toConfirm: 0, late: 0, confirmed: 0, approved: 0 };
}

export type OpenCorrectionRequest = {
  personId: string;
  name: string;
  weekStart: string;
  message: string;
  requestedAt: Date | null;
};

/** Every correction request not yet marked handled, oldest first, whatever its week. One statement. */
export async function listOpenCorrectionRequests(tenantId: string): Promise<OpenCorrectionRequest[]> {
  const db = await getDb();
  const p = alias(people, "p");
  const rows = await db
    .select({
      personId: weekConfirmations.personId,
      name: personNameSql("p"),
      weekStart: weekConfirmations.weekStart,
      message: weekConfirmations.correctionRequest,
      requestedAt: weekConfirmations.correctionRequestedAt,
    })
    .from(weekConfirmations)
    .innerJoin(p, and(eq(p.id, weekConfirmations.personId), eq(p.tenantId, tenantId)))
    .where(and(eq(weekConfirmations.tenantId, tenantId), isNotNull(weekConfirmations.correctionRequest), isNull(weekConfirmations.correctionHandledAt)))
    .orderBy(asc(weekConfirmations.correctionRequestedAt), asc(weekConfirmations.weekStart));
  return rows.map((row) => ({ ...row, message: row.message ?? "" }));
}

export type PersonWeek = {
  personId: string;
  name: string;
  weekStart: string;
  settings: HoursSettings;
  entries: WorkedHoursEntry[];
  summary: WeekSummary;
  phase: WeekPhase;
  confirmation: WeekConfirmation | null;
};

/** One member's week for the coordinator's page; null when the person is not of this organisation. */
export async function getPersonWeek(tenantId: string, personId: string, weekStart: string, now: Date = new Date()): Promise<PersonWeek | null> {
  const db = await getDb();
  const [settings, [person]] = await Promise.all([
    getHoursSettings(tenantId),
    db
      .select({ firstName: people.firstName, infix: people.infix, lastName: people.lastName })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId))),
  ]);
  if (!settings || !person) return null;
  const { startsAt, endsAt } = weekBounds(weekStart, settings.timeZone);
  const [entries, [confirmation]] = await Promise.all([
    listWorkedHours(tenantId, { from: startsAt, to: endsAt, now, personIds: [personId] }),
    listWeekConfirmations(tenantId, [weekStart], [personId]),
  ]);
  return {
    personId,
    name: formatPersonName(person),
    weekStart,
    settings,
    entries,
    summary: summariseWeek(entries, settings.timeZone),
    phase: weekPhase({ weekStart, timeZone: settings.timeZone, deadline: settings.deadline, status: confirmation?.status ?? null, now }),
    confirmation: confirmation ?? null,
  };
}

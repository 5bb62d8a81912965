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
import {
  addDaysToKey,
  confirmationDeadline,
  summariseWeek,
  weekBounds,
  weekPhase,
  weekStartOf,
  workedMinutes,
  type HoursDeadline,
  type WeekPhase,
  type WeekStatus,
  type WeekSummary,
} from "./rules";

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

/** Rows per page of the approval list: a screen or two on a laptop, a short scroll on a phone. */
export const APPROVAL_PAGE_SIZE = 15;

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

/** A person on a week's approval list before the clock is asked: their total and sign-off record. */
export type ApprovalPerson = {
  personId: string;
  name: string;
  totalMinutes: number;
  status: WeekStatus | null;
  returnComment: string | null;
  confirmedAt: Date | null;
  correctionRequest: string | null;
};

/** The two moments that move every week's phase: the week's end and the confirmation deadline. */
export type WeekCalendar = { endsAt: Date; deadlineAt: Date };

/**
 * What a week's approval list is made of, the same at any moment after its last shift ended: the
 * people by name and the organisation's calendar for the week.
 */
export type ApprovalWeek = {
  weekStart: string;
  timeZone: string;
  deadline: HoursDeadline;
  /**
   * The latest planned end of a shift counted here (null: none). Before it, some shift counted may not
   * have ended yet, and a list of that moment leaves it out.
   */
  lastShiftEndsAt: Date | null;
  people: ApprovalPerson[];
};

export function weekCalendarOf(weekStart: string, settings: Pick<HoursSettings, "timeZone" | "deadline">): WeekCalendar {
  return { endsAt: weekBounds(weekStart, settings.timeZone).endsAt, deadlineAt: confirmationDeadline(weekStart, settings.timeZone, settings.deadline) };
}

/**
 * Everyone with hours in the week or a sign-off record, by name, with their total and record; null
 * when the organisation does not exist. `now` leaves out shifts that have not ended by then; null
 * counts every shift of the week (see `lastShiftEndsAt`). Four statements.
 */
export async function listApprovalWeek(tenantId: string, weekStart: string, now: Date | null): Promise<ApprovalWeek | null> {
  const settings = await getHoursSettings(tenantId);
  if (!settings) return null;
  const { startsAt, endsAt } = weekBounds(weekStart, settings.timeZone);
  const [entries, confirmations] = await Promise.all([
    listWorkedHours(tenantId, { from: startsAt, to: endsAt, now }),
    listWeekConfirmations(tenantId, [weekStart]),
  ]);
  const totals = new Map<string, number>();
  let lastShiftEndsAt: number | null = null;
  for (const entry of entries) {
    totals.set(entry.personId, (totals.get(entry.personId) ?? 0) + workedMinutes(entry));
    if (entry.plannedEndsAt && (lastShiftEndsAt === null || entry.plannedEndsAt.getTime() > lastShiftEndsAt)) lastShiftEndsAt = entry.plannedEndsAt.getTime();
  }
  const byPerson = new Map(confirmations.map((row) => [row.personId, row]));
  const personIds = [...new Set([...totals.keys(), ...byPerson.keys()])];
  const names = await listPersonNames(tenantId, personIds);
  const people: ApprovalPerson[] = [];
  for (const personId of personIds) {
    const name = names.get(personId);
    // Someone merged away or of no person record here is not listed.
    if (name === undefined) continue;
    const confirmation = byPerson.get(personId) ?? null;
    people.push({
      personId,
      name,
      totalMinutes: totals.get(personId) ?? 0,
      status: confirmation?.status ?? null,
      returnComment: confirmation?.status === "returned" ? confirmation.returnComment : null,
      confirmedAt: confirmation?.status === "confirmed" || confirmation?.status === "approved" ? confirmation.confirmedAt : null,
      correctionRequest: confirmation && isOpenRequest(confirmation) ? confirmation.correctionRequest : null,
    });
  }
  people.sort((a, b) => byName.compare(a.name, b.name) || a.personId.localeCompare(b.personId));
  return { weekStart, timeZone: settings.timeZone, deadline: settings.deadline, lastShiftEndsAt: lastShiftEndsAt === null ? null : new Date(lastShiftEndsAt), people };
}

/** The week's list as it stands at `now`: each person's phase, and the counts per phase. */
export function approvalListOf(week: ApprovalWeek, now: Date): ApprovalList {
  const counts = emptyCounts();
  const rows = week.people.map(({ status, ...person }): ApprovalRow => {
    const phase = weekPhase({ weekStart: week.weekStart, timeZone: week.timeZone, deadline: week.deadline, status, now });
    counts[phase] += 1;
    return { ...person, phase };
  });
  return { weekStart: week.weekStart, rows, counts };
}

/**
 * The approval list of one week: every person with hours that week or a sign-off record, by name, with
 * their total, phase and open correction request; counts per phase. Four statements.
 */
export async function listWeekApprovals(tenantId: string, weekStart: string, now: Date = new Date()): Promise<ApprovalList> {
  const week = await listApprovalWeek(tenantId, weekStart, now);
  return week ? approvalListOf(week, now) : { weekStart, rows: [], counts: emptyCounts() };
}

function emptyCounts(): Record<WeekPhase, number> {
  return { notYet: 0, toConfirm: 0, late: 0, confirmed: 0, approved: 0 };
}

/**
 * Where a week stands: still running, past its end but open for confirming, or past the deadline.
 * Every phase of the week depends on the clock only through this.
 */
export type WeekStage = "running" | "open" | "closed";

export function weekStageAt(calendar: WeekCalendar, now: Date): WeekStage {
  if (now.getTime() < calendar.endsAt.getTime()) return "running";
  return now.getTime() < calendar.deadlineAt.getTime() ? "open" : "closed";
}

/** A moment of the stage, which gives every week of it the same phases as any other moment of it. */
export function momentOfStage(calendar: WeekCalendar, stage: WeekStage): Date {
  if (stage === "running") return new Date(calendar.endsAt.getTime() - 1);
  if (stage === "open") return calendar.endsAt;
  return new Date(Math.max(calendar.endsAt.getTime(), calendar.deadlineAt.getTime()));
}

/** What a coordinator asks of the list: a phase, part of a name, and a page (from 1). */
export type ApprovalQuery = { filter: ApprovalFilter; name: string; page: number };

export type ApprovalPage = {
  /** The rows of the page asked for, or of the first page when it does not exist. */
  rows: ApprovalRow[];
  /** Per phase, of everyone in the week. */
  counts: Record<WeekPhase, number>;
  /** Everyone in the week. */
  total: number;
  /** Those of the filter and name. */
  matching: number;
  page: number;
  pageCount: number;
};

/** Lower case without accents, so "noel" finds "Noël". */
function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("nl");
}

export function approvalPageOf(list: ApprovalList, query: ApprovalQuery): ApprovalPage {
  const name = searchable(query.name.trim());
  const matching = list.rows.filter((row) => matchesApprovalFilter(row.phase, query.filter) && (name === "" || searchable(row.name).includes(name)));
  const pageCount = Math.max(1, Math.ceil(matching.length / APPROVAL_PAGE_SIZE));
  const page = Number.isInteger(query.page) && query.page >= 1 && query.page <= pageCount ? query.page : 1;
  return {
    rows: matching.slice((page - 1) * APPROVAL_PAGE_SIZE, page * APPROVAL_PAGE_SIZE),
    counts: list.counts,
    total: list.rows.length,
    matching: matching.length,
    page,
    pageCount,
  };
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

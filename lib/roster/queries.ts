// Roster reads for the pages. Every function takes the tenant first and filters by it; each page's
// data comes in one statement whatever the roster's size: indexed range scans on (tenant_id,
// starts_at) with the people on each shift aggregated in the same query, never a query per shift.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { assignments, handoverRecipients, handoverRequests, shifts, shiftSeries } from "@/lib/db/schema/roster";
import { groups, locations } from "@/lib/db/schema/tenancy";
import { coordinatingRoleSql } from "@/lib/auth/permissions";
import { currentMember, personOfAlias } from "@/lib/people/members";
import { personNameSql } from "@/lib/people/names";
import type { MemberRosterFacts, PlaceFacts, ShiftFacts } from "./rules";

export type ShiftPerson = { id: string; name: string };

/** One shift as a card shows it, without who is on it. */
export type ShiftCardItem = {
  id: string;
  activity: string;
  locationName: string | null;
  startsAt: Date;
  endsAt: Date;
  needed: number;
  filled: number;
  groupId: string | null;
  groupName: string | null;
};

/** One shift as the lists show it. `filled` is `people.length`. */
export type ShiftListItem = ShiftCardItem & {
  people: ShiftPerson[];
  /** The person the list was asked for is on it. */
  isMine: boolean;
};


/** Everyone on the shift as JSON, in the order they came on it. */
function peopleOnShift(tenantId: string): SQL<ShiftPerson[]> {
  return sql<ShiftPerson[]>`(
    select coalesce(json_agg(json_build_object('id', p.id, 'name', ${personNameSql("p")}) order by a.signed_up_at, a.id), '[]'::json)
    from ${assignments} a join ${people} p on p.id = a.person_id
    where a.shift_id = ${shifts.id} and a.tenant_id = ${tenantId}
  )`.mapWith(readPeople);
}

/** Drivers hand json back parsed (pg, Neon, PGlite); a string is parsed here just in case. */
function readPeople(value: unknown): ShiftPerson[] {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { id, name } = entry as Record<string, unknown>;
    return typeof id === "string" && typeof name === "string" ? [{ id, name: name.trim() }] : [];
  });
}

// The shift's id spelled with its table: in a select from shifts alone Drizzle writes a bare "id", which
// inside this subquery would name the assignment's own id.
const filledCount = sql<number>`(select count(*)::int from ${assignments} a where a.shift_id = ${shifts}.${sql.identifier("id")})`;

/** What a shift card shows of its shift (from shifts joined with its location and group). */
const cardColumns = {
  id: shifts.id,
  activity: shifts.activity,
  locationName: locations.name,
  startsAt: shifts.startsAt,
  endsAt: shifts.endsAt,
  needed: shifts.needed,
  groupId: shifts.groupId,
  groupName: groups.name,
};

function listColumns(tenantId: string) {
  return { ...cardColumns, people: peopleOnShift(tenantId) };
}

type ListRow = Omit<ShiftListItem, "filled" | "isMine">;

function toListItem(row: ListRow, personId: string): ShiftListItem {
  return { ...row, filled: row.people.length, isMine: row.people.some((person) => person.id === personId) };
}

type Range = { from: Date; to: Date };

/** The shifts of [from, to) that are not cancelled: a roster week's. */
function weekConditions(tenantId: string, range: Range): SQL {
  return and(eq(shifts.tenantId, tenantId), gte(shifts.startsAt, range.from), lt(shifts.startsAt, range.to), isNull(shifts.cancelledAt)) ?? sql`false`;
}

/** What the rules need of each shift of [from, to) that is not cancelled, in the lists' order. One statement. */
export async function listShiftFactsOfRange(tenantId: string, range: Range): Promise<(ShiftFacts & { id: string })[]> {
  const db = await getDb();
  return db
    .select({
      id: shifts.id,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      filled: filledCount,
      groupId: shifts.groupId,
      cancelledAt: shifts.cancelledAt,
    })
    .from(shifts)
    .where(weekConditions(tenantId, range))
    .orderBy(asc(shifts.startsAt), asc(shifts.activity));
}

/** The cards of these shifts of the tenant, in the lists' order; who is on them is left to each shift's page. */
export async function listShiftCards(tenantId: string, shiftIds: readonly string[]): Promise<ShiftCardItem[]> {
  if (shiftIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({ ...cardColumns, filled: filledCount })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .where(and(eq(shifts.tenantId, tenantId), inArray(shifts.id, [...shiftIds])))
    .orderBy(asc(shifts.startsAt), asc(shifts.activity));
}

/**
 * What decides which shifts of [from, to) are open for this person (see `whyCannotSignUp`): the
 * groups they are in and their own shifts (not cancelled) that could overlap one of the range's,
 * i.e. that end after it starts and start before its last shift ends. One statement.
 */
export async function getMemberRosterFacts(tenantId: string, personId: string, range: Range): Promise<MemberRosterFacts> {
  const db = await getDb();
  const [row] = await db
    .select({
      groupIds: sql<unknown>`(select coalesce(json_agg(gm.group_id order by gm.group_id), '[]'::json) from group_members gm where gm.person_id = ${personId} and gm.tenant_id = ${tenantId})`,
      shifts: sql<unknown>`(
        select coalesce(json_agg(json_build_object('id', other.id, 'startsAt', other.starts_at, 'endsAt', other.ends_at) order by other.starts_at), '[]'::json)
        from ${assignments} mine join ${shifts} other on other.id = mine.shift_id
        where mine.person_id = ${personId} and mine.tenant_id = ${tenantId} and other.tenant_id = ${tenantId} and other.cancelled_at is null
          and other.ends_at > ${range.from}
          and other.starts_at < coalesce((
            select max(s.ends_at) from ${shifts} s
            where s.tenant_id = ${tenantId} and s.starts_at >= ${range.from} and s.starts_at < ${range.to} and s.cancelled_at is null
          ), ${range.to})
      )`,
    })
    .from(sql`(select 1) as one`);
  const groupIds = parseJson(row?.groupIds);
  const own = parseJson(row?.shifts);
  return {
    groupIds: Array.isArray(groupIds) ? groupIds.map(String) : [],
    shifts: Array.isArray(own)
      ? own.map((entry: Record<string, unknown>) => ({
          id: String(entry.id),
          startsAt: new Date(String(entry.startsAt)),
          endsAt: new Date(String(entry.endsAt)),
        }))
      : [],
  };
}

/**
 * The person's shifts (not cancelled) on one side of `now`: "coming" are those that have not ended,
 * soonest first ("Mijn komende diensten"); "past" are those that have ended, latest first (their
 * record on the member page).
 */
export async function listShiftsForPerson(tenantId: string, personId: string, period: "coming" | "past", now: Date, limit = 20): Promise<ShiftListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(listColumns(tenantId))
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(shifts.tenantId, tenantId),
        eq(assignments.personId, personId),
        period === "coming" ? gt(shifts.endsAt, now) : lte(shifts.endsAt, now),
        isNull(shifts.cancelledAt),
      ),
    )
    .orderBy(period === "coming" ? asc(shifts.startsAt) : desc(shifts.startsAt))
    .limit(limit);
  return rows.map((row) => toListItem(row, personId));
}

export type OwnHandoverRequest = {
  id: string;
  shiftId: string;
  activity: string;
  startsAt: Date;
  endsAt: Date;
  recipients: number;
};

/** Handover requests the person made that are still open for shifts that have not started. */
export async function listOpenHandoverRequestsOfPerson(tenantId: string, personId: string, now: Date): Promise<OwnHandoverRequest[]> {
  const db = await getDb();
  return db
    .select({
      id: handoverRequests.id,
      shiftId: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      recipients: sql<number>`(select count(*)::int from ${handoverRecipients} r where r.request_id = ${handoverRequests.id})`,
    })
    .from(handoverRequests)
    .innerJoin(shifts, eq(shifts.id, handoverRequests.shiftId))
    .where(
      and(
        eq(handoverRequests.tenantId, tenantId),
        eq(shifts.tenantId, tenantId),
        eq(handoverRequests.requesterId, personId),
        eq(handoverRequests.status, "open"),
        gt(shifts.startsAt, now),
        isNull(shifts.cancelledAt),
      ),
    )
    .orderBy(asc(shifts.startsAt));
}

export type ShiftForMember = {
  id: string;
  activity: string;
  startsAt: Date;
  endsAt: Date;
  needed: number;
  filled: number;
  notes: string | null;
  cancelledAt: Date | null;
  locationName: string | null;
  locationAddress: string | null;
  groupId: string | null;
  groupName: string | null;
  coordinatorName: string | null;
  people: ShiftPerson[];
  /** How and when the person got on it, if they are on it. */
  myPlace: PlaceFacts | null;
  inGroup: boolean;
  /** One of the person's own shifts that overlaps this one, if any. */
  overlapping: { id: string; activity: string; startsAt: Date; endsAt: Date } | null;
};

function readOverlap(value: unknown): ShiftForMember["overlapping"] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null) return null;
  const { id, activity, startsAt, endsAt } = parsed as Record<string, unknown>;
  if (typeof id !== "string" || typeof activity !== "string" || typeof startsAt !== "string" || typeof endsAt !== "string") return null;
  return { id, activity, startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
}

function readPlace(value: unknown): PlaceFacts | null {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null) return null;
  const { source, signedUpAt } = parsed as Record<string, unknown>;
  if ((source !== "self" && source !== "coordinator" && source !== "handover") || typeof signedUpAt !== "string") return null;
  return { source, signedUpAt: new Date(signedUpAt) };
}

/** The member's view of one shift, with everything its buttons depend on, in one statement. */
export async function getShiftForMember(tenantId: string, personId: string, shiftId: string): Promise<ShiftForMember | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      notes: shifts.notes,
      cancelledAt: shifts.cancelledAt,
      locationName: locations.name,
      locationAddress: locations.address,
      groupId: shifts.groupId,
      groupName: groups.name,
      coordinatorName: sql<string | null>`(select ${personNameSql("c")} from ${people} c where c.id = ${shifts.coordinatorId} and c.tenant_id = ${tenantId})`,
      people: peopleOnShift(tenantId),
      myPlace: sql<unknown>`(select json_build_object('source', a.source, 'signedUpAt', a.signed_up_at) from ${assignments} a where a.shift_id = ${shifts.id} and a.person_id = ${personId})`.mapWith(
        readPlace,
      ),
      inGroup: sql<boolean>`(${shifts.groupId} is null or exists (select 1 from group_members gm where gm.group_id = ${shifts.groupId} and gm.person_id = ${personId} and gm.tenant_id = ${tenantId}))`,
      overlapping: sql<unknown>`(
        select json_build_object('id', other.id, 'activity', other.activity, 'startsAt', other.starts_at, 'endsAt', other.ends_at)
        from ${assignments} mine join ${shifts} other on other.id = mine.shift_id
        where mine.person_id = ${personId} and mine.tenant_id = ${tenantId} and other.id <> ${shifts.id} and other.cancelled_at is null
          and other.starts_at < ${shifts.endsAt} and other.ends_at > ${shifts.startsAt}
        order by other.starts_at limit 1
      )`.mapWith(readOverlap),
    })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, shiftId)))
    .limit(1);
  if (!row) return null;
  return { ...row, inGroup: Boolean(row.inGroup), filled: row.people.length };
}

// ── Coordinator reads ────────────────────────────────────────────────────────────────────────────

export type PlanningListItem = ShiftListItem & { cancelledAt: Date | null; seriesId: string | null };

/** Every shift of [from, to), cancelled ones too, for the coordinator's week. */
export async function listShiftsForPlanning(tenantId: string, range: { from: Date; to: Date }): Promise<PlanningListItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...listColumns(tenantId), cancelledAt: shifts.cancelledAt, seriesId: shifts.seriesId })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .where(and(eq(shifts.tenantId, tenantId), gte(shifts.startsAt, range.from), lt(shifts.startsAt, range.to)))
    .orderBy(asc(shifts.startsAt), asc(shifts.activity));
  return rows.map((row) => ({ ...row, filled: row.people.length, isMine: false }));
}

export type AssignedPerson = ShiftPerson & { source: "self" | "coordinator" | "handover"; signedUpAt: Date; email: string | null };

export type ShiftForPlanning = {
  id: string;
  activity: string;
  startsAt: Date;
  endsAt: Date;
  needed: number;
  notes: string | null;
  cancelledAt: Date | null;
  locationId: string | null;
  locationName: string | null;
  groupId: string | null;
  groupName: string | null;
  coordinatorId: string | null;
  seriesId: string | null;
  series: { weekday: number; startsOn: string; endsOn: string | null } | null;
  /** Occurrences of the series from this one on that are not cancelled, this one included. */
  followingCount: number;
  /** People on those occurrences, counted once per shift. */
  followingAssignments: number;
  people: AssignedPerson[];
};

/** One shift with its people and series, for the coordinator's shift page. */
export async function getShiftForPlanning(tenantId: string, shiftId: string): Promise<ShiftForPlanning | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: shifts.id,
      activity: shifts.activity,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      needed: shifts.needed,
      notes: shifts.notes,
      cancelledAt: shifts.cancelledAt,
      locationId: shifts.locationId,
      locationName: locations.name,
      groupId: shifts.groupId,
      groupName: groups.name,
      coordinatorId: shifts.coordinatorId,
      seriesId: shifts.seriesId,
      seriesWeekday: shiftSeries.weekday,
      seriesStartsOn: shiftSeries.startsOn,
      seriesEndsOn: shiftSeries.endsOn,
      following: sql<unknown>`(
        select json_build_object('shifts', count(distinct f.id), 'assignments', count(fa.id))
        from ${shifts} f left join ${assignments} fa on fa.shift_id = f.id
        where f.series_id = ${shifts.seriesId} and f.tenant_id = ${tenantId} and f.starts_at >= ${shifts.startsAt} and f.cancelled_at is null
      )`,
      people: sql<unknown>`(
        select coalesce(json_agg(json_build_object('id', p.id, 'name', ${personNameSql("p")}, 'source', a.source, 'signedUpAt', a.signed_up_at, 'email', p.email) order by a.signed_up_at, a.id), '[]'::json)
        from ${assignments} a join ${people} p on p.id = a.person_id
        where a.shift_id = ${shifts.id} and a.tenant_id = ${tenantId}
      )`,
    })
    .from(shifts)
    .leftJoin(locations, eq(locations.id, shifts.locationId))
    .leftJoin(groups, eq(groups.id, shifts.groupId))
    .leftJoin(shiftSeries, and(eq(shiftSeries.id, shifts.seriesId), eq(shiftSeries.tenantId, tenantId)))
    .where(and(eq(shifts.tenantId, tenantId), eq(shifts.id, shiftId)))
    .limit(1);
  if (!row) return null;
  const { seriesWeekday, seriesStartsOn, seriesEndsOn, following, people: rawPeople, ...shift } = row;
  const counts = parseJson(following) as { shifts?: number; assignments?: number } | null;
  const list = parseJson(rawPeople);
  return {
    ...shift,
    series: seriesWeekday !== null && seriesStartsOn !== null ? { weekday: seriesWeekday, startsOn: seriesStartsOn, endsOn: seriesEndsOn } : null,
    followingCount: Number(counts?.shifts ?? 0),
    followingAssignments: Number(counts?.assignments ?? 0),
    people: Array.isArray(list)
      ? list.map((entry: Record<string, unknown>) => ({
          id: String(entry.id),
          name: String(entry.name).trim(),
          source: entry.source as AssignedPerson["source"],
          signedUpAt: new Date(String(entry.signedUpAt)),
          email: typeof entry.email === "string" ? entry.email : null,
        }))
      : [],
  };
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

export type EligiblePerson = ShiftPerson & { groupNames: string[] };

/**
 * Who a coordinator may put on the shift: people of the organisation who are not on it, are in its
 * group (if it has one), have no other shift at the same time, have not been merged away and had not
 * left by the shift's day. The same rules as `whyCannotWork` (lib/roster/rules.ts), as SQL.
 */
export async function listEligiblePeople(tenantId: string, shiftId: string): Promise<EligiblePerson[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: people.id,
      name: sql<string>`${personNameSql("people")}`,
      groupNames: sql<unknown>`(select coalesce(json_agg(g.name order by g.name), '[]'::json) from group_members gm join ${groups} g on g.id = gm.group_id where gm.person_id = ${people.id} and gm.tenant_id = ${tenantId})`,
    })
    .from(people)
    .innerJoin(shifts, and(eq(shifts.id, shiftId), eq(shifts.tenantId, tenantId)))
    .where(
      and(
        currentMember(tenantId, sql`(${shifts.startsAt} at time zone (select o.time_zone from organisations o where o.id = ${tenantId}))::date`),
        or(
          isNull(shifts.groupId),
          sql`exists (select 1 from group_members gm where gm.group_id = ${shifts.groupId} and gm.person_id = ${people.id} and gm.tenant_id = ${tenantId})`,
        ),
        sql`not exists (select 1 from ${assignments} a where a.shift_id = ${shifts.id} and a.person_id = ${people.id})`,
        sql`not exists (
          select 1 from ${assignments} theirs join ${shifts} other on other.id = theirs.shift_id
          where theirs.person_id = ${people.id} and theirs.tenant_id = ${tenantId} and other.cancelled_at is null
            and other.starts_at < ${shifts.endsAt} and other.ends_at > ${shifts.startsAt}
        )`,
      ),
    )
    .orderBy(asc(people.lastName), asc(people.firstName));
  return rows.map((row) => {
    const names = parseJson(row.groupNames);
    return { id: row.id, name: row.name.trim(), groupNames: Array.isArray(names) ? names.map(String) : [] };
  });
}

export type ShiftFormOptions = {
  locations: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  coordinators: { id: string; name: string }[];
};

/**
 * The choices of the shift form, all of the tenant, in one statement. Archived locations and groups
 * are left out, except the ones the shift being edited already has (`current`), so saving it keeps them.
 */
export async function listShiftFormOptions(tenantId: string, current: { locationId?: string | null; groupId?: string | null } = {}): Promise<ShiftFormOptions> {
  const db = await getDb();
  const keptLocation = current.locationId ? sql`or l.id = ${current.locationId}` : sql``;
  const keptGroup = current.groupId ? sql`or g.id = ${current.groupId}` : sql``;
  const [row] = await db
    .select({
      locations: sql<unknown>`(select coalesce(json_agg(json_build_object('id', l.id, 'name', l.name) order by l.name), '[]'::json) from ${locations} l where l.tenant_id = ${tenantId} and (l.archived_at is null ${keptLocation}))`,
      groups: sql<unknown>`(select coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name), '[]'::json) from ${groups} g where g.tenant_id = ${tenantId} and (g.archived_at is null ${keptGroup}))`,
      coordinators: sql<unknown>`(select coalesce(json_agg(json_build_object('id', c.id, 'name', ${personNameSql("c")}) order by c.last_name, c.first_name), '[]'::json) from ${people} c where ${personOfAlias("c", tenantId)} and ${coordinatingRoleSql("c")})`,
    })
    .from(sql`(select 1) as one`);
  const read = (value: unknown) => {
    const list = parseJson(value);
    return Array.isArray(list) ? list.map((entry: Record<string, unknown>) => ({ id: String(entry.id), name: String(entry.name).trim() })) : [];
  };
  return { locations: read(row?.locations), groups: read(row?.groups), coordinators: read(row?.coordinators) };
}

/** Which of these ids are people of the tenant; used to refuse another tenant's ids outright. */
export async function countPeopleOfTenant(tenantId: string, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
  return row?.count ?? 0;
}

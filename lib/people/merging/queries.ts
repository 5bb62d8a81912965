// Reads of merging two member records: the records a coordinator may pick as the other one, the
// side-by-side comparison with its overlapping shifts, and where a merged record's page now lives.
// Every function takes the tenant first; merged records and other organisations' are never found.
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { workedHours } from "@/lib/db/schema/hours";
import { people, type Role } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groupMembers, groups, locations } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
import { memberRecordColumns } from "@/lib/people/member-record-queries";
import type { MemberRecordValues } from "@/lib/people/member-record-schemas";
import { nameSearch } from "@/lib/people/name-search";
import { findOverlaps, overlapKey, type MergeSide } from "./rules";

const CANDIDATES_SHOWN = 20;

export type MergeCandidate = {
  id: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  email: string | null;
  birthDate: string | null;
  username: string | null;
};

/**
 * The organisation's records (not merged away, left members included: a duplicate is often an old
 * one) whose name matches `query` with the members table's tolerant search, best first, without `exceptId`.
 */
export async function searchMergeCandidates(tenantId: string, exceptId: string, query: string, limit = CANDIDATES_SHOWN): Promise<MergeCandidate[]> {
  const search = nameSearch(query);
  if (!search) return [];
  const db = await getDb();
  return db
    .select({
      id: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      email: people.email,
      birthDate: people.birthDate,
      username: users.username,
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(and(personOf(tenantId), ne(people.id, exceptId), search.match))
    .orderBy(desc(search.score), asc(people.lastNameKey), asc(people.firstNameKey))
    .limit(limit);
}

export type ComparedShift = { shiftId: string; activity: string; location: string | null; startsAt: Date; endsAt: Date };

export type ComparedRecord = MemberRecordValues & {
  id: string;
  role: Role;
  hasPhoto: boolean;
  groups: string[];
  comingShifts: ComparedShift[];
  pastShiftCount: number;
  workedHoursCount: number;
  login: { username: string; status: "pending" | "active" | "blocked"; loginCount: number; lastLoginAt: Date | null } | null;
};

export type ComparedOverlap = { key: string; sameShift: boolean; shifts: Record<MergeSide, ComparedShift> };

export type MergeComparison = { first: ComparedRecord; second: ComparedRecord; overlaps: ComparedOverlap[] };

/**
 * Both records side by side, and their coming shifts that overlap with `first` as the kept side (the
 * form swaps the sides of an overlap when the coordinator keeps `second`). Null when either is not a
 * record of this organisation, or is the same record twice.
 */
export async function getMergeComparison(tenantId: string, firstId: string, secondId: string, now: Date = new Date()): Promise<MergeComparison | null> {
  if (firstId === secondId) return null;
  const db = await getDb();
  const records = await db
    .select({
      id: people.id,
      role: people.role,
      ...memberRecordColumns,
      hasPhoto: sql<boolean>`${people.photoId} is not null`,
      username: users.username,
      status: users.status,
      loginCount: users.loginCount,
      lastLoginAt: users.lastLoginAt,
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(and(personOf(tenantId), inArray(people.id, [firstId, secondId])));
  if (records.length !== 2) return null;
  const ids = [firstId, secondId];

  const [groupRows, shiftRows, pastRows, hourRows] = await Promise.all([
    db
      .select({ personId: groupMembers.personId, name: groups.name })
      .from(groupMembers)
      .innerJoin(groups, and(eq(groups.id, groupMembers.groupId), eq(groups.tenantId, tenantId)))
      .where(and(eq(groupMembers.tenantId, tenantId), inArray(groupMembers.personId, ids)))
      .orderBy(sql`lower(${groups.name})`),
    db
      .select({
        personId: assignments.personId,
        shiftId: shifts.id,
        activity: shifts.activity,
        location: locations.name,
        startsAt: shifts.startsAt,
        endsAt: shifts.endsAt,
      })
      .from(assignments)
      .innerJoin(shifts, and(eq(shifts.id, assignments.shiftId), eq(shifts.tenantId, tenantId)))
      .leftJoin(locations, and(eq(locations.id, shifts.locationId), eq(locations.tenantId, tenantId)))
      .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.personId, ids), sql`${shifts.cancelledAt} is null`, sql`${shifts.endsAt} > ${now}`))
      .orderBy(asc(shifts.startsAt)),
    db
      .select({ personId: assignments.personId, count: sql<number>`count(*)::int` })
      .from(assignments)
      .innerJoin(shifts, and(eq(shifts.id, assignments.shiftId), eq(shifts.tenantId, tenantId)))
      .where(and(eq(assignments.tenantId, tenantId), inArray(assignments.personId, ids), sql`${shifts.endsAt} <= ${now}`))
      .groupBy(assignments.personId),
    db
      .select({ personId: workedHours.personId, count: sql<number>`count(*)::int` })
      .from(workedHours)
      .where(and(eq(workedHours.tenantId, tenantId), inArray(workedHours.personId, ids)))
      .groupBy(workedHours.personId),
  ]);

  const compared = (id: string): ComparedRecord => {
    const row = records.find((record) => record.id === id);
    if (!row) throw new Error("compared record missing");
    const { username, status, loginCount, lastLoginAt, ...values } = row;
    return {
      ...values,
      groups: groupRows.filter((group) => group.personId === id).map((group) => group.name),
      comingShifts: shiftRows
        .filter((shift) => shift.personId === id)
        .map((shift) => ({ shiftId: shift.shiftId, activity: shift.activity, location: shift.location, startsAt: shift.startsAt, endsAt: shift.endsAt })),
      pastShiftCount: pastRows.find((past) => past.personId === id)?.count ?? 0,
      workedHoursCount: hourRows.find((hours) => hours.personId === id)?.count ?? 0,
      login: username && status ? { username, status, loginCount: loginCount ?? 0, lastLoginAt } : null,
    };
  };
  const first = compared(firstId);
  const second = compared(secondId);
  const overlaps = findOverlaps(first.comingShifts, second.comingShifts).map((overlap) => ({
    key: overlapKey(overlap),
    sameShift: overlap.sameShift,
    shifts: { keep: overlap.keep, merge: overlap.merge },
  }));
  return { first, second, overlaps };
}

/**
 * The record a merged record was merged into, when `personId` is a merged record of this
 * organisation: its member page sends the coordinator there. Null otherwise.
 */
export async function findKeptRecordId(tenantId: string, personId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ keptId: people.mergedIntoId })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId), isNotNull(people.mergedIntoId)));
  return row?.keptId ?? null;
}

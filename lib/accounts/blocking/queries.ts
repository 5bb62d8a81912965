// Reads for the coordinators' people & logins page: members with their login state, filtered and paged.
// Every function takes the tenant first and always filters by it.
import { and, asc, count, eq, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, type Role } from "@/lib/db/schema/people";
import { groupMembers, groups } from "@/lib/db/schema/tenancy";
import { personOf } from "@/lib/people/members";
import type { AccessStatusFilter, AccountStatus } from "@/lib/accounts/blocking/rules";


export type PeopleAccessFilter = {
  search?: string;
  groupId?: string;
  status: AccessStatusFilter;
  /** 1-based. */
  page: number;
};

export const PEOPLE_PAGE_SIZE = 100;

export type PersonAccessRow = {
  personId: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  role: Role;
  hasEmail: boolean;
  endDate: string | null;
  groups: string[];
  login: {
    username: string;
    status: AccountStatus;
    lockedAt: Date | null;
    /** An authenticator app is enrolled (a coordinator can remove it when the phone is lost). */
    hasAuthenticator: boolean;
    loginCount: number;
    lastLoginAt: Date | null;
    blockedAt: Date | null;
    blockScheduledFor: Date | null;
  } | null;
};

export type PeopleAccessPage = { rows: PersonAccessRow[]; total: number; page: number; pageCount: number };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** `today` is YYYY-MM-DD in the organisation's zone; "left" means an end date before it. */
function statusCondition(status: AccessStatusFilter, today: string): SQL | undefined {
  switch (status) {
    case "all":
      return undefined;
    case "active":
      return eq(users.status, "active");
    case "blocked":
      return eq(users.status, "blocked");
    case "locked":
      return isNotNull(users.lockedAt);
    case "never-signed-in":
      return and(isNotNull(users.id), eq(users.loginCount, 0));
    case "left":
      return and(eq(users.status, "active"), lt(people.endDate, today));
    case "scheduled":
      return and(ne(users.status, "blocked"), isNotNull(users.blockScheduledFor));
    case "not-activated":
      return eq(users.status, "pending");
    case "no-login":
      return isNull(users.id);
  }
}

/**
 * Name search the way coordinators type it: accents and case ignored, with or without the infix
 * ("vries", "de vries", "sanne vries"), or the username.
 */
function searchCondition(search: string | undefined): SQL | undefined {
  const term = search?.trim().replace(/\s+/g, " ");
  if (!term) return undefined;
  const pattern = `%${escapeLike(term)}%`;
  return or(
    sql`unaccent(lower(concat_ws(' ', ${people.firstName}, ${people.infix}, ${people.lastName}))) like unaccent(lower(${pattern}))`,
    sql`unaccent(lower(concat_ws(' ', ${people.firstName}, ${people.lastName}))) like unaccent(lower(${pattern}))`,
    sql`lower(${users.username}) like lower(${pattern})`,
  );
}

/** Members of the organisation with their login state, sorted the Dutch way ("de Vries" under V). */
export async function listPeopleAccess(tenantId: string, filter: PeopleAccessFilter, today: string): Promise<PeopleAccessPage> {
  const db = await getDb();
  const groupCondition = filter.groupId
    ? sql`exists (select 1 from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.personId} = ${people.id} and ${groupMembers.groupId} = ${filter.groupId})`
    : undefined;
  const where = and(
    personOf(tenantId),
    groupCondition,
    statusCondition(filter.status, today),
    searchCondition(filter.search),
  );
  const page = Math.max(1, Math.floor(filter.page));
  const rows = await db
    .select({
      personId: people.id,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      role: people.role,
      email: people.email,
      endDate: people.endDate,
      groups: sql<string[]>`coalesce((select array_agg(${groups.name} order by lower(${groups.name})) from ${groupMembers} inner join ${groups} on ${groups.id} = ${groupMembers.groupId} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.personId} = ${people.id}), '{}')`,
      userId: users.id,
      username: users.username,
      status: users.status,
      lockedAt: users.lockedAt,
      totpEnabledAt: users.totpEnabledAt,
      loginCount: users.loginCount,
      lastLoginAt: users.lastLoginAt,
      blockedAt: users.blockedAt,
      blockScheduledFor: users.blockScheduledFor,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(where)
    .orderBy(asc(sql`lower(${people.lastName})`), asc(sql`lower(${people.firstName})`), asc(people.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  const total = rows[0]?.total ?? (page > 1 ? await countPeopleAccess(tenantId, where) : 0);
  return {
    rows: rows.map((row) => ({
      personId: row.personId,
      firstName: row.firstName,
      infix: row.infix,
      lastName: row.lastName,
      role: row.role,
      hasEmail: Boolean(row.email?.trim()),
      endDate: row.endDate,
      groups: row.groups ?? [],
      login:
        row.userId && row.username && row.status
          ? {
              username: row.username,
              status: row.status,
              lockedAt: row.lockedAt,
              hasAuthenticator: row.totpEnabledAt !== null,
              loginCount: row.loginCount ?? 0,
              lastLoginAt: row.lastLoginAt,
              blockedAt: row.blockedAt,
              blockScheduledFor: row.blockScheduledFor,
            }
          : null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)),
  };
}

async function countPeopleAccess(tenantId: string, where: SQL | undefined): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ total: count() })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(and(eq(people.tenantId, tenantId), where));
  return row?.total ?? 0;
}

export type AccessStatusCounts = Record<AccessStatusFilter, number>;

/** How many people each status filter would show, in one query, for the filter's labels. */
export async function countPeopleByAccessStatus(tenantId: string, today: string): Promise<AccessStatusCounts> {
  const db = await getDb();
  const counted = (status: AccessStatusFilter) => {
    const condition = statusCondition(status, today);
    return condition ? sql<number>`count(*) filter (where ${condition})`.mapWith(Number) : sql<number>`count(*)`.mapWith(Number);
  };
  const [row] = await db
    .select({
      all: counted("all"),
      active: counted("active"),
      blocked: counted("blocked"),
      locked: counted("locked"),
      "never-signed-in": counted("never-signed-in"),
      left: counted("left"),
      scheduled: counted("scheduled"),
      "not-activated": counted("not-activated"),
      "no-login": counted("no-login"),
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(personOf(tenantId));
  return row;
}

/**
 * What the dashboard home points out, with the same counts as the people page's filters it links to:
 * members who have left (end date before today) but whose login still works, and locked accounts.
 */
export async function countAccountsNeedingAttention(tenantId: string, today: string): Promise<{ left: number; locked: number }> {
  const counts = await countPeopleByAccessStatus(tenantId, today);
  return { left: counts.left, locked: counts.locked };
}

export type GroupOption = { id: string; name: string; members: number };

/** The organisation's groups for the filter and the "block a whole group" choice. */
export async function listGroupOptions(tenantId: string): Promise<GroupOption[]> {
  const db = await getDb();
  return db
    .select({
      id: groups.id,
      name: groups.name,
      members: sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.groupId} = ${groups.id})`.mapWith(Number),
    })
    .from(groups)
    .where(eq(groups.tenantId, tenantId))
    .orderBy(asc(sql`lower(${groups.name})`));
}

// Reads for the coordinators' people & logins page: members with their login state, filtered and paged.
// Every function takes the tenant first and always filters by it.
import { and, asc, count, desc, eq, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, type Role } from "@/lib/db/schema/people";
import { groupMembers, groups, locations } from "@/lib/db/schema/tenancy";
import { personOf, worksAtLocation, worksAtSince } from "@/lib/people/members";
import { nameSearch } from "@/lib/people/name-search";
import { peoplePageSizes, type AccessStatusFilter, type AccountStatus, type PeoplePageSize, type PeopleSort, type SortDirection } from "@/lib/accounts/blocking/rules";


export type PeopleAccessFilter = {
  search?: string;
  groupId?: string;
  /** Only people who work at this location (lib/people/members.ts, worksAtLocation). */
  locationId?: string;
  status: AccessStatusFilter;
  /** Name (the Dutch way, "de Vries" under V) unless given. */
  sort?: PeopleSort;
  direction?: SortDirection;
  /** 1-based. */
  page: number;
  /** People per page; PEOPLE_PAGE_SIZE unless given. */
  pageSize?: PeoplePageSize;
};

export const PEOPLE_PAGE_SIZE: PeoplePageSize = peoplePageSizes[0];

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

type LoginFields = NonNullable<PersonAccessRow["login"]>;

/** What `personAccessColumns` selects: the person's own columns, and their login's (null without one). */
export type PersonAccessSelection = Pick<PersonAccessRow, "personId" | "firstName" | "infix" | "lastName" | "role" | "endDate"> & {
  email: string | null;
  groups: string[] | null;
  userId: string | null;
  username: string | null;
  status: AccountStatus | null;
  lockedAt: Date | null;
  totpEnabledAt: Date | null;
  loginCount: number | null;
  lastLoginAt: LoginFields["lastLoginAt"];
  blockedAt: LoginFields["blockedAt"];
  blockScheduledFor: LoginFields["blockScheduledFor"];
};

/**
 * The columns a people-table row is made of (the member page shows the same row): select them from
 * `people` left-joined with the person's login in this organisation, and read them with `toPersonAccessRow`.
 */
export function personAccessColumns(tenantId: string) {
  return {
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
  };
}

export function toPersonAccessRow(row: PersonAccessSelection): PersonAccessRow {
  return {
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
  };
}

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
 * Name search the way coordinators type it, with the tolerant search of Personen zoeken (infixes,
 * accents, word order, small typos), or a part of the username.
 */
function searchCondition(search: string | undefined): SQL | undefined {
  const term = search?.trim().replace(/\s+/g, " ");
  if (!term) return undefined;
  const byName = nameSearch(term);
  const byUsername = sql`lower(${users.username}) like lower(${`%${escapeLike(term)}%`})`;
  return byName ? or(byName.match, byUsername) : byUsername;
}

// Most in need of attention first: blocked, locked, not activated, never signed in, active, no login.
const statusRank = sql<number>`case
  when ${users.id} is null then 5
  when ${users.status} = 'blocked' then 0
  when ${users.lockedAt} is not null then 1
  when ${users.status} = 'pending' then 2
  when ${users.loginCount} = 0 then 3
  else 4 end`;

/** The ORDER BY of one sort; the Dutch name order breaks ties, so paging is stable. */
function sortOrder(sort: PeopleSort, direction: SortDirection): SQL[] {
  const byName = [asc(people.lastNameKey), asc(people.firstNameKey), asc(people.id)];
  const way = direction === "desc" ? desc : asc;
  switch (sort) {
    case "name":
      return direction === "desc" ? [desc(people.lastNameKey), desc(people.firstNameKey), desc(people.id)] : byName;
    case "lastLogin":
      // Never signed in sorts as the longest ago.
      return [direction === "desc" ? sql`${users.lastLoginAt} desc nulls last` : sql`${users.lastLoginAt} asc nulls first`, ...byName];
    case "status":
      return [way(statusRank), ...byName];
  }
}

/**
 * Members of the organisation with their login state, one page, sorted the Dutch way ("de Vries"
 * under V) unless another sort is asked for. One statement whatever the organisation's size (a
 * second only for a page past the end).
 */
export async function listPeopleAccess(tenantId: string, filter: PeopleAccessFilter, today: string, now: Date = new Date()): Promise<PeopleAccessPage> {
  const db = await getDb();
  const groupCondition = filter.groupId
    ? sql`exists (select 1 from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.personId} = ${people.id} and ${groupMembers.groupId} = ${filter.groupId})`
    : undefined;
  const where = and(
    personOf(tenantId),
    groupCondition,
    filter.locationId ? worksAtLocation(tenantId, filter.locationId, worksAtSince(now)) : undefined,
    statusCondition(filter.status, today),
    searchCondition(filter.search),
  );
  const page = Math.max(1, Math.floor(filter.page));
  const pageSize = filter.pageSize ?? PEOPLE_PAGE_SIZE;
  const rows = await db
    .select({
      ...personAccessColumns(tenantId),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(people)
    .leftJoin(users, and(eq(users.personId, people.id), eq(users.tenantId, tenantId)))
    .where(where)
    .orderBy(...sortOrder(filter.sort ?? "name", filter.direction ?? "asc"))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? (page > 1 ? await countPeopleAccess(tenantId, where) : 0);
  return {
    rows: rows.map(toPersonAccessRow),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
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

/**
 * The organisation's groups for the filter and the "block a whole group" choice. Archived groups are
 * left out, except `include` (the group a filter already names, e.g. a link from the groups page).
 */
export async function listGroupOptions(tenantId: string, options: { include?: string | null } = {}): Promise<GroupOption[]> {
  const db = await getDb();
  return db
    .select({
      id: groups.id,
      name: groups.name,
      members: sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.tenantId} = ${tenantId} and ${groupMembers.groupId} = ${groups.id})`.mapWith(Number),
    })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), options.include ? or(isNull(groups.archivedAt), eq(groups.id, options.include)) : isNull(groups.archivedAt)))
    .orderBy(asc(sql`lower(${groups.name})`));
}

export type LocationOption = { id: string; name: string };

/** The organisation's locations for the "works at" filter, archived ones included (their people still work there). */
export async function listLocationOptions(tenantId: string): Promise<LocationOption[]> {
  const db = await getDb();
  return db
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.tenantId, tenantId))
    .orderBy(asc(sql`lower(${locations.name})`));
}

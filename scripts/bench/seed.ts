// Bench data: an organisation of any size in a handful of set-based statements (generate_series), so
// 2,000 members and 50,000 shifts load in seconds, with last week's hours at the stage a coordinator
// approves them, plus a small second organisation whose rows must never appear on the first one's pages. The few hand-made rows come from the demo factories; the
// bulk rows use the same name and activity lists, so the data looks like the demo's.
import { and, eq, gte, isNull, isNotNull, lt, sql } from "drizzle-orm";
import sharp from "sharp";
import type { Db, Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { assignments, shifts } from "@/lib/db/schema/roster";
import { groups, locations, organisations, providers } from "@/lib/db/schema/tenancy";
import {
  DEFAULT_TIME_ZONE,
  buildGroup,
  buildLocation,
  buildOrganisation,
  buildProvider,
  createFaker,
  dutchFirstNames,
  dutchSurnames,
  shiftActivities,
} from "@/lib/demo/factories";
import { startSession } from "@/lib/accounts/sign-in/sessions";
import { addDaysToKey, weekBounds, weekStartOf } from "@/lib/hours/rules";

export type OrganisationPlan = {
  name: string;
  slug: string;
  members: number;
  shifts: number;
  activities: readonly string[];
};

export type SeededOrganisation = {
  tenantId: string;
  name: string;
  members: number;
  shifts: number;
  assignments: number;
  /** Members with a photo. */
  photos: number;
  /** Member number 1: a plain member in every group, the one the bench signs in as. */
  /** sessionId: a server-side session, as a sign-in starts one, for the cookie the bench mints. */
  benchMember: { userId: string; personId: string; sessionVersion: number; sessionId: string; firstName: string; comingShifts: number; pastShifts: number };
  /** Member number 3: a coordinator, the one the bench signs in as for dashboard pages. */
  benchCoordinator: { userId: string; sessionVersion: number; sessionId: string };
  /** The first group (Buurthuis, about 60 % of the members): the dashboard's group filter. */
  benchGroupId: string;
  /** Member number 5, a plain member: the person page the bench member opens. */
  benchColleagueId: string;
  hours: SeededHours;
};

/** Last week's hours, the week the hours pages are measured on. */
export type SeededHours = {
  /** Monday (YYYY-MM-DD) of last week in the organisation's zone. */
  weekStart: string;
  /** Lines of the bench member's week: ended shifts (one of them corrected) and hours outside a shift. */
  benchMemberLines: number;
  /** Members with any worked hours in that week: the rows of the coordinators' approval list. */
  membersWithHours: number;
  /** That week's sign-off records by status (members without one are still open). */
  confirmations: Record<string, number>;
  /** Correction rows (worked_hours on a shift) and rows of hours outside a shift in that week. */
  corrections: number;
  extras: number;
};

/** Shifts are spread evenly over this window around today: 18 months back, 6 months ahead. */
export const PAST_DAYS = 548;
export const FUTURE_DAYS = 182;

/** Activities only the other organisation has: a page that shows one of them leaks across tenants. */
export const otherTenantActivities = ["Zwemles begeleiden", "Voedselbank uitgifte", "Kledingbank sorteren"] as const;

// The name lists travel as one '|'-joined parameter each (no name contains '|'); '' stands for "no infix".
const firstNames = dutchFirstNames.join("|");
const infixes = dutchSurnames.map((s) => s.infix ?? "").join("|");
const lastNames = dutchSurnames.map((s) => s.lastName).join("|");

/** One provider hosts both bench organisations. */
export async function createBenchProvider(db: Db): Promise<string> {
  const [row] = await db
    .insert(providers)
    .values(buildProvider({ name: "Ploeg Bench", slug: "ploeg-bench" }))
    .returning({ id: providers.id });
  return row.id;
}

/**
 * Loads one organisation in a single transaction (its temporary planning tables live only there).
 * Run `analyzeDatabase` afterwards: the bench measures a database whose statistics are current, as
 * autovacuum would leave a production database.
 */
export async function seedOrganisation(db: Db, providerId: string, plan: OrganisationPlan, seed: number): Promise<SeededOrganisation> {
  const f = createFaker(seed);
  return db.transaction(async (tx) => {
    // Reproducible random(): same seed, same roster, as long as the plan runs without parallel workers.
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    await tx.execute(sql`SELECT setseed(${(seed % 1000) / 1000}::float8)`);

    const [organisation] = await tx
      .insert(organisations)
      .values(buildOrganisation({ providerId, name: plan.name, slug: plan.slug, timeZone: DEFAULT_TIME_ZONE }, f))
      .returning({ id: organisations.id });
    const tenantId = organisation.id;
    const groupIds = await tx
      .insert(groups)
      .values(["Buurthuis", "Maaltijden", "Vervoer"].map((name) => buildGroup({ tenantId, name }, f)))
      .returning({ id: groups.id });
    const locationIds = await tx
      .insert(locations)
      .values([
        buildLocation({ tenantId, name: "Buurthuis De Linde", address: "Lindelaan 12, 3817 AB Amersfoort" }, f),
        buildLocation({ tenantId, name: "Wijkcentrum Het Anker", address: "Ankerplein 3, 3822 CD Amersfoort" }, f),
      ])
      .returning({ id: locations.id });
    const [g0, g1, g2] = groupIds.map((g) => g.id);
    const [l0, l1] = locationIds.map((l) => l.id);

    await seedPeople(tx, tenantId, plan);
    await seedPhotos(tx, tenantId);
    await tx.execute(sql`
      INSERT INTO group_members (tenant_id, group_id, person_id)
      SELECT ${tenantId}::uuid, g.id, p.id
      FROM bench_people p
      JOIN (VALUES (0, ${g0}::uuid), (1, ${g1}::uuid), (2, ${g2}::uuid)) AS g(k, id) ON
        p.n = 1
        OR (g.k = 0 AND p.in_buurthuis)
        OR (g.k = 1 AND p.in_maaltijden)
        -- Everyone is in at least one group: whoever is in neither of the others joins Vervoer.
        OR (g.k = 2 AND (p.in_vervoer OR NOT (p.in_buurthuis OR p.in_maaltijden)))`);

    await planShifts(tx, tenantId, plan, { groups: [g0, g1, g2], locations: [l0, l1] });
    await tx.execute(sql`
      INSERT INTO shifts (id, tenant_id, activity, location_id, starts_at, ends_at, needed, group_id, cancelled_at)
      SELECT id, ${tenantId}::uuid, activity, location_id, starts_at, ends_at, needed, group_id,
             CASE WHEN cancelled THEN starts_at - interval '3 days' END
      FROM bench_shifts
      -- Rows land in roughly the order a roster is filled in: by date.
      ORDER BY starts_at`);
    await assignPeople(tx, tenantId);
    const weekStart = weekStartOf(new Date(Date.now() - 7 * 86_400_000), DEFAULT_TIME_ZONE);
    await seedHours(tx, tenantId, weekStart, l0);

    return describeOrganisation(tx, tenantId, plan, g0, weekStart);
  });
}

/** VACUUM ANALYZE: fresh statistics and visibility maps, so plans are the ones production would get. */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(sql`VACUUM ANALYZE`);
}

async function seedPeople(tx: Tx, tenantId: string, plan: OrganisationPlan): Promise<void> {
  // Member 1 is the bench member, 2 the admin, one in a hundred a coordinator; group membership is
  // drawn once here (60 % Buurthuis, 45 % Maaltijden, 30 % Vervoer, as in the demo).
  await tx.execute(sql`
    CREATE TEMP TABLE bench_people ON COMMIT DROP AS
    SELECT n, gen_random_uuid() AS id,
           (CASE WHEN n = 2 THEN 'admin' WHEN n % 100 = 3 THEN 'coordinator' ELSE 'member' END)::role AS role,
           random() < 0.60 AS in_buurthuis, random() < 0.45 AS in_maaltijden, random() < 0.30 AS in_vervoer
    FROM generate_series(1, ${plan.members}::int) AS n`);
  await tx.execute(sql`
    INSERT INTO people (id, tenant_id, first_name, infix, last_name, email, phone, birth_date, city, role, start_date)
    SELECT p.id, ${tenantId}::uuid,
           l.first_names[1 + (p.n * 7) % array_length(l.first_names, 1)],
           nullif(l.infixes[1 + (p.n * 13) % array_length(l.infixes, 1)], ''),
           l.last_names[1 + (p.n * 13) % array_length(l.last_names, 1)],
           ${plan.slug} || '.lid' || p.n || '@example.org',
           '06 ' || lpad(((p.n::bigint * 7919) % 100000000)::text, 8, '0'),
           current_date - (18 * 365 + (p.n * 97) % (60 * 365)),
           (ARRAY['Amersfoort', 'Leusden', 'Hoogland', 'Soest'])[1 + p.n % 4],
           p.role,
           current_date - (30 + (p.n * 37) % 1800)
    FROM bench_people p,
         (SELECT string_to_array(${firstNames}, '|') AS first_names,
                 string_to_array(${infixes}, '|') AS infixes,
                 string_to_array(${lastNames}, '|') AS last_names) AS l`);
  // Every member has an active login; nobody needs a password, the bench mints its session directly.
  await tx.execute(sql`
    INSERT INTO users (tenant_id, person_id, username, status, name, email, login_count, last_login_at)
    SELECT ${tenantId}::uuid, person.id, ${plan.slug} || '.lid' || p.n, 'active',
           concat_ws(' ', person.first_name, person.infix, person.last_name), person.email,
           1 + p.n % 40, now() - make_interval(days => p.n % 90)
    FROM bench_people p JOIN people person ON person.id = p.id`);
}

/**
 * Seven in ten members have a photo (the bench member among them), so the photo book shows both
 * photos and initials. All share one picture: the pages only link to it, the bytes are never read.
 */
async function seedPhotos(tx: Tx, tenantId: string): Promise<void> {
  const picture = (size: number) => sharp({ create: { width: size, height: size, channels: 3, background: "#7a9a6b" } }).webp().toBuffer();
  const [large, small] = await Promise.all([picture(512), picture(128)]);
  await tx.execute(sql`
    INSERT INTO photos (tenant_id, person_id, large, small, etag)
    SELECT ${tenantId}::uuid, p.id, ${large}::bytea, ${small}::bytea, md5(p.id::text)
    FROM bench_people p WHERE p.n = 1 OR p.n % 10 < 7`);
  await tx.execute(sql`
    UPDATE people SET photo_id = photo.id
    FROM photos photo
    WHERE photo.tenant_id = ${tenantId}::uuid AND photo.person_id = people.id AND people.tenant_id = ${tenantId}::uuid`);
}

async function planShifts(tx: Tx, tenantId: string, plan: OrganisationPlan, ids: { groups: string[]; locations: string[] }): Promise<void> {
  const [g0, g1, g2] = ids.groups;
  const [l0, l1] = ids.locations;
  const totalDays = PAST_DAYS + FUTURE_DAYS;
  // Evenly spread over the window; start times and lengths a volunteer roster has; 60 % of shifts
  // are for one group, the rest open to all; 2 % cancelled. fill_roll and pick decide the staffing below.
  await tx.execute(sql`
    CREATE TEMP TABLE bench_shifts ON COMMIT DROP AS
    SELECT i, id, starts_at, starts_at + make_interval(mins => minutes) AS ends_at, needed, group_id, location_id,
           activity, cancelled, fill_roll, pick
    FROM (
      SELECT i, gen_random_uuid() AS id,
             ((current_date - ${PAST_DAYS}::int + (i::bigint * ${totalDays}::int / ${plan.shifts}::int)::int)
               + make_time((ARRAY[9, 10, 13, 14, 19])[1 + floor(random() * 5)::int], 0, 0)) AT TIME ZONE ${DEFAULT_TIME_ZONE} AS starts_at,
             (ARRAY[120, 150, 180, 180, 240])[1 + floor(random() * 5)::int] AS minutes,
             2 + floor(random() * 3)::int AS needed,
             (ARRAY[${g0}::uuid, ${g1}::uuid, ${g2}::uuid, NULL, NULL])[1 + floor(random() * 5)::int] AS group_id,
             (ARRAY[${l0}::uuid, ${l1}::uuid])[1 + floor(random() * 2)::int] AS location_id,
             a.names[1 + floor(random() * array_length(a.names, 1))::int] AS activity,
             random() < 0.02 AS cancelled,
             random() AS fill_roll,
             floor(random() * 1000000)::int AS pick
      FROM generate_series(0, ${plan.shifts}::int - 1) AS i, (SELECT string_to_array(${plan.activities.join("|")}, '|') AS names) AS a
    ) AS planned`);
  // Whom a shift can draw on: its group's members, or everyone for shifts open to all (admins never work shifts).
  await tx.execute(sql`
    CREATE TEMP TABLE bench_pool ON COMMIT DROP AS
    SELECT gm.group_id AS pool_key, (row_number() OVER (PARTITION BY gm.group_id ORDER BY p.n) - 1)::int AS slot, p.id AS person_id
    FROM group_members gm JOIN bench_people p ON p.id = gm.person_id
    WHERE gm.tenant_id = ${tenantId}::uuid AND p.role <> 'admin'
    UNION ALL
    SELECT ${tenantId}::uuid, (row_number() OVER (ORDER BY p.n) - 1)::int, p.id
    FROM bench_people p WHERE p.role <> 'admin'`);
  await tx.execute(sql`CREATE INDEX ON bench_pool (pool_key, slot)`);
  await tx.execute(sql`CREATE TEMP TABLE bench_pool_size ON COMMIT DROP AS SELECT pool_key, count(*)::int AS size FROM bench_pool GROUP BY pool_key`);
}

async function assignPeople(tx: Tx, tenantId: string): Promise<void> {
  // Past shifts: 80 % full, the rest one short. Coming shifts: 9 % still empty, 40 % full, the rest
  // one or two short, so "Open diensten" has plenty to show. The j-th person of a shift sits a fifth
  // of the pool further on, which keeps the (up to four) people of one shift distinct.
  await tx.execute(sql`
    INSERT INTO assignments (tenant_id, shift_id, person_id, source, signed_up_at)
    SELECT ${tenantId}::uuid, s.id, pool.person_id,
           (CASE WHEN (s.pick + j) % 5 < 3 THEN 'coordinator' ELSE 'self' END)::assignment_source,
           least(s.starts_at - make_interval(days => 2 + s.pick % 12), now())
    FROM bench_shifts s
    JOIN bench_pool_size ps ON ps.pool_key = coalesce(s.group_id, ${tenantId}::uuid)
    CROSS JOIN LATERAL generate_series(0, (CASE
        WHEN s.cancelled THEN 0
        WHEN s.ends_at < now() THEN CASE WHEN s.fill_roll < 0.8 THEN s.needed ELSE s.needed - 1 END
        WHEN s.fill_roll < 0.09 THEN 0
        WHEN s.fill_roll < 0.49 THEN s.needed
        WHEN s.fill_roll < 0.69 THEN greatest(0, s.needed - 2)
        ELSE s.needed - 1
      END) - 1) AS j
    JOIN bench_pool pool ON pool.pool_key = ps.pool_key AND pool.slot = (s.pick + j * (ps.size / 5 + 1)) % ps.size
    ON CONFLICT (shift_id, person_id) DO NOTHING`);
}

/**
 * Last week's hours as a coordinator finds them on Monday: the bench member worked three ended shifts
 * (one corrected: she stayed longer) and an evening meeting outside the roster; of everyone else with
 * hours that week, about 55 % confirmed, 15 % already approved, 5 % sent back, 3 % confirmed with a
 * correction request and the rest still open. One in 25 of that week's shifts worked has a coordinator's
 * correction (one in four of those a no-show) and one in 30 members logged hours outside a shift. The
 * seven weeks before it are approved, as an organisation that keeps up leaves them.
 */
async function seedHours(tx: Tx, tenantId: string, weekStart: string, locationId: string): Promise<void> {
  const zone = DEFAULT_TIME_ZONE;
  const { startsAt: from, endsAt: to } = weekBounds(weekStart, zone);

  // The bench member: a shift on Tuesday, Thursday and Saturday, one short of people where there is one.
  await tx.execute(sql`
    INSERT INTO assignments (tenant_id, shift_id, person_id, source, signed_up_at)
    SELECT ${tenantId}::uuid, picked.id, me.id, 'self', picked.starts_at - interval '6 days'
    FROM (SELECT id FROM bench_people WHERE n = 1) AS me,
    LATERAL (
      SELECT DISTINCT ON (c.day) c.id, c.starts_at
      FROM (
        SELECT s.id, s.starts_at, (s.starts_at AT TIME ZONE ${zone})::date AS day,
               (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id) >= s.needed AS full_already
        FROM shifts s
        WHERE s.tenant_id = ${tenantId}::uuid AND s.starts_at >= ${from} AND s.starts_at < ${to}
          AND s.cancelled_at IS NULL AND s.ends_at < now()
          AND NOT EXISTS (
            SELECT 1 FROM assignments a JOIN shifts o ON o.id = a.shift_id
            WHERE a.person_id = me.id AND o.starts_at < s.ends_at AND o.ends_at > s.starts_at)
      ) AS c
      WHERE extract(isodow FROM c.day) IN (2, 4, 6)
      ORDER BY c.day, c.full_already, c.starts_at
    ) AS picked
    ON CONFLICT (shift_id, person_id) DO NOTHING`);

  // Everyone's worked shifts of the last eight weeks, with the week each falls in.
  await tx.execute(sql`
    CREATE TEMP TABLE bench_worked ON COMMIT DROP AS
    SELECT a.person_id, s.id AS shift_id, s.starts_at, s.ends_at, bp.n,
           date_trunc('week', s.starts_at AT TIME ZONE ${zone})::date AS week_start
    FROM assignments a
    JOIN shifts s ON s.id = a.shift_id
    JOIN bench_people bp ON bp.id = a.person_id
    WHERE a.tenant_id = ${tenantId}::uuid AND s.cancelled_at IS NULL AND s.ends_at < now()
      AND s.starts_at >= ${from}::timestamptz - interval '7 weeks' AND s.starts_at < ${to}`);

  const coordinator = sql`(SELECT id FROM bench_people WHERE n = 3)`;
  // Her correction: the Tuesday shift ran half an hour longer, with a quarter of an hour's break.
  await tx.execute(sql`
    INSERT INTO worked_hours (tenant_id, person_id, shift_id, starts_at, ends_at, break_minutes, corrected_by_id, note)
    SELECT ${tenantId}::uuid, w.person_id, w.shift_id, w.starts_at, w.ends_at + interval '30 minutes', 15, ${coordinator},
           'Langer gebleven om op te ruimen'
    FROM bench_worked w WHERE w.n = 1 AND w.week_start = ${weekStart}::date
    ORDER BY w.starts_at LIMIT 1`);
  // Her hours outside a shift: Wednesday evening's volunteers' meeting.
  const wednesday = addDaysToKey(weekStart, 2);
  await tx.execute(sql`
    INSERT INTO worked_hours (tenant_id, person_id, activity, location_id, starts_at, ends_at, note)
    SELECT ${tenantId}::uuid, id, 'Vrijwilligersoverleg', ${locationId}::uuid,
           (${wednesday}::date + time '19:30') AT TIME ZONE ${zone}, (${wednesday}::date + time '21:00') AT TIME ZONE ${zone}, NULL
    FROM bench_people WHERE n = 1`);
  // Everyone else: corrections on one in 25 worked shifts of the week, and hours outside a shift.
  await tx.execute(sql`
    INSERT INTO worked_hours (tenant_id, person_id, shift_id, starts_at, ends_at, no_show, corrected_by_id, note)
    SELECT ${tenantId}::uuid, w.person_id, w.shift_id, w.starts_at,
           CASE WHEN roll < 0.01 THEN w.ends_at ELSE w.ends_at - interval '30 minutes' END,
           roll < 0.01, ${coordinator}, CASE WHEN roll < 0.01 THEN 'Niet gekomen' ELSE 'Eerder weg' END
    FROM (SELECT *, random() AS roll FROM bench_worked WHERE week_start = ${weekStart}::date AND n <> 1) AS w
    WHERE roll < 0.04`);
  await tx.execute(sql`
    INSERT INTO worked_hours (tenant_id, person_id, activity, location_id, starts_at, ends_at)
    SELECT ${tenantId}::uuid, person_id, 'Vrijwilligersoverleg', ${locationId}::uuid,
           (${wednesday}::date + time '19:30') AT TIME ZONE ${zone}, (${wednesday}::date + time '21:00') AT TIME ZONE ${zone}
    FROM (SELECT DISTINCT person_id, n FROM bench_worked WHERE week_start = ${weekStart}::date AND n <> 1) AS p
    WHERE random() < 1.0 / 30`);

  // Last week's sign-off records (the bench member's week stays open: she still has to confirm it).
  await tx.execute(sql`
    INSERT INTO week_confirmations (tenant_id, person_id, week_start, status, confirmed_at, approved_at, approved_by_id,
                                    returned_at, returned_by_id, return_comment, correction_request, correction_requested_at)
    SELECT ${tenantId}::uuid, person_id, ${weekStart}::date, status::week_status,
           CASE WHEN status <> 'open' THEN ${to}::timestamptz - interval '1 day' + make_interval(mins => (roll * 600)::int) END,
           CASE WHEN status = 'approved' THEN ${to}::timestamptz + interval '2 hours' END,
           CASE WHEN status = 'approved' THEN ${coordinator} END,
           CASE WHEN status = 'returned' THEN ${to}::timestamptz + interval '3 hours' END,
           CASE WHEN status = 'returned' THEN ${coordinator} END,
           CASE WHEN status = 'returned' THEN 'Klopt de eindtijd van zaterdag?' END,
           CASE WHEN asks THEN 'Ik was er donderdag tot half vijf, niet tot vier uur.' END,
           CASE WHEN asks THEN ${to}::timestamptz - interval '12 hours' END
    FROM (
      SELECT person_id, roll,
             CASE WHEN roll < 0.55 THEN 'confirmed' WHEN roll < 0.70 THEN 'approved' WHEN roll < 0.75 THEN 'returned'
                  WHEN roll < 0.78 THEN 'confirmed' ELSE 'open' END AS status,
             roll >= 0.75 AND roll < 0.78 AS asks
      FROM (SELECT person_id, random() AS roll
            FROM (SELECT DISTINCT person_id FROM worked_hours WHERE tenant_id = ${tenantId}::uuid AND starts_at >= ${from} AND starts_at < ${to}
                  UNION SELECT person_id FROM bench_worked WHERE week_start = ${weekStart}::date) AS worked
            WHERE person_id <> (SELECT id FROM bench_people WHERE n = 1)) AS rolled
    ) AS decided
    WHERE status <> 'open'`);
  // The seven weeks before: confirmed by the member, approved the Monday after.
  await tx.execute(sql`
    INSERT INTO week_confirmations (tenant_id, person_id, week_start, status, confirmed_at, approved_at, approved_by_id)
    SELECT ${tenantId}::uuid, person_id, week_start, 'approved',
           (week_start + 6 + time '20:00') AT TIME ZONE ${zone}, (week_start + 7 + time '10:00') AT TIME ZONE ${zone}, ${coordinator}
    FROM (SELECT DISTINCT person_id, week_start FROM bench_worked WHERE week_start < ${weekStart}::date) AS weeks`);
}

async function describeOrganisation(tx: Tx, tenantId: string, plan: OrganisationPlan, benchGroupId: string, weekStart: string): Promise<SeededOrganisation> {
  const count = sql<number>`count(*)::int`;
  const [shiftCount] = await tx.select({ n: count }).from(shifts).where(eq(shifts.tenantId, tenantId));
  const [assignmentCount] = await tx.select({ n: count }).from(assignments).where(eq(assignments.tenantId, tenantId));
  const [photoCount] = await tx
    .select({ n: count })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), isNotNull(people.photoId)));
  const [member] = await tx
    .select({ userId: users.id, personId: people.id, sessionVersion: users.sessionVersion, firstName: people.firstName })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.username, `${plan.slug}.lid1`));
  if (!member) throw new Error(`seeding ${plan.slug} left no bench member`);
  const [coordinator] = await tx
    .select({ userId: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(and(eq(users.username, `${plan.slug}.lid3`), eq(people.role, "coordinator")));
  if (!coordinator) throw new Error(`seeding ${plan.slug} left no bench coordinator`);
  const [colleague] = await tx
    .select({ id: people.id })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.username, `${plan.slug}.lid5`));
  if (!colleague) throw new Error(`seeding ${plan.slug} left no colleague for the person page`);
  const now = new Date();
  const countShifts = async (coming: boolean) => {
    const [row] = await tx
      .select({ n: count })
      .from(assignments)
      .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
      .where(
        and(
          eq(assignments.tenantId, tenantId),
          eq(assignments.personId, member.personId),
          coming ? and(gte(shifts.endsAt, now), isNull(shifts.cancelledAt)) : lt(shifts.endsAt, now),
        ),
      );
    return row.n;
  };
  return {
    tenantId,
    name: plan.name,
    members: plan.members,
    shifts: shiftCount.n,
    assignments: assignmentCount.n,
    photos: photoCount.n,
    benchMember: {
      ...member,
      sessionId: await startSession(tx, member.userId, now),
      comingShifts: await countShifts(true),
      pastShifts: await countShifts(false),
    },
    benchCoordinator: { ...coordinator, sessionId: await startSession(tx, coordinator.userId, now) },
    benchGroupId,
    benchColleagueId: colleague.id,
    hours: await describeHours(tx, tenantId, member.personId, weekStart, now),
  };
}

async function describeHours(tx: Tx, tenantId: string, benchPersonId: string, weekStart: string, now: Date): Promise<SeededHours> {
  const { startsAt: from, endsAt: to } = weekBounds(weekStart, DEFAULT_TIME_ZONE);
  const worked = sql`
    SELECT a.person_id, 'shift' AS kind FROM assignments a JOIN shifts s ON s.id = a.shift_id
    WHERE a.tenant_id = ${tenantId}::uuid AND s.cancelled_at IS NULL AND s.ends_at <= ${now} AND s.starts_at >= ${from} AND s.starts_at < ${to}
    UNION ALL
    SELECT person_id, 'extra' FROM worked_hours
    WHERE tenant_id = ${tenantId}::uuid AND shift_id IS NULL AND starts_at >= ${from} AND starts_at < ${to}`;
  const [counts] = rowsOf<{ bench_lines: number; members: number; corrections: number; extras: number }>(
    await tx.execute(sql`
      SELECT (SELECT count(*)::int FROM (${worked}) w WHERE w.person_id = ${benchPersonId}::uuid) AS bench_lines,
             (SELECT count(DISTINCT person_id)::int FROM (${worked}) w) AS members,
             (SELECT count(*)::int FROM worked_hours WHERE tenant_id = ${tenantId}::uuid AND shift_id IS NOT NULL AND starts_at >= ${from} AND starts_at < ${to}) AS corrections,
             (SELECT count(*)::int FROM worked_hours WHERE tenant_id = ${tenantId}::uuid AND shift_id IS NULL AND starts_at >= ${from} AND starts_at < ${to}) AS extras`),
  );
  const statuses = rowsOf<{ status: string; n: number }>(
    await tx.execute(sql`
      SELECT status::text, count(*)::int AS n FROM week_confirmations
      WHERE tenant_id = ${tenantId}::uuid AND week_start = ${weekStart}::date GROUP BY status ORDER BY status`),
  );
  return {
    weekStart,
    benchMemberLines: counts.bench_lines,
    membersWithHours: counts.members,
    confirmations: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
    corrections: counts.corrections,
    extras: counts.extras,
  };
}

/** The rows of a raw statement: node-postgres answers with `{ rows }`, the other drivers with the array itself. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The main organisation of a bench size and the small other one that shares its database. */
export function planOrganisations(size: { members: number; shifts: number }, label: string): { main: OrganisationPlan; other: OrganisationPlan } {
  return {
    main: { name: `Stichting Bench ${label}`, slug: `bench-${label.toLowerCase()}`, members: size.members, shifts: size.shifts, activities: shiftActivities },
    other: { name: "Stichting Elders", slug: "bench-elders", members: 40, shifts: 600, activities: otherTenantActivities },
  };
}

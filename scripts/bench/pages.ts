// What `npm run bench` measures, in this order: the static floor, reference pages and the member
// and dashboard pages the targets are about. Adding a page is one entry in benchPages; change a
// `path` or `expectText` when a page moves or its wording changes.

import { TZDate } from "@date-fns/tz";
import { addDays, getISOWeek, getISOWeekYear } from "date-fns";
import { DEFAULT_TIME_ZONE } from "@/lib/demo/factories";

/**
 * Next week's key ("2026-W49") in the organisation's zone. The current week would hold fewer coming
 * shifts each day it gets older (on a Sunday evening hardly any), so runs on different weekdays
 * would not compare; every day of next week lies ahead, whichever day the bench runs.
 */
function nextWeekKey(now: Date): string {
  const day = addDays(new TZDate(now.getTime(), DEFAULT_TIME_ZONE), 7);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, "0")}`;
}

/** In a path: replaced by a new id on every request (autocannon's idReplacement; withFreshIds otherwise). */
export const FRESH_ID = "[<id>]";

/** The URL with every FRESH_ID replaced by a new id. */
export function withFreshIds(url: string): string {
  return url.replaceAll(FRESH_ID, () => crypto.randomUUID());
}

export type BenchTarget = {
  /** Label in the table and in bench/results.json. */
  name: string;
  /** Path and query on the app, e.g. `/my/shifts?view=open`; may hold the placeholders below. */
  path: string;
  /**
   * Text the answer must contain, checked once before measuring, so a redirect to sign-in, an error
   * page or a page of the wrong tenant is never timed as if it were the page.
   */
  expectText: string;
  /** Sent with the bench member's session cookie (member pages), or without any cookie. */
  signedIn: boolean;
  /** Signed in as the bench coordinator instead of the bench member (dashboard pages). */
  asCoordinator?: boolean;
  /**
   * A page of a feature that may not be in the build yet: a 404 leaves it out of the run with a note
   * under the table instead of stopping the bench. Any other failure still stops it.
   */
  skipWhenMissing?: boolean;
};

/** What the placeholders of a path stand for in the database being measured (ids differ per database). */
export type PathValues = {
  /** `{group}`: the first group (Buurthuis, about 60 % of the members). */
  group: string;
  /** `{person}`: a colleague of the bench member, whose person page is measured. */
  person: string;
  /** `{week}`: last week's Monday (YYYY-MM-DD) in the organisation's zone, a week with worked hours. */
  week: string;
};

export function fillPath(path: string, values: PathValues): string {
  return path.replaceAll("{group}", values.group).replaceAll("{person}", values.person).replaceAll("{week}", values.week);
}

/** A file from public/, served by the same `next start`: the floor every page is compared with. */
export const staticFloor: BenchTarget = { name: "static floor", path: "/robots.txt", expectText: "User-agent", signedIn: false };

/**
 * Measured and reported but not judged: a server-rendered page that reads no data, i.e. what any
 * page of this app costs before its own queries and components.
 */
export const referencePages: BenchTarget[] = [
  { name: "Inloggen (no data)", path: "/sign-in", expectText: "Inloggen", signedIn: false },
  // Every request a different address (a query parameter the page ignores), so none is answered from
  // the member's kept page (lib/cache/response-cache.ts): what a first view costs, rendered by Next
  // from the cached fragments.
  { name: "Open diensten, first view", path: `/my/shifts?view=open&week=${nextWeekKey(new Date())}&v=${FRESH_ID}`, expectText: "Diensten met een vrije plek", signedIn: true },
];

/** The pages the targets are about, in the order they are measured. */
export const benchPages: BenchTarget[] = [
  { name: "Open diensten", path: `/my/shifts?view=open&week=${nextWeekKey(new Date())}`, expectText: "Diensten met een vrije plek", signedIn: true },
  // The same week as Open diensten, every shift with how full it is (the page opens on one day when the week is crowded).
  { name: "Alle diensten", path: `/my/shifts?week=${nextWeekKey(new Date())}`, expectText: "ingevuld", signedIn: true },
  { name: "Mijn pagina", path: "/my", expectText: "Mijn pagina", signedIn: true },
  // A last name with a typo ("Jansen"), as someone types it on a phone: the fuzzy path of the search.
  { name: "Personen zoeken", path: "/my/people?q=jansn", expectText: "Jansen", signedIn: true },
  { name: "Smoelenboek", path: "/my/people/photos", expectText: "personen, op achternaam", signedIn: true },
  { name: "Persoonspagina", path: "/my/people/{person}", expectText: "Komende diensten van", signedIn: true },
  // The member's own week of last week: the shifts she worked (one corrected) and hours outside a shift.
  { name: "Mijn uren (week)", path: "/my/hours/{week}", expectText: "Vrijwilligersoverleg", signedIn: true, skipWhenMissing: true },
  // The coordinators' approval list of that week: every member with hours then, most of them confirmed.
  {
    name: "Uren goedkeuren",
    path: "/dashboard/hours?week={week}",
    expectText: "met uren of een status in deze week",
    signedIn: true,
    asCoordinator: true,
    skipWhenMissing: true,
  },
  // The coordinators' members table filtered by a group, as a coordinator opens it to act on that group.
  { name: "Ledentabel per groep", path: "/dashboard/people?group={group}", expectText: "die bij de filters passen", signedIn: true, asCoordinator: true },
];

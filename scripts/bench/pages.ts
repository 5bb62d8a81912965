// What `npm run bench` measures, in this order: the static floor, reference pages and the member
// and dashboard pages the target is about. Adding a page is one entry in benchPages; change a `path` when a page moves.

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

export type BenchTarget = {
  /** Label in the table and in bench/results.json. */
  name: string;
  /** Path and query on the app, e.g. `/my/shifts?view=open`. */
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
};

/** `{group}` in a path: the id of a group of the organisation being measured (it differs per database). */
export const GROUP_PLACEHOLDER = "{group}";

/** A file from public/, served by the same `next start`: the floor every page is compared with. */
export const staticFloor: BenchTarget = { name: "static floor", path: "/robots.txt", expectText: "User-agent", signedIn: false };

/**
 * Measured and reported but not judged: a server-rendered page that reads no data, i.e. what any
 * page of this app costs before its own queries and components.
 */
export const referencePages: BenchTarget[] = [{ name: "Inloggen (no data)", path: "/sign-in", expectText: "Inloggen", signedIn: false }];

/** The member pages the target is about: p95 at most 3× the floor's, statements per request flat. */
export const benchPages: BenchTarget[] = [
  { name: "Open diensten", path: `/my/shifts?view=open&week=${nextWeekKey(new Date())}`, expectText: "Diensten met een vrije plek", signedIn: true },
  { name: "Mijn pagina", path: "/my", expectText: "Mijn pagina", signedIn: true },
  // A last name with a typo ("Jansen"), as someone types it on a phone: the fuzzy path of the search.
  { name: "Personen zoeken", path: "/my/people?q=jansn", expectText: "Jansen", signedIn: true },
  { name: "Smoelenboek", path: "/my/people/photos", expectText: "personen, op achternaam", signedIn: true },
  // The coordinators' members table filtered by a group, as a coordinator opens it to act on that group.
  {
    name: "Ledentabel per groep",
    path: `/dashboard/people?group=${GROUP_PLACEHOLDER}`,
    expectText: "die bij de filters passen",
    signedIn: true,
    asCoordinator: true,
  },
];

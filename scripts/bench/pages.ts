// What `npm run bench` measures, in this order: the static floor, reference pages and the member
// pages the target is about. Adding a page (people search, photo book) is one entry in benchPages;
// change a `path` when a page moves.

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
};

/** A file from public/, served by the same `next start`: the floor every page is compared with. */
export const staticFloor: BenchTarget = { name: "static floor", path: "/robots.txt", expectText: "User-agent", signedIn: false };

/**
 * Measured and reported but not judged: a server-rendered page that reads no data, i.e. what any
 * page of this app costs before its own queries and components.
 */
export const referencePages: BenchTarget[] = [{ name: "Inloggen (no data)", path: "/sign-in", expectText: "Inloggen", signedIn: false }];

/** The member pages the target is about: p95 at most 3× the floor's, statements per request flat. */
export const benchPages: BenchTarget[] = [
  { name: "Mijn pagina", path: "/my", expectText: "Mijn pagina", signedIn: true },
  // The shifts page is being split into "Alle diensten" and "Open diensten"; until the open view
  // exists this query string is ignored and both rows measure the same page.
  { name: "Open diensten", path: "/my/shifts?view=open", expectText: "Diensten", signedIn: true },
  { name: "Alle diensten", path: "/my/shifts", expectText: "Diensten", signedIn: true },
];

// Every server action and route handler of the production build, taken from the build's own lists
// (.next/server/server-reference-manifest.json and app-paths-manifest.json), never from a hand-kept
// one: each refuses a caller without a session, a session that still owes a password change, a
// member where a coordinator is needed (a coordinator where an admin is), and a coordinator of another
// organisation, with nothing changed in the database. Entry points that are public by design are
// listed, with their reason, in lib/auth/public-entry-points.ts; any other one that is not guarded
// fails here. Run after `next build` (npm test -- --only=build,guards).
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/accounts/queries";
import { publicActions, publicRoutes } from "@/lib/auth/public-entry-points";
import type { GuardEvent, GuardLevel } from "@/lib/auth/refusals";
import { memberImports } from "@/lib/db/schema/member-imports";
import { outbox } from "@/lib/db/schema/platform";
import { handoverRecipients, handoverRequests } from "@/lib/db/schema/roster";
import {
  addPersonToGroup,
  createAssignment,
  createAvatarPhoto,
  createGroup,
  createLocation,
  createMemberWithLogin,
  createOrganisation,
  createShift,
  type Organisation,
  type Person,
  type User,
} from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { selectRows } from "@/tests/setup/raw-rows";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// Next's and Auth.js's request helpers need a request scope; these stand-ins record and do nothing.
vi.mock("@/lib/auth/config", () => ({
  signIn: async () => {},
  signOut: async () => {},
  auth: async () => null,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7", "user-agent": "guard-test" }),
  cookies: async () => {
    const jar = new Map<string, string>();
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (options: string | { name: string }) => void jar.delete(typeof options === "string" ? options : options.name),
    };
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const root = path.resolve(import.meta.dirname, "../..");
const serverDir = path.join(root, process.env.NEXT_DIST_DIR || ".next", "server");

type ManifestAction = { id: string; key: string; filename: string; exportedName: string };

/** Every action id the build can be called with, with the source file and export the build maps it to. */
function actionsFromBuild(): ManifestAction[] {
  const file = path.join(serverDir, "server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`No ${path.relative(root, file)}: run \`next build\` first (npm test -- --only=build,guards)`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) throw new Error(`The build lists action ${id} without its source file and export name`);
      return { id, key: `${entry.filename}#${entry.exportedName}`, filename: entry.filename, exportedName: entry.exportedName };
    })
    .filter((action) => !isCachedFunction(action));
}

/**
 * The wrapper Next generates for a "use cache" function ($$RSC_SERVER_CACHE_<n>, not an export of
 * the source): Next lists it among the server references of the pages that use it. These are the
 * page cache's reads, not actions with a form: cache-wrappers-from-build.test.ts calls them on the
 * production server.
 */
function isCachedFunction(action: { exportedName: string }): boolean {
  return action.exportedName.startsWith("$$RSC_SERVER_CACHE_");
}

/** Every route handler of the build, as its app path ("/api/photos/[id]", route groups included). */
function routesFromBuild(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith("/route"))
    .map((key) => key.slice(0, -"/route".length));
}

const buildActions = actionsFromBuild();
const buildRoutes = routesFromBuild();

// ---------------------------------------------------------------------------------------------
// Two organisations, and the callers

type Login = { person: Person; user: User; organisation: Organisation };

let database: TestDatabase;
let home: Organisation;
let other: Organisation;
const people: Record<"admin" | "coordinator" | "member" | "colleague" | "otherAdmin", Login> = {} as never;
const ids = { shift: "", location: "", group: "", request: "", photo: "", memberImport: "", mail: "" };

function actorOf(login: Login, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: login.user.id,
    personId: login.person.id,
    tenantId: login.organisation.id,
    role: login.person.role,
    firstName: login.person.firstName,
    displayName: login.person.firstName,
    organisationName: login.organisation.name,
    timeZone: "Europe/Amsterdam",
    locale: "nl",
    mustChangePassword: false,
    providerVisit: null,
    ...overrides,
  };
}

async function loginIn(organisation: Organisation, role: "member" | "coordinator" | "admin", lastName: string): Promise<Login> {
  const { person, user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, role, person: { lastName, email: `${lastName.toLowerCase()}@example.org` } });
  return { person, user, organisation };
}

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createOrganisation(database.db, { name: "Stichting Thuisbasis" });
  other = await createOrganisation(database.db, { name: "Stichting Buiten" });
  people.admin = await loginIn(home, "admin", "Beheerdersma");
  people.coordinator = await loginIn(home, "coordinator", "Roostermaker");
  people.member = await loginIn(home, "member", "Vrijwilligers");
  people.colleague = await loginIn(home, "member", "Collegaatje");
  people.otherAdmin = await loginIn(other, "admin", "Buitenstaander");
  const location = await createLocation(database.db, { tenantId: home.id });
  const group = await createGroup(database.db, { tenantId: home.id, name: "Koffieploeg" });
  await addPersonToGroup(database.db, { tenantId: home.id, groupId: group.id, personId: people.member.person.id });
  const startsAt = new Date(Date.now() + 5 * 24 * 3600_000);
  const shift = await createShift(database.db, { tenantId: home.id, locationId: location.id, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000) });
  await createAssignment(database.db, { tenantId: home.id, shiftId: shift.id, personId: people.member.person.id });
  const [request] = await database.db
    .insert(handoverRequests)
    .values({ tenantId: home.id, shiftId: shift.id, requesterId: people.member.person.id, message: "Wie kan?" })
    .returning({ id: handoverRequests.id });
  await database.db.insert(handoverRecipients).values({ tenantId: home.id, requestId: request.id, personId: people.colleague.person.id });
  Object.assign(ids, { shift: shift.id, location: location.id, group: group.id, request: request.id, photo: (await createAvatarPhoto(database.db, people.colleague.person)).id });
  // A member list being imported, so the import's actions are called on a real draft of this organisation.
  const [memberImport] = await database.db
    .insert(memberImports)
    .values({
      tenantId: home.id,
      fileName: "leden.csv",
      headers: ["Voornaam", "Achternaam"],
      rows: [["Nieuw", "Lidmaatschap"]],
      rowNumbers: [2],
      mapping: ["firstName", "lastName"],
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    })
    .returning({ id: memberImports.id });
  ids.memberImport = memberImport.id;
  // A failed email that still has its body, so "send again" is called on a message it could resend.
  const [mail] = await database.db
    .insert(outbox)
    .values({
      tenantId: home.id,
      personId: people.member.person.id,
      template: "sign-in-link",
      toAddress: "lid@example.org",
      subject: "Inloggen",
      sealedBody: "v1.not-a-real-body.x",
      status: "failed",
      attempts: 8,
      lastError: "550 No such user",
    })
    .returning({ id: outbox.id });
  ids.mail = mail.id;
});
afterAll(async () => {
  await database?.close();
});

// ---------------------------------------------------------------------------------------------
// What a call changed, and what the guards said

/** Rows of a raw query; every driver's result carries them as `rows`. */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  return selectRows<T>(database.db, query);
}

/**
 * A digest of every table's rows. Left out: rate-limit counters and the security log, which a
 * refusal is meant to write, and (for a caller of another organisation) that organisation's own rows.
 */
async function databaseDigest(ownRowsOf?: string): Promise<Record<string, string>> {
  const tables = await rowsOf<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const digest: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (table === "rate_limits") continue;
    const conditions = [sql`true`];
    if (table === "audit_log") conditions.push(sql`t.action not like 'security.%'`);
    if (ownRowsOf) conditions.push(sql`t::text not like ${`%${ownRowsOf}%`}`);
    const [row] = await rowsOf<{ digest: string | null }>(
      sql`select md5(string_agg(t::text, E'\n' order by t::text)) as digest from ${sql.identifier(table)} t where ${sql.join(conditions, sql` and `)}`,
    );
    digest[table] = row?.digest ?? "";
  }
  return digest;
}

type Observed = { events: GuardEvent[]; result?: unknown; thrown?: string };

async function observe(call: () => Promise<unknown>): Promise<Observed> {
  const events: GuardEvent[] = [];
  const listener = (message: unknown) => void events.push(message as GuardEvent);
  subscribe("ploeg:guard", listener);
  try {
    return { events, result: await call() };
  } catch (error) {
    return { events, thrown: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  } finally {
    unsubscribe("ploeg:guard", listener);
  }
}

function refusals(observed: Observed) {
  return observed.events.filter((event) => event.outcome === "refused");
}

function passes(observed: Observed) {
  return observed.events.filter((event) => event.outcome === "passed");
}

function describeCall(observed: Observed): string {
  return JSON.stringify({ events: observed.events, thrown: observed.thrown, result: observed.result })?.slice(0, 600) ?? "";
}

// ---------------------------------------------------------------------------------------------
// Plausible input: the guard runs before parsing, but a caller of another organisation gets past it,
// so the input names this organisation's records the way a real form or component would.

function plausibleForm(): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    shiftId: ids.shift,
    personId: people.colleague.person.id,
    requestId: ids.request,
    importId: ids.memberImport,
    mailId: ids.mail,
    "column.0": "firstName",
    "column.1": "lastName",
    groupId: ids.group,
    locationId: ids.location,
    coordinatorId: people.coordinator.person.id,
    activity: "Koffieochtend",
    repeat: "once",
    scope: "one",
    date: "2031-03-04",
    startsOn: "2031-03-04",
    endsOn: "2031-04-04",
    weekday: "2",
    startTime: "09:00",
    endTime: "12:00",
    places: "2",
    notes: "Neem koekjes mee",
    message: "Kun jij mijn dienst overnemen?",
    change: "block",
    expectedCount: "1",
    firstName: "Jan",
    lastName: "Jansen",
    email: "jan.jansen@example.org",
    phone: "0612345678",
    username: "jan.jansen",
    currentPassword: "Een-oud-wachtwoord-2030",
    password: "Een-nieuw-en-lang-wachtwoord-2031",
    passwordRepeat: "Een-nieuw-en-lang-wachtwoord-2031",
    code: "123456",
    twoFactorForMembers: "email",
    twoFactorForCoordinators: "email",
    lockoutThreshold: "5",
    role: "coordinator",
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.append("personIds", people.member.person.id);
  form.append("personIds", people.colleague.person.id);
  return form;
}

function plausibleObject(): Record<string, unknown> {
  return {
    ...Object.fromEntries(plausibleForm()),
    personIds: [people.member.person.id, people.colleague.person.id],
    target: { kind: "selection", personIds: [people.member.person.id, people.colleague.person.id] },
    expectedCount: 2,
    // Creating logins confirms a username per person, so the other organisation's people reach the guard there too.
    logins: [{ personId: people.member.person.id, username: "jan.jansen" }],
    // Counting a password reset names how the passwords go out.
    delivery: "email",
    // Merging names the record to keep and the one merged into it.
    keepPersonId: people.member.person.id,
    mergePersonId: people.colleague.person.id,
  };
}

type Callable = (...args: unknown[]) => Promise<unknown>;

async function loadAction(action: ManifestAction): Promise<Callable> {
  const loaded = (await import(/* @vite-ignore */ path.join(root, action.filename))) as Record<string, unknown>;
  const fn = loaded[action.exportedName];
  if (typeof fn !== "function") throw new Error(`${action.key} is in the build but not exported as a function`);
  return fn as Callable;
}

/** Calls an action the ways a client can: as a form action (state, form) or with one argument. */
function variants(fn: Callable, input: "plausible" | "empty"): Array<{ label: string; call: () => Promise<unknown> }> {
  const form = () => (input === "empty" ? new FormData() : plausibleForm());
  if (fn.length === 0) return [{ label: "no arguments", call: () => fn() }];
  if (fn.length >= 2) return [{ label: "form state and form", call: () => fn({}, form()) }];
  const calls = [{ label: "a form", call: () => fn(form()) }];
  if (input === "plausible") calls.push({ label: "an input object", call: () => fn(plausibleObject()) });
  return calls;
}

/** Names and addresses of the organisation under attack, which no reply to an outsider may carry. */
function homeSecrets(): string[] {
  return [people.member, people.colleague, people.coordinator, people.admin].flatMap((login) => [login.person.lastName, login.person.email ?? "", login.user.username]).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The tests

const guardedActions = buildActions.filter((action) => !Object.hasOwn(publicActions, action.key));
const declaredPublicActions = buildActions.filter((action) => Object.hasOwn(publicActions, action.key));
const levels = new Map<string, GuardLevel>();

describe("what the build exposes", () => {
  it("the build lists server actions, with a source file and export name for each", () => {
    expect(guardedActions.length).toBeGreaterThan(10);
    for (const action of buildActions) expect(existsSync(path.join(root, action.filename)), action.key).toBe(true);
  });

  it("every entry point declared public still exists in the build (no stale exceptions)", () => {
    const actionKeys = new Set(buildActions.map((action) => action.key));
    expect(Object.keys(publicActions).filter((key) => !actionKeys.has(key))).toEqual([]);
    expect(Object.keys(publicRoutes).filter((route) => !buildRoutes.includes(route))).toEqual([]);
  });
});

describe.each(guardedActions.map((action) => ({ ...action, name: action.key })))("action $name", (action) => {
  it("refuses a caller without a session, and changes nothing", async () => {
    const fn = await loadAction(action);
    for (const variant of variants(fn, "plausible")) {
      signOut();
      const before = await databaseDigest();
      const observed = await observe(variant.call);
      expect(passes(observed), `${variant.label}: ${describeCall(observed)}`).toEqual([]);
      const refused = refusals(observed);
      expect(refused.length, `${action.key} with ${variant.label} was not refused by a guard: ${describeCall(observed)}`).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ reason: "signedOut" });
      levels.set(action.key, refused[0].level);
      expect(await databaseDigest()).toEqual(before);
    }
  });

  it("refuses a session that still owes a password change, and changes nothing", async () => {
    const fn = await loadAction(action);
    const level = levels.get(action.key);
    // Replacing the forced password is the one thing such a session may do; with no input it changes nothing.
    const input = level === "ownPassword" ? "empty" : "plausible";
    for (const variant of variants(fn, input)) {
      signInAs(actorOf(people.admin, { mustChangePassword: true }));
      const before = await databaseDigest();
      const observed = await observe(variant.call);
      if (level !== "ownPassword") {
        expect(passes(observed), `${variant.label}: ${describeCall(observed)}`).toEqual([]);
        expect(refusals(observed)[0], `${variant.label}: ${describeCall(observed)}`).toMatchObject({ reason: "passwordChangeOwed" });
      }
      expect(await databaseDigest()).toEqual(before);
    }
  });

  it("refuses a member where a coordinator is needed and a coordinator where an admin is, and changes nothing", async () => {
    const fn = await loadAction(action);
    const level = levels.get(action.key);
    const callers = level === "admin" ? [people.member, people.coordinator] : level === "coordinator" ? [people.member] : [];
    for (const caller of callers) {
      for (const variant of variants(fn, "plausible")) {
        signInAs(actorOf(caller));
        const before = await databaseDigest();
        const observed = await observe(variant.call);
        expect(passes(observed), `${caller.person.role}, ${variant.label}: ${describeCall(observed)}`).toEqual([]);
        expect(refusals(observed)[0], `${caller.person.role}, ${variant.label}: ${describeCall(observed)}`).toMatchObject({ reason: "role" });
        expect(await databaseDigest()).toEqual(before);
      }
    }
    expect(level, `${action.key}: no guard level was seen`).toBeDefined();
  });

  it("gives an admin of another organisation nothing of this organisation: no change to its rows, none of its names in the reply", async () => {
    const fn = await loadAction(action);
    for (const variant of variants(fn, "plausible")) {
      signInAs(actorOf(people.otherAdmin));
      const before = await databaseDigest(other.id);
      const observed = await observe(variant.call);
      expect(await databaseDigest(other.id), `${variant.label}: ${describeCall(observed)}`).toEqual(before);
      const reply = JSON.stringify(observed.result ?? observed.thrown ?? "");
      for (const secret of homeSecrets()) expect(reply, `${variant.label} leaked ${secret}`).not.toContain(secret);
    }
  });
});

describe.each(declaredPublicActions.map((action) => ({ ...action, name: action.key, reason: publicActions[action.key] })))(
  "public action $name ($reason)",
  (action) => {
    it("changes nothing for a caller without a session and with empty input", async () => {
      const fn = await loadAction(action);
      for (const variant of variants(fn, "empty")) {
        signOut();
        const before = await databaseDigest();
        const observed = await observe(variant.call);
        expect(await databaseDigest(), `${variant.label}: ${describeCall(observed)}`).toEqual(before);
      }
    });
  },
);

// ---------------------------------------------------------------------------------------------
// Route handlers

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const guardedRoutes = buildRoutes.filter((route) => !Object.hasOwn(publicRoutes, route));

function routeSource(route: string): string {
  for (const extension of ["ts", "tsx", "js"]) {
    const file = path.join(root, "app", route, `route.${extension}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`Route ${route} is in the build but has no route.ts; if it is public by design, list it in lib/auth/public-entry-points.ts`);
}

function routeCall(route: string, handler: Callable, method: string, cookie?: string) {
  const params: Record<string, string | string[]> = {};
  const url = route
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const match = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
      if (!match) return segment;
      const value = match[2] === "id" ? ids.photo : people.colleague.person.id;
      params[match[2]] = match[1] ? [value] : value;
      return value;
    })
    .join("/");
  const request = new Request(`http://localhost${url}`, { method, headers: cookie ? { cookie } : {} });
  return () => handler(request, { params: Promise.resolve(params) });
}

describe("route handlers", () => {
  it("the build lists route handlers", () => {
    expect(guardedRoutes.length).toBeGreaterThan(0);
  });
});

describe.each(guardedRoutes.map((route) => ({ route })))("route $route", ({ route }) => {
  it("refuses a caller without a session and a session that owes a password change", async () => {
    const loaded = (await import(/* @vite-ignore */ routeSource(route))) as Record<string, unknown>;
    const handlers = methods.filter((method) => typeof loaded[method] === "function");
    expect(handlers.length, `${route} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of handlers) {
      for (const caller of [null, actorOf(people.admin, { mustChangePassword: true })]) {
        if (caller) signInAs(caller);
        else signOut();
        const before = await databaseDigest();
        const observed = await observe(routeCall(route, loaded[method] as Callable, method));
        const label = `${method} ${route} as ${caller ? "a temporary-password session" : "nobody"}: ${describeCall(observed)}`;
        expect(passes(observed), label).toEqual([]);
        expect(refusals(observed).length, `${label} — not refused by a route guard; build it with memberRoute/coordinatorRoute or declare it public`).toBeGreaterThan(0);
        const response = observed.result;
        expect(response, label).toBeInstanceOf(Response);
        expect([401, 403], label).toContain((response as Response).status);
        expect(await databaseDigest()).toEqual(before);
      }
    }
  });
});

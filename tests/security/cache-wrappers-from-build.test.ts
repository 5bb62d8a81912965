// The page cache's functions as an outsider can reach them. Next registers every "use cache" function
// as a server function too: the build lists its wrapper ($$RSC_SERVER_CACHE_<n>) among the server
// references of the pages that use it, and a POST to such a page with its id in a Next-Action header
// runs it with whatever arguments the body holds, before the page checks any session. So this file
// starts the production build (`npm start`'s bundle, dist/start.mjs) on the demo organisation and
// calls every such wrapper of the build with plausible arguments (the organisation's real id, this
// week and its days, a member's id, real shift ids), as a caller without a session (with a made-up
// cookie, which gets past the proxy's redirect) and as an admin of another organisation: no reply may
// carry anything of the organisation that its members' pages show (names, email addresses, phone
// numbers, shift titles, places, groups) or an id of its records that the caller did not send.
// Run after `next build` (npm test -- --only=build,guards).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startSession } from "@/lib/accounts/sign-in/sessions";
import { openDatabase } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { shifts } from "@/lib/db/schema/roster";
import { groups, locations } from "@/lib/db/schema/tenancy";
import { todayIn } from "@/lib/dates";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { seedDemo } from "@/lib/demo/seed";
import { weekStartOf } from "@/lib/hours/rules";
import { resolveWeek } from "@/lib/roster/rules";

const root = path.resolve(import.meta.dirname, "../..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const serverDir = path.join(root, distDir, "server");
const startBundle = path.join(root, "dist", "start.mjs");
const TIME_ZONE = "Europe/Amsterdam";
const SESSION_COOKIE = "authjs.session-token";

type CacheWrapper = { id: string; name: string; pages: string[] };

/** Every "use cache" wrapper the build can be called with, and the pages (app paths) that take its id. */
function cacheWrappersFromBuild(): CacheWrapper[] {
  const file = path.join(serverDir, "server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`No ${path.relative(root, file)}: run \`next build\` first (npm test -- --only=build,guards)`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName?.startsWith("$$RSC_SERVER_CACHE_"))
    .map(([id, entry]) => ({ id, name: `${entry.filename}#${entry.exportedName}`, pages: Object.keys(entry.workers ?? {}) }));
}

const wrappers = cacheWrappersFromBuild();

// ---------------------------------------------------------------------------------------------
// The demo organisation, an outsider's organisation, and the server

const secret = randomBytes(32).toString("base64");
let dataDir = "";
let server: ChildProcess | undefined;
let serverLog = "";
let baseUrl = "";
const demo = {
  tenantId: "",
  personId: "",
  /** What no outsider may be told: names, contact details, titles, places, groups. */
  words: [] as string[],
  /** Ids of the organisation's records: no reply may hold one the caller did not send. */
  ids: [] as string[],
  weekShiftIds: [] as string[],
  colleagueId: "",
};
const cookies = { member: "", otherAdmin: "" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function sessionCookie(db: Awaited<ReturnType<typeof openDatabase>>["db"], username: string): Promise<string> {
  const [user] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.username, username));
  const sid = await startSession(db, user.id);
  return encode({ token: { sub: user.id, uid: user.id, sv: user.sessionVersion, sid }, secret, salt: SESSION_COOKIE, maxAge: 3600 });
}

async function prepareDatabase(): Promise<void> {
  const provided = inject("testDatabase");
  if (provided?.driver !== "pglite") throw new Error("The cache wrapper test runs on PGlite (TEST_DATABASE_DRIVER=pglite)");
  dataDir = mkdtempSync(path.join(root, ".data", "cache-wrappers-"));
  const handle = await openDatabase({ driver: "pglite", pgliteDir: dataDir, loadDataDir: new Blob([await readFile(provided.dumpPath)]) });
  try {
    const db = handle.db;
    const seeded = await seedDemo(db);
    demo.tenantId = seeded.organisationId;
    const other = await createOrganisation(db, { name: "Stichting Buitenaf" });
    await createMemberWithLogin(db, { tenantId: other.id, role: "admin", username: "buiten.beheer", person: { lastName: "Buitenstaander" } });
    cookies.member = await sessionCookie(db, "demo.lid");
    cookies.otherAdmin = await sessionCookie(db, "buiten.beheer");

    const [member] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, "demo.lid"));
    demo.personId = member.personId ?? "";
    const persons = await db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, phone: people.phone })
      .from(people)
      .where(eq(people.tenantId, demo.tenantId));
    demo.colleagueId = persons.find((person) => person.id !== demo.personId && person.email)?.id ?? "";
    const shiftRows = await db.select({ id: shifts.id, activity: shifts.activity, startsAt: shifts.startsAt }).from(shifts).where(eq(shifts.tenantId, demo.tenantId));
    const locationRows = await db.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.tenantId, demo.tenantId));
    const groupRows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.tenantId, demo.tenantId));
    const week = resolveWeek({}, new Date(), TIME_ZONE);
    demo.weekShiftIds = shiftRows.filter((shift) => shift.startsAt >= week.from && shift.startsAt < week.to).map((shift) => shift.id);
    demo.words = [
      ...persons.flatMap((person) => [`${person.firstName} ${person.lastName}`, person.lastName, person.email ?? "", person.phone ?? ""]),
      ...shiftRows.map((shift) => shift.activity),
      ...locationRows.map((location) => location.name),
      ...groupRows.map((group) => group.name),
    ].filter((word) => word.length >= 4);
    demo.ids = [...persons, ...shiftRows, ...locationRows, ...groupRows].map((row) => row.id);
  } finally {
    await handle.close();
  }
}

async function startServer(): Promise<void> {
  if (!existsSync(startBundle)) throw new Error("No dist/start.mjs: run the build first (npm test -- --only=build,guards)");
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: secret,
    AUTH_URL: baseUrl,
    CRON_SECRET: randomBytes(16).toString("hex"),
    DATABASE_URL: "",
    DATABASE_DRIVER: "pglite",
    PGLITE_DIR: dataDir,
    SMTP_URL: "",
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
  };
  const child = spawn(process.execPath, [startBundle, "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  child.stdout?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${serverLog}`);
    try {
      if ((await fetch(`${baseUrl}/sign-in`, { redirect: "manual" })).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer within 60 s:\n${serverLog}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  await prepareDatabase();
  await startServer();
}, 120_000);

afterAll(async () => {
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The calls

/** A page that takes the wrapper's id, as an address: "app/(member)/my/people/[id]/page" → "/my/people/<id>". */
function addressOf(page: string): string {
  return (
    page
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => (/^\[.*\]$/.test(segment) ? demo.colleagueId : segment))
      .join("/") || "/"
  );
}

/**
 * Arguments the way the pages pass them (each cached function takes the organisation first, or one
 * props object): the organisation's real id, or the id with a made-up proof, then what the
 * functions of the build take after it.
 */
function plausibleArguments(): unknown[][] {
  const now = new Date();
  const week = resolveWeek({}, now, TIME_ZONE);
  const today = todayIn(TIME_ZONE, now);
  const weekStart = weekStartOf(now, TIME_ZONE);
  const person = demo.colleagueId;
  const calls: unknown[][] = [];
  for (const organisation of [demo.tenantId, `${demo.tenantId}.${randomBytes(32).toString("base64url")}`]) {
    calls.push(
      [organisation, week.key, TIME_ZONE],
      [organisation, week.key, TIME_ZONE, { day: null, shown: null, today }],
      [organisation, person, week.key, TIME_ZONE],
      [organisation, demo.personId, today, TIME_ZONE],
      [organisation, demo.personId, weekStart, TIME_ZONE],
      [organisation, person, today],
      [organisation, demo.personId, weekStart],
      [organisation, weekStart],
      [
        {
          tenantId: organisation,
          organisation,
          locale: "nl",
          query: "a",
          refused: false,
          today,
          personId: person,
          timeZone: TIME_ZONE,
          shiftsFrom: now.toISOString(),
          groupId: null,
          page: 1,
          view: "all",
          week,
          weekKey: week.key,
          shownDay: null,
          days: week.days.map((day) => ({ day, shiftIds: demo.weekShiftIds, total: demo.weekShiftIds.length })),
          counts: week.days.map(() => 1),
          endedIds: [],
        },
      ],
    );
  }
  return calls;
}

/** What the reply carries of the organisation that the caller did not send. */
function leaksIn(reply: string, sent: string): string[] {
  const words = demo.words.filter((word) => reply.includes(word));
  const ids = demo.ids.filter((id) => reply.includes(id) && !sent.includes(id));
  return [...new Set([...words, ...ids])];
}

async function callWrapper(address: string, id: string, args: unknown[], cookie: string): Promise<{ status: number; reply: string; sent: string }> {
  const sent = JSON.stringify(args);
  const response = await fetch(`${baseUrl}${address}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: `${SESSION_COOKIE}=${cookie}` },
    body: sent,
  });
  return { status: response.status, reply: await response.text(), sent };
}

// ---------------------------------------------------------------------------------------------
// The tests

describe("what an outsider could ask the page cache for", () => {
  it("the build lists cache wrappers, each with a page that takes its id", () => {
    expect(wrappers.length).toBeGreaterThan(5);
    for (const wrapper of wrappers) expect(wrapper.pages.length, wrapper.name).toBeGreaterThan(0);
  });

  it("the organisation's members see its names, contact details and shift titles on their pages (what must not leak is real)", async () => {
    const pages = ["/my/shifts?view=all", `/my/people/${demo.colleagueId}`, "/my/people/photos"];
    const shown = new Set<string>();
    for (const page of pages) {
      const response = await fetch(`${baseUrl}${page}`, { headers: { cookie: `${SESSION_COOKIE}=${cookies.member}` }, redirect: "manual" });
      expect(response.status, page).toBe(200);
      for (const word of leaksIn(await response.text(), "")) shown.add(word);
    }
    expect([...shown].length, "no name or shift of the demo organisation on its own member's pages").toBeGreaterThan(10);
  });
});

describe.each(wrappers.map((wrapper) => ({ ...wrapper })))("cache wrapper $name", (wrapper) => {
  for (const caller of ["nobody (a made-up session cookie)", "an admin of another organisation"] as const) {
    it(`gives ${caller} nothing of the organisation`, async () => {
      const cookie = caller === "an admin of another organisation" ? cookies.otherAdmin : "made-up";
      // Any page that lists the wrapper runs it; the first will do.
      const address = addressOf(wrapper.pages[0]);
      for (const args of plausibleArguments()) {
        const { status, reply, sent } = await callWrapper(address, wrapper.id, args, cookie);
        expect(leaksIn(reply, sent), `POST ${address} (${status}) with ${sent.slice(0, 200)}:\n${reply.slice(0, 600)}`).toEqual([]);
      }
    });
  }
});

// `npm run bench`: server latency (p50/p95 under concurrent load) and SQL statements per request of
// the member pages, measured with autocannon against `npm start`'s server on a throwaway PostgreSQL holding a
// small and a large organisation, each page compared with a static file of the same server requested
// during the page's own timed run (the floor), and with that file on an idle server. Prints a table and writes bench/results.json. A report, never part of `npm test`: it exits 0
// whether or not the targets are met, and 1 only when it could not measure (a page that does not
// answer 200, a server that does not start). Everything runs on 127.0.0.1 and is bounded in time.
// Flags: --duration=15 --warmup=3 --connections=20 --requests=200 --sizes=small,large --skip-build --cpu-prof --pages=…
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { machineBusySeconds, parentOf, treeCpuSeconds } from "./bench/cpu";
import { runLoad, runSequential, summarise, type LatencySummary, type LoadResult } from "./bench/load";
import { benchPages, GROUP_PLACEHOLDER, referencePages, staticFloor, type BenchTarget } from "./bench/pages";
import { analyzeDatabase, createBenchProvider, otherTenantActivities, planOrganisations, seedOrganisation, type SeededOrganisation } from "./bench/seed";
import { readStatements, resetStatements, waitUntilQuiet } from "./bench/statements";
import { findFreePort, signalGroup, startPostgres, waitForExit, type PostgresServer } from "./postgres";

const root = path.resolve(import.meta.dirname, "..");
/** Its own build folder, so the bench never replaces the build `npm test` or a developer serves. */
const distDir = ".next-bench";
const resultsFile = path.join(root, "bench", "results.json");
const workDir = path.join(root, ".data", "bench");
/** The app's database role: pg_stat_statements then tells its statements from the bench's own. */
const appRole = "ploeg_bench_app";
/** The issue's target: a page's p95 at most this many times the p95 of the static floor in the same run. */
const targetRatio = 3;
/**
 * Clients that request the static floor during each target's timed run, beside the target's own
 * connections: one, so the floor shows what a request without rendering waits for on that busy
 * server while hardly adding to the load.
 */
const floorProbeConnections = 1;
/** The static file measured alone, before any page: what the server answers with nothing else to do. */
const idleFloorName = "static file, idle server";
/** Auth.js's cookie name over plain http (https adds the __Secure- prefix); also the JWT's salt. */
const sessionCookie = "authjs.session-token";
/** Other processes using more than this share of all cores during a timed run make it noisy. */
const noisyShare = 0.1;

const sizes = {
  small: { members: 200, shifts: 5_000 },
  large: { members: 2_000, shifts: 50_000 },
} as const;
type SizeName = keyof typeof sizes;

type Settings = {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Sequential requests per target whose statements are counted. */
  sequentialRequests: number;
  sizes: SizeName[];
  build: boolean;
  /** Write V8 CPU profiles of next-server (all targets of a size together) to .data/bench/profiles. */
  cpuProfile: boolean;
  maxMinutes: number;
  /** Slugs of the member pages to measure (all by default); the floor and the reference always run. */
  pages: string[];
};

class BenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Arguments

const usage = `usage: npm run bench [-- --duration=15 --warmup=3 --connections=20 --requests=200 --sizes=small,large --skip-build --cpu-prof --max-minutes=15 --pages=mijn-pagina,smoelenboek]`;

function parseSettings(argv: string[]): Settings {
  const settings: Settings = {
    connections: 20,
    durationSeconds: 15,
    warmupSeconds: 3,
    sequentialRequests: 200,
    sizes: ["small", "large"],
    build: true,
    cpuProfile: false,
    maxMinutes: 15,
    pages: benchPages.map((p) => slugOf(p.name)),
  };
  const positive = (name: string, value: string, max: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new BenchFailure(`--${name} must be a whole number from 1 to ${max}\n${usage}`);
    return n;
  };
  for (const arg of argv) {
    const [name, value = ""] = arg.replace(/^--/, "").split("=", 2);
    switch (name) {
      case "connections":
        settings.connections = positive(name, value, 500);
        break;
      case "duration":
        settings.durationSeconds = positive(name, value, 300);
        break;
      case "warmup":
        settings.warmupSeconds = positive(name, value, 60);
        break;
      case "requests":
        settings.sequentialRequests = positive(name, value, 5_000);
        break;
      case "max-minutes":
        settings.maxMinutes = positive(name, value, 120);
        break;
      case "sizes": {
        const chosen = value.split(",").map((s) => s.trim()).filter(Boolean);
        const wrong = chosen.filter((s) => !(s in sizes));
        if (chosen.length === 0 || wrong.length > 0) throw new BenchFailure(`--sizes takes ${Object.keys(sizes).join(",")}\n${usage}`);
        // Always small before large: the small database is then measured on an equally fresh cluster.
        settings.sizes = (Object.keys(sizes) as SizeName[]).filter((s) => chosen.includes(s));
        break;
      }
      case "skip-build":
        settings.build = false;
        break;
      case "cpu-prof":
        settings.cpuProfile = true;
        break;
      case "pages": {
        const known = benchPages.map((p) => slugOf(p.name));
        const chosen = value.split(",").map((s) => s.trim()).filter(Boolean);
        const wrong = chosen.filter((s) => !known.includes(s));
        if (chosen.length === 0 || wrong.length > 0) throw new BenchFailure(`--pages takes ${known.join(",")}\n${usage}`);
        settings.pages = known.filter((s) => chosen.includes(s));
        break;
      }
      default:
        throw new BenchFailure(`unknown argument ${arg}\n${usage}`);
    }
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Processes and clean-up

const started = Date.now();
function log(message: string): void {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

const cleanups: Array<() => Promise<void> | void> = [];
async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Variables that would point a child at a developer's database, mail server or build folder. */
const inheritedToDrop = [
  "NODE_ENV", "DATABASE_URL", "DATABASE_DRIVER", "PGLITE_DIR", "NEON_WS_PROXY", "SMTP_URL", "AUTH_SECRET",
  "AUTH_URL", "CRON_SECRET", "DEV_MAILBOX", "NEXT_DIST_DIR", "PORT",
];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedToDrop) delete env[name];
  // The pinned Node 24 and the project's tools first, also when run as `npx tsx scripts/bench.ts`.
  env.PATH = [path.join(root, "node_modules", ".bin"), env.PATH].filter(Boolean).join(path.delimiter);
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.NEXT_DIST_DIR = distDir;
  return { ...env, ...extra };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Starts a command in its own process group with output to `logFile`; the group is ended at clean-up. */
function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, "w");
  // Its own process group: `next` leaves next-server running when only the wrapper is killed.
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  cleanups.push(async () => {
    signalGroup(child.pid, "SIGTERM");
    if (!(await waitForExit(child, 10_000))) signalGroup(child.pid, "SIGKILL");
  });
  return child;
}

async function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<void> {
  const child = spawnLogged(command, args, env, logFile);
  const exited = new Promise<number>((resolve) => {
    child.once("error", () => resolve(127));
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new BenchFailure(`\`${[command, ...args].join(" ")}\` exited with ${code}:\n${tail(logFile)}`);
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * `next build` adds its build folder's type paths to tsconfig.json and points next-env.d.ts at them.
 * Those are shared files, and .next-bench is not the folder the project type-checks against: put
 * them back as they were, unless something else changed them meanwhile.
 */
function guardFilesNextRewrites(): () => void {
  const tsconfigPath = path.join(root, "tsconfig.json");
  const nextEnvPath = path.join(root, "next-env.d.ts");
  const tsconfigBefore = readFileSync(tsconfigPath, "utf8");
  const nextEnvBefore = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, "utf8") : undefined;
  return () => {
    const tsconfigAfter = readFileSync(tsconfigPath, "utf8");
    if (tsconfigAfter !== tsconfigBefore) {
      if (differsOnlyByBenchTypePaths(tsconfigBefore, tsconfigAfter)) {
        writeFileSync(tsconfigPath, tsconfigBefore);
        log(`put tsconfig.json back (next build had added ${distDir} type paths)`);
      } else {
        console.warn(`tsconfig.json changed during the build in more than ${distDir} type paths; left as it is`);
      }
    }
    if (nextEnvBefore !== undefined && readFileSync(nextEnvPath, "utf8") !== nextEnvBefore) writeFileSync(nextEnvPath, nextEnvBefore);
  };
}

function differsOnlyByBenchTypePaths(before: string, after: string): boolean {
  try {
    const original = JSON.parse(before) as Record<string, unknown>;
    const changed = JSON.parse(after) as Record<string, unknown>;
    if (Array.isArray(changed.include)) {
      changed.include = changed.include.filter((entry: unknown) => !(typeof entry === "string" && entry.startsWith(`${distDir}/`)));
    }
    return JSON.stringify(original) === JSON.stringify(changed);
  } catch {
    return false;
  }
}

async function buildApp(): Promise<void> {
  const logFile = path.join(workDir, "build.log");
  // A throwaway PGlite folder: the build must never open a developer's .data/pglite.
  const pgliteDir = path.join(workDir, `build-db-${randomBytes(4).toString("hex")}`);
  log(`next build into ${distDir} (log: ${path.relative(root, logFile)})`);
  const restore = guardFilesNextRewrites();
  try {
    await runLogged("next", ["build"], childEnv({ DATABASE_DRIVER: "pglite", PGLITE_DIR: pgliteDir, SMTP_URL: "" }), logFile, 5 * 60_000);
  } finally {
    restore();
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Database

function databaseUrl(server: PostgresServer, database: string, credentials?: { user: string; password: string }): string {
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  if (credentials) {
    url.username = credentials.user;
    url.password = credentials.password;
  }
  return url.toString();
}

type PreparedDatabase = {
  database: string;
  appUrl: string;
  main: SeededOrganisation;
  other: SeededOrganisation;
  seedSeconds: number;
};

async function prepareDatabase(server: PostgresServer, size: SizeName, appPassword: string): Promise<PreparedDatabase> {
  const database = `ploeg_bench_${size}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database} OWNER ${appRole}`);
  } finally {
    await admin.end();
  }
  const benchAdmin = new pg.Client({ connectionString: databaseUrl(server, database) });
  await benchAdmin.connect();
  try {
    // Only the bench database gets the extension: it is a measuring tool, not part of the schema.
    await benchAdmin.query("CREATE EXTENSION pg_stat_statements");
  } finally {
    await benchAdmin.end();
  }

  const appUrl = databaseUrl(server, database, { user: appRole, password: appPassword });
  const seedStart = Date.now();
  const handle = await openDatabase({ driver: "pg", url: appUrl, poolSize: 2 });
  try {
    await migrateDatabase(handle);
    const plans = planOrganisations(sizes[size], size === "large" ? "Groot" : "Klein");
    const providerId = await createBenchProvider(handle.db);
    const main = await seedOrganisation(handle.db, providerId, plans.main, 2026);
    const other = await seedOrganisation(handle.db, providerId, plans.other, 7);
    await analyzeDatabase(handle.db);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    log(
      `${size}: ${main.members} members (${main.photos} with a photo), ${main.shifts} shifts, ${main.assignments} assignments (+ ${other.name}: ` +
        `${other.members} members, ${other.shifts} shifts) in ${seedSeconds.toFixed(1)} s; the bench member has ` +
        `${main.benchMember.comingShifts} coming and ${main.benchMember.pastShifts} past shifts`,
    );
    return { database, appUrl, main, other, seedSeconds };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Server and session

type RunningApp = { baseUrl: string; server: ChildProcess; logFile: string; authSecret: string };

async function startApp(size: SizeName, appUrl: string, cpuProfile: boolean): Promise<RunningApp> {
  const port = await findFreePort(3300);
  const baseUrl = `http://127.0.0.1:${port}`;
  const authSecret = randomBytes(32).toString("base64");
  const logFile = path.join(workDir, `server-${size}.log`);
  const env = childEnv({
    NODE_ENV: "production",
    DATABASE_URL: appUrl,
    DATABASE_DRIVER: "pg",
    AUTH_SECRET: authSecret,
    AUTH_URL: baseUrl,
    CRON_SECRET: randomBytes(16).toString("hex"),
    SMTP_URL: "",
    PORT: String(port),
    // Node writes the profiles when next-server exits (stopApp ends it with SIGTERM, which Next handles).
    ...(cpuProfile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(workDir, "profiles", size)}` } : {}),
  });
  // What `npm start` runs: its checks, then the app's own server in front of Next.
  log(`tsx scripts/start.ts on ${baseUrl} (log: ${path.relative(root, logFile)})`);
  const server = spawnLogged("tsx", ["scripts/start.ts", "-H", "127.0.0.1", "-p", String(port)], env, logFile);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new BenchFailure(`the server exited early:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}${staticFloor.path}`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return { baseUrl, server, logFile, authSecret };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new BenchFailure(`the server did not serve ${staticFloor.path} within 60 s:\n${tail(logFile)}`);
}

async function stopApp(app: RunningApp): Promise<void> {
  signalGroup(app.server.pid, "SIGTERM");
  if (!(await waitForExit(app.server, 10_000))) signalGroup(app.server.pid, "SIGKILL");
}

/** The session cookie Auth.js would set after sign-in, minted with the server's secret (claims as in lib/auth/config.ts). */
async function mintSessionCookie(authSecret: string, member: Pick<SeededOrganisation["benchMember"], "userId" | "sessionVersion" | "sessionId">): Promise<string> {
  const token = await encode({
    token: { sub: member.userId, uid: member.userId, sv: member.sessionVersion, sid: member.sessionId },
    secret: authSecret,
    salt: sessionCookie,
    maxAge: 60 * 60,
  });
  return `${sessionCookie}=${token}`;
}

/**
 * One request per target before anything is timed: each must answer 200 with its text, the member
 * pages must show the bench organisation and nothing of the other one, and without the cookie a
 * member page must send to sign-in (so the 200s really are the signed-in pages).
 */
function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

type Cookies = { member: string; coordinator: string };

/** The cookie a target is sent with, if any. */
function cookieFor(target: BenchTarget, cookies: Cookies): Record<string, string> {
  if (!target.signedIn) return {};
  return { cookie: target.asCoordinator ? cookies.coordinator : cookies.member };
}

/** The target's path in this database (a group id differs per database). */
function pathIn(target: BenchTarget, db: Pick<PreparedDatabase, "main">): string {
  return target.path.replaceAll(GROUP_PLACEHOLDER, db.main.benchGroupId);
}

async function verifyTargets(app: RunningApp, cookies: Cookies, db: PreparedDatabase): Promise<Map<string, number>> {
  const bytes = new Map<string, number>();
  const anonymous = await fetch(`${app.baseUrl}/my`, { redirect: "manual", signal: AbortSignal.timeout(15_000) });
  await anonymous.arrayBuffer();
  if (anonymous.status < 300 || anonymous.status >= 400 || !(anonymous.headers.get("location") ?? "").includes("/sign-in")) {
    throw new BenchFailure(`GET /my without a session answered ${anonymous.status}, expected a redirect to /sign-in`);
  }
  for (const target of [staticFloor, ...referencePages, ...benchPages]) {
    const isPage = target.signedIn;
    const targetPath = pathIn(target, db);
    const response = await fetch(`${app.baseUrl}${targetPath}`, {
      headers: cookieFor(target, cookies),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    const problems: string[] = [];
    if (response.status !== 200) problems.push(`status ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
    if (!body.includes(target.expectText)) problems.push(`no "${target.expectText}" in the page`);
    if (isPage && !body.includes(db.main.name)) problems.push(`the organisation name "${db.main.name}" is missing`);
    const leaked = isPage ? [db.other.name, ...otherTenantActivities].filter((text) => body.includes(text)) : [];
    if (leaked.length > 0) problems.push(`shows the other organisation's ${leaked.map((t) => `"${t}"`).join(", ")}`);
    if (problems.length > 0) {
      throw new BenchFailure(`${target.name} (${targetPath}) is not measurable: ${problems.join("; ")}\n--- server log ---\n${tail(app.logFile)}`);
    }
    // Kept for reading: the size and content of a page is often where its time goes.
    const saved = path.join(workDir, "pages", `${db.database}-${slugOf(target.name)}.html`);
    writeFileSync(saved, body);
    bytes.set(target.name, Buffer.byteLength(body));
    log(`verified ${target.name} (${targetPath}): 200, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB (${path.relative(root, saved)})`);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** static: the floor; reference: reported, not judged; page: judged against the target. */
type TargetKind = "static" | "reference" | "page";

type TargetResult = {
  name: string;
  path: string;
  kind: TargetKind;
  /** Size of the answer's body (HTML with its inline RSC payload), from the check before measuring. */
  responseBytes: number;
  load: LoadResult;
  /**
   * The static floor in the same run: one more client requesting it throughout this target's timed
   * run, i.e. what a request that needs no rendering waits for while the server works on this target.
   * Absent for the idle floor row itself.
   */
  floor?: LoadResult;
  /** p95 of this target over p95 of the static floor in the same run: the target column. */
  ratioToFloor: number;
  /** p95 of this target over p95 of the static file measured alone, on an otherwise idle server. */
  ratioToIdleFloor: number;
  meetsTarget: boolean | null;
  /** The same URL, one client, no contention: what one request costs by itself. */
  sequential: LatencySummary;
  statementsPerRequest: number;
  sqlMsPerRequest: number;
  /** CPU per request during the timed run, split by process tree. */
  cpuMsPerRequest: { nextServer: number; postgres: number; loadGenerator: number };
  /**
   * Share of the machine's CPU capacity (all cores) that processes outside the bench used during the
   * timed run. Above noisyShare the figures say more about the neighbours than about the app.
   */
  otherCpuShare: number;
  topStatements: Array<{ query: string; callsPerRequest: number; meanMs: number; rowsPerCall: number }>;
};

type MeasureContext = {
  settings: Settings;
  app: RunningApp;
  cookies: Cookies;
  db: Pick<PreparedDatabase, "main">;
  admin: pg.Client;
  database: string;
  /** The postmaster: its process tree is the whole PostgreSQL server. */
  postmasterPid: number | undefined;
  responseBytes: Map<string, number>;
};

function assertClean(what: string, load: LoadResult): void {
  if (load.non2xx > 0 || load.errors > 0 || load.timeouts > 0) {
    throw new BenchFailure(
      `${what}: ${load.non2xx} non-2xx answers (${JSON.stringify(load.statusCodes)}), ${load.errors} errors, ${load.timeouts} timeouts; the bench only reports clean runs`,
    );
  }
}

async function measureTarget(context: MeasureContext, target: BenchTarget, kind: TargetKind, idleFloorP95: number | undefined): Promise<TargetResult> {
  const { settings, app } = context;
  const url = `${app.baseUrl}${pathIn(target, context.db)}`;
  const headers: Record<string, string> = cookieFor(target, context.cookies);
  const loadOptions = { url, headers, connections: settings.connections };

  // Warm-up: JIT, the connection pool and Postgres' caches, with the same concurrency; not reported.
  assertClean(`${target.name} warm-up`, await runLoad({ ...loadOptions, durationSeconds: settings.warmupSeconds }));

  const cpuBefore = {
    machine: machineBusySeconds(),
    next: treeCpuSeconds(app.server.pid),
    postgres: treeCpuSeconds(context.postmasterPid),
    bench: process.cpuUsage(),
    wall: performance.now(),
  };
  const floorProbe =
    kind === "static"
      ? undefined
      : runLoad({ url: `${app.baseUrl}${staticFloor.path}`, headers: {}, connections: floorProbeConnections, durationSeconds: settings.durationSeconds });
  const load = await runLoad({ ...loadOptions, durationSeconds: settings.durationSeconds });
  const floor = await floorProbe;
  const used = {
    machine: machineBusySeconds() - cpuBefore.machine,
    next: treeCpuSeconds(app.server.pid) - cpuBefore.next,
    postgres: treeCpuSeconds(context.postmasterPid) - cpuBefore.postgres,
    bench: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuBefore.bench)),
    wall: (performance.now() - cpuBefore.wall) / 1000,
  };
  const cpuMs = (seconds: number) => (seconds * 1000) / Math.max(1, load.requests);
  const cpuMsPerRequest = { nextServer: cpuMs(used.next), postgres: cpuMs(used.postgres), loadGenerator: cpuMs(used.bench) };
  const otherCpuShare = Math.max(0, used.machine - used.next - used.postgres - used.bench) / (used.wall * os.cpus().length);
  assertClean(target.name, load);
  if (floor) assertClean(`static floor during ${target.name}`, floor);

  // Statements: counted over sequential requests, apart from the timed run. autocannon hangs up on
  // its last requests, but the server still finishes them: wait until their statements are done.
  // A request queued behind slow renders can go quiet for about its own latency before its next
  // statement, so the quiet window grows with the target's p95.
  const quietMs = Math.max(1_000, 1.5 * load.p95);
  await waitUntilQuiet(context.admin, context.database, appRole, quietMs, Math.max(20_000, 4 * quietMs));
  await resetStatements(context.admin);
  const sequential = summarise(await runSequential(url, headers, settings.sequentialRequests));
  const stats = await readStatements(context.admin, context.database, appRole);
  const n = settings.sequentialRequests;
  const ratioToFloor = floor ? load.p95 / floor.p95 : 1;
  const ratioToIdleFloor = idleFloorP95 === undefined ? 1 : load.p95 / idleFloorP95;
  const result: TargetResult = {
    name: target.name,
    path: pathIn(target, context.db),
    kind,
    responseBytes: context.responseBytes.get(kind === "static" ? staticFloor.name : target.name) ?? 0,
    load,
    floor,
    ratioToFloor,
    ratioToIdleFloor,
    meetsTarget: kind === "page" ? ratioToFloor <= targetRatio : null,
    sequential,
    statementsPerRequest: stats.calls / n,
    sqlMsPerRequest: stats.totalMs / n,
    cpuMsPerRequest,
    otherCpuShare,
    topStatements: stats.statements.slice(0, 8).map((s) => ({
      query: s.query.length > 400 ? `${s.query.slice(0, 400)}…` : s.query,
      callsPerRequest: s.calls / n,
      meanMs: s.meanMs,
      rowsPerCall: s.calls > 0 ? s.rows / s.calls : 0,
    })),
  };
  log(
    `${target.name}: p50 ${ms(load.p50)} p95 ${ms(load.p95)}` +
      (floor ? ` (${ratioToFloor.toFixed(1)}× the floor's ${ms(floor.p95)} meanwhile, ${ratioToIdleFloor.toFixed(1)}× the idle floor)` : "") +
      `, ${load.requestsPerSecond.toFixed(0)} req/s, ` +
      `${result.statementsPerRequest.toFixed(2)} statements/request, ${result.sqlMsPerRequest.toFixed(2)} ms SQL/request` +
      (otherCpuShare > noisyShare ? `; other processes used ${(otherCpuShare * 100).toFixed(0)} % of the CPU meanwhile` : ""),
  );
  return result;
}

type SizeResult = {
  size: SizeName;
  members: number;
  membersWithPhoto: number;
  shifts: number;
  assignments: number;
  otherOrganisation: { members: number; shifts: number; assignments: number };
  benchMember: { comingShifts: number; pastShifts: number };
  seedSeconds: number;
  targets: TargetResult[];
};

async function benchSize(settings: Settings, server: PostgresServer, size: SizeName, appPassword: string): Promise<SizeResult> {
  const db = await prepareDatabase(server, size, appPassword);
  const app = await startApp(size, db.appUrl, settings.cpuProfile);
  const admin = new pg.Client({ connectionString: databaseUrl(server, db.database) });
  await admin.connect();
  try {
    const cookies: Cookies = {
      member: await mintSessionCookie(app.authSecret, db.main.benchMember),
      coordinator: await mintSessionCookie(app.authSecret, db.main.benchCoordinator),
    };
    const responseBytes = await verifyTargets(app, cookies, db);
    const backendPid = (await admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const context: MeasureContext = { settings, app, cookies, db, admin, database: db.database, postmasterPid: parentOf(backendPid), responseBytes };
    const idleFloor = await measureTarget(context, { ...staticFloor, name: idleFloorName }, "static", undefined);
    const targets = [idleFloor];
    for (const page of referencePages) targets.push(await measureTarget(context, page, "reference", idleFloor.load.p95));
    for (const page of benchPages.filter((p) => settings.pages.includes(slugOf(p.name)))) {
      targets.push(await measureTarget(context, page, "page", idleFloor.load.p95));
    }
    return {
      size,
      members: db.main.members,
      membersWithPhoto: db.main.photos,
      shifts: db.main.shifts,
      assignments: db.main.assignments,
      otherOrganisation: { members: db.other.members, shifts: db.other.shifts, assignments: db.other.assignments },
      benchMember: { comingShifts: db.main.benchMember.comingShifts, pastShifts: db.main.benchMember.pastShifts },
      seedSeconds: db.seedSeconds,
      targets,
    };
  } finally {
    await admin.end();
    await stopApp(app);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // First column left-aligned (names), the rest right-aligned (numbers).
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

type Verdicts = {
  latency: Array<{ page: string; size: SizeName; p95: number; floorP95: number; ratio: number; idleRatio: number; met: boolean }>;
  statementGrowth: Array<{ page: string; perSize: Partial<Record<SizeName, number>>; grows: boolean | null }>;
};

function judge(results: SizeResult[]): Verdicts {
  // The latency target is about the large organisation; with only one size run, that one.
  const judged = results[results.length - 1];
  const latency = judged.targets
    .filter((t) => t.kind === "page")
    .map((t) => ({
      page: t.name,
      size: judged.size,
      p95: t.load.p95,
      floorP95: t.floor?.p95 ?? Number.NaN,
      ratio: t.ratioToFloor,
      idleRatio: t.ratioToIdleFloor,
      met: t.meetsTarget === true,
    }));
  const statementGrowth = benchPages.map((target) => {
    const perSize: Partial<Record<SizeName, number>> = {};
    for (const r of results) {
      const found = r.targets.find((t) => t.name === target.name);
      if (found) perSize[r.size] = found.statementsPerRequest;
    }
    const small = perSize.small;
    const large = perSize.large;
    // A hundredth of a statement is noise (a rare background query), not growth.
    const grows = small === undefined || large === undefined ? null : large > small + 0.01;
    return { page: target.name, perSize, grows };
  });
  return { latency, statementGrowth };
}

function printReport(settings: Settings, results: SizeResult[], verdicts: Verdicts): void {
  const rows: string[][] = [];
  for (const r of results) {
    for (const t of r.targets) {
      rows.push([
        `${t.name} (${r.size})`,
        ms(t.load.p50),
        ms(t.load.p95),
        t.floor ? ms(t.floor.p95) : "",
        t.kind === "static" ? "" : `${t.ratioToFloor.toFixed(1)}×`,
        t.kind === "static" ? "" : `${t.ratioToIdleFloor.toFixed(0)}×`,
        t.load.requestsPerSecond.toFixed(0),
        (t.responseBytes / 1024).toFixed(0),
        ms(t.sequential.p50),
        t.statementsPerRequest.toFixed(2),
        t.sqlMsPerRequest.toFixed(2),
        `${t.cpuMsPerRequest.nextServer.toFixed(1)} / ${t.cpuMsPerRequest.postgres.toFixed(1)}`,
        `${(t.otherCpuShare * 100).toFixed(0)} %`,
        t.kind === "reference" ? "reference" : t.meetsTarget === null ? "" : t.meetsTarget ? `meets ≤${targetRatio}×` : `misses ${targetRatio}×`,
      ]);
    }
  }
  console.log(`\nLatency at ${settings.connections} connections for ${settings.durationSeconds} s per target; statements over ${settings.sequentialRequests} sequential requests\n`);
  console.log(
    formatTable(["target (size)", "p50", "p95", "floor p95", "p95/floor", "p95/idle floor", "req/s", "KiB", "1-client p50", "stmts/req", "SQL ms/req", "CPU ms/req node/pg", "other load", "verdict"], rows),
  );

  if (results.length > 1) {
    console.log("\nSQL statements per request by organisation size\n");
    console.log(
      formatTable(
        ["target", ...results.map((r) => `${r.size} (${r.members} members, ${r.shifts} shifts)`), "grows with data"],
        verdicts.statementGrowth.map((g) => [
          g.page,
          ...results.map((r) => g.perSize[r.size]?.toFixed(2) ?? "-"),
          g.grows === null ? "-" : g.grows ? "YES" : "no",
        ]),
      ),
    );
  }

  console.log(`\nTargets (${results[results.length - 1].size} organisation, ${settings.connections} connections):`);
  for (const v of verdicts.latency) {
    console.log(
      `  ${v.met ? "✓" : "✗"} ${v.page}: p95 ${ms(v.p95)} = ${v.ratio.toFixed(1)}× the static floor's ${ms(v.floorP95)} in the same run (target ≤ ${targetRatio}×; ${v.idleRatio.toFixed(0)}× the idle floor)`,
    );
  }
  for (const g of verdicts.statementGrowth.filter((s) => s.grows !== null)) {
    console.log(`  ${g.grows ? "✗" : "✓"} ${g.page}: statements per request ${g.grows ? "grow" : "do not grow"} with the data (${g.perSize.small?.toFixed(2)} → ${g.perSize.large?.toFixed(2)})`);
  }
  const noisy = results.flatMap((r) => r.targets.filter((t) => t.otherCpuShare > noisyShare).map((t) => `${t.name} (${r.size})`));
  if (noisy.length > 0) {
    console.log(
      `\n  ! Other processes used more than ${noisyShare * 100} % of the CPU during: ${noisy.join(", ")}.` +
        "\n    Those figures understate the app; rerun on a quiet machine before comparing.",
    );
  }
  console.log(`\nWritten to ${path.relative(root, resultsFile)}`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = parseSettings(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  // A report must not hang a terminal or a CI job: past the limit, clean up and give up.
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${settings.maxMinutes} minutes; stopping`);
    void runCleanups().finally(() => process.exit(1));
  }, settings.maxMinutes * 60_000);
  watchdog.unref();

  const loadAtStart = os.loadavg();
  if (loadAtStart[0] > os.cpus().length * 0.5) {
    log(`the machine is busy (load average ${loadAtStart[0].toFixed(1)} on ${os.cpus().length} cores): latency figures will be noisy`);
  }
  try {
    if (!existsSync(path.join(root, "public", staticFloor.path))) {
      throw new BenchFailure(`the static floor public${staticFloor.path} is missing`);
    }
    mkdirSync(path.join(workDir, "pages"), { recursive: true });
    if (settings.cpuProfile) rmSync(path.join(workDir, "profiles"), { recursive: true, force: true });
    if (settings.build) await buildApp();
    else if (!existsSync(path.join(root, distDir, "BUILD_ID"))) throw new BenchFailure(`--skip-build, but there is no build in ${distDir}`);
    else log(`reusing the build in ${distDir}`);

    const server = await startPostgres({ sharedPreloadLibraries: ["pg_stat_statements"], log: (line) => log(`postgres: ${line}`) });
    cleanups.push(() => server.stop());
    const appPassword = randomBytes(18).toString("base64url");
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${appRole} LOGIN PASSWORD ${admin.escapeLiteral(appPassword)}`);
    } finally {
      await admin.end();
    }

    const results: SizeResult[] = [];
    for (const size of settings.sizes) {
      log(`━━ ${size} organisation (${sizes[size].members} members, ${sizes[size].shifts} shifts)`);
      results.push(await benchSize(settings, server, size, appPassword));
    }

    const verdicts = judge(results);
    const report = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: loadAtStart, node: process.version, postgres: server.version },
      settings: { ...settings, targetRatio },
      results,
      verdicts,
    };
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    printReport(settings, results, verdicts);
    log("done");
    return 0;
  } catch (error) {
    console.error(`bench FAILED: ${error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await runCleanups();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping next-server and PostgreSQL`);
    void runCleanups().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

process.exit(await main());

// `npm run bench`: how the pages answer under load against `npm start`'s server on a throwaway
// PostgreSQL holding a small and a large organisation: requests per second and p95 with 20 clients,
// p95 over the p95 of a static file of the same server measured alone (the idle floor, before and
// after the pages), CPU per request in node and Postgres, SQL statements per request, the HTML's
// size, the JavaScript each page loads, the server's memory over three rounds of the pages and the
// time from `npm start` to its first answer, each against its target. Prints tables with ✓/✗ and
// writes bench/results.json. A report, never part of `npm test`: it exits 0 whether or not the
// targets are met, 1 only when it could not measure, 2 on a wrong flag. Everything runs on 127.0.0.1
// and is bounded in time. Flags: see `usage` below and bench/README.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { bundleStart, startBundle, warmCompileCache } from "./build-start";
import { migrateDatabase } from "@/lib/db/migrate";
import { machineBusySeconds, parentOf, processTree, treeCpuSeconds, treeRssBytes, waitUntilIdle } from "./bench/cpu";
import { runLoad, runSequential, summarise, type LatencySummary, type LoadResult } from "./bench/load";
import { formatHeapSummary, summariseHeap, type HeapSummary } from "./bench/heap-summary";
import { benchPages, fillPath, referencePages, staticFloor, withFreshIds, type BenchTarget, type PathValues } from "./bench/pages";
import { analyzeDatabase, createBenchProvider, otherTenantActivities, planOrganisations, seedOrganisation, type SeededOrganisation } from "./bench/seed";
import { readStatements, resetStatements, waitUntilQuiet } from "./bench/statements";
import { findFreePort, signalGroup, startPostgres, waitForExit, type PostgresServer } from "./postgres";

const root = path.resolve(import.meta.dirname, "..");
/** Its own build folder, so the bench never replaces the build `npm test` or a developer serves. */
const distDir = ".next-bench";
/**
 * `next build` rewrites tsconfig.json while it runs: builds in one checkout take this lock (with
 * flock, where installed) so two of them never trip over each other's copy.
 */
const buildLock = path.join(os.tmpdir(), "ploeg-build.lock");
const resultsFile = path.join(root, "bench", "results.json");
const workDir = path.join(root, ".data", "bench");
/** The app's database role: pg_stat_statements then tells its statements from the bench's own. */
const appRole = "ploeg_bench_app";

/** The targets, as the issue sets them. Every figure the bench judges is held to one of these. */
const targets = {
  /** Answered requests per second with `--connections` clients. */
  requestsPerSecond: 400,
  /** A page's p95 over the p95 of the static file measured alone before the pages. */
  p95OverIdleFloor: 10,
  /** CPU per request, next-server and PostgreSQL together. */
  cpuMsPerRequest: 5,
  /** Statements per request once a cache answers the page (there is none yet: the count as it is). */
  statementsOnCacheHit: 2,
  htmlKiB: 40,
  /** The app's own JavaScript a member page loads, gzipped, in kB (1,000 bytes, as Next's build output counts). */
  appJsKB: 30,
  /** Resident memory of the server process and its children after each round of the pages. */
  rssMB: 600,
  /** The three rounds' memory may differ by at most this share of the lowest. */
  rssFlatShare: 0.1,
  /** From `npm start` to the server's first answer. */
  startupMs: 1_000,
} as const;
/** Rounds of the page load after which the server's memory is read. */
const memoryRounds = 3;
/**
 * Clients that request the static file during each page's timed run, beside the page's own
 * connections: one, so the `floor during run` column shows what a request without rendering waits
 * for on that busy server while hardly adding to the load. Information only, never a target.
 */
const floorProbeConnections = 1;
/** The static file measured alone with the same clients, before the pages and again after them. */
const idleFloorName = "static file alone, before the pages";
const idleFloorAfterName = "static file alone, after the pages";
/** Longest wait for the server to finish the requests a run left in flight. */
const idleWaitMs = 120_000;
/** The counted sequential requests stop early (after at least three) once they took this long. */
const sequentialBudgetMs = 30_000;
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
  /** Seconds of load per page in each of the memory rounds. */
  roundSeconds: number;
  sizes: SizeName[];
  build: boolean;
  /** Write V8 CPU profiles of next-server (all targets of a size together) to .data/bench/profiles. */
  cpuProfile: boolean;
  heapSnapshot: boolean;
  maxMinutes: number;
  /** Slugs of the pages to measure (all by default); the idle floor and the reference always run. */
  pages: string[];
};

class BenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Arguments

const usage = `usage: npm run bench [-- --duration=10 --warmup=3 --connections=20 --requests=100 --round-seconds=4 --sizes=small,large --skip-build --cpu-prof --heap-snapshot --max-minutes=45 --pages=mijn-pagina,smoelenboek]`;

function parseSettings(argv: string[]): Settings {
  const settings: Settings = {
    connections: 20,
    durationSeconds: 10,
    warmupSeconds: 3,
    sequentialRequests: 100,
    roundSeconds: 4,
    sizes: ["small", "large"],
    build: true,
    cpuProfile: false,
    heapSnapshot: false,
    maxMinutes: 45,
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
      case "round-seconds":
        settings.roundSeconds = positive(name, value, 120);
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
      case "heap-snapshot":
        settings.heapSnapshot = true;
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

/**
 * Runs `work` while holding the checkout's build lock, taken by a `flock` process that holds it
 * until it is ended; without flock (not Linux) `work` just runs.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  if (spawnSync("flock", ["--version"], { stdio: "ignore" }).error) return work();
  const holder = spawn("flock", [buildLock, "sh", "-c", "echo locked; exec sleep 3600"], { detached: true, stdio: ["ignore", "pipe", "ignore"] });
  const release = async () => {
    signalGroup(holder.pid, "SIGTERM");
    await waitForExit(holder, 5_000);
  };
  cleanups.push(release);
  const waitingSince = Date.now();
  const waitNote = setTimeout(() => log(`waiting for another build to finish (${buildLock})`), 2_000);
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.once("data", () => resolve());
      holder.once("exit", (code) => reject(new BenchFailure(`flock ${buildLock} exited with ${code} before taking the lock`)));
      setTimeout(() => reject(new BenchFailure(`another build held ${buildLock} for 10 minutes`)), 10 * 60_000).unref();
    });
  } finally {
    clearTimeout(waitNote);
  }
  if (Date.now() - waitingSince > 2_000) log(`got the build lock after ${((Date.now() - waitingSince) / 1000).toFixed(0)} s`);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function buildApp(): Promise<void> {
  const logFile = path.join(workDir, "build.log");
  // A throwaway PGlite folder: the build must never open a developer's .data/pglite.
  const pgliteDir = path.join(workDir, `build-db-${randomBytes(4).toString("hex")}`);
  await withBuildLock(async () => {
    log(`next build into ${distDir} (log: ${path.relative(root, logFile)})`);
    const restore = guardFilesNextRewrites();
    try {
      await runLogged("next", ["build"], childEnv({ DATABASE_DRIVER: "pglite", PGLITE_DIR: pgliteDir, SMTP_URL: "" }), logFile, 10 * 60_000);
    } finally {
      restore();
      rmSync(pgliteDir, { recursive: true, force: true });
    }
  });
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

type RunningApp = {
  baseUrl: string;
  /** The `npm start` process; its process group holds the whole server. */
  server: ChildProcess;
  /** The process that serves (node running dist/start.mjs): its tree is the server's memory. */
  servingPid: number | undefined;
  logFile: string;
  authSecret: string;
  /** From spawning `npm start` to the first answer of any status, in ms. */
  startupMs: number;
};

/** The deepest process of the `npm start` tree that runs dist/start.mjs: the server itself, below npm and its shell. */
function findServingProcess(npmPid: number | undefined): number | undefined {
  const running = processTree(npmPid).filter((p) => p.command.includes(path.relative(root, startBundle)));
  return running.at(-1)?.pid ?? npmPid;
}

async function startApp(size: SizeName, appUrl: string, cpuProfile: boolean, heapSnapshot: boolean): Promise<RunningApp> {
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
    NODE_OPTIONS: [
      ...(cpuProfile ? [`--cpu-prof --cpu-prof-dir=${path.join(workDir, "profiles", size)}`] : []),
      // SIGUSR2 makes the server write a heap snapshot (takeHeapSnapshot).
      ...(heapSnapshot ? [`--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir(size)}`] : []),
    ].join(" "),
  });
  // `npm start` itself, as an operator starts the app: its checks, then the app's own server in front of Next.
  log(`npm start on ${baseUrl} (log: ${path.relative(root, logFile)})`);
  const spawnedAt = performance.now();
  const server = spawnLogged("npm", ["start", "--silent", "--", "-H", "127.0.0.1", "-p", String(port)], env, logFile);
  let startupMs: number | undefined;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new BenchFailure(`the server exited early:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}${staticFloor.path}`, { signal: AbortSignal.timeout(5_000) });
      startupMs ??= performance.now() - spawnedAt;
      await response.arrayBuffer();
      if (response.ok) {
        log(`first answer ${startupMs.toFixed(0)} ms after \`npm start\``);
        return { baseUrl, server, servingPid: findServingProcess(server.pid), logFile, authSecret, startupMs };
      }
    } catch {
      // Not listening yet.
    }
    // Polled often: the startup time is read from the first answer to this loop.
    await new Promise((resolve) => setTimeout(resolve, 10));
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

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

type Cookies = { member: string; coordinator: string };

/** The cookie a target is sent with, if any. */
function cookieFor(target: BenchTarget, cookies: Cookies): Record<string, string> {
  if (!target.signedIn) return {};
  return { cookie: target.asCoordinator ? cookies.coordinator : cookies.member };
}

/** The target's path in this database (ids and the hours week differ per database). */
function pathIn(target: BenchTarget, db: Pick<PreparedDatabase, "main">): string {
  const values: PathValues = { group: db.main.benchGroupId, person: db.main.benchColleagueId, week: db.main.hours.weekStart };
  return fillPath(target.path, values);
}

/** A member page lives under /my; dashboard pages are the coordinators'. */
function isMemberPage(target: BenchTarget): boolean {
  return target.signedIn && !target.asCoordinator && target.path.startsWith("/my");
}

// ---------------------------------------------------------------------------------------------
// JavaScript a page loads

type PageScripts = {
  /** Chunks the page names (script tags and the client components of its RSC payload), gzipped bytes each. */
  files: Array<{ file: string; gzipBytes: number; framework: boolean }>;
  /** The Next.js/React runtime: the build manifest's root main files, shared by every page. */
  frameworkGzipBytes: number;
  /** Everything else: the app's client components and the libraries they import. */
  appGzipBytes: number;
};

type BuildManifest = { rootMainFiles?: string[]; polyfillFiles?: string[] };

function readBuildManifest(): { framework: Set<string>; polyfills: Set<string> } {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const chunkName = (file: string) => path.posix.basename(file);
  return { framework: new Set((manifest.rootMainFiles ?? []).map(chunkName)), polyfills: new Set((manifest.polyfillFiles ?? []).map(chunkName)) };
}

/**
 * The JavaScript a modern browser fetches for this HTML before the page is interactive: every chunk
 * the HTML names, except the polyfills it loads only without ES module support (`noModule`). Sizes
 * are gzipped at zlib's default level, as the server compresses them; the split follows the build
 * manifest: its root main files (Next's client runtime, React, React DOM, the Turbopack runtime) are
 * the framework, anything else is the app's own.
 */
function measurePageScripts(html: string, manifest: ReturnType<typeof readBuildManifest>): PageScripts {
  const names = new Set([...html.matchAll(/\/_next\/static\/chunks\/([A-Za-z0-9_.~-]+\.js)/g)].map((m) => m[1]));
  const files = [...names]
    .filter((name) => !manifest.polyfills.has(name))
    .sort()
    .map((name) => {
      const file = path.join(root, distDir, "static", "chunks", name);
      if (!existsSync(file)) throw new BenchFailure(`the page names ${name}, which is not in ${distDir}/static/chunks`);
      return { file: name, gzipBytes: gzipSync(readFileSync(file)).length, framework: manifest.framework.has(name) };
    });
  const sum = (framework: boolean) => files.filter((f) => f.framework === framework).reduce((total, f) => total + f.gzipBytes, 0);
  return { files, frameworkGzipBytes: sum(true), appGzipBytes: sum(false) };
}

// ---------------------------------------------------------------------------------------------
// Checking the pages before timing them

type Verified = {
  /** Body size per target name. */
  bytes: Map<string, number>;
  scripts: Map<string, PageScripts>;
  /** Pages marked skipWhenMissing that answered 404: not in this build yet. */
  missing: BenchTarget[];
};

/**
 * One request per target before anything is timed: each must answer 200 with its text, the member
 * pages must show the bench organisation and nothing of the other one, and without the cookie a
 * member page must send to sign-in (so the 200s really are the signed-in pages).
 */
async function verifyTargets(app: RunningApp, cookies: Cookies, db: PreparedDatabase, pages: BenchTarget[]): Promise<Verified> {
  const verified: Verified = { bytes: new Map(), scripts: new Map(), missing: [] };
  const manifest = readBuildManifest();
  const anonymous = await fetch(`${app.baseUrl}/my`, { redirect: "manual", signal: AbortSignal.timeout(15_000) });
  await anonymous.arrayBuffer();
  if (anonymous.status < 300 || anonymous.status >= 400 || !(anonymous.headers.get("location") ?? "").includes("/sign-in")) {
    throw new BenchFailure(`GET /my without a session answered ${anonymous.status}, expected a redirect to /sign-in`);
  }
  for (const target of [staticFloor, ...referencePages, ...pages]) {
    const isPage = target.signedIn;
    const targetPath = pathIn(target, db);
    const response = await fetch(withFreshIds(`${app.baseUrl}${targetPath}`), {
      headers: cookieFor(target, cookies),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    if (response.status === 404 && target.skipWhenMissing) {
      log(`${target.name} (${targetPath}) answers 404: not in this build, left out`);
      verified.missing.push(target);
      continue;
    }
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
    verified.bytes.set(target.name, Buffer.byteLength(body));
    if (isPage || referencePages.includes(target)) verified.scripts.set(target.name, measurePageScripts(body, manifest));
    log(`verified ${target.name} (${targetPath}): 200, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB (${path.relative(root, saved)})`);
  }
  return verified;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** static: the idle floor; reference: reported, not judged; page: judged against the targets. */
type TargetKind = "static" | "reference" | "page";

type TargetResult = {
  name: string;
  path: string;
  kind: TargetKind;
  /** A member page (under /my), whose JavaScript is held to the app's-own target. */
  memberPage: boolean;
  /** Size of the answer's body (HTML with its inline RSC payload), from the check before measuring. */
  responseBytes: number;
  scripts?: PageScripts;
  load: LoadResult;
  /**
   * The static file in the same run: one more client requesting it throughout this target's timed
   * run, i.e. what a request that needs no rendering waits for while the server works on this
   * target. Information only. Absent for the idle floor rows.
   */
  floorDuringRun?: LoadResult;
  /** p95 of this target over p95 of the static file during the same run (information). */
  ratioToFloorDuringRun: number | null;
  /** p95 of this target over p95 of the static file measured alone before the pages: the target. */
  ratioToIdleFloor: number | null;
  /** The same URL, one client, no contention: what one request costs by itself. */
  sequential: LatencySummary;
  statementsPerRequest: number;
  sqlMsPerRequest: number;
  /** CPU per answered request during the timed run, split by process tree; `total` is node + Postgres. */
  cpuMsPerRequest: { nextServer: number; postgres: number; total: number; loadGenerator: number };
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
  verified: Verified;
  size: SizeName;
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
  // autocannon hangs up on the requests in flight when a run ends, and the server still finishes
  // them: wait until it has, so they count neither in the timed run nor in the statements.
  assertClean(`${target.name} warm-up`, await runLoad({ ...loadOptions, durationSeconds: settings.warmupSeconds }));
  await waitUntilIdle([app.server.pid, context.postmasterPid], idleWaitMs);

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
  // The CPU of the timed run includes the requests it left in flight, which the server finishes
  // after it: read it once the server is idle again, and count those requests too.
  const wentIdle = await waitUntilIdle([app.server.pid, context.postmasterPid], idleWaitMs);
  if (!wentIdle) log(`${target.name}: the server was still busy ${idleWaitMs / 1000} s after the timed run; its CPU figures include that`);
  const used = {
    machine: machineBusySeconds() - cpuBefore.machine,
    next: treeCpuSeconds(app.server.pid) - cpuBefore.next,
    postgres: treeCpuSeconds(context.postmasterPid) - cpuBefore.postgres,
    bench: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuBefore.bench)),
    wall: (performance.now() - cpuBefore.wall) / 1000,
  };
  const served = load.requests + load.unanswered;
  const cpuMs = (seconds: number) => (seconds * 1000) / Math.max(1, served);
  const cpuMsPerRequest = {
    nextServer: cpuMs(used.next),
    postgres: cpuMs(used.postgres),
    total: cpuMs(used.next + used.postgres),
    loadGenerator: cpuMs(used.bench),
  };
  const otherCpuShare = Math.max(0, used.machine - used.next - used.postgres - used.bench) / (used.wall * os.cpus().length);
  assertClean(target.name, load);
  if (floor) assertClean(`static file during ${target.name}`, floor);

  // Statements: counted over sequential requests, apart from the timed run, once the statements of
  // the requests it left in flight are done. A request queued behind slow renders can go quiet for
  // about its own latency before its next statement, so the quiet window grows with the p95.
  const quietMs = Math.max(1_000, 1.5 * (Number.isFinite(load.p95) ? load.p95 : 0));
  await waitUntilQuiet(context.admin, context.database, appRole, quietMs, Math.max(20_000, 4 * quietMs));
  await resetStatements(context.admin);
  const sequential = summarise(await runSequential(url, headers, settings.sequentialRequests, sequentialBudgetMs));
  const stats = await readStatements(context.admin, context.database, appRole);
  const n = sequential.requests;
  const result: TargetResult = {
    name: target.name,
    path: pathIn(target, context.db),
    kind,
    memberPage: isMemberPage(target),
    responseBytes: context.verified.bytes.get(kind === "static" ? staticFloor.name : target.name) ?? 0,
    scripts: context.verified.scripts.get(target.name),
    load,
    floorDuringRun: floor,
    ratioToFloorDuringRun: floor ? load.p95 / floor.p95 : null,
    ratioToIdleFloor: idleFloorP95 === undefined ? null : load.p95 / idleFloorP95,
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
    `${target.name}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(load.p50)} p95 ${ms(load.p95)}` +
      (result.ratioToIdleFloor !== null ? ` (${result.ratioToIdleFloor.toFixed(1)}× the idle floor)` : "") +
      `, CPU ${cpuMsPerRequest.total.toFixed(1)} ms/request, ` +
      `${result.statementsPerRequest.toFixed(2)} statements/request, ${result.sqlMsPerRequest.toFixed(2)} ms SQL/request` +
      (otherCpuShare > noisyShare ? `; other processes used ${(otherCpuShare * 100).toFixed(0)} % of the CPU meanwhile` : ""),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// The server's memory over rounds of the page load

type MemoryReading = {
  servingRssBytes: number;
  npmStartTreeRssBytes: number;
  /** Every process of `npm start`'s tree, parents first: where the memory is. */
  processes: Array<{ pid: number; ppid: number; rssMB: number; command: string }>;
};

type MemoryResult = {
  /** Right after the server's first answer, before any page. */
  afterStart: MemoryReading;
  /** After the measured pages, before the rounds. */
  before: MemoryReading;
  /** After each round: every measured page for roundSeconds with `connections` clients. */
  afterRounds: MemoryReading[];
  /** Highest reading of the server's tree during the rounds (sampled every 250 ms). */
  peakServingRssBytes: number;
  /** (highest − lowest) / lowest of the after-round readings of the server's tree. */
  spread: number;
  /** With --heap-snapshot: what holds the memory, from a snapshot under load after the rounds. */
  heap?: HeapSummary;
};

function readMemory(app: RunningApp): MemoryReading {
  const processes = processTree(app.server.pid).map((p) => ({
    pid: p.pid,
    ppid: p.ppid,
    rssMB: Math.round(p.rssBytes / 2 ** 20),
    command: p.command.length > 160 ? `${p.command.slice(0, 160)}…` : p.command,
  }));
  return { servingRssBytes: treeRssBytes(app.servingPid), npmStartTreeRssBytes: treeRssBytes(app.server.pid), processes };
}

function heapDir(size: SizeName): string {
  return path.join(workDir, "heap", size);
}

/**
 * A heap snapshot of the server while 20 clients load the first page, and what holds the memory in
 * it (scripts/bench/heap-summary.ts). Writing the snapshot stops the server for a while, so this
 * load's figures are not used.
 */
async function takeHeapSnapshot(context: MeasureContext, page: BenchTarget, size: SizeName): Promise<HeapSummary | undefined> {
  const { settings, app } = context;
  const dir = heapDir(size);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const load = runLoad({ url: `${app.baseUrl}${pathIn(page, context.db)}`, headers: cookieFor(page, context.cookies), connections: settings.connections, durationSeconds: 4 });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  if (app.servingPid) process.kill(app.servingPid, "SIGUSR2");
  await load.catch(() => undefined);
  // The file is complete once its size stops changing and the server answers again.
  let size0 = -1;
  for (let i = 0; i < 240; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const file = readdirSync(dir).find((name) => name.endsWith(".heapsnapshot"));
    const bytes = file ? statSync(path.join(dir, file)).size : -1;
    if (file && bytes > 0 && bytes === size0) {
      const ok = await fetch(`${app.baseUrl}${staticFloor.path}`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      if (ok) {
        log(`heap snapshot written: ${path.relative(root, path.join(dir, file))} (${mb(bytes)})`);
        const summary = summariseHeap(path.join(dir, file));
        log(`what holds the server's memory under load (${size}):\n${formatHeapSummary(summary)}`);
        return summary;
      }
    }
    size0 = bytes;
  }
  log("no heap snapshot appeared within 4 minutes");
  return undefined;
}

async function measureMemory(context: MeasureContext, pages: BenchTarget[], afterStart: MemoryReading): Promise<MemoryResult> {
  const { settings, app } = context;
  const before = readMemory(app);
  let peak = before.servingRssBytes;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(app.servingPid));
  }, 250);
  const afterRounds: MemoryReading[] = [];
  try {
    for (let round = 1; round <= memoryRounds; round++) {
      for (const page of pages) {
        const load = await runLoad({ url: `${app.baseUrl}${pathIn(page, context.db)}`, headers: cookieFor(page, context.cookies), connections: settings.connections, durationSeconds: settings.roundSeconds });
        assertClean(`${page.name} (memory round ${round})`, load);
      }
      const reading = readMemory(app);
      afterRounds.push(reading);
      log(`memory after round ${round} of ${memoryRounds}: ${mb(reading.servingRssBytes)} (npm start's whole tree ${mb(reading.npmStartTreeRssBytes)})`);
    }
  } finally {
    clearInterval(sampler);
  }
  const values = afterRounds.map((r) => r.servingRssBytes);
  const spread = (Math.max(...values) - Math.min(...values)) / Math.min(...values);
  const heap = settings.heapSnapshot && pages[0] ? await takeHeapSnapshot(context, pages[0], context.size) : undefined;
  return { afterStart, before, afterRounds, peakServingRssBytes: Math.max(peak, ...values), spread, heap };
}

// ---------------------------------------------------------------------------------------------
// One organisation size

type SizeResult = {
  size: SizeName;
  members: number;
  membersWithPhoto: number;
  shifts: number;
  assignments: number;
  otherOrganisation: { members: number; shifts: number; assignments: number };
  benchMember: { comingShifts: number; pastShifts: number };
  hours: SeededOrganisation["hours"];
  seedSeconds: number;
  startupMs: number;
  idleFloor: { before: LoadResult; after: LoadResult };
  targets: TargetResult[];
  memory: MemoryResult;
  /** Pages left out because this build does not have them yet. */
  missingPages: Array<{ name: string; path: string }>;
};

async function benchSize(settings: Settings, server: PostgresServer, size: SizeName, appPassword: string): Promise<SizeResult> {
  const db = await prepareDatabase(server, size, appPassword);
  const app = await startApp(size, db.appUrl, settings.cpuProfile, settings.heapSnapshot);
  const admin = new pg.Client({ connectionString: databaseUrl(server, db.database) });
  await admin.connect();
  try {
    const cookies: Cookies = {
      member: await mintSessionCookie(app.authSecret, db.main.benchMember),
      coordinator: await mintSessionCookie(app.authSecret, db.main.benchCoordinator),
    };
    const afterStart = readMemory(app);
    const chosen = benchPages.filter((p) => settings.pages.includes(slugOf(p.name)));
    const verified = await verifyTargets(app, cookies, db, chosen);
    const pages = chosen.filter((p) => !verified.missing.includes(p));
    const backendPid = (await admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const context: MeasureContext = { settings, app, cookies, db, admin, database: db.database, postmasterPid: parentOf(backendPid), verified, size };
    const idleBefore = await measureTarget(context, { ...staticFloor, name: idleFloorName }, "static", undefined);
    const targets = [idleBefore];
    for (const page of referencePages) targets.push(await measureTarget(context, page, "reference", idleBefore.load.p95));
    for (const page of pages) targets.push(await measureTarget(context, page, "page", idleBefore.load.p95));
    const idleAfter = await measureTarget(context, { ...staticFloor, name: idleFloorAfterName }, "static", idleBefore.load.p95);
    targets.push(idleAfter);
    log(`idle floor p95: ${ms(idleBefore.load.p95)} before the pages, ${ms(idleAfter.load.p95)} after them`);
    const memory = await measureMemory(context, pages, afterStart);
    return {
      size,
      members: db.main.members,
      membersWithPhoto: db.main.photos,
      shifts: db.main.shifts,
      assignments: db.main.assignments,
      otherOrganisation: { members: db.other.members, shifts: db.other.shifts, assignments: db.other.assignments },
      benchMember: { comingShifts: db.main.benchMember.comingShifts, pastShifts: db.main.benchMember.pastShifts },
      hours: db.main.hours,
      seedSeconds: db.seedSeconds,
      startupMs: app.startupMs,
      idleFloor: { before: idleBefore.load, after: idleAfter.load },
      targets,
      memory,
      missingPages: verified.missing.map((p) => ({ name: p.name, path: pathIn(p, db) })),
    };
  } finally {
    await admin.end();
    await stopApp(app);
  }
}

// ---------------------------------------------------------------------------------------------
// Judging

/** A latency; NaN where a run answered nothing (a page slower than the run). */
function ms(value: number): string {
  if (!Number.isFinite(value)) return "none answered";
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function times(ratio: number | null): string {
  return ratio !== null && Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : "—";
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** One figure held to one target. */
type Verdict = {
  target: string;
  /** The page or server it is about, with the size where it depends on one. */
  subject: string;
  size?: SizeName;
  value: string;
  met: boolean;
};

const targetLabels = {
  requestsPerSecond: `≥ ${targets.requestsPerSecond} req/s`,
  p95OverIdleFloor: `p95 ≤ ${targets.p95OverIdleFloor}× the idle static floor`,
  cpuMsPerRequest: `≤ ${targets.cpuMsPerRequest} ms CPU per request (node + Postgres)`,
  statementsEqual: "statements per request equal for small and large",
  statementsOnCacheHit: `≤ ${targets.statementsOnCacheHit} statements per request on a cache hit`,
  htmlKiB: `HTML ≤ ${targets.htmlKiB} KiB`,
  appJsKB: `app's own JavaScript ≤ ${targets.appJsKB} kB gzipped (member pages)`,
  rssMB: `server memory ≤ ${targets.rssMB} MB after each round`,
  rssFlat: `server memory flat within ${targets.rssFlatShare * 100} % over ${memoryRounds} rounds`,
  startupMs: `\`npm start\` to first answer ≤ ${targets.startupMs / 1000} s`,
} as const;

/** A hundredth of a statement is noise (a rare background query), not a difference. */
function statementsEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01;
}

function judge(results: SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const r of results) {
    for (const t of r.targets.filter((target) => target.kind === "page")) {
      const subject = `${t.name} (${r.size})`;
      const add = (target: string, value: string, met: boolean) => verdicts.push({ target, subject, size: r.size, value, met });
      add(targetLabels.requestsPerSecond, t.load.requestsPerSecond.toFixed(0), t.load.requestsPerSecond >= targets.requestsPerSecond);
      add(
        targetLabels.p95OverIdleFloor,
        t.load.requests === 0 ? `no answer within the ${t.load.durationSeconds.toFixed(0)} s run` : times(t.ratioToIdleFloor),
        (t.ratioToIdleFloor ?? Number.NaN) <= targets.p95OverIdleFloor,
      );
      add(targetLabels.cpuMsPerRequest, t.cpuMsPerRequest.total.toFixed(1), t.cpuMsPerRequest.total <= targets.cpuMsPerRequest);
      add(targetLabels.statementsOnCacheHit, t.statementsPerRequest.toFixed(2), t.statementsPerRequest <= targets.statementsOnCacheHit + 0.01);
      add(targetLabels.htmlKiB, (t.responseBytes / 1024).toFixed(1), t.responseBytes / 1024 <= targets.htmlKiB);
    }
  }
  // Per page, once: statements equal for both sizes, and its JavaScript (the same build for both).
  const pageNames = [...new Set(results.flatMap((r) => r.targets.filter((t) => t.kind === "page").map((t) => t.name)))];
  for (const name of pageNames) {
    const found = results.map((r) => ({ size: r.size, target: r.targets.find((t) => t.name === name) }));
    const small = found.find((f) => f.size === "small")?.target;
    const large = found.find((f) => f.size === "large")?.target;
    if (small && large) {
      verdicts.push({
        target: targetLabels.statementsEqual,
        subject: name,
        value: `${small.statementsPerRequest.toFixed(2)} / ${large.statementsPerRequest.toFixed(2)}`,
        met: statementsEqual(small.statementsPerRequest, large.statementsPerRequest),
      });
    }
    const withScripts = found.map((f) => f.target).find((t) => t?.scripts && t.memberPage);
    if (withScripts?.scripts) {
      verdicts.push({ target: targetLabels.appJsKB, subject: name, value: `${kB(withScripts.scripts.appGzipBytes)} kB`, met: withScripts.scripts.appGzipBytes <= targets.appJsKB * 1000 });
    }
  }
  for (const r of results) {
    const subject = `server (${r.size})`;
    const highest = Math.max(...r.memory.afterRounds.map((m) => m.servingRssBytes));
    verdicts.push({ target: targetLabels.rssMB, subject, size: r.size, value: r.memory.afterRounds.map((m) => mb(m.servingRssBytes)).join(", "), met: highest <= targets.rssMB * 2 ** 20 });
    verdicts.push({ target: targetLabels.rssFlat, subject, size: r.size, value: `${(r.memory.spread * 100).toFixed(1)} %`, met: r.memory.spread <= targets.rssFlatShare });
    verdicts.push({ target: targetLabels.startupMs, subject, size: r.size, value: `${(r.startupMs / 1000).toFixed(2)} s`, met: r.startupMs <= targets.startupMs });
  }
  return verdicts;
}

// ---------------------------------------------------------------------------------------------
// Report

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // First column left-aligned (names), the rest right-aligned (numbers).
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const mark = (met: boolean) => (met ? "✓" : "✗");

/** The page table of one size, each judged figure followed by ✓ or ✗. */
function pageRows(r: SizeResult, results: SizeResult[]): string[][] {
  const other = results.find((o) => o.size !== r.size);
  return r.targets.map((t) => {
    const judged = t.kind === "page";
    const cell = (value: string, met: boolean) => (judged ? `${value} ${mark(met)}` : value);
    const twin = other?.targets.find((o) => o.name === t.name);
    const equal = judged && twin ? `${mark(statementsEqual(t.statementsPerRequest, twin.statementsPerRequest))}` : "";
    const js = t.scripts ? `${kB(t.scripts.appGzipBytes)}${t.memberPage && judged ? ` ${mark(t.scripts.appGzipBytes <= targets.appJsKB * 1000)}` : ""} / ${kB(t.scripts.frameworkGzipBytes)}` : "";
    return [
      t.kind === "reference" ? `${t.name} (reference)` : t.name,
      cell(t.load.requestsPerSecond.toFixed(0), t.load.requestsPerSecond >= targets.requestsPerSecond),
      ms(t.load.p95),
      t.ratioToIdleFloor === null ? "" : cell(times(t.ratioToIdleFloor), t.ratioToIdleFloor <= targets.p95OverIdleFloor),
      t.kind === "static" ? "" : cell(`${t.cpuMsPerRequest.total.toFixed(1)} (${t.cpuMsPerRequest.nextServer.toFixed(1)}+${t.cpuMsPerRequest.postgres.toFixed(1)})`, t.cpuMsPerRequest.total <= targets.cpuMsPerRequest),
      t.kind === "static" ? "" : cell(t.statementsPerRequest.toFixed(2), t.statementsPerRequest <= targets.statementsOnCacheHit + 0.01),
      equal,
      t.kind === "static" ? "" : cell((t.responseBytes / 1024).toFixed(1), t.responseBytes / 1024 <= targets.htmlKiB),
      js,
      t.floorDuringRun ? `${ms(t.floorDuringRun.p95)} (${times(t.ratioToFloorDuringRun)})` : "",
      `${(t.otherCpuShare * 100).toFixed(0)} %`,
    ];
  });
}

function printReport(settings: Settings, results: SizeResult[], verdicts: Verdict[]): void {
  console.log(
    `\n${settings.connections} connections, ${settings.durationSeconds} s timed (after ${settings.warmupSeconds} s warm-up) per row; ` +
      `statements over ${settings.sequentialRequests} sequential requests (fewer for a page slower than ${sequentialBudgetMs / 1000} s for them all)`,
  );
  for (const r of results) {
    console.log(
      `\n${r.size}: ${r.members} members, ${r.shifts} shifts; ${r.hours.membersWithHours} members with hours in the week of ${r.hours.weekStart}. ` +
        `Idle static floor p95 ${ms(r.idleFloor.before.p95)} before the pages (${r.idleFloor.before.requestsPerSecond.toFixed(0)} req/s), ` +
        `${ms(r.idleFloor.after.p95)} after them (${r.idleFloor.after.requestsPerSecond.toFixed(0)} req/s)\n`,
    );
    console.log(
      formatTable(
        [
          "page",
          `req/s ≥${targets.requestsPerSecond}`,
          "p95",
          `p95/idle floor ≤${targets.p95OverIdleFloor}×`,
          `CPU ms/req ≤${targets.cpuMsPerRequest} (node+pg)`,
          `stmts/req ≤${targets.statementsOnCacheHit}`,
          "stmts small=large",
          `HTML KiB ≤${targets.htmlKiB}`,
          `JS kB gz app ≤${targets.appJsKB} / runtime`,
          "static p95 during run (info)",
          "other load",
        ],
        pageRows(r, results),
      ),
    );
    const m = r.memory;
    console.log(
      `\n  server memory (RSS of dist/start.mjs and its children) after ${memoryRounds} rounds of ${settings.roundSeconds} s per page: ` +
        `${m.afterRounds.map((a) => mb(a.servingRssBytes)).join(", ")} (right after start ${mb(m.afterStart.servingRssBytes)}, before the rounds ${mb(m.before.servingRssBytes)}, peak ${mb(m.peakServingRssBytes)}, spread ${(m.spread * 100).toFixed(1)} %); ` +
        `with npm and tsx's launcher ${m.afterRounds.map((a) => mb(a.npmStartTreeRssBytes)).join(", ")}`,
    );
    console.log(`  \`npm start\` to its first answer: ${(r.startupMs / 1000).toFixed(2)} s`);
    if (r.missingPages.length > 0) console.log(`  not in this build yet (404), left out: ${r.missingPages.map((p) => `${p.name} ${p.path}`).join(", ")}`);
  }

  console.log("\nTargets");
  const groups = [...new Set(verdicts.map((v) => v.target))];
  for (const target of groups) {
    const of = verdicts.filter((v) => v.target === target);
    console.log(`\n  ${target}: ${of.filter((v) => v.met).length} of ${of.length}`);
    for (const v of of) console.log(`    ${mark(v.met)} ${v.subject}: ${v.value}`);
  }
  const noisy = results.flatMap((r) => r.targets.filter((t) => t.otherCpuShare > noisyShare).map((t) => `${t.name} (${r.size})`));
  if (noisy.length > 0) {
    console.log(
      `\n  ! Other processes used more than ${noisyShare * 100} % of the CPU during: ${noisy.join(", ")}.` +
        "\n    Those figures understate the app; rerun on a quiet machine before comparing.",
    );
  }
  console.log(`\n${summaryLine(verdicts)}`);
  console.log(`Written to ${path.relative(root, resultsFile)}`);
}

function summaryLine(verdicts: Verdict[]): string {
  return `Targets met: ${verdicts.filter((v) => v.met).length} of ${verdicts.length}`;
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
  // A report must not hang a terminal: past the limit, clean up and give up.
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
    // What `npm run build` ends with, from the current source: the file `npm start` runs, and the
    // compile cache it starts from (filled again when reusing a build: it may be from older source).
    await bundleStart();
    warmCompileCache(distDir);

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
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "",
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg(),
        node: process.version,
        postgres: server.version,
      },
      settings: { ...settings, memoryRounds, floorProbeConnections },
      targets,
      summary: { met: verdicts.filter((v) => v.met).length, judged: verdicts.length },
      verdicts,
      results,
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

// `npm test`: every check in order, stopping at the first failure, ending with one summary line.
// Stages: node, lint, types, unit (all vitest files on PGlite), pg and neon (tests/integration on a
// throwaway PostgreSQL, directly and through a local Neon WebSocket proxy), build, guards (every
// server action and route handler the build lists, called as each kind of unwelcome caller, and every
// "use cache" function the build lists as a server function, called on `npm start`'s server), e2e (Playwright on
// Debian's Chromium against `npm start`'s server with a freshly seeded PGlite folder), instances (two
// `npm start` servers of the same build on one freshly seeded PostgreSQL database, each with its own
// page cache: a change made through one shows on the other's very next request, and the fragments the
// cache shares between members are the same for two members and hold nothing of either).
// Pick stages with `npm test -- --only=unit,pg`.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bundleStart, startBundle } from "./build-start";
import { startE2eMailbox } from "./e2e-mailbox";
import { startNeonProxy, type NeonProxy } from "./neon-proxy";
import pg from "pg";
import { aptInstall, findFreePort, signalGroup, startPostgres, waitForExit, type PostgresServer } from "./postgres";

const root = path.resolve(import.meta.dirname, "..");
const stageNames = ["node", "lint", "types", "unit", "pg", "neon", "build", "guards", "e2e", "instances"] as const;
type StageName = (typeof stageNames)[number];

class StageFailure extends Error {}

// ---------------------------------------------------------------------------------------------
// Environment and processes

/** Variables that would point a child at a developer's own database or mail server. */
const inheritedToDrop = [
  "NODE_ENV",
  "DATABASE_URL",
  "DATABASE_DRIVER",
  "PGLITE_DIR",
  "NEON_WS_PROXY",
  "SMTP_URL",
  "TEST_DATABASE_DRIVER",
  "TEST_DATABASE_URL",
  "TEST_NEON_WS_PROXY",
  "PLAYWRIGHT_BASE_URL",
  "PLAYWRIGHT_APP_URL",
];

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedToDrop) delete env[name];
  // The pinned Node 24 and the project's tools first, also when run as `npx tsx scripts/test.ts`.
  env.PATH = [path.join(root, "node_modules", ".bin"), env.PATH].filter(Boolean).join(path.delimiter);
  env.DEBIAN_FRONTEND = "noninteractive";
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";
  return { ...env, ...extra };
}

/** Runs a command in the foreground with inherited output; resolves with its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv(), options: SpawnOptions = {}): Promise<number> {
  console.log(`$ ${[command, ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], ...options });
    child.once("error", (error) => {
      console.error(`${command} could not start: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function mustRun(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  const code = await run(command, args, env);
  if (code !== 0) throw new StageFailure(`\`${[command, ...args].join(" ")}\` exited with ${code}`);
}

function capture(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(output.trim()) : reject(new StageFailure(`${command} exited with ${code}`))));
  });
}

const cleanups: Array<() => Promise<void> | void> = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Shared servers, started on first use

let postgres: Promise<PostgresServer> | undefined;
function ensurePostgres(): Promise<PostgresServer> {
  postgres ??= startPostgres().then((server) => {
    cleanups.push(() => server.stop());
    return server;
  });
  return postgres;
}

let neonProxy: Promise<NeonProxy> | undefined;
function ensureNeonProxy(): Promise<NeonProxy> {
  neonProxy ??= ensurePostgres().then(async (server) => {
    const proxy = await startNeonProxy({ postgresPort: server.port });
    cleanups.push(() => proxy.close());
    console.log(`Neon WebSocket proxy on ${proxy.address} → 127.0.0.1:${server.port}`);
    return proxy;
  });
  return neonProxy;
}

// ---------------------------------------------------------------------------------------------
// Stages

/** Runs vitest with a JSON report as well, so skipped or todo tests fail the run instead of hiding. */
async function vitest(label: string, args: string[], extraEnv: Record<string, string>): Promise<void> {
  const report = path.join(root, "test-results", `vitest-${label}.json`);
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  await mustRun("vitest", ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], baseEnv(extraEnv));
  const summary = JSON.parse(readFileSync(report, "utf8")) as { numTotalTests: number; numPendingTests: number; numTodoTests: number };
  if (summary.numTotalTests === 0) throw new StageFailure("vitest found no tests");
  if (summary.numPendingTests + summary.numTodoTests > 0) {
    throw new StageFailure(`${summary.numPendingTests} skipped and ${summary.numTodoTests} todo tests: no test may be skipped`);
  }
}

async function checkNode(): Promise<void> {
  const version = await capture("node", ["--version"]);
  console.log(`node ${version}`);
  if (!version.startsWith("v24.")) {
    throw new StageFailure(`expected Node 24 (the pinned \`node\` devDependency), got ${version}: run through \`npm test\` after \`npm install\``);
  }
}

async function buildApp(): Promise<void> {
  // A throwaway database folder: the build must never open a developer's .data/pglite.
  const pgliteDir = path.join(root, ".data", `build-${randomBytes(4).toString("hex")}`);
  cleanups.push(() => rmSync(pgliteDir, { recursive: true, force: true }));
  await mustRun("next", ["build"], baseEnv({ DATABASE_URL: "", DATABASE_DRIVER: "pglite", PGLITE_DIR: pgliteDir, SMTP_URL: "" }));
  // `npm run build`'s last step: the file `npm start` runs.
  await bundleStart();
}

const chromium = "/usr/bin/chromium";

async function waitForServer(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new StageFailure(`the server exited early:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StageFailure(`the server did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/**
 * An organisation made the way an operator makes one, with the CLI, beside the demo: a journey sets it
 * up from nothing, signing in with the temporary password the CLI printed (passed on in the env).
 */
async function createNewOrganisation(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const username = "beheer.nieuwestart";
  const args = ["run", "--silent", "ploeg", "--", "create-organisation", "--name", "Stichting Nieuwe Start", "--slug", "nieuwe-start"];
  args.push("--admin-username", username, "--admin-email", "beheer@nieuwestart.example", "--admin-name", "Sanne Visser");
  console.log(`$ npm ${args.join(" ")}`);
  const printed = await capture("npm", args, env);
  const password = printed.match(/^Temporary password:\s*(\S+)$/m)?.[1];
  if (!password) throw new StageFailure("create-organisation printed no temporary password");
  return { E2E_NEW_ORGANISATION_ADMIN: username, E2E_NEW_ORGANISATION_PASSWORD: password };
}

/** Chromium and a production build, which the browser stages need. */
function requireBrowserAndBuild(stage: StageName): void {
  if (!existsSync(chromium)) {
    console.log("Chromium is missing; installing Debian's chromium package");
    aptInstall(["chromium"], (line) => console.log(line));
  }
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new StageFailure(`no production build in .next: run the build stage first (npm test -- --only=build,${stage})`);
  }
}

type AppServer = { url: string; logFile: string; stop: () => Promise<void> };

/**
 * What `npm start` runs (its checks, then the app's own server in front of Next), from the bundle in
 * dist/, on 127.0.0.1:`port`, in its own process group as npm would have started it; resolves once
 * it answers. The caller ends it with `stop()`.
 */
async function startAppServer(name: string, port: number, appEnv: Record<string, string>): Promise<AppServer> {
  const logFile = path.join(root, "test-results", `${name}-server.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const entry = path.relative(root, startBundle);
  console.log(`$ node ${entry} -H 127.0.0.1 -p ${port}   (log: ${path.relative(root, logFile)})`);
  const server = spawn("node", [entry, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: baseEnv({ ...appEnv, NODE_ENV: "production", PORT: String(port) }),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const stop = async () => {
    signalGroup(server.pid, "SIGTERM");
    if (!(await waitForExit(server, 10_000))) signalGroup(server.pid, "SIGKILL");
    log.end();
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${url}/sign-in`, server, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, logFile, stop };
}

/** Playwright with a JSON report as well, so no test run, a skipped or a flaky test fails the stage. */
async function playwright(label: string, args: string[], extraEnv: Record<string, string>, serverLogs: string[]): Promise<void> {
  const report = path.join(root, "test-results", `${label}.json`);
  rmSync(report, { force: true });
  const code = await run("playwright", ["test", ...args, "--reporter=list,json"], baseEnv({ ...extraEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: report }));
  if (code !== 0) {
    for (const logFile of serverLogs) console.log(`--- last lines of ${path.relative(root, logFile)} ---\n${tail(logFile)}`);
    throw new StageFailure(`playwright exited with ${code}`);
  }
  const stats = (JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; skipped: number; flaky: number } }).stats;
  if (stats.expected === 0) throw new StageFailure("playwright ran no tests");
  if (stats.skipped > 0 || stats.flaky > 0) {
    throw new StageFailure(`${stats.skipped} skipped and ${stats.flaky} flaky browser tests: no test may be skipped`);
  }
}

async function endToEnd(): Promise<void> {
  requireBrowserAndBuild("e2e");

  const id = randomBytes(4).toString("hex");
  const pgliteDir = path.join(root, ".data", `e2e-${id}`);
  const resultsDir = path.join(root, "test-results");
  mkdirSync(resultsDir, { recursive: true });
  const port = await findFreePort(3100);
  const serverUrl = `http://127.0.0.1:${port}`;
  // A production build has no mailbox: it sends over SMTP to this one, and the journeys reach the app
  // through its proxy, which answers /dev/mail.json from what was received (scripts/e2e-mailbox.ts).
  const mailbox = await startE2eMailbox();
  cleanups.push(() => mailbox.close());
  const proxyPort = await findFreePort(port + 1);
  const baseUrl = `http://127.0.0.1:${proxyPort}`;
  const appEnv = {
    DATABASE_URL: "",
    DATABASE_DRIVER: "pglite",
    PGLITE_DIR: pgliteDir,
    SMTP_URL: mailbox.smtpUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_URL: baseUrl,
    CRON_SECRET: randomBytes(16).toString("hex"),
    PORT: String(port),
  };

  await mustRun("npm", ["run", "ploeg", "--", "migrate"], baseEnv(appEnv));
  await mustRun("npm", ["run", "ploeg", "--", "seed"], baseEnv(appEnv));
  const newOrganisation = await createNewOrganisation(baseEnv(appEnv));

  // What `npm start` runs, bundled from the current source.
  await bundleStart();
  let passed = false;
  const server = await startAppServer(`e2e-${id}`, port, appEnv);
  cleanups.push(async () => {
    await server.stop();
    // Keep the database of a failed run for a look; .data/ is ignored by git.
    if (passed) rmSync(pgliteDir, { recursive: true, force: true });
    else console.log(`e2e database kept in ${path.relative(root, pgliteDir)}`);
  });
  await mailbox.proxy(proxyPort, port);

  // PLAYWRIGHT_APP_URL: the app's own server without the mailbox proxy, for journeys about the client's address.
  // E2E_CRON_SECRET: the server's cron secret, so a journey can run a scheduled job the way the scheduler does.
  await playwright(
    "playwright",
    [],
    { PLAYWRIGHT_BASE_URL: baseUrl, PLAYWRIGHT_APP_URL: serverUrl, E2E_CRON_SECRET: appEnv.CRON_SECRET, ...newOrganisation },
    [server.logFile],
  );
  passed = true;
}

/**
 * Two app servers of the same build, A and B, on one PostgreSQL database (the server the pg stage
 * started, or one started now), seeded with the demo by the operator CLI. Each keeps its page cache in
 * its own memory; the journeys in tests/instances/ change data through one and read it through the
 * other. Both sign cookies with one secret, so a session started on one is good on the other. Mail of
 * both goes to the e2e mailbox, read through its proxy in front of A.
 */
async function twoInstances(): Promise<void> {
  requireBrowserAndBuild("instances");
  const postgresServer = await ensurePostgres();
  const id = randomBytes(4).toString("hex");
  const database = `ploeg_instances_${id}`;
  const admin = new pg.Client({ connectionString: postgresServer.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(postgresServer.url);
  databaseUrl.pathname = `/${database}`;

  const mailbox = await startE2eMailbox();
  cleanups.push(() => mailbox.close());
  const portA = await findFreePort(3200);
  const proxyPortA = await findFreePort(portA + 1);
  const portB = await findFreePort(proxyPortA + 1);
  const urlA = `http://127.0.0.1:${proxyPortA}`;
  const sharedEnv = {
    DATABASE_DRIVER: "pg",
    DATABASE_URL: databaseUrl.toString(),
    PGLITE_DIR: "",
    SMTP_URL: mailbox.smtpUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(16).toString("hex"),
  };
  await mustRun("npm", ["run", "ploeg", "--", "migrate"], baseEnv(sharedEnv));
  await mustRun("npm", ["run", "ploeg", "--", "seed"], baseEnv(sharedEnv));

  await bundleStart();
  const started = await Promise.allSettled([
    startAppServer(`instance-a-${id}`, portA, { ...sharedEnv, AUTH_URL: urlA }),
    startAppServer(`instance-b-${id}`, portB, { ...sharedEnv, AUTH_URL: `http://127.0.0.1:${portB}` }),
  ]);
  for (const result of started) if (result.status === "fulfilled") cleanups.push(() => result.value.stop());
  const [serverA, serverB] = started.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
  await mailbox.proxy(proxyPortA, portA);

  await playwright(
    "playwright-instances",
    ["-c", "tests/instances/playwright.config.ts", ...instanceJourneys],
    { INSTANCE_A_URL: urlA, INSTANCE_B_URL: serverB.url, INSTANCES_DATABASE_URL: databaseUrl.toString() },
    [serverA.logFile, serverB.logFile],
  );
}

/** The journeys of the instances stage. */
const instanceJourneys = ["tests/instances/two-instances.spec.ts", "tests/instances/shared-fragments.spec.ts"];

const stages: Record<StageName, { title: string; run: () => Promise<void> }> = {
  node: { title: "Node version", run: checkNode },
  lint: { title: "eslint", run: () => mustRun("eslint", ["."]) },
  types: { title: "tsc --noEmit", run: () => mustRun("tsc", ["--noEmit"]) },
  unit: { title: "vitest (unit + integration, PGlite)", run: () => vitest("pglite", [], { TEST_DATABASE_DRIVER: "pglite" }) },
  pg: {
    title: "vitest tests/integration on PostgreSQL (node-postgres)",
    run: async () => {
      const server = await ensurePostgres();
      await vitest("pg", ["tests/integration"], { TEST_DATABASE_DRIVER: "pg", TEST_DATABASE_URL: server.url });
    },
  },
  neon: {
    title: "vitest tests/integration on PostgreSQL (Neon driver via WebSocket proxy)",
    run: async () => {
      const server = await ensurePostgres();
      const proxy = await ensureNeonProxy();
      await vitest("neon", ["tests/integration"], {
        TEST_DATABASE_DRIVER: "neon",
        TEST_DATABASE_URL: server.url,
        TEST_NEON_WS_PROXY: proxy.address,
      });
    },
  },
  build: { title: "next build", run: buildApp },
  guards: {
    title: "every action and route of the build refuses whoever it must (vitest, PGlite)",
    run: async () => {
      if (!existsSync(path.join(root, ".next", "server", "server-reference-manifest.json"))) {
        throw new StageFailure("no production build in .next: run the build stage first (npm test -- --only=build,guards)");
      }
      // The page cache's wrappers are called on `npm start`'s server, bundled from the current source.
      await bundleStart();
      await vitest("guards", ["-c", "vitest.security.config.ts"], { TEST_DATABASE_DRIVER: "pglite" });
    },
  },
  e2e: { title: "Playwright e2e against the npm start server", run: endToEnd },
  instances: { title: "two npm start servers on one PostgreSQL: a change on one shows on the other; shared fragments hold nothing personal", run: twoInstances },
};

// ---------------------------------------------------------------------------------------------
// Main

function selectedStages(argv: string[]): StageName[] {
  const only = argv.find((a) => a.startsWith("--only="));
  const unknown = argv.filter((a) => !a.startsWith("--only="));
  if (unknown.length > 0) {
    throw new StageFailure(`unknown argument(s): ${unknown.join(" ")}; usage: npm test [-- --only=${stageNames.join(",")}]`);
  }
  if (!only) return [...stageNames];
  const names = only.slice("--only=".length).split(",").map((n) => n.trim()).filter(Boolean);
  const wrong = names.filter((n) => !(stageNames as readonly string[]).includes(n));
  if (wrong.length > 0 || names.length === 0) {
    throw new StageFailure(`unknown stage(s) "${wrong.join(",")}"; choose from ${stageNames.join(",")}`);
  }
  return stageNames.filter((n) => names.includes(n));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  let selected: StageName[];
  try {
    selected = selectedStages(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }

  const results: Array<{ name: StageName; ok: boolean; ms: number; error?: string }> = [];
  const started = Date.now();
  try {
    for (const name of selected) {
      const stage = stages[name];
      console.log(`\n━━ ${name}: ${stage.title} ━━`);
      const stageStart = Date.now();
      try {
        await stage.run();
        results.push({ name, ok: true, ms: Date.now() - stageStart });
        console.log(`━━ ${name} passed in ${seconds(Date.now() - stageStart)}`);
      } catch (error) {
        const message = error instanceof StageFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
        results.push({ name, ok: false, ms: Date.now() - stageStart, error: message });
        console.error(`━━ ${name} FAILED: ${message}`);
        break;
      }
    }
  } finally {
    await runCleanups();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);
  const notRun = selected.length - results.length;
  console.log("\nSummary");
  for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(9)} ${seconds(r.ms).padStart(8)}  ${stages[r.name].title}`);
  for (const name of selected.slice(results.length)) console.log(`  - ${name.padEnd(9)} ${"".padStart(8)}  not run`);
  console.log(`Total ${seconds(Date.now() - started)}`);
  const tailNote = notRun > 0 ? `, ${notRun} not run` : "";
  const failedNote = failed.length > 0 ? ` (${failed.map((f) => f.name).join(", ")})` : "";
  console.log(`${passed} passed, ${failed.length} failed${failedNote}${tailNote}`);
  return failed.length > 0 ? 1 : 0;
}

// Ctrl-C or a CI timeout: still stop Postgres, the proxy and next-server before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers`);
    void runCleanups().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

process.exit(await main());

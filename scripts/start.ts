// What `npm start` runs, bundled by `npm run build` into dist/start.mjs and run with plain node. The
// settings are checked first (synchronous; a bad one stops it with one clear line and exit code 1);
// then the server listens and Next prepares while a worker thread checks the database beside them, so
// the check never holds up the start. An unreachable database stops it with one clear line and exit
// code 1, as a bad setting does; until the check is done the app's own database handle waits for it.
// Serves in this process (scripts/serve.ts: Next's handler behind the client-address step). Takes
// `next start`'s -H/--hostname and -p/--port.
import nodeModule from "node:module";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { openDatabase, openDatabaseAfter, optionsFromEnv, type DatabaseHandle } from "@/lib/db/client";
import { assertDatabaseReachable, DatabaseUnreachableError } from "@/lib/db/health";
import { env, type Env } from "@/lib/env";
import { compileCacheDir } from "./compile-cache";
import { describeOperatorError } from "./operator-errors";
import { parseServeArgs, serve, type ServeOptions } from "./serve";

async function checkDatabase(settings: Env): Promise<void> {
  const options = optionsFromEnv(settings);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(options);
    await assertDatabaseReachable(handle, { url: options.url, pgliteDir: options.pgliteDir });
  } finally {
    // PGlite: one client per data folder; the app's own handle opens once this thread has ended.
    await handle?.close();
  }
}

function describeFailure(error: unknown): string {
  return error instanceof DatabaseUnreachableError ? error.message : describeOperatorError(error, process.env.DATABASE_URL);
}

function stop(error: unknown): never {
  stopWith(describeFailure(error));
}

/**
 * The database check, in a worker thread running this file: PGlite's WebAssembly memory goes with the
 * thread when it ends, instead of staying in the server's process, and its start-up runs beside
 * Next's instead of taking turns with it. Settles once the thread has ended (the check's handle is
 * then closed): with nothing when the database answered, else with the line to print.
 */
function checkDatabaseInWorker(): Promise<string | undefined> {
  return new Promise((resolve) => {
    let verdict: string | undefined = "De databasecontrole stopte zonder antwoord";
    const worker = new Worker(new URL(import.meta.url));
    worker.on("message", (line: string | null) => {
      verdict = line ?? undefined;
    });
    worker.on("error", (error) => {
      verdict = describeFailure(error);
    });
    worker.on("exit", () => resolve(verdict));
  });
}

async function reportDatabaseCheck(): Promise<void> {
  try {
    await checkDatabase(env());
    parentPort?.postMessage(null);
  } catch (error) {
    parentPort?.postMessage(describeFailure(error));
  }
}

async function main(): Promise<void> {
  // Always the production build; set before Next and React are loaded, which read it once.
  (process.env as Record<string, string>).NODE_ENV = "production";
  let address: Omit<ServeOptions, "dev">;
  try {
    env();
    address = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    stop(error);
  }
  const database = checkDatabaseInWorker();
  // The app's own handle (lib/db/client.ts, shared through globalThis) waits for the check's to close.
  openDatabaseAfter(database);
  void database.then((line) => {
    if (line) stopWith(line);
  });
  try {
    await serve({ dev: false, ...address });
  } catch (error) {
    // When the database is also unreachable, its line is the one an operator needs.
    stopWith((await database) ?? describeFailure(error));
  }
}

function stopWith(line: string): never {
  console.error(line);
  process.exit(1);
}

/**
 * Most of the start-up is Node compiling Next's and the app's server modules; with Node's compile
 * cache (kept beside the build and filled by `npm run build`) every start loads them already
 * compiled, the first after a build too.
 */
function keepCompileCache(): void {
  nodeModule.enableCompileCache?.(compileCacheDir());
}

keepCompileCache();
if (isMainThread) await main();
else await reportDatabaseCheck();

// What `npm start` runs: refuse to start on bad settings or an unreachable database with one clear
// line and exit code 1, then hand over to `next start`.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { openDatabase, optionsFromEnv, type DatabaseHandle } from "@/lib/db/client";
import { assertDatabaseReachable, DatabaseUnreachableError } from "@/lib/db/health";
import { env, type Env } from "@/lib/env";
import { describeOperatorError } from "./operator-errors";

async function checkDatabase(settings: Env): Promise<void> {
  const options = optionsFromEnv(settings);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(options);
    await assertDatabaseReachable(handle, { url: options.url, pgliteDir: options.pgliteDir });
  } finally {
    // PGlite: one process per data folder, and next start is the one that keeps it.
    await handle?.close();
  }
}

async function main(): Promise<void> {
  // `next start` always serves a production build.
  (process.env as Record<string, string>).NODE_ENV = "production";
  let settings: Env;
  try {
    settings = env();
    await checkDatabase(settings);
  } catch (error) {
    console.error(error instanceof DatabaseUnreachableError ? error.message : describeOperatorError(error, process.env.DATABASE_URL));
    process.exit(1);
  }
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1)));
}

await main();

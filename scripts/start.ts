// What `npm start` runs: refuse to start on bad settings or an unreachable database with one clear
// line and exit code 1, then serve the production build in this process (scripts/serve.ts: Next's
// handler behind the client-address step). Takes `next start`'s -H/--hostname and -p/--port.
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
    // PGlite: one data folder per open client, and the server opens its own.
    await handle?.close();
  }
}

async function main(): Promise<void> {
  // Always the production build; set before Next and React are loaded, which read it once.
  (process.env as Record<string, string>).NODE_ENV = "production";
  let settings: Env;
  try {
    settings = env();
    await checkDatabase(settings);
  } catch (error) {
    console.error(error instanceof DatabaseUnreachableError ? error.message : describeOperatorError(error, process.env.DATABASE_URL));
    process.exit(1);
  }
  const { parseServeArgs, serve } = await import("./serve");
  try {
    await serve({ dev: false, ...parseServeArgs(process.argv.slice(2)) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

await main();

// What `npm run dev` runs: check the settings, migrate, load the demo organisation on the first run,
// print where to go and how to sign in, then hand the terminal over to `next dev`.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { openDatabase, optionsFromEnv, type DatabaseHandle } from "@/lib/db/client";
import { assertDatabaseReachable, DatabaseUnreachableError } from "@/lib/db/health";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoLogins, DEMO_PASSWORD } from "@/lib/demo/logins";
import { env, type Env } from "@/lib/env";
import { describeOperatorError } from "./operator-errors";

/** Prepares the database and returns what was done, for the banner. */
async function prepareDatabase(settings: Env): Promise<{ seeded: boolean; seedMs: number }> {
  const options = optionsFromEnv(settings);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(options);
    await assertDatabaseReachable(handle, { url: options.url, pgliteDir: options.pgliteDir });
    await migrateDatabase(handle);
    const { hasAnyOrganisation, seedDemo } = await import("@/lib/demo/seed");
    if (await hasAnyOrganisation(handle.db)) return { seeded: false, seedMs: 0 };
    const started = Date.now();
    await seedDemo(handle.db);
    return { seeded: true, seedMs: Date.now() - started };
  } finally {
    // PGlite has no cross-process lock: this process must let go of the data folder before Next opens it.
    await handle?.close();
  }
}

function printBanner(settings: Env, prepared: { seeded: boolean; seedMs: number }): void {
  const lines = [
    "",
    `Ploeg: ${settings.appUrl}`,
    settings.devMailboxEnabled
      ? `Mailbox (every email the app sends): ${settings.appUrl}/dev/mail`
      : "Mail is sent through SMTP_URL.",
    prepared.seeded ? `Demo organisation "Stichting Samen Sterk" loaded (${prepared.seedMs} ms).` : "Database ready.",
    `Demo logins, password ${DEMO_PASSWORD}:`,
    ...demoLogins.map((login) => `  ${login.role.padEnd(12)} ${login.username}`),
    "",
  ];
  console.log(lines.join("\n"));
}

/** Runs `next dev` in this terminal, passes Ctrl-C and termination on, and exits with its code. */
function runNextDev(extraArgs: string[]): void {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  // Listening on localhost only: the development secrets and the open mailbox must not face the network.
  // Next reads the port from PORT itself.
  const child = spawn(process.execPath, [nextBin, "dev", "--hostname", "localhost", ...extraArgs], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward(signal));
  child.on("error", (error) => {
    console.error(`Could not start next dev: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1));
  });
}

async function main(): Promise<void> {
  let settings: Env;
  try {
    settings = env();
  } catch (error) {
    console.error(describeOperatorError(error));
    process.exit(1);
  }
  try {
    printBanner(settings, await prepareDatabase(settings));
  } catch (error) {
    console.error(error instanceof DatabaseUnreachableError ? error.message : describeOperatorError(error, settings.databaseUrl));
    process.exit(1);
  }
  runNextDev(process.argv.slice(2));
}

await main();

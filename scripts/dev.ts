// What `npm run dev` runs: check the settings, migrate, load the demo organisation on the first run,
// print where to go and how to sign in, then serve in development mode in this process
// (scripts/serve.ts: Next's handler behind the client-address step, as in production).
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

async function main(): Promise<void> {
  // Next and React pick their development builds from this when they load.
  (process.env as Record<string, string>).NODE_ENV ??= "development";
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
  const { parseServeArgs, serve } = await import("./serve");
  try {
    // Listening on localhost only: the development secrets and the open mailbox must not face the network.
    await serve({ dev: true, ...parseServeArgs(["--hostname", "localhost", ...process.argv.slice(2)]) });
  } catch (error) {
    console.error(`Could not start the development server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

await main();

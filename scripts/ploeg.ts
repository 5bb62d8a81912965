// The operator CLI, `npm run ploeg -- <command>`: migrate, seed, create-organisation,
// create-provider-admin, flush-outbox, help.
// Works on whichever database the environment points at; every failure is one line and a non-zero exit.
import { parseArgs } from "node:util";
import type { z } from "zod";
import { openDatabase, optionsFromEnv, overrideDatabase, type DatabaseHandle } from "@/lib/db/client";
import { assertDatabaseReachable, DatabaseUnreachableError } from "@/lib/db/health";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoLogins, demoProviderAdmin } from "@/lib/demo/logins";
import { env, type Env } from "@/lib/env";
import { createOrganisationWithAdmin, createProviderAdmin, ProvisioningError } from "@/lib/tenancy/provisioning";
import { createOrganisationSchema, createProviderAdminSchema } from "@/lib/tenancy/schemas";
import { describeOperatorError, UsageError } from "./operator-errors";

type Command = {
  summary: string;
  usage: string;
  /** Flags the command accepts (all take a value). */
  flags: readonly string[];
  run: (handle: DatabaseHandle, settings: Env, flags: Record<string, string | undefined>) => Promise<void>;
};

const commands: Record<string, Command> = {
  migrate: {
    summary: "Apply the migrations in drizzle/.",
    usage: "migrate",
    flags: [],
    run: async (handle) => {
      await migrateDatabase(handle);
      console.log("Migrations applied.");
    },
  },
  seed: {
    summary: "Migrate, then load the demo organisation (idempotent: running it again changes nothing).",
    usage: "seed",
    flags: [],
    run: async (handle) => {
      await migrateDatabase(handle);
      // Loaded only here: the demo seed needs faker, a development dependency.
      const { seedDemo } = await import("@/lib/demo/seed");
      const started = Date.now();
      const result = await seedDemo(handle.db);
      if (result.created) {
        console.log(
          `Demo organisation loaded in ${Date.now() - started} ms: ${result.people} people, ${result.shifts} shifts, ${result.assignments} assignments, ${result.photos} photos.`,
        );
      } else {
        console.log("The demo organisation already exists; nothing changed.");
      }
      printDemoLogins();
    },
  },
  "create-organisation": {
    summary: "Create an organisation and its first admin with a temporary password, printed once.",
    usage:
      'create-organisation --name "Stichting Voorbeeld" --slug voorbeeld --admin-username a.jansen --admin-email a.jansen@example.org [--admin-name "Anna Jansen"] [--provider ploeg] [--time-zone Europe/Amsterdam]',
    flags: ["name", "slug", "admin-username", "admin-email", "admin-name", "provider", "time-zone"],
    run: async (handle, settings, flags) => {
      const input = parseFlags(createOrganisationSchema, {
        name: flags.name,
        slug: flags.slug,
        adminUsername: flags["admin-username"],
        adminEmail: flags["admin-email"],
        adminName: flags["admin-name"],
        provider: flags.provider,
        timeZone: flags["time-zone"],
      });
      const created = await createOrganisationWithAdmin(handle.db, input);
      console.log(`Organisation "${input.name}" (slug ${input.slug}) created${created.providerCreated ? ` with new provider "${input.provider}"` : ""}.`);
      console.log(`Admin username:     ${created.adminUsername}`);
      console.log(`Temporary password: ${created.temporaryPassword}`);
      console.log(
        `The password is shown only now. It must be changed at the first sign-in and expires on ${created.temporaryPasswordExpiresAt.toISOString().slice(0, 10)}.`,
      );
      console.log(`Sign in at ${settings.appUrl}/sign-in`);
    },
  },
  "create-provider-admin": {
    summary: "Create a provider admin (manages the provider's organisations) with a temporary password, printed once.",
    usage: 'create-provider-admin --provider ploeg --username p.devries --email p.devries@example.org [--name "Pieter de Vries"]',
    flags: ["provider", "username", "email", "name"],
    run: async (handle, settings, flags) => {
      const input = parseFlags(createProviderAdminSchema, { provider: flags.provider, username: flags.username, email: flags.email, name: flags.name });
      const created = await createProviderAdmin(handle.db, input);
      console.log(`Provider admin created for provider "${input.provider}"${created.providerCreated ? " (a new provider)" : ""}.`);
      console.log(`Username:           ${created.username}`);
      console.log(`Temporary password: ${created.temporaryPassword}`);
      console.log(
        `The password is shown only now. It must be changed at the first sign-in and expires on ${created.temporaryPasswordExpiresAt.toISOString().slice(0, 10)}.`,
      );
      console.log(`Signing in also asks for a code sent to ${input.email}.`);
      console.log(`Sign in at ${settings.appUrl}/sign-in`);
    },
  },
  "flush-outbox": {
    summary: "Deliver every due message in the outbox now.",
    usage: "flush-outbox",
    flags: [],
    run: async (handle, settings) => {
      if (!settings.smtpUrl) {
        console.log(
          settings.devMailboxEnabled
            ? `SMTP_URL is not set: nothing is sent; the outbox is the mailbox (${settings.appUrl}/dev/mail).`
            : "SMTP_URL is not set: nothing is sent. Set it to deliver the mail waiting in the outbox.",
        );
        return;
      }
      const { deliverPendingMail } = await import("@/lib/mail/outbox");
      // deliverPendingMail reads the process's database; point it at this handle.
      overrideDatabase(handle.db);
      const limit = 50;
      const total = { sent: 0, retrying: 0, failed: 0 };
      // Mail that fails is rescheduled for later, so each round only meets new mail; stop when a round is not full.
      for (let round = 0; round < 1_000; round++) {
        const report = await deliverPendingMail({ limit });
        total.sent += report.sent;
        total.retrying += report.retrying;
        total.failed += report.failed;
        if (report.attempted < limit) break;
      }
      console.log(`Outbox flushed: ${total.sent} sent, ${total.retrying} to retry later, ${total.failed} given up.`);
    },
  },
};

function printHelp(): void {
  console.log("Ploeg operator commands: npm run ploeg -- <command> [flags]\n");
  for (const [name, command] of Object.entries(commands)) {
    console.log(`  ${name.padEnd(20)} ${command.summary}`);
  }
  console.log(`  ${"help".padEnd(20)} Show this list.\n`);
  console.log(`Usage of create-organisation:\n  npm run ploeg -- ${commands["create-organisation"].usage}`);
  console.log(`Usage of create-provider-admin:\n  npm run ploeg -- ${commands["create-provider-admin"].usage}`);
  console.log("\nThe database and mail settings come from the environment (DATABASE_URL, PGLITE_DIR, SMTP_URL, …); see README.md.");
}

function printDemoLogins(): void {
  console.log("Demo logins (password for all three: " + demoLogins[0].password + "):");
  for (const login of demoLogins) console.log(`  ${login.role.padEnd(12)} ${login.username}`);
  console.log(`Provider admin (same password; the sign-in code goes to the mailbox, /dev/mail): ${demoProviderAdmin.username}`);
}

/** Validates flags with a zod schema; the first problem becomes the message, named by its flag. */
function parseFlags<S extends z.ZodType>(schema: S, raw: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const message = issue.code === "invalid_type" && raw[key] === undefined ? "is required" : issue.message;
    return `${flag} ${message}`;
  });
  throw new UsageError(`${problems.join("; ")}. Run \`npm run ploeg -- help\` for the usage.`);
}

function readFlags(command: Command, name: string, args: string[]): Record<string, string | undefined> {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(command.flags.map((flag) => [flag, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    const flags: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(values)) flags[key] = typeof value === "string" ? value : undefined;
    return flags;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${name}: ${reason}. Usage: npm run ploeg -- ${command.usage}`);
  }
}

async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    printHelp();
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`Unknown command "${name}". Commands: ${[...Object.keys(commands), "help"].join(", ")}. Run \`npm run ploeg -- help\` for details.`);
    return 2;
  }

  let settings: Env | undefined;
  let handle: DatabaseHandle | undefined;
  try {
    // Flags first: a typo should not wait for a database connection.
    const flags = readFlags(command, name, args);
    settings = env();
    const options = optionsFromEnv(settings);
    handle = await openDatabase(options);
    await assertDatabaseReachable(handle, { url: options.url, pgliteDir: options.pgliteDir });
    await command.run(handle, settings, flags);
    return 0;
  } catch (error) {
    const plain = error instanceof DatabaseUnreachableError || error instanceof ProvisioningError;
    console.error(plain ? error.message : describeOperatorError(error, settings?.databaseUrl));
    return error instanceof UsageError ? 2 : 1;
  } finally {
    overrideDatabase(undefined);
    if (handle) await handle.close().catch(() => {});
  }
}

// Exit explicitly: a driver's idle timers must not keep a finished command alive.
process.exit(await runCli(process.argv.slice(2)));

// The operator CLI as an operator meets it: a child process whose failures are one clear line and a
// non-zero exit, and whose create-organisation leaves a working admin behind.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/accounts/passwords/hashing";
import { openDatabase } from "@/lib/db/client";
import { providerAdmins, users } from "@/lib/db/schema/accounts";
import { auditLog } from "@/lib/db/schema/platform";
import { people } from "@/lib/db/schema/people";
import { organisations, providers } from "@/lib/db/schema/tenancy";
import { expectOneClearLine, findClosedPort, runScript, type CliRun } from "@/tests/setup/scripts";

let folder: string;
let pgliteDir: string;

function runCli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runScript("scripts/ploeg.ts", args, { NODE_ENV: "test", PGLITE_DIR: pgliteDir, ...extraEnv });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "ploeg-cli-test-"));
  pgliteDir = path.join(folder, "pglite");
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("the operator CLI refuses bad input with one clear line", () => {
  it("names an unknown command and lists the real ones", async () => {
    const run = await runCli(["frobnicate"]);
    expectOneClearLine(run, /Unknown command "frobnicate".*create-organisation/);
  });

  it("lists every missing flag of create-organisation", async () => {
    const run = await runCli(["create-organisation", "--name", "Stichting Voorbeeld"]);
    expectOneClearLine(run, /--slug is required.*--admin-username is required.*--admin-email is required/);
  });

  it("refuses a malformed flag value", async () => {
    const run = await runCli(["create-organisation", "--name", "Stichting Voorbeeld", "--slug", "Niet Goed", "--admin-username", "beheer", "--admin-email", "geen-adres"]);
    expectOneClearLine(run, /--slug may only contain.*--admin-email must be an email address/);
  });

  it("refuses a malformed SMTP_URL before touching the database", async () => {
    const run = await runCli(["migrate"], { SMTP_URL: "mail.example.org:25" });
    expectOneClearLine(run, /Configuration error: SMTP_URL must look like smtp:\/\//);
  });

  it("says quickly that a database on a closed port cannot be reached", async () => {
    const port = await findClosedPort();
    const run = await runCli(["migrate"], { DATABASE_URL: `postgres://ploeg:secret@127.0.0.1:${port}/ploeg` });
    expectOneClearLine(run, new RegExp(`127\\.0\\.0\\.1:${port}`));
    expect(`${run.stdout}${run.stderr}`).not.toContain("secret");
    expect(run.ms).toBeLessThan(15_000);
  });
});

describe("create-organisation", () => {
  it("creates the organisation and an admin who must replace the printed temporary password", async () => {
    const migrated = await runCli(["migrate"]);
    expect(migrated).toMatchObject({ code: 0, stderr: "" });

    const run = await runCli([
      "create-organisation",
      "--name",
      "Stichting Voorbeeld",
      "--slug",
      "voorbeeld",
      "--admin-username",
      "A.Jansen",
      "--admin-email",
      "a.jansen@example.org",
      "--admin-name",
      "Anna van der Jansen",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const temporaryPassword = /Temporary password:\s+(\S+)/.exec(run.stdout)?.[1];
    expect(temporaryPassword).toBeDefined();

    const again = await runCli(["create-organisation", "--name", "Nog een", "--slug", "voorbeeld", "--admin-username", "b.jansen", "--admin-email", "b@example.org"]);
    expectOneClearLine(again, /slug "voorbeeld" already exists/);

    // The CLI has exited, so this process may open the data folder (PGlite allows one process per folder).
    const handle = await openDatabase({ driver: "pglite", pgliteDir });
    try {
      const [organisation] = await handle.db
        .select({ id: organisations.id, name: organisations.name, timeZone: organisations.timeZone, provider: providers.slug })
        .from(organisations)
        .innerJoin(providers, eq(providers.id, organisations.providerId))
        .where(eq(organisations.slug, "voorbeeld"));
      expect(organisation).toMatchObject({ name: "Stichting Voorbeeld", timeZone: "Europe/Amsterdam", provider: "ploeg" });

      const [admin] = await handle.db
        .select({ user: users, person: people })
        .from(users)
        .innerJoin(people, eq(people.id, users.personId))
        .where(eq(users.tenantId, organisation.id));
      expect(admin.person).toMatchObject({ role: "admin", firstName: "Anna", infix: "van der", lastName: "Jansen", email: "a.jansen@example.org" });
      expect(admin.user).toMatchObject({ username: "A.Jansen", status: "active", mustChangePassword: true });
      const daysValid = ((admin.user.temporaryPasswordExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
      expect(daysValid).toBeGreaterThan(13.9);
      expect(daysValid).toBeLessThanOrEqual(14);
      expect(await verifyPassword(admin.user.passwordHash ?? "", temporaryPassword ?? "")).toBe(true);

      const audit = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, organisation.id));
      expect(audit.map((a) => a.action)).toEqual(["organisation.created"]);
    } finally {
      await handle.close();
    }
  }, 90_000);

  it("creates a provider admin of no organisation who must replace the printed temporary password", async () => {
    expect(await runCli(["migrate"])).toMatchObject({ code: 0, stderr: "" });
    const run = await runCli(["create-provider-admin", "--provider", "regio-oost", "--username", "P.deVries", "--email", "p.devries@example.org"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const temporaryPassword = /Temporary password:\s+(\S+)/.exec(run.stdout)?.[1];
    expect(temporaryPassword).toBeDefined();

    const again = await runCli(["create-provider-admin", "--provider", "regio-oost", "--username", "p.devries", "--email", "x@example.org"]);
    expectOneClearLine(again, /username "p.devries" is already taken/);

    const handle = await openDatabase({ driver: "pglite", pgliteDir });
    try {
      const [admin] = await handle.db
        .select({ user: users, provider: providers.slug })
        .from(users)
        .innerJoin(providerAdmins, eq(providerAdmins.userId, users.id))
        .innerJoin(providers, eq(providers.id, providerAdmins.providerId))
        .where(eq(users.username, "P.deVries"));
      expect(admin.provider).toBe("regio-oost");
      expect(admin.user).toMatchObject({ tenantId: null, personId: null, email: "p.devries@example.org", mustChangePassword: true, status: "active" });
      expect(await verifyPassword(admin.user.passwordHash ?? "", temporaryPassword ?? "")).toBe(true);
    } finally {
      await handle.close();
    }
  }, 90_000);
});

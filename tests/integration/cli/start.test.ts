// `npm start` refuses bad production settings with one clear line and a non-zero exit, before Next starts.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectOneClearLine, findClosedPort, runScript } from "@/tests/setup/scripts";

let folder: string;
const secret = "a-production-secret-of-enough-length-0123456789";

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "ploeg-start-test-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  return runScript("scripts/start.ts", [], { PGLITE_DIR: path.join(folder, "pglite"), ...env });
}

describe("starting the production server with bad configuration", () => {
  it("a missing AUTH_SECRET stops it with a message naming the variable", async () => {
    expectOneClearLine(await start({}), /AUTH_SECRET is required in production/);
  });

  it("a missing CRON_SECRET stops it: every cron call would be refused and mail never retried", async () => {
    expectOneClearLine(await start({ AUTH_SECRET: secret }), /CRON_SECRET is required in production/);
  });

  it("DEV_MAILBOX=1 stops it: the mailbox would publish every organisation's mail", async () => {
    expectOneClearLine(await start({ AUTH_SECRET: secret, CRON_SECRET: secret, DEV_MAILBOX: "1" }), /DEV_MAILBOX is refused in production/);
  });

  it("a malformed SMTP_URL stops it", async () => {
    expectOneClearLine(await start({ AUTH_SECRET: secret, SMTP_URL: "mail.example.org:25" }), /SMTP_URL must look like smtp:\/\//);
  });

  it("an unreachable DATABASE_URL stops it", async () => {
    const port = await findClosedPort();
    expectOneClearLine(
      await start({ AUTH_SECRET: secret, CRON_SECRET: secret, DATABASE_URL: `postgres://ploeg:geheim@127.0.0.1:${port}/ploeg` }),
      new RegExp(`127\\.0\\.0\\.1:${port}`),
    );
  });
});

// `npm start` refuses bad production settings with one clear line and a non-zero exit: bad settings
// before Next starts, an unreachable database while it prepares. Runs the file `npm start` runs,
// bundled from the current source as `npm run build` does (into its own folder under .data/).
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleStart } from "@/scripts/build-start";
import { expectOneClearLine, findClosedPort, runScript } from "@/tests/setup/scripts";

let folder: string;
let bundleFolder: string;
let bundle: string;
const secret = "a-production-secret-of-enough-length-0123456789";

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "ploeg-start-test-"));
  // Inside the checkout: the bundle imports its packages from node_modules.
  await mkdir(path.join(process.cwd(), ".data"), { recursive: true });
  bundleFolder = await mkdtemp(path.join(process.cwd(), ".data", "start-test-"));
  bundle = path.join(bundleFolder, "start.mjs");
  await bundleStart(bundle);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(bundleFolder, { recursive: true, force: true });
});

// The server listens while the database check runs: give it a free port on 127.0.0.1, never 3000.
async function start(env: Record<string, string>) {
  const port = await findClosedPort();
  return runScript(bundle, ["-H", "127.0.0.1", "-p", String(port)], { PGLITE_DIR: path.join(folder, "pglite"), ...env });
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

describe("what starting loads", () => {
  // Node resolves an imported ESM package file by file, reading its package.json again for each
  // (drizzle-orm's: 175 KiB, some 400 files); bundled, the start reads none of them.
  it("the file `npm start` runs imports no package from node_modules before it serves", async () => {
    // The bundle and the chunks it imports statically, followed from the bundle.
    const staticImports = new Set<string>();
    const pending = [bundle];
    for (let file = pending.pop(); file; file = pending.pop()) {
      const source = await readFile(file, "utf8");
      for (const [, from, bare] of source.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
        const specifier = from ?? bare;
        if (specifier.startsWith("./") || specifier.startsWith("../")) pending.push(path.resolve(path.dirname(file), specifier));
        else staticImports.add(specifier);
      }
    }
    expect(staticImports).toContain("node:http");
    expect([...staticImports].filter((specifier) => !specifier.startsWith("node:"))).toEqual([]);
  });

  it("a database driver is loaded only for the driver in use, from a chunk of its own", async () => {
    const chunks = await readdir(path.join(bundleFolder, "start-chunks"));
    const drivers = await Promise.all(chunks.map(async (file) => readFile(path.join(bundleFolder, "start-chunks", file), "utf8")));
    for (const driver of ['from "pg"', 'from "@electric-sql/pglite"', 'from "@neondatabase/serverless"']) {
      expect(drivers.filter((chunk) => chunk.includes(driver))).toHaveLength(1);
      expect(await readFile(bundle, "utf8")).not.toContain(driver);
    }
  });
});

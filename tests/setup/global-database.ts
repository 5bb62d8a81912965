// Vitest global setup: migrate once per run, so every test file starts from a copy instead of
// re-running the migrations (PGlite: a dumped data folder; Postgres: a template database).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { adminQuery, randomDatabaseName, readTestDatabaseTarget, urlForDatabase, type TestDriver } from "./test-database-target";

/** What each test file learns from the global setup (must be JSON-serialisable). */
export type ProvidedTestDatabase =
  | { driver: "pglite"; dumpPath: string }
  | { driver: "pg" | "neon"; adminUrl: string; template: string; neonWsProxy: string | undefined };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: ProvidedTestDatabase;
  }
}

type Dumpable = { dumpDataDir: (compression?: "none" | "gzip" | "auto") => Promise<Blob> };

function pgliteClientOf(handle: DatabaseHandle): Dumpable {
  const client = (handle.db as unknown as { $client?: Partial<Dumpable> }).$client;
  if (!client || typeof client.dumpDataDir !== "function") {
    throw new Error("The PGlite handle does not expose its client; cannot dump the migrated data folder");
  }
  return client as Dumpable;
}

async function preparePglite(): Promise<{ provided: ProvidedTestDatabase; teardown: () => Promise<void> }> {
  const handle = await openDatabase({ driver: "pglite" });
  let folder: string | undefined;
  try {
    await migrateDatabase(handle);
    // Uncompressed: loading a 40 MB tar is faster than gunzipping a 5 MB one in every test file.
    const dump = await pgliteClientOf(handle).dumpDataDir("none");
    folder = await mkdtemp(path.join(os.tmpdir(), "ploeg-test-pglite-"));
    const dumpPath = path.join(folder, "migrated.tar");
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    const created = folder;
    return { provided: { driver: "pglite", dumpPath }, teardown: () => rm(created, { recursive: true, force: true }) };
  } catch (error) {
    if (folder) await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await handle.close();
  }
}


async function preparePostgres(
  driver: Exclude<TestDriver, "pglite">,
  adminUrl: string,
  neonWsProxy: string | undefined,
): Promise<{ provided: ProvidedTestDatabase; teardown: () => Promise<void> }> {
  const template = randomDatabaseName("ploeg_template");
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const dropTemplate = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  try {
    // Migrate through the driver under test, so its migrator is exercised too.
    const handle = await openDatabase({ driver, url: urlForDatabase(adminUrl, template), neonWsProxy, poolSize: 1 });
    try {
      await migrateDatabase(handle);
    } finally {
      // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
      await handle.close();
    }
  } catch (error) {
    await dropTemplate();
    throw error;
  }
  return { provided: { driver, adminUrl, template, neonWsProxy }, teardown: dropTemplate };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = readTestDatabaseTarget();
  const started = Date.now();
  const prepared =
    target.driver === "pglite" ? await preparePglite() : await preparePostgres(target.driver, target.adminUrl, target.neonWsProxy);
  project.provide("testDatabase", prepared.provided);
  console.log(`[test database] ${target.driver}: migrated once in ${Date.now() - started} ms`);
  return prepared.teardown;
}

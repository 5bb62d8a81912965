// Which database server the test run targets, read once from TEST_* variables by the global setup
// and by each test file; shared so both sides agree on names and defaults.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestDriver = "pglite" | "pg" | "neon";

export type TestDatabaseTarget =
  | { driver: "pglite" }
  | { driver: "pg" | "neon"; adminUrl: string; neonWsProxy: string | undefined };

/** Reads TEST_DATABASE_DRIVER (pglite by default), TEST_DATABASE_URL and TEST_NEON_WS_PROXY. */
export function readTestDatabaseTarget(source: Record<string, string | undefined> = process.env): TestDatabaseTarget {
  const driver = (source.TEST_DATABASE_DRIVER ?? "pglite").trim() || "pglite";
  if (driver === "pglite") return { driver };
  if (driver !== "pg" && driver !== "neon") {
    throw new Error(`TEST_DATABASE_DRIVER must be pglite, pg or neon, not "${driver}"`);
  }
  const adminUrl = source.TEST_DATABASE_URL?.trim();
  if (!adminUrl) {
    throw new Error(`TEST_DATABASE_DRIVER=${driver} needs TEST_DATABASE_URL (the admin URL of a real Postgres server)`);
  }
  const neonWsProxy = source.TEST_NEON_WS_PROXY?.trim() || undefined;
  if (driver === "neon" && !neonWsProxy) {
    throw new Error("TEST_DATABASE_DRIVER=neon needs TEST_NEON_WS_PROXY (host:port/v1 of the local WebSocket proxy)");
  }
  return { driver, adminUrl, neonWsProxy };
}

/** A unique database name; only [a-z0-9_] so it never needs quoting. */
export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** The admin URL with its database swapped for another one on the same server. */
export function urlForDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement (CREATE/DROP DATABASE) on the server's admin connection. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

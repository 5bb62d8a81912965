// The one database handle. It picks embedded PGlite, node-postgres or Neon from the environment;
// nothing else in the code can tell which driver is in use.
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema/all";
import { installQueryErrorRedaction } from "./query-errors";
import { env, type Env } from "@/lib/env";

// Before any query runs: a failed query's error never carries its SQL or parameters into a log.
installQueryErrorRedaction();

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Code that may run inside or outside a transaction takes either. */
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  driver: Env["databaseDriver"];
  close: () => Promise<void>;
};

export type OpenOptions = {
  driver: Env["databaseDriver"];
  url?: string;
  /** PGlite data folder; omit for an in-memory database. */
  pgliteDir?: string;
  /** PGlite: start from a dumped data folder (tests migrate once and load the dump). */
  loadDataDir?: Blob | File;
  /** Neon driver only: host:port/path of a WebSocket proxy (local tests run one in front of Postgres). */
  neonWsProxy?: string;
  poolSize?: number;
};

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const [{ PGlite }, { pg_trgm }, { unaccent }, { fuzzystrmatch }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite/contrib/fuzzystrmatch"),
    import("drizzle-orm/pglite"),
  ]);
  if (options.pgliteDir) {
    const { mkdirSync } = await import("node:fs");
    // PGlite does not create parent folders itself.
    mkdirSync(options.pgliteDir, { recursive: true });
  }
  const client = new PGlite({ dataDir: options.pgliteDir, extensions: { pg_trgm, unaccent, fuzzystrmatch }, loadDataDir: options.loadDataDir });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

async function openNodePostgres(options: OpenOptions): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, driver: "pg", close: () => pool.end() };
}

async function openNeon(options: OpenOptions): Promise<DatabaseHandle> {
  const [{ Pool, neonConfig }, { default: ws }, { drizzle }] = await Promise.all([
    import("@neondatabase/serverless"),
    import("ws"),
    import("drizzle-orm/neon-serverless"),
  ]);
  // The Pool (WebSocket) driver, not neon-http: the roster needs interactive transactions.
  neonConfig.webSocketConstructor = ws;
  if (options.neonWsProxy) {
    const proxy = options.neonWsProxy;
    neonConfig.wsProxy = () => proxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  pool.on("error", () => {
    // See openNodePostgres: idle connection errors are recovered by the pool.
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, driver: "neon", close: () => pool.end() };
}

/** Opens a database with explicit options (CLI, tests, bench). */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  switch (options.driver) {
    case "pglite":
      return openPglite(options);
    case "pg":
      return openNodePostgres(options);
    case "neon":
      return openNeon(options);
  }
}

export function optionsFromEnv(e: Env = env()): OpenOptions {
  return { driver: e.databaseDriver, url: e.databaseUrl, pgliteDir: e.pgliteDir, neonWsProxy: e.neonWsProxy };
}

type Holder = { handle?: Promise<DatabaseHandle>; override?: Db; opensAfter?: Promise<unknown> };
// One handle per process, kept on globalThis so Next's module layers and dev reloads share it
// (PGlite must never open the same folder twice).
const holder: Holder = ((globalThis as { __ploegDb?: Holder }).__ploegDb ??= {});

/** The process's database, opened from the environment on first use. */
export async function getDb(): Promise<Db> {
  if (holder.override) return holder.override;
  if (!holder.handle) {
    const open = () => openDatabase(optionsFromEnv());
    holder.handle = holder.opensAfter ? holder.opensAfter.then(open, open) : open();
  }
  return (await holder.handle).db;
}

/**
 * The process's own handle opens only once `check` has settled: `npm start` checks the database on a
 * handle of its own while Next prepares, and PGlite must not have its folder open twice.
 */
export function openDatabaseAfter(check: Promise<unknown>): void {
  holder.opensAfter = check;
}

/** Tests point the whole app at their own database. */
export function overrideDatabase(db: Db | undefined): void {
  holder.override = db;
}

/** Closes the environment's handle (CLI commands end with this). */
export async function closeDb(): Promise<void> {
  const handle = holder.handle;
  holder.handle = undefined;
  if (handle) await (await handle).close();
}

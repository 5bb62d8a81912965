// SQL statements the app sends, read from pg_stat_statements. The app connects with its own role, so
// the bench's own queries (made as `postgres`) never count; the database id keeps the other size out.
import type pg from "pg";

export type StatementStat = {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
};

export type StatementTotals = {
  calls: number;
  totalMs: number;
  statements: StatementStat[];
};

/** Forgets every statement counted so far (the whole cluster). */
export async function resetStatements(admin: pg.Client): Promise<void> {
  await admin.query("SELECT pg_stat_statements_reset()");
}

/** Statements the `role` ran in `database` since the last reset, most total time first. */
export async function readStatements(admin: pg.Client, database: string, role: string): Promise<StatementTotals> {
  const result = await admin.query<{ query: string; calls: string; total_ms: number; mean_ms: number; rows: string }>(
    `SELECT query, calls, total_exec_time AS total_ms, mean_exec_time AS mean_ms, rows
       FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
        AND userid = (SELECT oid FROM pg_roles WHERE rolname = $2)
      ORDER BY total_exec_time DESC`,
    [database, role],
  );
  // bigint columns arrive as strings from node-postgres.
  const statements = result.rows.map((r) => ({
    query: r.query.replace(/\s+/g, " ").trim(),
    calls: Number(r.calls),
    totalMs: r.total_ms,
    meanMs: r.mean_ms,
    rows: Number(r.rows),
  }));
  return {
    calls: statements.reduce((sum, s) => sum + s.calls, 0),
    totalMs: statements.reduce((sum, s) => sum + s.totalMs, 0),
    statements,
  };
}

/**
 * Resolves once the role's statement count in `database` has not moved for `quietMs` (requests a
 * load generator abandoned are still being served), or after `timeoutMs` whatever the count.
 */
export async function waitUntilQuiet(admin: pg.Client, database: string, role: string, quietMs = 1_000, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const { calls } = await readStatements(admin, database, role);
    if (calls !== last) {
      last = calls;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Rows of a raw SQL query, for tests that read tables the way no query of the app does.
import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";

/** Raw SQL results differ per driver in type only: all three return `{ rows }`. */
export async function selectRows<Row>(run: Db | Tx, query: SQL): Promise<Row[]> {
  const result: unknown = await run.execute(query);
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error("The driver returned no rows array");
  return rows as Row[];
}

// Turns "the database is not there" into one line an operator can act on, for the CLI and dev script.
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { DatabaseHandle } from "./client";

export class DatabaseUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnreachableError";
  }
}

export type ReachabilityOptions = {
  /** The URL the handle was opened with (default: DATABASE_URL); only host, port, user and database appear in messages. */
  url?: string;
  /** PGlite: the data folder, for the message. */
  pgliteDir?: string;
  /** Give up after this long (a host that drops packets would otherwise hang for the driver's own timeout). */
  timeoutMs?: number;
};

type Target = { where: string; user: string; database: string };

function urlFromEnv(): string | undefined {
  try {
    return env().databaseUrl;
  } catch {
    return undefined;
  }
}

function describeTarget(url: string | undefined): Target {
  if (!url) return { where: "(geen DATABASE_URL)", user: "", database: "" };
  try {
    const parsed = new URL(url);
    return {
      where: `${parsed.hostname}:${parsed.port || "5432"}`,
      user: decodeURIComponent(parsed.username),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
    };
  } catch {
    return { where: "(ongeldige DATABASE_URL)", user: "", database: "" };
  }
}

/** Postgres SQLSTATE or Node's errno code, looked for through drizzle's wrappers and AggregateErrors. */
function findCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== "object" || error === null) return undefined;
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof candidate.code === "string") return candidate.code;
  if (Array.isArray(candidate.errors)) {
    for (const inner of candidate.errors) {
      const code = findCode(inner, depth + 1);
      if (code) return code;
    }
  }
  return findCode(candidate.cause, depth + 1);
}

function messageFor(code: string | undefined, target: Target): string {
  const hint = "controleer DATABASE_URL";
  switch (code) {
    case "28P01":
    case "28000":
      return `De database op ${target.where} weigert gebruiker "${target.user}" (verkeerd wachtwoord of geen toegang) — ${hint}`;
    case "3D000":
      return `De database "${target.database}" bestaat niet op ${target.where} — ${hint}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Kan de databaseserver ${target.where} niet vinden (onbekende hostnaam) — ${hint}`;
    default:
      return `Kan de database niet bereiken op ${target.where} — ${hint}`;
  }
}

/**
 * Runs `SELECT 1` on the handle. Throws DatabaseUnreachableError with a one-line Dutch message
 * (the driver's error as `cause`) when the database cannot be reached in time.
 */
export async function assertDatabaseReachable(handle: DatabaseHandle, options: ReachabilityOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const url = options.url ?? urlFromEnv();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const probe = handle.db.execute(sql`SELECT 1`).then(() => "ok" as const);
  try {
    const outcome = await Promise.race([probe, timeout]);
    if (outcome === "timeout") {
      // The probe may still settle later; its result no longer matters.
      probe.catch(() => {});
      throw new DatabaseUnreachableError(`${messageFor(undefined, describeTarget(url))} (geen antwoord binnen ${timeoutMs / 1000} s)`);
    }
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) throw error;
    if (handle.driver === "pglite") {
      const folder = options.pgliteDir ?? "PGLITE_DIR";
      throw new DatabaseUnreachableError(`Kan de ingebouwde database in ${folder} niet openen — controleer PGLITE_DIR`, { cause: error });
    }
    throw new DatabaseUnreachableError(messageFor(findCode(error), describeTarget(url)), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

// Turns whatever stopped an operator script (bad input, bad configuration, an unreachable database)
// into one line an operator can act on, never a stack trace.
import { ConfigError } from "@/lib/env";

/** Bad command-line input: the message says what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; address?: unknown; port?: unknown };

/** The error and everything it wraps (drizzle wraps driver errors in `cause`; Node's dual-stack connect in AggregateError). */
function unwrapErrors(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null) continue;
    const candidate = next as ErrorLike;
    found.push(candidate);
    if (candidate.cause !== undefined) queue.push(candidate.cause);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return found;
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? text.trim();
}

/** host:port of a postgres URL, without user or password. */
function describeServer(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "the database server";
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}`;
  } catch {
    return "the database server";
  }
}

// Postgres SQLSTATE codes an operator can fix: https://www.postgresql.org/docs/current/errcodes-appendix.html
const sqlStateHints: Record<string, string> = {
  "28P01": "the database refused the user name or password in DATABASE_URL",
  "28000": "the database refused the connection for this user (check DATABASE_URL and pg_hba.conf)",
  "3D000": "the database named in DATABASE_URL does not exist",
  "42P01": "the database has no tables yet: run `npm run ploeg -- migrate` first",
  "57P03": "the database server is starting up or shutting down; try again in a moment",
  "53300": "the database server has too many connections",
};

/** One line for the operator. `databaseUrl` only names the server in connection errors. */
export function describeOperatorError(error: unknown, databaseUrl?: string): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof ConfigError) return `Configuration error: ${error.problems.join("; ")}`;
  const chain = unwrapErrors(error);
  const server = describeServer(databaseUrl);
  for (const link of chain) {
    const code = typeof link.code === "string" ? link.code : undefined;
    if (code === "ECONNREFUSED") return `Cannot reach the database at ${server}: connection refused. Is the server running, and is DATABASE_URL right?`;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Cannot reach the database: the host in DATABASE_URL (${server}) is unknown.`;
    if (code === "ETIMEDOUT" || code === "ECONNRESET" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
      return `Cannot reach the database at ${server} (${code}). Check DATABASE_URL and the network.`;
    }
    if (code && sqlStateHints[code]) return `Database error: ${sqlStateHints[code]}.`;
  }
  for (const link of chain) {
    if (typeof link.message === "string" && /timeout/i.test(link.message) && /connect/i.test(link.message)) {
      return `Cannot reach the database at ${server}: the connection timed out. Check DATABASE_URL and the network.`;
    }
  }
  // The innermost message is the driver's own words, not drizzle's "Failed query: <sql>".
  const messages = chain.map((link) => (typeof link.message === "string" ? link.message : "")).filter((m) => m.trim() !== "");
  const innermost = messages.at(-1);
  return `Error: ${firstLine(innermost ?? String(error))}`;
}

// Failed queries never carry their SQL or parameters into an error message, a stack or a log line.
// Drizzle wraps every driver error in a DrizzleQueryError whose message is the whole statement and
// its parameters (tenant ids, search words, email addresses), and Next logs a thrown error with its
// message and cause. So the one method every driver's queries pass through is wrapped once, here,
// and rethrows a DatabaseQueryError that keeps only what an operator needs: the SQLSTATE code and
// the constraint's name.
import { DrizzleQueryError } from "drizzle-orm/errors";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

/** A failed query, described without its statement, parameters or the driver's detail text. */
export class DatabaseQueryError extends Error {
  /** SQLSTATE, e.g. "23505" for a unique violation; code that reacts to a conflict reads it. */
  readonly code: string | undefined;
  readonly constraint: string | undefined;

  constructor(code: string | undefined, constraint: string | undefined) {
    super(`Database query failed${code ? ` (SQLSTATE ${code}${constraint ? `, constraint ${constraint}` : ""})` : ""}`);
    this.name = "DatabaseQueryError";
    this.code = code;
    this.constraint = constraint;
  }
}

function stringField(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" && /^[\w.-]{1,80}$/.test(value) ? value : undefined;
}

/** The redacted form of anything a query threw; other errors (a connection refused) pass unchanged. */
export function redactQueryError(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const cause = error.cause;
  return new DatabaseQueryError(stringField(cause, "code"), stringField(cause, "constraint"));
}

const installed = Symbol.for("ploeg.queryErrorRedaction");

type Prototype = { queryWithCache: (...args: unknown[]) => Promise<unknown>; [installed]?: true };

/** Wraps Drizzle's query path once per process (idempotent: module layers may load this twice). */
export function installQueryErrorRedaction(): void {
  const prototype = PgPreparedQuery.prototype as unknown as Prototype;
  if (prototype[installed]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function queryWithRedactedErrors(this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw redactQueryError(error);
    }
  };
  prototype[installed] = true;
}

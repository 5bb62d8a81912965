// Where the app leaves its response cache (lib/cache/response-cache.ts) for the server in front of
// Next (scripts/serve.ts) to find: on globalThis, because the two are bundled apart. Imports nothing,
// so the server's own bundle stays small and starts quickly.
import type { IncomingMessage, ServerResponse } from "node:http";

export const RESPONSE_CACHE = Symbol.for("ploeg.cache.responses");

export type ResponseCacheStats = { entries: number; bytes: number; hits: number; misses: number; looks: number };

export type ResponseCache = {
  /** Answers from a kept document, or lets `render` (Next) answer and keeps what it sends. */
  handle(request: IncomingMessage, response: ServerResponse, render: () => Promise<void>): Promise<void>;
  stats(): ResponseCacheStats;
};

/** This process's response cache, once the app has registered it (production only). */
export function registeredResponseCache(): ResponseCache | undefined {
  return (globalThis as Record<symbol, ResponseCache | undefined>)[RESPONSE_CACHE];
}

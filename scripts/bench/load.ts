// Measuring one URL: concurrent load with autocannon, and a sequential run whose SQL statements
// pg_stat_statements counts. Latencies are kept per request as autocannon reports them (fractional
// milliseconds): its own histogram rounds to whole milliseconds and has no p95, and a static file's
// p95 is only a few milliseconds, where rounding would distort the ratio the target is about.
import autocannon from "autocannon";
import { FRESH_ID, withFreshIds } from "./pages";

export type LatencySummary = {
  /** Completed requests with a 2xx answer. */
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export type LoadResult = LatencySummary & {
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /**
   * Requests still in flight when the run ended: autocannon hangs up on them, but the server still
   * works on them. A page slower than the run answers none and leaves all of them here.
   */
  unanswered: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

/** Nearest-rank percentile of ascending `sorted`, in the unit of its values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
  };
}

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /**
   * Per-request timeout in seconds: longer than any run, so a slow page is measured as slow (and its
   * last requests as unanswered) instead of failing the run with timeouts.
   */
  timeoutSeconds?: number;
};

/** Keeps `connections` requests in flight for `durationSeconds`, each connection sending its next request as soon as the last one is answered. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let responses = 0;
  const instance = autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: options.timeoutSeconds ?? 120,
    // A new id for each request where the path asks for one (FRESH_ID).
    idReplacement: options.url.includes(FRESH_ID),
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    responses += 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  return {
    ...summarise(latencies),
    connections: options.connections,
    durationSeconds: result.duration,
    requestsPerSecond: latencies.length / result.duration,
    unanswered: Math.max(0, result.requests.sent - responses - result.errors),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/**
 * Sends `count` requests one after another (one client, no contention) and returns their latencies;
 * fewer when they take longer than `budgetMs` together (at least three), so a page that takes seconds
 * does not hold the bench for minutes. Throws on the first answer that is not 200, naming it.
 */
export async function runSequential(url: string, headers: Record<string, string>, count: number, budgetMs = Infinity): Promise<number[]> {
  const latencies: number[] = [];
  const runStarted = performance.now();
  for (let i = 0; i < count; i++) {
    if (i >= 3 && performance.now() - runStarted > budgetMs) break;
    const started = performance.now();
    const response = await fetch(withFreshIds(url), { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    // Read the whole body: the server's work is not done until the last byte is streamed.
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status} on request ${i + 1} of ${count}`);
  }
  return latencies;
}

// The part of autocannon 8's API the bench uses; the package ships no types and @types/autocannon
// is not a dependency. Shapes follow node_modules/autocannon/lib/run.js and aggregateResult.js.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds to wait for one response before counting a timeout. */
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
    title?: string;
    /** Only 2xx responses count towards latency and bytes when true. */
    excludeErrorStats?: boolean;
    /** Replaces every `[<id>]` in the request (its URL included) with a new id for each request. */
    idReplacement?: boolean;
  };

  /** Percentiles of an HDR histogram, keyed p0_001 … p99_999 (no p95). Latency values are whole milliseconds. */
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total?: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  };

  export type Result = {
    title?: string;
    url: string;
    connections: number;
    /** Seconds the run lasted. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram & { totalCount: number };
    requests: Histogram & { sent: number };
    throughput: Histogram;
  };

  /**
   * A running instance: also a promise of its result. Emits `response` (client, statusCode,
   * resBytes, responseTime in fractional milliseconds) for every completed request.
   */
  export type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };

  function autocannon(options: Options): Instance;
  export default autocannon;
}

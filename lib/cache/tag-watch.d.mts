// Types of tag-watch.mjs (plain JavaScript, so that Next can load the cache handler that uses it at run time).

export type TagSource = {
  /** Each tag stamped after `sinceMs` (epoch ms) with its latest stamp, one statement. */
  expiredSince(sinceMs: number): Promise<Array<{ tag: string; at: number }>>;
  expire(tags: string[]): Promise<void>;
};

export declare const TAG_SOURCE: unique symbol;
export declare const LOOK_BACK_MS: number;
export declare const MARGIN_MS: number;

import type { AsyncLocalStorage } from "node:async_hooks";

export type TagWatch = {
  look(): Promise<boolean>;
  readonly trusted: boolean;
  readonly looks: number;
  isStale(tags: string[], timestamp: number): boolean;
  isStaleForOrganisation(tenantId: string, timestamp: number): boolean;
  expiration(tags: string[]): number;
  note(tag: string, at: number): void;
  source(): TagSource | undefined;
};

export declare function createTagWatch(options?: {
  source?: () => Pick<TagSource, "expiredSince"> | undefined;
  clock?: () => number;
}): TagWatch;

export declare function sharedTagWatch(): TagWatch;

export type RequestDoneInFront = { looked: boolean; session?: { token: string; check: unknown } };

export declare function requestStore(): AsyncLocalStorage<RequestDoneInFront>;

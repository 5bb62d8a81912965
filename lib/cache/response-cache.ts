// Whole member pages kept per session for a short while, in front of Next (scripts/serve.ts, i.e.
// `npm start`). Rendering a page costs Next several milliseconds of CPU even when every fragment
// comes from the page cache; a member who opens the same page again (a reload, back from a shift,
// the roster between two sign-ups of a colleague) gets the document this server rendered for that
// same session, with a fresh CSP nonce, for two statements and no render:
//
// - the session check (`checkSession`, the statement every page runs): the entry is only used while
//   it still yields exactly the actor the page was rendered for (same account, person, role, name,
//   organisation, language; not blocked, signed out or owing a new password);
// - the tag look (lib/cache/tag-watch.mjs, the process's one watch, shared with the fragment cache):
//   the entry is only used while no table behind any page of the organisation has changed since its
//   render started (every tag of the organisation counts, whichever the page used), anywhere, on any
//   instance.
//
// What is kept is keyed by the request's host, path and query and cookies (so by session), so an
// entry never reaches another session, let alone another member. Only documents
// (no RSC, prefetch or action requests) of the listed member pages, answered 200 as HTML without
// setting cookies, are kept; everything else goes to Next untouched. An entry is used for at most
// RESPONSE_MAX_AGE_MS: what a page works out from the clock alone (a shift that has started, a
// confirmation deadline that passed) shows within that, every change of data at once.
import { constants as zlibConstants, gunzipSync, gzip } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookies } from "cookie";
import { checkSession, isMemberActor, type MemberActor, type SessionCheck } from "@/lib/accounts/queries";
import { readSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { createNonce } from "@/lib/security-headers";
import { RESPONSE_CACHE, type ResponseCache } from "./response-cache-slot";
import { createTagWatch, requestStore, sharedTagWatch, type TagSource } from "./tag-watch.mjs";

/** How long a kept page may be served: the bound on what changes with the clock alone. */
export const RESPONSE_MAX_AGE_MS = 30_000;

/** Bytes of documents kept (the oldest used go first); a member page is 15-40 KiB. */
const MAX_BYTES = 24 * 1024 * 1024;

/** A document larger than this is not kept. */
const MAX_DOCUMENT_BYTES = 256 * 1024;

/**
 * The pages served from here: each reads only the session, the clock and the page cache's fragments
 * (whose tables stamp a tag of the organisation on every change, drizzle/0015, 0016), and writes
 * nothing when it renders. The two coordinators' pages check the role themselves, which is part of
 * the actor a kept page must match.
 */
const CACHEABLE_PAGES = [
  /^\/dashboard\/hours$/,
  /^\/dashboard\/people$/,
  /^\/my$/,
  /^\/my\/shifts$/,
  /^\/my\/shifts\/[^/]+$/,
  /^\/my\/people$/,
  /^\/my\/people\/photos$/,
  /^\/my\/people\/[^/]+$/,
  /^\/my\/hours$/,
  /^\/my\/hours\/[^/]+$/,
];

/** Headers of a kept answer that belong to one response only. */
const PER_RESPONSE_HEADERS = new Set(["date", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "set-cookie"]);

/** Requests of Next's client router and of actions: never a document. */
const NON_DOCUMENT_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "range"];

type Kept = {
  tenantId: string;
  /** The actor the page was rendered for, as the session check returns it. */
  actor: string;
  /** When the render started (before its session check and reads). */
  startedAt: number;
  headers: Array<[string, string | string[]]>;
  /** The document split at its nonce: joined with a fresh one for every answer. */
  parts: string[];
  /** The nonce the document was rendered with, as it appears in the policy header. */
  nonce: string;
  bytes: number;
};

export type ResponseCacheOptions = {
  /** The tag expirations (tests); the app's database otherwise. */
  source?: () => Pick<TagSource, "expiredSince"> | undefined;
  clock?: () => number;
  /** The session check (tests); `checkSession` otherwise. */
  check?: typeof checkSession;
  maxBytes?: number;
};

function isCacheableRequest(request: IncomingMessage, pathname: string): boolean {
  if (request.method !== "GET") return false;
  if (NON_DOCUMENT_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return CACHEABLE_PAGES.some((page) => page.test(pathname));
}

/** The member of a session that may be served a kept page: signed in with a person, nothing owed. */
function servableActor(check: SessionCheck): MemberActor | null {
  if (check.status !== "ok" || check.providerAdmin) return null;
  const { actor } = check;
  if (!isMemberActor(actor) || actor.mustChangePassword || actor.providerVisit) return null;
  return actor;
}

const NONCE_IN_POLICY = /'nonce-([^']+)'/;

export function createResponseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const clock = options.clock ?? (() => Date.now());
  const check = options.check ?? checkSession;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  // The process's shared watch (the fragment cache then needs no look of its own for a request handed
  // on from here), unless a test hands its own source or clock.
  const watch = options.source || options.clock ? createTagWatch({ source: options.source, clock }) : sharedTagWatch();
  const kept = new Map<string, Kept>();
  let bytes = 0;
  const counts = { hits: 0, misses: 0 };

  function drop(key: string): void {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    bytes -= entry.bytes;
  }

  function keep(key: string, entry: Kept): void {
    drop(key);
    kept.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of kept.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  }

  function isCurrent(entry: Kept, tenantId: string, actor: string): boolean {
    if (entry.tenantId !== tenantId || entry.actor !== actor) return false;
    if (clock() - entry.startedAt > RESPONSE_MAX_AGE_MS) return false;
    // As the fragment cache: a change stamped up to MARGIN_MS after the render started may not be in it.
    return !watch.isStaleForOrganisation(tenantId, entry.startedAt);
  }

  function answer(request: IncomingMessage, response: ServerResponse, entry: Kept): void {
    const nonce = createNonce();
    const body = Buffer.from(entry.parts.join(nonce), "utf8");
    for (const [name, value] of entry.headers) {
      response.setHeader(name, name === "content-security-policy" ? String(value).replaceAll(entry.nonce, nonce) : value);
    }
    response.statusCode = 200;
    if (!acceptsGzip(request)) {
      response.setHeader("content-length", body.byteLength);
      response.end(body);
      return;
    }
    // Compressed beside the event loop (libuv's thread pool), as Next compresses what it renders.
    gzip(body, { level: zlibConstants.Z_DEFAULT_COMPRESSION }, (error, zipped) => {
      if (error) {
        response.setHeader("content-length", body.byteLength);
        response.end(body);
        return;
      }
      response.setHeader("content-encoding", "gzip");
      response.setHeader("content-length", zipped.byteLength);
      response.end(zipped);
    });
  }

  /** Lets Next answer and keeps a copy of a document worth keeping. */
  async function renderAndKeep(response: ServerResponse, render: () => Promise<void>, key: string, base: Omit<Kept, "headers" | "parts" | "nonce" | "bytes">) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.byteLength;
      if (size > MAX_DOCUMENT_BYTES) tooLarge = true;
      else chunks.push(buffer);
    };
    const write = response.write;
    const end = response.end;
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse["end"];
    response.once("finish", () => {
      if (tooLarge) return;
      const entry = keptFrom(response, Buffer.concat(chunks));
      if (entry) keep(key, { ...base, ...entry });
    });
    await render();
  }

  return {
    async handle(request, response, render) {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (!isCacheableRequest(request, url.pathname)) return render();
      const cookieHeader = request.headers.cookie ?? "";
      const cookieName = sessionCookieName();
      const token = parseCookies(cookieHeader)[cookieName];
      if (!token) return render();
      let actor: MemberActor | null;
      let standing: SessionCheck | undefined;
      const startedAt = clock();
      try {
        const claims = await readSessionToken(token, cookieName);
        if (!claims) return render();
        const [checked, trusted] = await Promise.all([check(claims), watch.look()]);
        standing = checked;
        actor = trusted ? servableActor(standing) : null;
      } catch {
        // The page's own session check meets the same problem and answers it.
        actor = null;
      }
      if (!actor || !standing) return render();
      // Handed on with the page's render: it uses this check of the same cookie instead of its own,
      // and the fragment cache the look just made (two statements for a first view, as for a kept one).
      const done = { looked: true, session: { token, check: standing } };
      const renderAfterCheck = () => requestStore().run(done, render);
      // No page reads other request headers (the language is the member's, in the actor).
      const key = [request.headers.host ?? "", request.url ?? "", cookieHeader].join("\n");
      const print = JSON.stringify(actor);
      const entry = kept.get(key);
      if (entry && isCurrent(entry, actor.tenantId, print)) {
        counts.hits += 1;
        // Most recently used last.
        kept.delete(key);
        kept.set(key, entry);
        answer(request, response, entry);
        return;
      }
      counts.misses += 1;
      if (entry) drop(key);
      await renderAndKeep(response, renderAfterCheck, key, { tenantId: actor.tenantId, actor: print, startedAt });
    },
    stats() {
      return { entries: kept.size, bytes, ...counts, looks: watch.looks };
    },
  };
}

/** What to keep of a finished answer, or null when it is not a whole page worth keeping. */
function keptFrom(response: ServerResponse, sent: Buffer): Omit<Kept, "tenantId" | "actor" | "startedAt"> | null {
  if (response.statusCode !== 200 || response.getHeader("set-cookie") !== undefined) return null;
  const type = String(response.getHeader("content-type") ?? "");
  if (!type.startsWith("text/html")) return null;
  const encoding = String(response.getHeader("content-encoding") ?? "identity");
  let body: Buffer;
  try {
    if (encoding === "gzip") body = gunzipSync(sent);
    else if (encoding === "identity") body = sent;
    else return null;
  } catch {
    return null;
  }
  const nonce = NONCE_IN_POLICY.exec(String(response.getHeader("content-security-policy") ?? ""))?.[1];
  // Without its nonce a kept page could not be answered with a fresh one.
  if (!nonce) return null;
  const headers: Kept["headers"] = [];
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name)) continue;
    headers.push([name, typeof value === "number" ? String(value) : value]);
  }
  const html = body.toString("utf8");
  return { headers, parts: html.split(nonce), nonce, bytes: html.length * 2 + 1024 };
}

function acceptsGzip(request: IncomingMessage): boolean {
  const accepted = request.headers["accept-encoding"];
  return typeof accepted === "string" && /\bgzip\b/.test(accepted);
}

/** Makes this process's response cache, for `npm start`'s server (instrumentation.ts, production only). */
export function registerResponseCache(): void {
  const slot = globalThis as Record<symbol, ResponseCache | undefined>;
  slot[RESPONSE_CACHE] ??= createResponseCache();
}

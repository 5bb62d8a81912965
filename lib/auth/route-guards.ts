// The only way to build a route handler that serves tenant data: the same session, forced-password and
// role checks as the action guards (lib/auth/guards.ts), with refusals recorded the same way. Every
// app/**/route.ts is either built with these or declared public in lib/auth/public-entry-points.ts.
// Also the steps a coordinator's file export shares: the checked JSON body and the file answer.
import { createTranslator } from "next-intl";
import type { z } from "zod";
import type { Actor, MemberActor } from "@/lib/accounts/queries";
import { env } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { localeCookie, toLocale } from "@/lib/i18n/locales";
import { findControlCharacterField } from "@/lib/plain-text";
import { asMemberActor, checkActor, recordNotFound, refusesOtherOrganisationReference, runRefusable } from "./guards";
import type { GuardLevel } from "./refusals";

type RouteContext<P> = { params: Promise<P> };
type RouteHandler<P, A extends Actor = Actor> = (actor: A, request: Request, params: P) => Promise<Response>;

type RouteOptions<P> = {
  /** The tenant-owned records the address names, e.g. `({ id }) => ({ personId: id })`. */
  references?: (params: P) => Record<string, unknown>;
  /** The answer for a record of another organisation: the route's own "not found", so both look alike. */
  notFound?: () => Response;
};

/** The reader's language from the locale cookie, as pages choose it; Dutch without one. */
function routeTranslator(request: Request) {
  const cookie = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]*)`).exec(cookie);
  const locale = toLocale(match?.[1]);
  return createTranslator({ locale, messages: locale === "en" ? en : nl, namespace: "routeRefusals" });
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}

function buildRoute<P>(level: GuardLevel, name: string, handler: RouteHandler<P>, options: RouteOptions<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const checked = await checkActor(name, level);
    if (!checked.ok) {
      const t = routeTranslator(request);
      if (checked.reason === "role") return plain(403, t("forbidden"));
      if (checked.reason === "passwordChangeOwed") return plain(403, t("passwordChangeOwed"));
      return plain(401, t("signedOut"));
    }
    const params = await context.params;
    const result = await runRefusable(name, level, checked.actor, options.references?.(params) ?? {}, () => handler(checked.actor, request, params));
    if (result.ok) return result.value;
    return options.notFound?.() ?? plain(404, routeTranslator(request)("notFound"));
  };
}

/** A route any active member of an organisation may open; the handler gets the member with their person record. */
export function memberRoute<P>(name: string, handler: RouteHandler<P, MemberActor>, options: RouteOptions<P> = {}) {
  return buildRoute<P>("member", name, (actor, request, params) => handler(asMemberActor(actor), request, params), options);
}

/** A route for coordinators and admins of the actor's own organisation. */
export function coordinatorRoute<P>(name: string, handler: RouteHandler<P>, options: RouteOptions<P> = {}) {
  return buildRoute("coordinator", name, handler, options);
}

/** A JSON answer that is never cached. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** Same-origin only: the browser's Origin (when sent) must be this app's. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === new URL(env().appUrl).origin || origin === new URL(request.url).origin;
}

/**
 * A coordinator's POST with a JSON body (a cross-site form cannot send one): built with
 * coordinatorRoute, then the body must be same-origin JSON (else 415), parse, hold no control
 * characters and match the schema (else 400); any record it names of another organisation is logged
 * and answered as missing. The handler gets the parsed input.
 */
export function coordinatorJsonRoute<S extends z.ZodType>(name: string, schema: S, handler: (actor: Actor, input: z.output<S>) => Promise<Response>) {
  return coordinatorRoute<Record<string, never>>(name, async (actor, request) => {
    if (!request.headers.get("content-type")?.startsWith("application/json") || !isSameOrigin(request)) return jsonResponse(415, { error: "invalid" });
    let raw: unknown;
    try {
      raw = await request.json();
    } catch {
      return jsonResponse(400, { error: "invalid" });
    }
    if (findControlCharacterField(raw)) return jsonResponse(400, { error: "invalid" });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return jsonResponse(400, { error: "invalid" });
    if (await refusesOtherOrganisationReference(name, "coordinator", actor, parsed.data)) recordNotFound();
    return handler(actor, parsed.data);
  });
}

/** A generated file as a download, never cached or sniffed; `headers` adds the route's own counts. */
export function fileResponse(file: { body: BodyInit; contentType: string; fileName: string }, headers: Record<string, string> = {}): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}

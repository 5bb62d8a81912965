// The only way to build a route handler that serves tenant data: the same session, forced-password and
// role checks as the action guards (lib/auth/guards.ts), with refusals recorded the same way. Every
// app/**/route.ts is either built with these or declared public in lib/auth/public-entry-points.ts.
import { createTranslator } from "next-intl";
import type { Actor, MemberActor } from "@/lib/accounts/queries";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { localeCookie, toLocale } from "@/lib/i18n/locales";
import { asMemberActor, checkActor, runRefusable } from "./guards";
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

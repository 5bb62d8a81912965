// The green button in every member email: /l/<token> signs in and opens the link's destination.
// A route handler, because only handlers and actions may set the session cookie; GET signs in and
// changes nothing else (mail scanners open links before people do).
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { blockedNoticePath } from "@/lib/accounts/blocking/blocked-notice";
import { holdSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { linkOpenPerClient, signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { consumeRateLimit } from "@/lib/accounts/rate-limit";
import { getClientKey } from "@/lib/auth/client";
import { signIn } from "@/lib/auth/config";

const problemPage = (problem: "expired" | "invalid" | "failed") => `/sign-in/link?problem=${problem}`;

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const limit = await consumeRateLimit(linkOpenPerClient, await getClientKey());
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds);
  const result = await signInWithLink(token);
  if (!result.ok) redirect(result.reason === "blocked" ? blockedNoticePath(result.tenantId) : problemPage(result.reason));
  if (result.kind === "second-factor") {
    await holdSecondFactorChallenge(result.challenge);
    redirect("/sign-in/verify");
  }
  try {
    // Sets the session cookie and throws Next's redirect to the destination, which must propagate.
    await signIn("credentials", { ticket: result.ticket, redirectTo: result.destination });
  } catch (error) {
    if (error instanceof AuthError) redirect(problemPage("failed"));
    throw error;
  }
  redirect(result.destination);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTTP 429 with Retry-After, and a short page saying what happened and when to try again. */
async function tooManyRequests(retryAfterSeconds: number): Promise<Response> {
  const [locale, t, tl] = await Promise.all([getLocale(), getTranslations("signInLink"), getTranslations("lockout")]);
  const title = escapeHtml(t("busyTitle"));
  const body = escapeHtml(tl("tooManyAttempts", { seconds: retryAfterSeconds }));
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p><p><a href="/sign-in">${escapeHtml(t("toSignIn"))}</a></p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfterSeconds), "cache-control": "no-store" },
  });
}

/** Link checkers probe with HEAD: answer without looking at the token, signing in or counting a use. */
export function HEAD(): Response {
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}

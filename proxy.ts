// Security headers for every page (a Content-Security-Policy with a fresh nonce, see
// lib/security-headers.ts), and optimistic redirects: visitors without a session cookie are sent to
// sign in. Every page and action checks the session against the database itself
// (lib/auth/session.ts, lib/auth/guards.ts); this is for convenience, not security.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_BODY_LIMIT_BYTES, UPLOAD_REFUSED_PARAM } from "@/lib/request-limits";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security-headers";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const signedInAreas = ["/my", "/dashboard", "/provider"];

/**
 * A post larger than Next accepts would end in an error page. A plain form post (no JavaScript: no
 * Next-Action header) goes back to its page, which shows the form's "too large" message; a script's
 * post gets 413. The body is not read.
 */
function refuseOversizedPost(request: NextRequest, policy: string): NextResponse | null {
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= REQUEST_BODY_LIMIT_BYTES) return null;
  let response: NextResponse;
  if (request.headers.has("next-action")) {
    response = new NextResponse("Request too large", { status: 413, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
  } else {
    const url = request.nextUrl.clone();
    url.search = "";
    url.searchParams.set(UPLOAD_REFUSED_PARAM, "tooLarge");
    response = NextResponse.redirect(url, 303);
    response.headers.set("connection", "close");
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

function isSignedInArea(pathname: string): boolean {
  return signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export function proxy(request: NextRequest) {
  const settings = env();
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, development: settings.nodeEnv === "development", https: settings.secureCookies });

  const oversized = refuseOversizedPost(request, policy);
  if (oversized) return oversized;

  if (isSignedInArea(request.nextUrl.pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    // Back to the page asked for after signing in; the sign-in page accepts only same-site paths.
    const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("callbackUrl", callbackUrl);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set("content-security-policy", policy);
    return redirect;
  }

  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages and route handlers; not the build's static files, the image optimiser, the app icon or robots.txt.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|robots.txt).*)"],
};

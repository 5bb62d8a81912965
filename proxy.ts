// Security headers for every page (a Content-Security-Policy with a fresh nonce, see
// lib/security-headers.ts), and optimistic redirects: visitors without a session cookie are sent to
// sign in. Every page and action checks the session against the database itself
// (lib/auth/session.ts, lib/auth/guards.ts); this is for convenience, not security.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security-headers";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const signedInAreas = ["/my", "/dashboard"];

function isSignedInArea(pathname: string): boolean {
  return signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export function proxy(request: NextRequest) {
  const settings = env();
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, development: settings.nodeEnv === "development", https: settings.secureCookies });

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

// Optimistic redirects only: sends visitors without a session cookie to sign in. Every page and action
// checks the session against the database itself (lib/auth/session.ts, lib/auth/guards.ts).
import { NextResponse, type NextRequest } from "next/server";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = request.nextUrl.clone();
    // Back to the page asked for after signing in; the sign-in page accepts only same-site paths.
    const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("callbackUrl", callbackUrl);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/my/:path*", "/dashboard/:path*"] };

import type { NextConfig } from "next";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";
import { REQUEST_BODY_LIMIT_MB } from "./lib/request-limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Keep PGlite's and the HEIC decoder's wasm and the native hashers out of the bundles (and out of
  // public static files).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "pg", "@neondatabase/serverless", "ws", "heic-decode"],
  poweredByHeader: false,
  // Headers for every response, static files included (the Content-Security-Policy, which needs a
  // nonce per request, is set in proxy.ts). A later entry wins for the same header: the secret-link
  // pages (sign-in and reset links) send no referrer at all.
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    ];
    const noReferrer = [{ key: "Referrer-Policy", value: "no-referrer" }];
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/l/:token*", headers: noReferrer },
      { source: "/sign-in/reset/:token*", headers: noReferrer },
    ];
  },
  // `next dev` listens on localhost; journeys and AUTH_URL use 127.0.0.1. Without this the dev
  // server refuses the HMR socket from 127.0.0.1 and client components never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // Separate build folders let a test server and a dev server run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Member pages compose fragments rendered once per organisation (and day, page, language) with
  // the member's own small part ("use cache", cacheTag, cacheLife; see lib/cache/tags.ts and the
  // README's "Page cache" section). Through `experimental.useCache` rather than `cacheComponents`:
  // every page reads the session, so a prerendered shell would be empty, and on Next 16.4
  // `cacheComponents` also keeps up to three visited pages hidden in the document (React Activity),
  // which left a member on the password page after a forced password change and duplicated forms.
  cacheHandlers: { default: path.resolve(process.cwd(), "lib/cache/handler.mjs") },
  experimental: {
    useCache: true,
    // Photo uploads (lib/people/actions.ts) take up to 15 MB; proxy.ts sees every /my request body too
    // and answers a larger one itself.
    serverActions: { bodySizeLimit: `${REQUEST_BODY_LIMIT_MB}mb` },
    proxyClientMaxBodySize: `${REQUEST_BODY_LIMIT_MB}mb`,
    // Next would otherwise load every route's server code right after it starts, in the same event
    // loop as the first requests, which then wait for it (about a second on two busy cores). Each
    // route's code now loads with its own first request, and a server that only ever serves a few
    // routes never holds the others in memory.
    preloadEntriesOnStart: false,
  },
};

export default withNextIntl(nextConfig);

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Keep PGlite's and the HEIC decoder's wasm and the native hashers out of the bundles (and out of
  // public static files).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "sharp", "pg", "@neondatabase/serverless", "ws", "heic-decode"],
  poweredByHeader: false,
  // `next dev` listens on localhost; journeys and AUTH_URL use 127.0.0.1. Without this the dev
  // server refuses the HMR socket from 127.0.0.1 and client components never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // Separate build folders let a test server and a dev server run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Photo uploads (lib/people/actions.ts) take up to 15 MB; proxy.ts sees every /my request body too.
    serverActions: { bodySizeLimit: "16mb" },
    proxyClientMaxBodySize: "16mb",
  },
};

export default withNextIntl(nextConfig);

// Where Node's compile cache for a production build lives: beside the build, so a new build starts a
// new one. `npm start` (scripts/start.ts) keeps it there and `npm run build` (scripts/build-start.ts)
// fills it. One level below the checkout both as source (scripts/) and bundled (dist/).
import path from "node:path";

export function compileCacheDir(distDir: string = process.env.NEXT_DIST_DIR || ".next"): string {
  return path.resolve(import.meta.dirname, "..", distDir, "cache", "node-compile-cache");
}

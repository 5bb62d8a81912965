// `npm run build`'s last step: bundles what `npm start` runs (scripts/start.ts and the app code it
// imports) into one plain ESM file that node runs as it is. At run time that saves tsx's transform and
// its resident esbuild service; `next` and every other package stay imports from node_modules. Then
// fills Node's compile cache for the build (where scripts/start.ts keeps it) with Next's server
// modules, so that the first `npm start` after a build loads them as quickly as every later one.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { compileCacheDir } from "./compile-cache";

const root = path.resolve(import.meta.dirname, "..");

/** Where `npm start` looks for it. */
export const startBundle = path.join(root, "dist", "start.mjs");

/** Writes the bundle to `outfile`; it must sit inside the checkout, whose node_modules it imports from. */
export async function bundleStart(outfile: string = startBundle): Promise<void> {
  await build({
    entryPoints: [path.join(root, "scripts", "start.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}

/**
 * Loads the modules a production server loads before its first answer, in a separate Node process
 * (the same Node as `npm start`: the cache is per Node version) with the compile cache switched on.
 * Nothing is started and no setting or database is needed.
 */
export function warmCompileCache(distDir?: string): void {
  const script = `
    import nodeModule from "node:module";
    nodeModule.enableCompileCache(${JSON.stringify(compileCacheDir(distDir))});
    const require = nodeModule.createRequire(${JSON.stringify(path.join(root, "package.json"))});
    await import("next");
    require("next/dist/server/next-server.js");
    require("next/dist/server/lib/router-server.js");
    nodeModule.flushCompileCache();
  `;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await bundleStart();
  warmCompileCache();
}

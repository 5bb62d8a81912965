// `npm run build`'s last step: bundles what `npm start` runs (scripts/start.ts and the app code it
// imports) into one plain ESM file that node runs as it is. At run time that saves tsx's transform and
// its resident esbuild service; `next` and every other package stay imports from node_modules. Then
// fills Node's compile cache for the build (where scripts/start.ts keeps it) with Next's server
// modules, so that the first `npm start` after a build loads them as quickly as every later one.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { compileCacheDir } from "./compile-cache";

const root = path.resolve(import.meta.dirname, "..");

/** Where `npm start` looks for it. */
export const startBundle = path.join(root, "dist", "start.mjs");
const chunksDir = "start-chunks";

/**
 * Pure-JavaScript packages the start loads in full, bundled rather than imported: Node resolves each
 * file of an imported ESM package on its own, and for each it parses the package's package.json again
 * (drizzle-orm's is 175 KiB of `exports`, for some 400 files): about a quarter of a second of every
 * start, in the server's thread and again in the database check's.
 */
const bundledPackages = ["drizzle-orm", "zod"];

/** The package a bare import names (`@scope/name` or `name`), or undefined for paths, aliases and builtins. */
function importedPackage(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("@/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function externalPackagesExcept(bundled: string[]): Plugin {
  return {
    name: "external-packages",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
        const name = importedPackage(specifier);
        return name === undefined || bundled.includes(name) ? undefined : { path: specifier, external: true };
      });
    },
  };
}

/**
 * Writes the bundle to `outfile`, with the modules it imports only when needed (a database driver,
 * drizzle's adapter for it) in chunks beside it, so that starting never loads them. It must sit
 * inside the checkout, whose node_modules it imports from.
 */
export async function bundleStart(outfile: string = startBundle): Promise<void> {
  const outdir = path.dirname(outfile);
  rmSync(path.join(outdir, chunksDir), { recursive: true, force: true });
  await build({
    entryPoints: { [path.basename(outfile, ".mjs")]: path.join(root, "scripts", "start.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    chunkNames: `${chunksDir}/[name]-[hash]`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    // Packages stay imports from node_modules, except those bundled below.
    plugins: [externalPackagesExcept(bundledPackages)],
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

// `npm run build`'s last step: bundles what `npm start` runs (scripts/start.ts and the app code it
// imports) into one plain ESM file that node runs as it is. At run time that saves tsx's transform and
// its resident esbuild service; `next` and every other package stay imports from node_modules.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await bundleStart();

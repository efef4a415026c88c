import path from "node:path";
import { build } from "esbuild";

/**
 * Bundles an extension's REAL target modules (unchanged) and a stand-in's own page scripts for the
 * demo's stand-ins (dev/pos, dev/checkout). Each bundle is whole (its own Preact), as each
 * sandbox of POS or checkout loads its target on its own.
 */
export interface ExtensionBundleOptions {
  /** Served path without ".js" → source file, e.g. { "targets/tile": ".../Tile.tsx" }. */
  entryPoints: Record<string, string>;
  /** Build-time replacements, as the Shopify CLI's bundler makes them (`process.env.APP_URL`). */
  define?: Record<string, string>;
}

const OUT_DIR = "/bundle";

/** Bundled scripts by the path the stand-in serves them at, e.g. "/targets/modal.js". */
export async function bundleExtensionScripts(options: ExtensionBundleOptions): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(options.entryPoints).map(([name, file]) => [name, path.resolve(file)]),
    ),
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // The extensions' own settings (their tsconfig.json): Preact's JSX runtime.
    jsx: "automatic",
    jsxImportSource: "preact",
    define: options.define ?? {},
    outdir: OUT_DIR,
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice(OUT_DIR.length), file.text]));
}

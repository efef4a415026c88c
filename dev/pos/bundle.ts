import path from "node:path";
import { build } from "esbuild";

/**
 * The POS stand-in's scripts, bundled when the demo starts: the extension's REAL targets
 * (extensions/pos-fulfilment/src, unchanged) and the stand-in's own page scripts. Each bundle is
 * whole (its own Preact), as each POS sandbox loads its target on its own.
 */
const EXTENSION_SRC = path.resolve("extensions/pos-fulfilment/src");
const BROWSER_SRC = path.resolve("dev/pos/browser");

/** Bundled scripts by the path the stand-in serves them at, e.g. "/targets/modal.js". */
export async function bundlePosScripts(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: {
      "targets/tile": path.join(EXTENSION_SRC, "Tile.tsx"),
      "targets/modal": path.join(EXTENSION_SRC, "Modal.tsx"),
      "targets/order-block": path.join(EXTENSION_SRC, "OrderBlock.tsx"),
      "targets/order-action": path.join(EXTENSION_SRC, "OrderAction.tsx"),
      host: path.join(BROWSER_SRC, "host.ts"),
      sandbox: path.join(BROWSER_SRC, "sandbox.ts"),
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // The extension's own settings (extensions/pos-fulfilment/tsconfig.json): Preact's JSX runtime.
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "/pos",
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice("/pos".length), file.text]));
}

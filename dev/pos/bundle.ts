import path from "node:path";
import { bundleExtensionScripts } from "../extension-host/bundle";

/**
 * The POS stand-in's scripts, bundled when the demo starts: the extension's REAL targets
 * (extensions/pos-fulfilment/src, unchanged) and the stand-in's own page scripts.
 */
const EXTENSION_SRC = "extensions/pos-fulfilment/src";
const BROWSER_SRC = "dev/pos/browser";

/** Bundled scripts by the path the stand-in serves them at, e.g. "/targets/modal.js". */
export async function bundlePosScripts(): Promise<Map<string, string>> {
  return bundleExtensionScripts({
    entryPoints: {
      "targets/tile": path.join(EXTENSION_SRC, "Tile.tsx"),
      "targets/modal": path.join(EXTENSION_SRC, "Modal.tsx"),
      "targets/order-block": path.join(EXTENSION_SRC, "OrderBlock.tsx"),
      "targets/order-action": path.join(EXTENSION_SRC, "OrderAction.tsx"),
      host: path.join(BROWSER_SRC, "host.ts"),
      sandbox: path.join(BROWSER_SRC, "sandbox.ts"),
    },
  });
}

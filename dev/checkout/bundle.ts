import { bundleExtensionScripts } from "../extension-host/bundle";

/**
 * The Checkout stand-in's scripts, bundled when the demo starts: the checkout extension's REAL
 * targets (extensions/checkout-pickup/src, unchanged: the pickup option item, and the pickup pass
 * of the thank-you and order status pages) and the stand-in's own page scripts. The
 * extension is built as `shopify app build` builds it: `process.env.APP_URL` replaced by the
 * app's URL, so it calls the app across origins (with CORS), as from Shopify's CDN.
 */
export async function bundleCheckoutScripts(appUrl: string): Promise<Map<string, string>> {
  return bundleExtensionScripts({
    entryPoints: {
      "targets/pickup-option": "extensions/checkout-pickup/src/PickupOptionItem.tsx",
      "targets/thank-you-pass": "extensions/checkout-pickup/src/ThankYouPickupPass.tsx",
      "targets/order-status-pass": "extensions/checkout-pickup/src/OrderStatusPickupPass.tsx",
      host: "dev/checkout/browser/host.ts",
      sandbox: "dev/checkout/browser/sandbox.ts",
      "order-page-sandbox": "dev/checkout/browser/order-page-sandbox.ts",
    },
    define: { "process.env.APP_URL": JSON.stringify(appUrl) },
  });
}

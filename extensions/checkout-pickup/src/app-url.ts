// The Shopify CLI's bundler replaces `process.env.NAME` with the value it has at build time:
// `shopify app dev` sets APP_URL to the tunnel, and `shopify app build|deploy` takes APP_URL from
// the app's .env or the environment. Checkout runs the bundle where no `process` exists.
declare const process: { env: Record<string, string | undefined> };

const AVAILABILITY_PATH = "/api/checkout/pickup-availability";

function bundledAppUrl(): string | undefined {
  try {
    return process.env.APP_URL;
  } catch {
    // Built without APP_URL: the reference stayed, and checkout has no `process`.
    return undefined;
  }
}

/**
 * Where the availability API is. Checkout calls from a sandbox on Shopify's CDN, so only an
 * absolute URL reaches the app; without one (a page serving the extension from the app's own
 * origin) the path is relative. The demo's checkout stand-in bundles it with APP_URL set.
 */
export function availabilityUrl(appUrl: string | undefined = bundledAppUrl()): string {
  return appUrl ? `${appUrl.replace(/\/+$/, "")}${AVAILABILITY_PATH}` : AVAILABILITY_PATH;
}

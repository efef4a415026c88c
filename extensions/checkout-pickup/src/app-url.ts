// The Shopify CLI's bundler replaces `process.env.NAME` with the value it has at build time:
// `shopify app dev` sets APP_URL to the tunnel, and `shopify app build|deploy` takes APP_URL from
// the app's .env or the environment. Checkout runs the bundle where no `process` exists.
declare const process: { env: Record<string, string | undefined> };

const AVAILABILITY_PATH = "/api/checkout/pickup-availability";
/** The thank-you page's block, with checkout's session token. */
const CHECKOUT_PASS_PATH = "/api/checkout/pickup-pass";
/** The order status page's block, with the customer account's session token. */
const CUSTOMER_ACCOUNT_PASS_PATH = "/api/customer-account/pickup-pass";

function bundledAppUrl(): string | undefined {
  try {
    return process.env.APP_URL;
  } catch {
    // Built without APP_URL: the reference stayed, and checkout has no `process`.
    return undefined;
  }
}

/**
 * Where one of the app's APIs is. Checkout and customer accounts call from a sandbox on Shopify's
 * CDN, so only an absolute URL reaches the app; without one (a page serving the extension from the
 * app's own origin) the path is relative. The demo's checkout stand-in bundles it with APP_URL set.
 */
export function appApiUrl(path: string, appUrl: string | undefined = bundledAppUrl()): string {
  return appUrl ? `${appUrl.replace(/\/+$/, "")}${path}` : path;
}

/** Where the availability API is. */
export function availabilityUrl(appUrl: string | undefined = bundledAppUrl()): string {
  return appApiUrl(AVAILABILITY_PATH, appUrl);
}

/** Where the thank-you page's block asks for the pickup pass. */
export function checkoutPassUrl(appUrl: string | undefined = bundledAppUrl()): string {
  return appApiUrl(CHECKOUT_PASS_PATH, appUrl);
}

/** Where the order status page's block asks for the pickup pass. */
export function customerAccountPassUrl(appUrl: string | undefined = bundledAppUrl()): string {
  return appApiUrl(CUSTOMER_ACCOUNT_PASS_PATH, appUrl);
}

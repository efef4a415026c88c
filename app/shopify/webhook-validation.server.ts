import { LogSeverity, shopifyApi, type WebhookValidation } from "@shopify/shopify-api";
import { env } from "~/env.server";
import { ADMIN_API_VERSION } from "~/shopify.server";

/**
 * Shopify's own webhook check (HMAC of the raw body with the app secret, required headers), from
 * `@shopify/shopify-api`, which the Remix package's `authenticate.webhook` wraps. The wrapper also
 * loads (and may refresh) the shop's offline session for every delivery: a database round trip per
 * webhook that the app's handlers never use (they call the Admin API from jobs). ADR 014.
 */
const api = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

/**
 * The library looks every header it needs up by canonicalising the names of all the request's
 * headers, each time: a delivery's dozen or more proxy and client headers made that a tenth of
 * the app's CPU per webhook. It is handed only Shopify's own headers, which are all it reads.
 */
function shopifyHeadersOf(request: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of request.headers) {
    if (name.startsWith("x-shopify-") || name.startsWith("shopify-")) headers.set(name, value);
  }
  return headers;
}

export function validateWebhook(rawBody: string, request: Request): Promise<WebhookValidation> {
  const rawRequest = new Request(request.url, { method: request.method, headers: shopifyHeadersOf(request) });
  return api.webhooks.validate({ rawBody, rawRequest });
}

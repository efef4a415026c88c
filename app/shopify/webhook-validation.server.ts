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
 * The library looks every header it needs up by canonicalising the names of all the headers it
 * was handed, each time, and converts the request twice: the work grows with the square of the
 * headers handed over, and with a delivery's dozen or more proxy and client headers it was a tenth
 * of the app's CPU per webhook. It is handed only the headers it requires of the delivery's kind
 * (Shopify's webhooks, or its events); the optional ones the app uses are read here.
 */
const REQUIRED_HEADERS = {
  webhooks: ["x-shopify-hmac-sha256", "x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-webhook-id"],
  events: [
    "shopify-hmac-sha256",
    "shopify-topic",
    "shopify-shop-domain",
    "shopify-api-version",
    "shopify-webhook-id",
    "shopify-event-id",
  ],
} as const;

function requiredHeadersOf(request: Request): { headers: Headers; prefix: "x-shopify-" | "shopify-" } {
  const kind = request.headers.has("x-shopify-hmac-sha256") ? "webhooks" : "events";
  const headers = new Headers();
  for (const name of REQUIRED_HEADERS[kind]) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return { headers, prefix: kind === "webhooks" ? "x-shopify-" : "shopify-" };
}

export async function validateWebhook(rawBody: string, request: Request): Promise<WebhookValidation> {
  const { headers, prefix } = requiredHeadersOf(request);
  const rawRequest = new Request(request.url, { method: request.method, headers });
  const check = await api.webhooks.validate({ rawBody, rawRequest });
  if (!check.valid) return check;
  const eventId = check.eventId ?? request.headers.get(`${prefix}event-id`) ?? undefined;
  const triggeredAt = request.headers.get(`${prefix}triggered-at`) ?? undefined;
  return { ...check, ...(eventId ? { eventId } : {}), ...(triggeredAt ? { triggeredAt } : {}) };
}

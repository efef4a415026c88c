import { env } from "~/env.server";
import { readBodyUpTo } from "~/services/http/read-body-up-to";
import { jsonNestsDeeperThan } from "~/services/http/json-depth";
import { validateWebhook } from "~/shopify/webhook-validation.server";

/** A delivery Shopify signed, as its headers and body say. */
export interface VerifiedWebhook {
  shop: string;
  /** As Shopify's library names it: `app/uninstalled` → `APP_UNINSTALLED`. */
  topic: string;
  webhookId: string;
  eventId: string | undefined;
  apiVersion: string;
  triggeredAt: string | undefined;
  payload: unknown;
}

export class WebhookRejection extends Error {
  constructor(
    readonly status: 400 | 401 | 405 | 413,
    message: string,
  ) {
    super(message);
  }
}

const HMAC_HEADERS = ["x-shopify-hmac-sha256", "shopify-hmac-sha256"];

/**
 * The largest webhook body read (docs/operations.md): Shopify's payloads are tens of kilobytes
 * (an order of 250 lines stays well under a megabyte), and a body is read whole before its HMAC
 * can be checked, so anyone could otherwise make the process hold hundreds of megabytes.
 */
export const MAX_WEBHOOK_BODY_BYTES = 2 * 1024 * 1024;
/** Shopify's payloads nest a handful of levels; a deeper one is nobody's webhook. */
export const MAX_WEBHOOK_JSON_DEPTH = 64;

/** A shop's permanent domain, as Shopify sends it (or the development store domain the environment names). */
function isShopDomain(shop: string): boolean {
  const domains = ["myshopify.com", ...(env.SHOP_CUSTOM_DOMAIN ? [env.SHOP_CUSTOM_DOMAIN] : [])];
  const [name, ...rest] = shop.toLowerCase().split(".");
  return Boolean(name && /^[a-z0-9][a-z0-9-]*$/.test(name) && domains.includes(rest.join(".")));
}

/**
 * Shopify's own check (HMAC of the raw body with the app secret, required headers), after the
 * app's own limits, with every failure mapped to a 4xx: no HMAC or a wrong one is 401, a body
 * over MAX_WEBHOOK_BODY_BYTES is 413 (refused before it is all read), anything else the sender
 * got wrong (missing headers, a shop that is no shop domain, a body that is not JSON or nests
 * absurdly deep) is 400, never a 500.
 */
export async function verifyWebhook(request: Request): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw new WebhookRejection(405, "Webhooks are delivered with POST");
  if (!HMAC_HEADERS.some((name) => request.headers.get(name))) {
    throw new WebhookRejection(401, "Missing HMAC signature");
  }
  const shop = request.headers.get("x-shopify-shop-domain");
  if (shop !== null && !isShopDomain(shop)) {
    throw new WebhookRejection(400, "X-Shopify-Shop-Domain is not a shop's myshopify.com domain");
  }
  const body = await readBodyUpTo(request, MAX_WEBHOOK_BODY_BYTES);
  if (body.kind === "TOO_LARGE") throw new WebhookRejection(413, "Webhook body too large");
  if (body.kind === "UNREADABLE") throw new WebhookRejection(400, "Webhook body could not be read");
  const text = body.bytes.toString("utf8");
  if (jsonNestsDeeperThan(text, MAX_WEBHOOK_JSON_DEPTH)) {
    throw new WebhookRejection(400, "Webhook body nests too deep");
  }
  const check = await validateWebhook(text, request);
  if (!check.valid) {
    throw check.reason === "invalid_hmac" || check.reason === "missing_hmac"
      ? new WebhookRejection(401, "Invalid HMAC signature")
      : new WebhookRejection(400, "Invalid webhook headers");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new WebhookRejection(400, "Webhook body is not valid JSON");
  }
  return {
    shop: check.domain,
    topic: check.topic,
    webhookId: check.webhookId,
    eventId: check.eventId,
    apiVersion: check.apiVersion,
    triggeredAt: check.triggeredAt,
    payload,
  };
}

import crypto from "node:crypto";

/** The app's identity in tests: what Shopify would know it by. */
export const TEST_APP = {
  apiKey: "test-api-key-0123456789abcdef",
  apiSecret: "test-api-secret-0123456789abcdef",
  appUrl: "https://omniroute.test",
  // Seals the test shops' vendor credentials (CREDENTIALS_KEY): 32 bytes, base64.
  credentialsKey: "dGVzdC1jcmVkZW50aWFscy1rZXktMzItYnl0ZXMhISE=",
  scopes:
    "read_customers,read_locations,read_products,write_orders,write_inventory,write_merchant_managed_fulfillment_orders,write_third_party_fulfillment_orders",
} as const;

export interface WebhookDelivery {
  topic: string;
  shop: string;
  body: string;
  eventId?: string;
  webhookId?: string;
  triggeredAt?: string;
  /** Overrides the signature; `null` sends none. */
  hmac?: string | null;
  apiVersion?: string;
}

export function signWebhookBody(body: string, secret: string = TEST_APP.apiSecret): string {
  return crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/** A webhook request exactly as Shopify delivers it (headers, HMAC of the raw body). */
export function webhookRequest(path: string, delivery: WebhookDelivery): Request {
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": delivery.topic,
    "X-Shopify-Shop-Domain": delivery.shop,
    "X-Shopify-API-Version": delivery.apiVersion ?? "2026-04",
    "X-Shopify-Webhook-Id": delivery.webhookId ?? crypto.randomUUID(),
    "X-Shopify-Event-Id": delivery.eventId ?? crypto.randomUUID(),
    "X-Shopify-Triggered-At": delivery.triggeredAt ?? new Date().toISOString(),
  });
  const hmac = delivery.hmac === undefined ? signWebhookBody(delivery.body) : delivery.hmac;
  if (hmac !== null) headers.set("X-Shopify-Hmac-Sha256", hmac);
  return new Request(`${TEST_APP.appUrl}${path}`, { method: "POST", headers, body: delivery.body });
}

import { authenticate } from "~/shopify.server";

export type VerifiedWebhook = Awaited<ReturnType<typeof authenticate.webhook>>;

export class WebhookRejection extends Error {
  constructor(
    readonly status: 400 | 401 | 405,
    message: string,
  ) {
    super(message);
  }
}

const HMAC_HEADERS = ["x-shopify-hmac-sha256", "shopify-hmac-sha256"];

/**
 * Shopify's own check (HMAC of the raw body with the app secret, required headers),
 * with every failure mapped to a 4xx: no HMAC or a wrong one is 401, anything else the
 * sender got wrong (missing headers, a body that is not JSON) is 400, never a 500.
 */
export async function verifyWebhook(request: Request): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw new WebhookRejection(405, "Webhooks are delivered with POST");
  if (!HMAC_HEADERS.some((name) => request.headers.get(name))) {
    throw new WebhookRejection(401, "Missing HMAC signature");
  }
  try {
    return await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response) {
      throw new WebhookRejection(
        error.status === 401 ? 401 : 400,
        error.status === 401 ? "Invalid HMAC signature" : "Invalid webhook headers",
      );
    }
    if (error instanceof SyntaxError) throw new WebhookRejection(400, "Webhook body is not valid JSON");
    throw error;
  }
}

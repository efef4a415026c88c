import { z } from "zod";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { shopifyId } from "./shared-schemas";

const payload = z
  .object({
    id: shopifyId,
    name: z.string(),
    created_at: z.string(),
    customer: z.object({ id: shopifyId }).passthrough().nullish(),
    line_items: z.array(z.object({ quantity: z.number().int().nonnegative() }).passthrough()),
    shipping_lines: z
      .array(z.object({ title: z.string().nullish(), code: z.string().nullish() }).passthrough())
      .default([]),
  })
  .passthrough();

/**
 * orders/create: the order is recorded (the event log is the app's record of it, found by
 * customers/redact through its customer and order ids). Routing acts on
 * fulfillment_orders/order_routing_complete, once Shopify has assigned the order.
 */
export const ordersCreate: WebhookTopicHandler<typeof payload> = {
  topic: "ORDERS_CREATE",
  payload,
  subject: (body) => ({ customerId: body.customer?.id ?? null, orderIds: [body.id] }),
  async apply() {
    // Recording the event, done by receiveWebhook in this transaction, is the whole effect.
  },
};

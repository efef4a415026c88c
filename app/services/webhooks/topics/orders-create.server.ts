import { sqlPool } from "~/db.server";
import { recordOrderCreatedOnce } from "~/models/order-created-webhooks.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { orderContactOf, orderFactsOf, orderPayload, storedOrderSummaryOf } from "./order-payload";

/**
 * orders/create: the event is recorded (found by customers/redact through its customer and
 * order ids), the order's facts are kept for routing, which acts on
 * fulfillment_orders/order_routing_complete once Shopify has assigned the order, and the
 * shopper's contact for the order's messages. Every order sends it: recorded and applied in one
 * statement.
 */
export const ordersCreate: WebhookTopicHandler<typeof orderPayload> = {
  topic: "ORDERS_CREATE",
  payload: orderPayload,
  subject: (body) => ({ customerId: body.customer?.id ?? null, orderIds: [body.id] }),
  stored: storedOrderSummaryOf,
  async recordAndApply(event, payload) {
    await recordOrderCreatedOnce(sqlPool, event, orderFactsOf(payload), orderContactOf(payload));
  },
};

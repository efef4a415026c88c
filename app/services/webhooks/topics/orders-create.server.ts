import { upsertOrderContact } from "~/models/order-contacts.server";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { orderContactOf, orderFactsOf, orderPayload } from "./order-payload";

/**
 * orders/create: the event is recorded (found by customers/redact through its customer and
 * order ids), the order's facts are kept for routing, which acts on
 * fulfillment_orders/order_routing_complete once Shopify has assigned the order, and the
 * shopper's contact for the order's messages.
 */
export const ordersCreate: WebhookTopicHandler<typeof orderPayload> = {
  topic: "ORDERS_CREATE",
  payload: orderPayload,
  subject: (body) => ({ customerId: body.customer?.id ?? null, orderIds: [body.id] }),
  async apply(tx, webhook) {
    await upsertOrderFacts(tx, webhook.shop, orderFactsOf(webhook.payload), "WEBHOOK");
    // Who the order's messages go to (the notification cadence reads it when it sends).
    await upsertOrderContact(tx, webhook.shop, orderContactOf(webhook.payload));
  },
};

import { z } from "zod";
import { enqueueRoutingTrigger } from "~/services/routing/routing-jobs.server";
import { enqueueStoreTaskSync } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({
  fulfillment_order: z.object({
    id: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
    status: z.string(),
  }),
});

/**
 * fulfillment_orders/order_routing_complete: Shopify has assigned the order's fulfilment
 * orders; routing starts. The body names one fulfilment order, so the job first finds its
 * order (one per fulfilment order, queued in this transaction). Where Shopify assigned it to a
 * store, that store gets its task (a later move by routing ends it and opens one where it goes).
 */
export const fulfillmentOrdersRoutingComplete: WebhookTopicHandler<typeof payload> = {
  topic: "FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE",
  payload,
  async apply(tx, webhook) {
    await enqueueRoutingTrigger(tx, webhook.shop, webhook.payload.fulfillment_order.id);
    await enqueueStoreTaskSync(tx, webhook.shop, webhook.payload.fulfillment_order.id);
  },
};

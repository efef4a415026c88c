import { z } from "zod";
import { enqueueRoutingTrigger } from "~/services/routing/routing-jobs.server";
import { enqueueStoreTaskSyncAfterRouting } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({
  fulfillment_order: z.object({
    id: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
    status: z.string(),
  }),
});

/**
 * fulfillment_orders/order_routing_complete: Shopify has assigned the order's fulfilment
 * orders; routing starts. The body names one fulfilment order, so its job (queued in this
 * transaction) first finds the order, then routes it. The store-task sync queued with
 * it runs after routing's turn, for a fulfilment order routing did not settle (routing syncs the
 * ones it moves or keeps).
 */
export const fulfillmentOrdersRoutingComplete: WebhookTopicHandler<typeof payload> = {
  topic: "FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE",
  payload,
  async apply(tx, webhook) {
    await enqueueRoutingTrigger(tx, webhook.shop, webhook.payload.fulfillment_order.id);
    await enqueueStoreTaskSyncAfterRouting(tx, webhook.shop, webhook.payload.fulfillment_order.id);
  },
};

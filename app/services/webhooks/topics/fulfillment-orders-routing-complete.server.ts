import { z } from "zod";
import { sqlPool } from "~/db.server";
import { recordWebhookEventOnceWith } from "~/models/webhook-events.server";
import { routingTriggerJobPart } from "~/services/routing/routing-jobs.server";
import { storeTaskSyncAfterRoutingPart } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({
  fulfillment_order: z.object({
    id: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
    status: z.string(),
  }),
});

/**
 * fulfillment_orders/order_routing_complete: Shopify has assigned the order's fulfilment
 * orders; routing starts. The body names one fulfilment order, so its job first finds the order,
 * then routes it. The store-task sync queued with it runs after routing's turn, for a fulfilment
 * order routing did not settle (routing syncs the ones it moves or keeps). Every order sends it:
 * the event and both jobs go in one statement (decision 048), queued only when the event is new.
 */
export const fulfillmentOrdersRoutingComplete: WebhookTopicHandler<typeof payload> = {
  topic: "FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE",
  payload,
  async recordAndApply(event, payload) {
    const fulfillmentOrderId = payload.fulfillment_order.id;
    await recordWebhookEventOnceWith(sqlPool, event, { requireInstalled: true }, [
      (first) => routingTriggerJobPart(event.shop, fulfillmentOrderId, { first, gate: "recorded" }),
      (first) => storeTaskSyncAfterRoutingPart(event.shop, fulfillmentOrderId, { first, gate: "recorded" }),
    ]);
  },
};

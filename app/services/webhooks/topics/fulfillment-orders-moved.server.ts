import { z } from "zod";
import { numericIdOf, type ShopifyResource } from "~/domain/shopify-ids";
import { reconcileMovedFulfillmentOrder } from "~/services/routing/moves.server";
import { enqueueStoreTaskSync } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const gid = (type: ShopifyResource) =>
  z.string().refine((value) => numericIdOf(value, type) !== null, { message: `Expected a ${type} gid` });

const payload = z.object({
  original_fulfillment_order: z.object({ id: gid("FulfillmentOrder"), status: z.string() }).passthrough(),
  moved_fulfillment_order: z.object({ id: gid("FulfillmentOrder"), status: z.string() }).passthrough(),
  destination_location_id: gid("Location"),
  source_location: z
    .object({ id: gid("Location") })
    .passthrough()
    .nullish(),
});

/**
 * fulfillment_orders/moved: confirms a move. When the routing job lost the mutation's answer
 * (it may have run), this records it as done; the job's next run re-reads anyway. Whoever moved
 * it (the app, the merchant in admin), both fulfilment orders' store tasks follow: synced by jobs
 * queued here, unless routing brings them in step itself: it recorded this very move (and the
 * tasks with it, from the move's answer), or is making it now (decision 045).
 */
export const fulfillmentOrdersMoved: WebhookTopicHandler<typeof payload> = {
  topic: "FULFILLMENT_ORDERS_MOVED",
  payload,
  async apply(tx, webhook) {
    const { tasksFollowFromRouting } = await reconcileMovedFulfillmentOrder(tx, webhook.shop, {
      fulfillmentOrderId: webhook.payload.original_fulfillment_order.id,
      movedFulfillmentOrderId: webhook.payload.moved_fulfillment_order.id,
      sourceLocationId: webhook.payload.source_location?.id ?? null,
      destinationLocationId: webhook.payload.destination_location_id,
      at: webhook.triggeredAt,
    });
    if (tasksFollowFromRouting) return;
    const { original_fulfillment_order: original, moved_fulfillment_order: moved } = webhook.payload;
    for (const fulfillmentOrderId of new Set([original.id, moved.id])) {
      await enqueueStoreTaskSync(tx, webhook.shop, fulfillmentOrderId);
    }
  },
};

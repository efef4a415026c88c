import { z } from "zod";
import { numericIdOf } from "~/domain/shopify-ids";
import { enqueueStoreTaskSync } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";

const payload = z.object({
  fulfillment_order: z.object({
    id: z.string().refine((value) => numericIdOf(value, "FulfillmentOrder") !== null, {
      message: "Expected a FulfillmentOrder gid",
    }),
    status: z.string(),
  }),
});

/**
 * fulfillment_orders/hold_released: the last hold on a fulfilment order was released (Shopify
 * sends it once, when the status is no longer ON_HOLD). Its store task is synced: one the app
 * held because no location could take its lines goes back to picking
 * (services/store-tasks/hold-release.server.ts). The sync reads Shopify, so a late or repeated
 * delivery converges on the fulfilment order as it is then.
 */
export const fulfillmentOrdersHoldReleased: WebhookTopicHandler<typeof payload> = {
  topic: "FULFILLMENT_ORDERS_HOLD_RELEASED",
  payload,
  async apply(tx, webhook) {
    await enqueueStoreTaskSync(tx, webhook.shop, webhook.payload.fulfillment_order.id);
  },
};

import { releaseReservations } from "~/models/inventory-reservations.server";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import { enqueueStoreTaskSyncsOfOrder } from "~/services/store-tasks/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { orderFactsOf, orderPayload, storedOrderSummaryOf } from "./order-payload";

/**
 * orders/cancelled: the order is marked cancelled (routing leaves it alone from then on) and
 * the units its decision held stop counting: Shopify returns them to available. Its open store
 * tasks are synced, which ends them.
 */
export const ordersCancelled: WebhookTopicHandler<typeof orderPayload> = {
  topic: "ORDERS_CANCELLED",
  payload: orderPayload,
  subject: (body) => ({ customerId: body.customer?.id ?? null, orderIds: [body.id] }),
  stored: storedOrderSummaryOf,
  async apply(tx, webhook) {
    const facts = orderFactsOf(webhook.payload);
    await upsertOrderFacts(
      tx,
      webhook.shop,
      { ...facts, cancelledAt: facts.cancelledAt ?? webhook.triggeredAt },
      "WEBHOOK",
    );
    await releaseReservations(tx, webhook.shop, facts.orderId, "CANCELLED");
    await enqueueStoreTaskSyncsOfOrder(tx, webhook.shop, facts.orderId);
  },
};

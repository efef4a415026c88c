import type { Db } from "~/db/sql.server";
import { requireNumericId } from "~/domain/shopify-ids";
import { openStoreTasksOfOrder } from "~/models/store-tasks.server";
import { storeTasksSyncFulfillmentOrderJob } from "./sync-fulfillment-order.job.server";

/**
 * How a change Shopify or the app made to fulfilment orders reaches their store tasks: a sync
 * of each one concerned, queued in the transaction that records the change.
 */

/** Queues the sync of the fulfilment order (named by its gid or numeric id). */
export async function enqueueStoreTaskSync(tx: Db, shop: string, fulfillmentOrderId: string): Promise<void> {
  await storeTasksSyncFulfillmentOrderJob.enqueue(tx, {
    shop,
    fulfillmentOrderId: requireNumericId(fulfillmentOrderId, "FulfillmentOrder"),
  });
}

/** Queues the sync of every fulfilment order of the order that has an open task (a cancellation ends them). */
export async function enqueueStoreTaskSyncsOfOrder(tx: Db, shop: string, orderId: string): Promise<void> {
  const tasks = await openStoreTasksOfOrder(tx, shop, orderId);
  for (const fulfillmentOrderId of new Set(tasks.map((task) => task.fulfillmentOrderId))) {
    await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
  }
}

import type { StatementPart } from "~/db/gated-insert";
import type { Db } from "~/db/sql.server";
import type { JobPartPlacement } from "~/jobs/job-insert-part.server";
import { env } from "~/env.server";
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

/**
 * How long after Shopify assigns a fulfilment order its sync waits: routing (its aim: p95 under a second)
 * moves it or settles it there first, and queues the sync itself. Meanwhile the store Shopify chose
 * shows no task for an order routing is about to send elsewhere.
 */
const syncAfterRoutingSeconds = () => env.STORE_TASK_SYNC_AFTER_ROUTING_SECONDS ?? 5;

/**
 * The sync of a fulfilment order Shopify has just assigned, queued as a part of the caller's
 * statement to run after routing has had its turn: skipped when routing settled it, done when
 * routing did not (unroutable, nothing to route, a failed move, routing still waiting for the mirror).
 */
export function storeTaskSyncAfterRoutingPart(
  shop: string,
  fulfillmentOrderId: string,
  placement: JobPartPlacement,
): Promise<StatementPart> {
  return storeTasksSyncFulfillmentOrderJob.enqueuePart(
    { shop, fulfillmentOrderId: requireNumericId(fulfillmentOrderId, "FulfillmentOrder"), unlessRouted: true },
    placement,
    { startAfterSeconds: syncAfterRoutingSeconds() },
  );
}

/**
 * Cancels, as a part of the caller's statement, the sync queued by storeTaskSyncAfterRoutingPart
 * while it still waits, when `placement.gate` has a row: routing settled the fulfilment order,
 * so the sync would only have looked and done nothing.
 */
export function storeTaskSyncAfterRoutingCancelPart(
  shop: string,
  fulfillmentOrderId: string,
  placement: JobPartPlacement,
): StatementPart {
  return storeTasksSyncFulfillmentOrderJob.cancelWaitingPart(
    { shop, fulfillmentOrderId: requireNumericId(fulfillmentOrderId, "FulfillmentOrder"), unlessRouted: true },
    placement,
  );
}

/** Queues the sync of every fulfilment order of the order that has an open task (a cancellation ends them). */
export async function enqueueStoreTaskSyncsOfOrder(tx: Db, shop: string, orderId: string): Promise<void> {
  const tasks = await openStoreTasksOfOrder(tx, shop, orderId);
  for (const fulfillmentOrderId of new Set(tasks.map((task) => task.fulfillmentOrderId))) {
    await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
  }
}

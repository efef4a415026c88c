import prisma from "~/db.server";
import { PENDING_ACTION_FOR_EFFECT, type ShopifyEffect } from "~/domain/store-tasks/types";
import { clearPendingShopifyAction, findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { fetchFulfillmentOrderForStoreTask } from "~/shopify/operations/fulfillment-order-for-store-task.server";
import { markPreparedForPickup } from "~/shopify/operations/fulfillment-order-prepared-for-pickup.server";
import { reportFulfillmentOrderProgress } from "~/shopify/operations/fulfillment-order-report-progress.server";
import {
  createStoreTaskFulfillment,
  type StoreTaskFulfillment,
} from "~/shopify/operations/fulfillment-create-for-store-task.server";

/**
 * store-tasks.shopify-effect: tells Shopify what an associate did (picking started, ready for
 * pickup, handed over / shipped / out for delivery), queued in the transaction that recorded it.
 *
 * A lost answer is never blindly sent again: each run first reads the fulfilment order as
 * Shopify holds it now and sends only what is still needed (progress only while OPEN, a
 * fulfilment only for units still unfulfilled at the task's store). Ready for pickup cannot be
 * read back (see fulfillment-order-prepared-for-pickup.server.ts): Shopify's refusal of a second
 * one is the answer. When done, the task's pending call is cleared.
 */

export interface ShopifyEffectJob {
  shop: string;
  taskId: string;
  effect: ShopifyEffect;
  /** For FULFILL: the shopper's notification and the tracking, as the step recorded them. */
  fulfillment?: Omit<StoreTaskFulfillment, "fulfillmentOrderId">;
}

export interface ShopifyEffectDependencies {
  client(shop: string): AdminClient;
}

export const defaultShopifyEffectDependencies: ShopifyEffectDependencies = {
  client: (shop) => adminClientForShop(shop),
};

/** What the run did: sent the call, found it already done, or found nothing left to do. */
export type ShopifyEffectOutcome = "SENT" | "ALREADY_DONE" | "NOTHING_TO_DO";

/** Shopify refused the work for a reason time may clear (a hold): the job retries, then gives up. */
export class FulfillmentOrderNotWorkableError extends Error {
  override readonly name = "FulfillmentOrderNotWorkableError";
}

const ACTIVE = ["OPEN", "IN_PROGRESS", "SCHEDULED"];

export async function runShopifyEffect(
  job: ShopifyEffectJob,
  deps: ShopifyEffectDependencies = defaultShopifyEffectDependencies,
): Promise<ShopifyEffectOutcome> {
  const task = await findStoreTaskForEffect(prisma, job.shop, job.taskId);
  if (!task) return "NOTHING_TO_DO";
  const client = deps.client(job.shop);
  const fo = await fetchFulfillmentOrderForStoreTask(client, task.fulfillmentOrderId);
  const outcome = await sendWhatIsNeeded(client, job, task.fulfillmentOrderId, task.locationId, fo);
  await clearPendingShopifyAction(prisma, job.shop, task.id, PENDING_ACTION_FOR_EFFECT[job.effect]);
  return outcome;
}

async function sendWhatIsNeeded(
  client: AdminClient,
  job: ShopifyEffectJob,
  fulfillmentOrderId: string,
  locationId: string,
  fo: Awaited<ReturnType<typeof fetchFulfillmentOrderForStoreTask>>,
): Promise<ShopifyEffectOutcome> {
  const remaining = fo?.lineItems.reduce((sum, line) => sum + line.remainingQuantity, 0) ?? 0;
  // Gone from the store (moved, cancelled, closed) or fully fulfilled: the sync ends the task.
  if (!fo || fo.locationId !== locationId || fo.orderCancelled) return "NOTHING_TO_DO";
  if (fo.status === "CLOSED" || remaining === 0) return job.effect === "FULFILL" ? "ALREADY_DONE" : "NOTHING_TO_DO";
  if (fo.status === "ON_HOLD") {
    throw new FulfillmentOrderNotWorkableError(
      `Fulfilment order ${fulfillmentOrderId} is on hold in Shopify: release the hold, then retry`,
    );
  }
  if (!ACTIVE.includes(fo.status)) return "NOTHING_TO_DO";
  switch (job.effect) {
    case "REPORT_PROGRESS":
      if (fo.status === "IN_PROGRESS") return "ALREADY_DONE";
      await reportFulfillmentOrderProgress(client, fulfillmentOrderId, "Picking started at the store");
      return "SENT";
    case "PREPARED_FOR_PICKUP":
      return (await markPreparedForPickup(client, fulfillmentOrderId)) === "PREPARED" ? "SENT" : "ALREADY_DONE";
    case "FULFILL":
      await createStoreTaskFulfillment(client, {
        fulfillmentOrderId,
        notifyCustomer: job.fulfillment?.notifyCustomer ?? false,
        ...(job.fulfillment?.trackingInfo ? { trackingInfo: job.fulfillment.trackingInfo } : {}),
      });
      return "SENT";
  }
}

import prisma from "~/db.server";
import { PENDING_ACTION_FOR_EFFECT, type ShopifyEffect } from "~/domain/store-tasks/types";
import type { Prisma } from "@prisma/client";
import {
  clearPendingShopifyAction,
  findStoreTaskForEffect,
  setPendingShopifyActionIfNone,
} from "~/models/store-tasks-associate.server";
import { recordStoreTaskEvent } from "~/models/store-tasks.server";
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

/** Shopify's last answer, as the event keeps it: long enough to tell the cause, short enough to show. */
const ERROR_KEPT_CHARACTERS = 500;

/**
 * The job's retries ran out: the task stops showing "telling Shopify" and records that Shopify
 * did not take the step (the POS task shows it, the order page lists it), unless a later step set
 * another call meanwhile.
 */
export async function giveUpShopifyEffect(job: ShopifyEffectJob, error: unknown, at = new Date()): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await prisma.$transaction(async (tx) => {
    const task = await findStoreTaskForEffect(tx, job.shop, job.taskId);
    if (!task) return;
    await clearPendingShopifyAction(tx, job.shop, task.id, PENDING_ACTION_FOR_EFFECT[job.effect]);
    await recordEffectEvent(tx, task, at, {
      kind: "SHOPIFY_GAVE_UP",
      effect: job.effect,
      error: message.slice(0, ERROR_KEPT_CHARACTERS),
    });
  });
}

/** The merchant retried the dead letter: the task shows "telling Shopify" again until the job is done. */
export async function markShopifyEffectRetried(
  tx: Prisma.TransactionClient,
  job: ShopifyEffectJob,
  at = new Date(),
): Promise<void> {
  const task = await findStoreTaskForEffect(tx, job.shop, job.taskId);
  if (!task) return;
  await setPendingShopifyActionIfNone(tx, job.shop, task.id, PENDING_ACTION_FOR_EFFECT[job.effect]);
  await recordEffectEvent(tx, task, at, { kind: "SHOPIFY_RETRIED", effect: job.effect });
}

/** An event about the task's Shopify call: not a step, so its state stays. */
function recordEffectEvent(
  tx: Prisma.TransactionClient,
  task: NonNullable<Awaited<ReturnType<typeof findStoreTaskForEffect>>>,
  at: Date,
  detail: Parameters<typeof recordStoreTaskEvent>[2]["detail"],
) {
  return recordStoreTaskEvent(tx, task.shop, {
    taskId: task.id,
    fromState: task.state,
    toState: task.state,
    locationId: task.locationId,
    at,
    detail,
  });
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

import crypto from "node:crypto";
import prisma from "~/db.server";
import { findInventoryItemIdAt } from "~/models/inventory-levels.server";
import { findStoreTaskForEffect, type StoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { recordStoreTaskEvent } from "~/models/store-tasks.server";
import { AdminApiUserError } from "~/shopify/admin-api-errors";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { fetchAvailableAtLocation } from "~/shopify/operations/inventory-level-available.server";
import { setAvailableToZero } from "~/shopify/operations/inventory-set-available-zero.server";

/**
 * store-tasks.zero-store-stock: under the SET_SHOPIFY_ZERO exception stock policy, Shopify's
 * available quantity of a SKU an associate reported not found or damaged is set to 0 at that
 * store, queued with the exception hold the reroute records (so Shopify's own channels stop
 * selling it there as well as the app's routing).
 *
 * Each send reads the quantity first and sends it as `changeFromQuantity`: a sale or a recount
 * between the read and the send makes Shopify refuse it (CHANGE_FROM_QUANTITY_STALE), and the
 * job reads again and tries once more before giving up. The idempotency key is derived from the
 * task, the SKU and the quantity read, so a send repeated after a lost answer (by the client, or
 * by a retried job that read the same quantity) replays Shopify's first answer, while a send
 * after a fresh read is a new request. A retried job that finds 0 (or less: setting would add
 * stock) has nothing left to do. A give-up is recorded on the task, and so on the order page.
 */

export interface ZeroStoreStockJob {
  shop: string;
  taskId: string;
  locationId: string;
  sku: string;
}

export interface ZeroStoreStockDependencies {
  client(shop: string): AdminClient;
  now(): Date;
}

export const defaultZeroStoreStockDependencies: ZeroStoreStockDependencies = {
  client: (shop) => adminClientForShop(shop),
  now: () => new Date(),
};

export type ZeroStoreStockOutcome = "SET_TO_ZERO" | "ALREADY_ZERO" | "NOT_STOCKED" | "NOTHING_TO_DO" | "GAVE_UP";

/** One read-and-send, then one more after a stale answer. */
const ATTEMPTS = 2;

/** Shopify's last answer, as the event keeps it: long enough to tell the cause, short enough to show. */
const ERROR_KEPT_CHARACTERS = 500;

/** The same key for the same task, SKU and quantity read: shaped as a UUID, as Shopify recommends. */
export function zeroStockIdempotencyKey(job: ZeroStoreStockJob, fromQuantity: number): string {
  const hex = crypto
    .createHash("sha256")
    .update(`zero-store-stock|${job.shop}|${job.taskId}|${job.locationId}|${job.sku}|${fromQuantity}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function zeroStoreStock(
  job: ZeroStoreStockJob,
  deps: ZeroStoreStockDependencies = defaultZeroStoreStockDependencies,
): Promise<ZeroStoreStockOutcome> {
  const task = await findStoreTaskForEffect(prisma, job.shop, job.taskId);
  if (!task) return "NOTHING_TO_DO";
  const inventoryItemId = await findInventoryItemIdAt(prisma, job.shop, { locationId: job.locationId, sku: job.sku });
  if (!inventoryItemId) {
    await recordGiveUp(task, job, deps.now(), "The app's inventory mirror does not know this item at the store");
    return "GAVE_UP";
  }
  const client = deps.client(job.shop);
  const level = { locationId: job.locationId, inventoryItemId };
  let lastRefusal = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const available = await fetchAvailableAtLocation(client, level);
    if (available === null) return "NOT_STOCKED";
    if (available <= 0) return "ALREADY_ZERO";
    try {
      const sent = await setAvailableToZero(client, {
        ...level,
        fromQuantity: available,
        idempotencyKey: zeroStockIdempotencyKey(job, available),
        referenceDocumentUri: `gid://omniroute/StoreTask/${job.taskId}`,
      });
      if (sent === "SET") return "SET_TO_ZERO";
      lastRefusal = `The store's stock changed while it was being set to 0 (it was ${available})`;
    } catch (error) {
      if (!(error instanceof AdminApiUserError)) throw error;
      await recordGiveUp(task, job, deps.now(), error.message);
      return "GAVE_UP";
    }
  }
  await recordGiveUp(task, job, deps.now(), lastRefusal);
  return "GAVE_UP";
}

/** The job's retries ran out (Shopify unreachable): the task says the stock was not set to 0. */
export async function giveUpZeroStoreStock(job: ZeroStoreStockJob, error: unknown, at = new Date()): Promise<void> {
  const task = await findStoreTaskForEffect(prisma, job.shop, job.taskId);
  if (!task) return;
  await recordGiveUp(task, job, at, error instanceof Error ? error.message : String(error));
}

/** An event about the store's stock, not a step: the task's state stays. */
async function recordGiveUp(task: StoreTaskForEffect, job: ZeroStoreStockJob, at: Date, error: string): Promise<void> {
  await recordStoreTaskEvent(prisma, job.shop, {
    taskId: task.id,
    fromState: task.state,
    toState: task.state,
    locationId: task.locationId,
    at,
    detail: { kind: "STOCK_ZERO_GAVE_UP", sku: job.sku, error: error.slice(0, ERROR_KEPT_CHARACTERS) },
  });
}

import type { Prisma } from "@prisma/client";
import { z } from "zod";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES, sourceQueueOf, type QueueName } from "~/jobs/queues";
import { listDeadLetters, takeDeadLetter, type StoredDeadLetter } from "~/models/dead-letters.server";
import { findOrderFacts } from "~/models/routed-orders.server";
import { enqueueInventoryFullSync, enqueueLocationsSync } from "~/services/inventory/sync-triggers.server";
import { enqueueRouteOrder, enqueueRoutingTrigger } from "~/services/routing/routing-jobs.server";

/**
 * Work that gave up after its retries (Shopify down for long, a bug), as the merchant sees it:
 * what it was, why it last failed, and a retry that queues it again as new.
 */
export interface DeadLetter {
  id: string;
  /** What the work was, in the merchant's words. */
  description: string;
  /** The last attempt's error. */
  error: string;
  failedAt: Date;
}

const SHOWN = 50;

const shopJob = z.object({ shop: z.string() });
const orderJob = shopJob.extend({ orderId: z.string() });
const triggerJob = shopJob.extend({ fulfillmentOrderId: z.string() });

const DESCRIPTIONS: Partial<Record<QueueName, string>> = {
  [QUEUES.inventoryFullSync.name]: "Inventory full sync from Shopify",
  [QUEUES.inventoryLocationsSync.name]: "Locations sync from Shopify",
  [QUEUES.customerDataRequest.name]: "Customer data request",
  [QUEUES.customerRedact.name]: "Customer data erasure",
  [QUEUES.shopRedact.name]: "Store data erasure",
};

async function describeDeadLetter(shop: string, queue: string | null, data: Prisma.JsonValue): Promise<string> {
  if (queue === QUEUES.routingRouteOrder.name) {
    const job = orderJob.safeParse(data);
    if (job.success) {
      const facts = await findOrderFacts(prisma, shop, job.data.orderId);
      return `Routing order ${facts?.name ?? job.data.orderId}`;
    }
  }
  if (queue === QUEUES.routingResolveTrigger.name) {
    const job = triggerJob.safeParse(data);
    if (job.success) {
      return `Routing the order of fulfilment order ${job.data.fulfillmentOrderId.replace(/^.*\//, "")}`;
    }
  }
  return DESCRIPTIONS[queue as QueueName] ?? "Background work";
}

/** The error an attempt recorded: our workers store { message }, pg-boss's expiry { value: { message } }. */
const recordedError = z.object({
  message: z.string().optional(),
  value: z.object({ message: z.string() }).partial().optional(),
});

function errorOf(output: Prisma.JsonValue): string {
  const recorded = recordedError.safeParse(output);
  return (recorded.success && (recorded.data.message ?? recorded.data.value?.message)) || "No error was recorded";
}

export async function listShopDeadLetters(shop: string): Promise<DeadLetter[]> {
  const stored = await listDeadLetters(prisma, shop, SHOWN);
  return Promise.all(
    stored.map(async (letter) => ({
      id: letter.id,
      description: await describeDeadLetter(shop, sourceQueueOf(letter.name), letter.data),
      error: errorOf(letter.output),
      failedAt: letter.createdOn,
    })),
  );
}

/**
 * Queues a dead letter's work again, through the same enqueue as the first time (so a job
 * already queued for the same order or sync is not doubled), and removes the dead letter, in
 * one transaction.
 */
async function requeue(tx: Prisma.TransactionClient, shop: string, letter: StoredDeadLetter): Promise<void> {
  const queue = sourceQueueOf(letter.name);
  switch (queue) {
    case QUEUES.routingRouteOrder.name:
      await enqueueRouteOrder(tx, { shop, orderId: orderJob.parse(letter.data).orderId });
      return;
    case QUEUES.routingResolveTrigger.name:
      await enqueueRoutingTrigger(tx, shop, triggerJob.parse(letter.data).fulfillmentOrderId);
      return;
    case QUEUES.inventoryFullSync.name:
      await enqueueInventoryFullSync(tx, shop);
      return;
    case QUEUES.inventoryLocationsSync.name:
      await enqueueLocationsSync(tx, shop);
      return;
    case QUEUES.customerDataRequest.name:
    case QUEUES.customerRedact.name:
    case QUEUES.shopRedact.name:
      await enqueueInTransaction(await appJobQueue(), tx, queue, letter.data as object);
      return;
    default:
      throw new Error(`no retry for dead letters of ${letter.name}`);
  }
}

export type DeadLetterRetry = "QUEUED" | "NOT_FOUND";

export async function retryDeadLetter(shop: string, id: string): Promise<DeadLetterRetry> {
  return prisma.$transaction(async (tx) => {
    const letter = await takeDeadLetter(tx, shop, id);
    if (!letter) return "NOT_FOUND";
    await requeue(tx, shop, letter);
    return "QUEUED";
  });
}

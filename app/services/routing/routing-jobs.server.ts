import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { appJobQueue } from "~/jobs/app-job-queue.server";
import { enqueueInTransaction } from "~/jobs/jobs.server";
import { QUEUES } from "~/jobs/queues";

/** routing.resolve-trigger: find the order of the fulfilment order Shopify has assigned. */
export interface RoutingTriggerJob {
  shop: string;
  /** gid://shopify/FulfillmentOrder/… */
  fulfillmentOrderId: string;
}

/** routing.route-order: decide (once) and move the order's fulfilment orders. */
export interface RouteOrderJob {
  shop: string;
  /** Shopify's numeric order id. */
  orderId: string;
  /** Admin API points the trigger's job spent finding the order, added to the order's cost. */
  triggerCost?: { requested: number; actual: number };
}

export async function enqueueRoutingTrigger(
  tx: Prisma.TransactionClient,
  shop: string,
  fulfillmentOrderId: string,
): Promise<void> {
  const job: RoutingTriggerJob = { shop, fulfillmentOrderId };
  await enqueueInTransaction(await appJobQueue(), tx, QUEUES.routingResolveTrigger.name, job, {
    singletonKey: `${shop}:${fulfillmentOrderId}`,
  });
}

/**
 * Queues the order's routing job. Keyed by shop and order on a "stately" queue: one job of an
 * order runs at a time, and a trigger while one is queued is a no-op. Returns whether a job
 * was queued (false: one is already waiting).
 */
export async function enqueueRouteOrder(tx: Prisma.TransactionClient, job: RouteOrderJob): Promise<boolean> {
  const id = await enqueueInTransaction(await appJobQueue(), tx, QUEUES.routingRouteOrder.name, job, {
    singletonKey: `${job.shop}:${job.orderId}`,
  });
  return id !== null;
}

export function enqueueRouteOrderNow(job: RouteOrderJob): Promise<boolean> {
  return prisma.$transaction((tx) => enqueueRouteOrder(tx, job));
}

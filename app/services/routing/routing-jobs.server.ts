import type { StatementPart } from "~/db/gated-insert";
import type { Db } from "~/db/sql.server";
import type { JobPartPlacement } from "~/jobs/job-insert-part.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { routingResolveTriggerJob } from "./resolve-trigger.job.server";
import { routingRouteOrderJob, type RouteOrderJob } from "./route-order.job.server";

export type { RoutingTriggerJob } from "./resolve-trigger.job.server";
export type { RouteOrderJob } from "./route-order.job.server";

/**
 * How routing work is queued: a trigger for the fulfilment order Shopify has assigned, whose job
 * routes its order; a routing job of the order when another run held it, or to look again later. Both jobs' definitions import the routing job that queues the
 * second, so this module and route-order.server import each other; neither uses the other
 * until a job runs.
 */

/** The trigger's job for the fulfilment order (a gid), queued as a part of the caller's statement. */
export function routingTriggerJobPart(
  shop: string,
  fulfillmentOrderId: string,
  placement: JobPartPlacement,
): Promise<StatementPart> {
  return routingResolveTriggerJob.enqueuePart({ shop, fulfillmentOrderId }, placement);
}

/**
 * Queues the order's routing job. Keyed by shop and order on a "stately" queue: one job of an
 * order runs at a time, and a trigger while one is queued is a no-op. Returns whether a job
 * was queued (false: one is already waiting).
 */
export async function enqueueRouteOrder(tx: Db, job: RouteOrderJob): Promise<boolean> {
  return (await routingRouteOrderJob.enqueue(tx, job)) !== null;
}

/** Queues the order's routing again after `seconds`, keyed as any other (see enqueueRouteOrder). */
export async function enqueueRouteOrderLater(tx: Db, job: RouteOrderJob, seconds: number): Promise<boolean> {
  return (await routingRouteOrderJob.enqueue(tx, job, { startAfterSeconds: seconds })) !== null;
}

export function enqueueRouteOrderNow(job: RouteOrderJob): Promise<boolean> {
  return inSqlTransaction((tx) => enqueueRouteOrder(tx, job));
}

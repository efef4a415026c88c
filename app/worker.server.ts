import type PgBoss from "pg-boss";
import { QUEUES } from "./jobs/queues";
import type { CustomerDataRequestJob } from "./services/webhooks/topics/customers-data-request.server";
import type { CustomerRedactJob } from "./services/webhooks/topics/customers-redact.server";
import { assembleCustomerDataReport, eraseShopData, redactCustomerData } from "./services/compliance/compliance.server";
import { runInventoryFullSync } from "./services/inventory/full-sync.server";
import { syncLocations } from "./services/inventory/locations-sync.server";
import { shopAdminGraphql } from "./services/inventory/admin-graphql.server";
import { resolveRoutingTrigger, routeOrderJob } from "./services/routing/route-order.server";
import type { RouteOrderJob, RoutingTriggerJob } from "./services/routing/routing-jobs.server";
import {
  enqueueNightlyFullSyncs,
  scheduleNightlyInventorySync,
  type InventorySyncJob,
} from "./services/inventory/sync-triggers.server";

/**
 * What each queue's jobs do. This is an entry point, like a route: it wires queues to
 * services. Every handler is idempotent, because pg-boss delivers at least once.
 */
export const JOB_HANDLERS = {
  [QUEUES.shopRedact.name]: async (data: { shop: string }) => {
    await eraseShopData(data.shop);
  },
  [QUEUES.customerRedact.name]: async (data: CustomerRedactJob) => {
    await redactCustomerData(data.shop, data.customer);
  },
  [QUEUES.customerDataRequest.name]: async (data: CustomerDataRequestJob) => {
    await assembleCustomerDataReport(data.shop, data.dataRequestId, new Date());
  },
  [QUEUES.inventoryFullSync.name]: async (data: InventorySyncJob) => {
    await runInventoryFullSync(data.shop);
  },
  [QUEUES.inventoryLocationsSync.name]: async (data: InventorySyncJob) => {
    await syncLocations(data.shop, shopAdminGraphql(data.shop), () => new Date());
  },
  [QUEUES.inventoryNightlySync.name]: async () => {
    await enqueueNightlyFullSyncs();
  },
  [QUEUES.routingResolveTrigger.name]: async (data: RoutingTriggerJob) => {
    await resolveRoutingTrigger(data);
  },
  [QUEUES.routingRouteOrder.name]: async (data: RouteOrderJob) => {
    await routeOrderJob(data);
  },
} satisfies Record<string, (data: never) => Promise<void>>;

/**
 * Routing jobs are many and short, and a pg-boss worker takes one job per polling interval:
 * these queues get several workers polling twice a second. Jobs of one order still run one at
 * a time (their queues are "stately", keyed by order).
 */
const WORKERS_PER_QUEUE: Partial<Record<string, { workers: number; pollingIntervalSeconds: number }>> = {
  [QUEUES.routingResolveTrigger.name]: { workers: 2, pollingIntervalSeconds: 0.5 },
  [QUEUES.routingRouteOrder.name]: { workers: 4, pollingIntervalSeconds: 0.5 },
};

/** Registers workers for every queue on this pg-boss, and the cron schedules. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  for (const [queue, handler] of Object.entries(JOB_HANDLERS)) {
    const { workers, pollingIntervalSeconds } = WORKERS_PER_QUEUE[queue] ?? { workers: 1, pollingIntervalSeconds: 1 };
    for (let worker = 0; worker < workers; worker += 1) {
      await boss.work<never>(queue, { pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }
  await scheduleNightlyInventorySync(boss);
}

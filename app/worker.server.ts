import type PgBoss from "pg-boss";
import { databaseUrl } from "./db.server";
import { startJobRunner } from "./jobs/job-runner.server";
import { QUEUES } from "./jobs/queues";
import type { JobHandler, QueueConsumerOptions } from "./jobs/queue-consumer.server";
import type { CustomerDataRequestJob } from "./services/webhooks/topics/customers-data-request.server";
import type { CustomerRedactJob } from "./services/webhooks/topics/customers-redact.server";
import { assembleCustomerDataReport, eraseShopData, redactCustomerData } from "./services/compliance/compliance.server";
import { runInventoryFullSync } from "./services/inventory/full-sync.server";
import { syncLocations } from "./services/inventory/locations-sync.server";
import { shopAdminGraphql } from "./services/inventory/admin-graphql.server";
import { pruneWebhookEvents, scheduleWebhookEventPrune } from "./services/webhooks/webhook-event-retention.server";
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
  [QUEUES.webhookEventPrune.name]: async () => {
    await pruneWebhookEvents(new Date());
  },
  [QUEUES.routingResolveTrigger.name]: async (data: RoutingTriggerJob) => {
    await resolveRoutingTrigger(data);
  },
  [QUEUES.routingRouteOrder.name]: async (data: RouteOrderJob) => {
    await routeOrderJob(data);
  },
} satisfies Record<string, (data: never) => Promise<void>>;

const ROUTING_CONSUMER = { concurrency: 8, idlePollMs: 1_000 };
const DEFAULT_CONSUMER = { concurrency: 1, idlePollMs: 5_000 };

/**
 * How many jobs of each queue a worker process runs at once. Routing jobs are many, short and
 * mostly waiting on Shopify, so several run together; jobs of one order still run one at a time
 * (their queues are "stately", keyed by order). New jobs are announced, so the idle poll only
 * picks up retries coming due.
 */
const CONSUMER_OPTIONS: Partial<Record<string, QueueConsumerOptions>> = {
  [QUEUES.routingResolveTrigger.name]: ROUTING_CONSUMER,
  [QUEUES.routingRouteOrder.name]: ROUTING_CONSUMER,
};

/** Starts this process's consumers for every queue, and the cron schedules. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  const work = Object.fromEntries(
    Object.entries(JOB_HANDLERS).map(([queue, handler]) => [
      queue,
      // Each handler takes its own queue's job data, which pg-boss stored as given.
      { handler: handler as JobHandler, options: CONSUMER_OPTIONS[queue] ?? DEFAULT_CONSUMER },
    ]),
  );
  await startJobRunner(boss, databaseUrl, work);
  await scheduleNightlyInventorySync(boss);
  await scheduleWebhookEventPrune(boss);
}

import type PgBoss from "pg-boss";
import { QUEUES } from "./jobs/queues";
import type { CustomerDataRequestJob } from "./services/webhooks/topics/customers-data-request.server";
import type { CustomerRedactJob } from "./services/webhooks/topics/customers-redact.server";
import { assembleCustomerDataReport, eraseShopData, redactCustomerData } from "./services/compliance/compliance.server";
import { runInventoryFullSync } from "./services/inventory/full-sync.server";
import { syncLocations } from "./services/inventory/locations-sync.server";
import { shopAdminGraphql } from "./services/inventory/admin-graphql.server";
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
} satisfies Record<string, (data: never) => Promise<void>>;

/** Registers a worker for every queue on this pg-boss, and the cron schedules. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  for (const [queue, handler] of Object.entries(JOB_HANDLERS)) {
    await boss.work<never>(queue, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }
  await scheduleNightlyInventorySync(boss);
}

import { registerAppJobs } from "~/jobs/app-job-queue.server";
import type { AnyJobDefinition } from "~/jobs/job-definition.server";
import { customerDataRequestJob } from "~/services/compliance/customer-data-request.job.server";
import { customerRedactJob } from "~/services/compliance/customer-redact.job.server";
import { shopRedactJob } from "~/services/compliance/shop-redact.job.server";
import { inventoryFullSyncJob } from "~/services/inventory/full-sync.job.server";
import { inventoryLocationsSyncJob } from "~/services/inventory/locations-sync.job.server";
import { inventoryNightlySyncJob } from "~/services/inventory/nightly-sync.job.server";
import { notificationsRunningLateJob } from "~/services/notifications/running-late.job.server";
import { notificationsCancelUncollectedJob } from "~/services/notifications/uncollected/cancel-uncollected.job.server";
import { notificationsSendDueJob } from "~/services/notifications/send/send-due.job.server";
import { routingCompareRulesJob } from "~/services/routing-comparison/compare-rules.job.server";
import { routingPruneComparisonsJob } from "~/services/routing-comparison/prune-comparisons.job.server";
import { routingResolveTriggerJob } from "~/services/routing/resolve-trigger.job.server";
import { routingRouteOrderJob } from "~/services/routing/route-order.job.server";
import { storeTasksAlertEmailJob } from "~/services/store-tasks/alert-email.job.server";
import { storeTasksEscalateDueJob } from "~/services/store-tasks/escalate-due.job.server";
import { storeTasksEscalateTaskJob } from "~/services/store-tasks/escalate-task.job.server";
import { storeTasksRerouteExceptionJob } from "~/services/store-tasks/reroute-exception.job.server";
import { storeTasksShopifyEffectJob } from "~/services/store-tasks/shopify-effect.job.server";
import { storeTasksSyncFulfillmentOrderJob } from "~/services/store-tasks/sync-fulfillment-order.job.server";
import { storeTasksZeroStoreStockJob } from "~/services/store-tasks/zero-store-stock.job.server";
import { webhookEventPruneJob } from "~/services/webhooks/prune-events.job.server";

/**
 * Every job the app runs, each by its one definition (`defineJob`, beside its service): the
 * worker runs these, the dead-letter view describes and retries them, and pg-boss gets their
 * queues. It imports every job's service, so app/jobs/ cannot import it: it hands the jobs over.
 */
export const JOBS: readonly AnyJobDefinition[] = [
  shopRedactJob,
  customerRedactJob,
  customerDataRequestJob,
  inventoryFullSyncJob,
  inventoryLocationsSyncJob,
  inventoryNightlySyncJob,
  webhookEventPruneJob,
  routingResolveTriggerJob,
  routingRouteOrderJob,
  routingCompareRulesJob,
  routingPruneComparisonsJob,
  storeTasksSyncFulfillmentOrderJob,
  storeTasksShopifyEffectJob,
  storeTasksRerouteExceptionJob,
  storeTasksEscalateDueJob,
  storeTasksEscalateTaskJob,
  storeTasksZeroStoreStockJob,
  storeTasksAlertEmailJob,
  notificationsSendDueJob,
  notificationsRunningLateJob,
  notificationsCancelUncollectedJob,
];

// This process's pg-boss creates these queues as it starts (app/jobs/app-job-queue.server.ts).
registerAppJobs(JOBS);

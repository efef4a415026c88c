import type PgBoss from "pg-boss";

/**
 * Every queue the app uses, with its retry policy. Handlers are idempotent: pg-boss
 * delivers at least once, and a job whose retries run out lands in its queue's own
 * dead-letter queue, where it is kept for the merchant to see and retry. One per queue,
 * because pg-boss keeps only the job's data there, not where it came from.
 */
const DEAD_LETTER_SUFFIX = ".dead-letter";

export function deadLetterQueueOf(queue: string): string {
  return `${queue}${DEAD_LETTER_SUFFIX}`;
}

/** The queue whose dead letters `deadLetterQueue` keeps; null for any other queue. */
export function sourceQueueOf(deadLetterQueue: string): string | null {
  return deadLetterQueue.endsWith(DEAD_LETTER_SUFFIX) ? deadLetterQueue.slice(0, -DEAD_LETTER_SUFFIX.length) : null;
}

/** Dead letters are kept two weeks. */
const DEAD_LETTER_RETENTION_DAYS = 14;

interface QueueDefinition extends PgBoss.Queue {
  name: string;
}

/**
 * A routing job whose worker died is retried once this has passed (and maintenance has run).
 * A job takes seconds even when Shopify throttles it; one that runs longer is failed and retried.
 */
const ROUTING_JOB_EXPIRY_SECONDS = 60;

const standardRetry = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

export const QUEUES = {
  shopRedact: { name: "compliance.shop-redact", ...standardRetry },
  customerRedact: { name: "compliance.customer-redact", ...standardRetry },
  customerDataRequest: { name: "compliance.customer-data-request", ...standardRetry },
  // Inventory mirror. "stately": per shop (singletonKey) at most one queued and one running,
  // so install, nightly and webhook triggers coalesce instead of piling up.
  inventoryFullSync: {
    name: "inventory.full-sync",
    policy: "stately",
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    // A bulk operation over a large catalogue can take a while; the job waits for it.
    expireInSeconds: 60 * 60,
  },
  inventoryLocationsSync: { name: "inventory.locations-sync", policy: "stately", ...standardRetry },
  // The nightly cron's job: enqueues a full sync for every installed shop.
  inventoryNightlySync: { name: "inventory.nightly-sync", ...standardRetry },
  // The nightly cron's job: deletes webhook events past their retention.
  webhookEventPrune: { name: "webhooks.prune-events", ...standardRetry },
  // Order routing. A fulfillment_orders/order_routing_complete names a fulfilment order, not
  // its order: the first job finds the order and queues the second, keyed by shop and order,
  // so that an order is routed by one job at a time ("stately": one queued, one running).
  // Short first retries: a routing job waits on Shopify, not on a resource that needs minutes.
  routingResolveTrigger: {
    name: "routing.resolve-trigger",
    policy: "stately",
    retryLimit: 8,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: ROUTING_JOB_EXPIRY_SECONDS,
  },
  routingRouteOrder: {
    name: "routing.route-order",
    policy: "stately",
    retryLimit: 8,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: ROUTING_JOB_EXPIRY_SECONDS,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

/** Settings the environment may change, for operators and for tests that cannot wait minutes. */
export interface QueueTuning {
  routingJobExpireSeconds: number;
}

/** Every queue, as created and updated at start. */
export function queueDefinitions(tuning: Partial<QueueTuning> = {}): QueueDefinition[] {
  const routingQueues = new Set<string>([QUEUES.routingResolveTrigger.name, QUEUES.routingRouteOrder.name]);
  const { routingJobExpireSeconds } = tuning;
  const queues: QueueDefinition[] = Object.values(QUEUES).map((queue) => ({
    ...queue,
    deadLetter: deadLetterQueueOf(queue.name),
    ...(routingJobExpireSeconds && routingQueues.has(queue.name) ? { expireInSeconds: routingJobExpireSeconds } : {}),
  }));
  return [
    // First: each queue refers to its own.
    ...queues.map((queue) => ({
      name: deadLetterQueueOf(queue.name),
      retryLimit: 0,
      retentionDays: DEAD_LETTER_RETENTION_DAYS,
    })),
    ...queues,
  ];
}

import { env } from "~/env.server";
import type { QueueConsumerOptions } from "~/jobs/queue-consumer.server";
import type { QueuePolicy } from "~/jobs/queues";

/**
 * Both routing queues are "stately", keyed by what they name (a fulfilment order, an order); runs
 * of one order take turns under its routing lease (decision 043). Short first retries: a routing
 * job waits on Shopify, not on a resource that needs minutes. A job takes seconds even when
 * Shopify throttles it; one that runs past its expiry is failed and retried, which is also how a
 * dead worker's job is picked up again (once maintenance has run). ROUTING_JOB_EXPIRE_SECONDS lets
 * operators, and tests that cannot wait a minute, change the expiry.
 */
export const ROUTING_QUEUE_POLICY: QueuePolicy = {
  policy: "stately",
  retryLimit: 8,
  retryDelay: 1,
  retryBackoff: true,
  expireInSeconds: env.ROUTING_JOB_EXPIRE_SECONDS ?? 60,
};

/**
 * Routing jobs are many, short and mostly waiting on Shopify, so several run together; jobs of
 * one order still run one at a time. New jobs are announced, so the idle poll only picks up
 * retries coming due.
 */
export const ROUTING_CONSUMER: QueueConsumerOptions = { concurrency: 8, idlePollMs: 1_000 };

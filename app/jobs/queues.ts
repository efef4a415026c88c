import type PgBoss from "pg-boss";

/**
 * Every queue the app uses, with its retry policy. Handlers are idempotent: pg-boss
 * delivers at least once, and a job whose retries run out lands in DEAD_LETTER_QUEUE,
 * where it is kept for inspection and a manual retry.
 */
export const DEAD_LETTER_QUEUE = "dead-letter";

interface QueueDefinition extends PgBoss.Queue {
  name: string;
}

const standardRetry = { retryLimit: 5, retryDelay: 10, retryBackoff: true, deadLetter: DEAD_LETTER_QUEUE };

export const QUEUES = {
  shopRedact: { name: "compliance.shop-redact", ...standardRetry },
  customerRedact: { name: "compliance.customer-redact", ...standardRetry },
  customerDataRequest: { name: "compliance.customer-data-request", ...standardRetry },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

export const ALL_QUEUES: QueueDefinition[] = [
  // First: the other queues refer to it.
  // Kept two weeks so a merchant or an operator can see and retry what failed.
  { name: DEAD_LETTER_QUEUE, retryLimit: 0, retentionDays: 14 },
  ...Object.values(QUEUES),
];

import type PgBoss from "pg-boss";

/**
 * How pg-boss keeps a job's queue. Handlers are idempotent: pg-boss delivers at least once.
 */
export interface QueuePolicy {
  /** pg-boss's policy; "stately": per singletonKey at most one job queued and one running. */
  policy?: PgBoss.QueuePolicy;
  retryLimit: number;
  /** Seconds before the first retry; with backoff, each later wait is longer. */
  retryDelay: number;
  retryBackoff: boolean;
  /** How long an attempt may run before it is failed and retried (pg-boss's default: 15 minutes). */
  expireInSeconds?: number;
}

/** Five retries, the first after 10 s and each later one after a longer wait. */
export const STANDARD_RETRY = { retryLimit: 5, retryDelay: 10, retryBackoff: true } as const satisfies QueuePolicy;

/**
 * A job whose retries run out lands in its queue's own dead-letter queue, where it is kept for
 * the merchant to see and retry. One per queue, because pg-boss keeps only the job's data
 * there, not where it came from.
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

/**
 * A job's queue and its dead-letter queue as pg-boss creates them: the dead-letter queue
 * first, because the queue refers to it.
 */
export function pgBossQueuesOf(queue: string, policy: QueuePolicy): PgBoss.Queue[] {
  return [
    { name: deadLetterQueueOf(queue), retryLimit: 0, retentionDays: DEAD_LETTER_RETENTION_DAYS },
    { ...policy, name: queue, deadLetter: deadLetterQueueOf(queue) },
  ];
}

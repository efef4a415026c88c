import type PgBoss from "pg-boss";
import type { Db } from "~/db/sql.server";
import { startBoss, type BossOptions } from "./boss.server";
import { stopJobRunner } from "./job-runner.server";
import { transactionJobDb } from "./transactional-db.server";

declare global {
  // One pg-boss per process, kept across Vite's module reloads in development.
  var __omnirouteBoss: Promise<PgBoss> | undefined;
}

export type JobQueueConfig = BossOptions;

/** The process's pg-boss, started on first use. */
export function getJobQueue(config: JobQueueConfig): Promise<PgBoss> {
  globalThis.__omnirouteBoss ??= startBoss(config).catch((error: unknown) => {
    globalThis.__omnirouteBoss = undefined;
    throw error;
  });
  return globalThis.__omnirouteBoss;
}

const STOP_TIMEOUT_MS = 10_000;

export async function stopJobQueue(): Promise<void> {
  await stopJobRunner(STOP_TIMEOUT_MS);
  const boss = globalThis.__omnirouteBoss;
  globalThis.__omnirouteBoss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
}

/**
 * Enqueues a job inside the caller's transaction: it exists only if the transaction
 * commits, and PostgreSQL announces it to workers when it does (jobAnnouncementsSql). On a
 * "stately" queue, `singletonKey` makes a second enqueue of the same work a no-op while one is
 * queued. The app enqueues through its jobs' definitions (`defineJob`), which call this.
 */
export async function enqueueInTransaction(
  boss: PgBoss,
  tx: Db,
  queue: string,
  data: object,
  options: Omit<PgBoss.SendOptions, "db"> = {},
): Promise<string | null> {
  const id = await boss.send(queue, data, { ...options, db: transactionJobDb(tx) });
  if (id === null && !options.singletonKey) {
    // pg-boss returns null, not an error, when the queue does not exist.
    throw new Error(`Job for queue ${queue} was not enqueued; is the queue created?`);
  }
  return id;
}

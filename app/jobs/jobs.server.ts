import type PgBoss from "pg-boss";
import type { Prisma } from "@prisma/client";
import { startBoss } from "./boss.server";
import type { QueueName } from "./queues";
import { prismaTransactionDb } from "./transactional-db.server";

declare global {
  // One pg-boss per process, kept across Vite's module reloads in development.
  var __omnirouteBoss: Promise<PgBoss> | undefined;
}

export interface JobQueueConfig {
  databaseUrl: string;
  supervise: boolean;
}

/** The process's pg-boss, started on first use. */
export function getJobQueue(config: JobQueueConfig): Promise<PgBoss> {
  globalThis.__omnirouteBoss ??= startBoss(config).catch((error: unknown) => {
    globalThis.__omnirouteBoss = undefined;
    throw error;
  });
  return globalThis.__omnirouteBoss;
}

export async function stopJobQueue(): Promise<void> {
  const boss = globalThis.__omnirouteBoss;
  globalThis.__omnirouteBoss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * Enqueues a job inside the caller's transaction: it exists only if the transaction
 * commits. `singletonKey` makes a second enqueue of the same work a no-op.
 */
export async function enqueueInTransaction(
  boss: PgBoss,
  tx: Prisma.TransactionClient,
  queue: QueueName,
  data: object,
  options: Omit<PgBoss.SendOptions, "db"> = {},
): Promise<string | null> {
  const id = await boss.send(queue, data, { ...options, db: prismaTransactionDb(tx) });
  if (id === null && !options.singletonKey) {
    // pg-boss returns null, not an error, when the queue does not exist.
    throw new Error(`Job for queue ${queue} was not enqueued; is the queue created?`);
  }
  return id;
}

import { afterAll, afterEach, beforeAll } from "vitest";
import type PgBoss from "pg-boss";
import { databaseUrl } from "~/db.server";
import { startBoss } from "~/jobs/boss.server";
import { QueueConsumer, type JobHandler, type QueueConsumerOptions } from "~/jobs/queue-consumer.server";

/**
 * Far longer than any test waits: a consumer that runs a job within a test's few seconds was
 * woken (an announcement, its start, a job finishing), not reached by its idle poll.
 */
export const IDLE_POLL_MS = 60_000;

export interface TestQueues {
  /** The file's pg-boss, with maintenance, started before its tests. */
  readonly boss: PgBoss;
  /** Runs after the current test, last registered first, whatever its outcome. */
  onCleanup(cleanup: () => Promise<unknown> | unknown): void;
  /** A queue of the test's own. */
  createQueue(options?: Omit<PgBoss.Queue, "name">): Promise<string>;
  /** A started consumer of `queue`, stopped after the test; `errors` collects what it reports. */
  startConsumer(
    queue: string,
    handler: JobHandler,
    options?: Partial<QueueConsumerOptions>,
  ): { consumer: QueueConsumer; errors: unknown[] };
}

/** Registers the file's hooks: a pg-boss on the test database, and per-test cleanups. */
export function useTestQueues(prefix: string): TestQueues {
  let boss: PgBoss | undefined;
  let queueCount = 0;
  const cleanups: (() => Promise<unknown> | unknown)[] = [];

  beforeAll(async () => {
    boss = await startBoss({ databaseUrl, supervise: true });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
  });

  const started = (): PgBoss => {
    if (!boss) throw new Error("the test queues' pg-boss starts in beforeAll");
    return boss;
  };

  return {
    get boss() {
      return started();
    },
    onCleanup: (cleanup) => void cleanups.push(cleanup),
    async createQueue(options = {}) {
      const name = `test.${prefix}-${++queueCount}`;
      await started().createQueue(name, { name, ...options });
      return name;
    },
    startConsumer(queue, handler, options = {}) {
      const errors: unknown[] = [];
      const consumer = new QueueConsumer(
        started(),
        queue,
        handler,
        { concurrency: 1, idlePollMs: IDLE_POLL_MS, ...options },
        (error) => errors.push(error),
      );
      consumer.start();
      cleanups.push(() => consumer.stop(0));
      return { consumer, errors };
    },
  };
}

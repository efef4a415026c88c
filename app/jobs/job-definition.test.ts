import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import prisma from "~/db.server";
import { waitForJobState } from "../../tests/support/jobs";
import { useTestQueues } from "../../tests/support/test-queues";
import { appJobQueue } from "./app-job-queue.server";
import { ensureJobQueues } from "./boss.server";
import { defineJob } from "./job-definition.server";
import type { JobAttempt } from "./queue-consumer.server";
import { deadLetterQueueOf } from "./queues";

const queues = useTestQueues("definition");

/** A job that always fails, recording each attempt and each give-up. */
function alwaysFailingJob(queue: string, retryLimit: number, onGiveUp?: () => Promise<void>) {
  const attempts: number[] = [];
  const givenUp: { payload: unknown; error: unknown }[] = [];
  const job = defineJob({
    queue,
    policy: { retryLimit, retryDelay: 0, retryBackoff: false },
    payload: z.object({ taskId: z.string() }),
    run: async () => {
      throw new Error("Shopify said no");
    },
    consumer: { concurrency: 1, idlePollMs: 100 },
    deadLetter: {
      describe: () => "A test job",
      onGiveUp:
        onGiveUp ??
        (async (payload, error) => {
          givenUp.push({ payload, error });
        }),
    },
  });
  const handler = (data: unknown, jobId: string, attempt: JobAttempt) => {
    attempts.push(attempt.retryCount);
    return job.runStored(data, jobId, attempt);
  };
  return { job, handler, attempts, givenUp };
}

describe("a job definition's onGiveUp", () => {
  it("is called once, with the payload and the error, when the last retry fails, and the job is dead-lettered", async () => {
    const { job, handler, attempts, givenUp } = alwaysFailingJob("test.definition-gives-up", 2);
    await ensureJobQueues(queues.boss, [job]);
    const id = await queues.boss.send(job.queue, { taskId: "t-1" });
    queues.startConsumer(job.queue, handler);

    const failed = await waitForJobState(queues.boss, job.queue, id!, ["failed"], 10_000);

    expect(attempts).toEqual([0, 1, 2]);
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]!.payload).toEqual({ taskId: "t-1" });
    expect(String(givenUp[0]!.error)).toContain("Shopify said no");
    expect(failed.output).toMatchObject({ message: "Shopify said no" });
    const dead = await queues.boss.fetch<{ taskId: string }>(deadLetterQueueOf(job.queue), { batchSize: 10 });
    expect(dead.map((letter) => letter.data)).toEqual([{ taskId: "t-1" }]);
  });

  it("is not called by a failed attempt that pg-boss will retry", async () => {
    const { job, givenUp } = alwaysFailingJob("test.definition-retries", 3);

    await expect(job.runStored({ taskId: "t-2" }, "job-2", { retryCount: 2, retryLimit: 3 })).rejects.toThrow(
      "Shopify said no",
    );

    expect(givenUp).toEqual([]);
  });

  it("leaves the job's own error to the dead letter when giving up fails too", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    queues.onCleanup(() => logged.mockRestore());
    const { job } = alwaysFailingJob("test.definition-hook-fails", 1, async () => {
      throw new Error("database is down");
    });

    await expect(job.runStored({ taskId: "t-3" }, "job-3", { retryCount: 1, retryLimit: 1 })).rejects.toThrow(
      "Shopify said no",
    );

    expect(logged).toHaveBeenCalledWith(
      "[jobs] test.definition-hook-fails job job-3: giving up failed",
      expect.objectContaining({ message: "database is down" }),
    );
  });
});

describe("a job definition's enqueue", () => {
  /** A job whose queue this process has not made yet. */
  const freshJob = (queue: string) =>
    defineJob({
      queue,
      policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false },
      payload: z.object({ taskId: z.string() }),
      run: async () => undefined,
      consumer: { concurrency: 1, idlePollMs: 100 },
      deadLetter: { describe: () => "A test job" },
    });

  it("has its queue made by the app's job queue as soon as it is defined, before anything is enqueued", async () => {
    const job = freshJob(`test.definition-defined-${crypto.randomUUID()}`);

    const boss = await appJobQueue();

    expect(await boss.getQueue(job.queue)).toMatchObject({ name: job.queue });
  });

  it("enqueues a job whose queue is first used after its transaction has enqueued another", async () => {
    // Both queues are made at the first enqueue, before the transaction has written a job: a loaded
    // test run once failed with "no partition of relation job" when a queue was made mid-transaction.
    const first = freshJob(`test.definition-first-${crypto.randomUUID()}`);
    const second = freshJob(`test.definition-second-${crypto.randomUUID()}`);

    await prisma.$transaction(async (tx) => {
      await first.enqueue(tx, { taskId: "t-4" });
      await second.enqueue(tx, { taskId: "t-5" });
    });

    const stored = await queues.boss
      .getDb()
      .executeSql(`SELECT name, data FROM pgboss.job WHERE name IN ($1, $2) ORDER BY name`, [
        first.queue,
        second.queue,
      ]);
    expect(stored.rows).toEqual([
      { name: first.queue, data: { taskId: "t-4" } },
      { name: second.queue, data: { taskId: "t-5" } },
    ]);
  });
});

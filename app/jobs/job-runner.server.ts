import type PgBoss from "pg-boss";
import type { AnyJobDefinition } from "./job-definition.server";
import { JobWakeupListener } from "./job-wakeups.server";
import { QueueConsumer } from "./queue-consumer.server";

/** What running a job's queue needs of its definition. */
export type RunnableJob = Pick<AnyJobDefinition, "queue" | "consumer" | "runStored">;

interface JobRunner {
  consumers: QueueConsumer[];
  listener: JobWakeupListener;
}

declare global {
  // This process's consumers, so that stopping the job queue stops them first.
  var __omnirouteJobRunner: JobRunner | undefined;
}

const logError = (error: unknown) => console.error("[jobs]", error);

/**
 * Starts a consumer per job, as its definition says (concurrency, idle poll), woken by job
 * announcements on `databaseUrl`. Each job's stored payload is parsed before its handler runs.
 */
export async function startJobRunner(boss: PgBoss, databaseUrl: string, jobs: readonly RunnableJob[]): Promise<void> {
  if (globalThis.__omnirouteJobRunner) throw new Error("this process already runs workers");
  const consumers = jobs.map(
    (job) =>
      new QueueConsumer(
        boss,
        job.queue,
        (data, jobId, attempt) => job.runStored(data, jobId, attempt),
        job.consumer,
        logError,
      ),
  );
  const byQueue = new Map(consumers.map((consumer) => [consumer.queue, consumer]));
  const listener = new JobWakeupListener({
    databaseUrl,
    onWake: (queue) => byQueue.get(queue)?.wake(),
    onError: logError,
  });
  await listener.start();
  for (const consumer of consumers) consumer.start();
  globalThis.__omnirouteJobRunner = { consumers, listener };
}

/** Stops fetching, lets running jobs finish (up to `timeoutMs`), and stops listening. */
export async function stopJobRunner(timeoutMs: number): Promise<void> {
  const runner = globalThis.__omnirouteJobRunner;
  globalThis.__omnirouteJobRunner = undefined;
  if (!runner) return;
  await Promise.all(runner.consumers.map((consumer) => consumer.stop(timeoutMs)));
  await runner.listener.stop();
}

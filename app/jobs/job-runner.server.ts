import type PgBoss from "pg-boss";
import { JobWakeupListener } from "./job-wakeups.server";
import { QueueConsumer, type JobHandler, type QueueConsumerOptions } from "./queue-consumer.server";

export interface QueueWork {
  handler: JobHandler;
  options: QueueConsumerOptions;
}

interface JobRunner {
  consumers: QueueConsumer[];
  listener: JobWakeupListener;
}

declare global {
  // This process's consumers, so that stopping the job queue stops them first.
  var __omnirouteJobRunner: JobRunner | undefined;
}

const logError = (error: unknown) => console.error("[jobs]", error);

/** Starts a consumer per queue, woken by job announcements on `databaseUrl`. */
export async function startJobRunner(
  boss: PgBoss,
  databaseUrl: string,
  work: Record<string, QueueWork>,
): Promise<void> {
  if (globalThis.__omnirouteJobRunner) throw new Error("this process already runs workers");
  const consumers = Object.entries(work).map(
    ([queue, { handler, options }]) => new QueueConsumer(boss, queue, handler, options, logError),
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

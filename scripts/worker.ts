/**
 * `npm run worker`: a job worker process. Run as many as the load needs, on any machine
 * that reaches the database; pg-boss hands each job to one of them (SKIP LOCKED).
 */
import { appJobQueue } from "../app/jobs/app-job-queue.server";
import { stopJobQueue } from "../app/jobs/jobs.server";
import { startWorkers } from "../app/worker.server";

async function main(): Promise<void> {
  const shutdown = async (signal: string) => {
    console.log(`[worker] ${signal}: finishing active jobs`);
    await stopJobQueue();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await startWorkers(await appJobQueue("worker"));
  console.log("[worker] ready");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

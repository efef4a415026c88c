import type PgBoss from "pg-boss";
import { databaseUrl } from "~/db.server";
import { env, runsWorkersInProcess } from "~/env.server";
import { ensureJobQueues, type JobQueue } from "./boss.server";
import { getJobQueue } from "./jobs.server";

let appJobs: readonly JobQueue[] = [];

/**
 * The app's jobs, handed over by app/services/job-registry.server.ts as it loads (this layer cannot
 * import the registry: each job's definition imports its service). Every process that serves
 * pages or runs workers loads it, so their pg-boss creates every queue as it starts; a job
 * enqueued where the registry was not loaded has its queue created at its first enqueue.
 */
export function registerAppJobs(jobs: readonly JobQueue[]): void {
  appJobs = jobs;
}

/**
 * This process's job queue on the app's database, with the registered jobs' queues created.
 * Worker processes, and web processes that run workers in-process, also run pg-boss's
 * maintenance and cron.
 */
export async function appJobQueue(role: "web" | "worker" = "web"): Promise<PgBoss> {
  const boss = await getJobQueue({
    databaseUrl,
    supervise: role === "worker" || runsWorkersInProcess(env),
    maintenanceIntervalSeconds: env.JOB_MAINTENANCE_INTERVAL_SECONDS,
  });
  await ensureJobQueues(boss, appJobs);
  return boss;
}

import type PgBoss from "pg-boss";
import { databaseUrl } from "~/db.server";
import { env, runsWorkersInProcess } from "~/env.server";
import { ensureJobQueues, type JobQueue } from "./boss.server";
import { getJobQueue } from "./jobs.server";

/** Every job this process knows of, by queue. */
const knownJobs = new Map<string, JobQueue>();
/** Per pg-boss: how many known jobs it has been asked to create the queues of, and when that is done. */
const ensuredByBoss = new WeakMap<PgBoss, { count: number; done: Promise<void> }>();

/**
 * The app's jobs, handed over by app/services/job-registry.server.ts as it loads (this layer cannot
 * import the registry: each job's definition imports its service). Every process that serves
 * pages or runs workers loads it, so their pg-boss creates every queue as it starts.
 */
export function registerAppJobs(jobs: readonly JobQueue[]): void {
  for (const job of jobs) knownJobs.set(job.queue, job);
}

/**
 * A job's definition announces itself as its module loads, so a process that never loads the
 * registry (a script, a test of one service) still creates its queues before its first enqueue,
 * and no enqueue inside a transaction creates one (pg-boss attaches a partition of its job table
 * for each queue, on another connection; a loaded test run whose transaction had already written
 * a job then failed with "no partition of relation job found for row").
 */
export function noteDefinedJob(job: JobQueue): void {
  knownJobs.set(job.queue, job);
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
  let ensured = ensuredByBoss.get(boss);
  if (ensured?.count !== knownJobs.size) {
    // ensureJobQueues remembers the queues it made, so asking again for all of them is cheap.
    ensured = { count: knownJobs.size, done: ensureJobQueues(boss, [...knownJobs.values()]) };
    ensuredByBoss.set(boss, ensured);
    ensured.done.catch(() => ensuredByBoss.delete(boss));
  }
  await ensured.done;
  return boss;
}

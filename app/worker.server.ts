import type PgBoss from "pg-boss";
import { databaseUrl } from "./db.server";
import { JOBS } from "./services/job-registry.server";
import { ensureJobQueues } from "./jobs/boss.server";
import { startJobRunner } from "./jobs/job-runner.server";
import { scheduleJobs } from "./jobs/job-schedules.server";

/**
 * Starts this process's consumer for every job of the registry, each as its definition says,
 * and the jobs' cron schedules. An entry point, like a route.
 */
export async function startWorkers(boss: PgBoss): Promise<void> {
  await ensureJobQueues(boss, JOBS);
  await startJobRunner(boss, databaseUrl, JOBS);
  await scheduleJobs(boss, JOBS);
}

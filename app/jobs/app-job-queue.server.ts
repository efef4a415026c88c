import type PgBoss from "pg-boss";
import { databaseUrl } from "~/db.server";
import { env, runsWorkersInProcess } from "~/env.server";
import { getJobQueue } from "./jobs.server";

/**
 * This process's job queue on the app's database. Worker processes, and web processes
 * that run workers in-process, also run pg-boss's maintenance and cron.
 */
export function appJobQueue(role: "web" | "worker" = "web"): Promise<PgBoss> {
  return getJobQueue({
    databaseUrl,
    supervise: role === "worker" || runsWorkersInProcess(env),
    tuning: {
      routingJobExpireSeconds: env.ROUTING_JOB_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: env.JOB_MAINTENANCE_INTERVAL_SECONDS,
    },
  });
}

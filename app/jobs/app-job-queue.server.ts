import type PgBoss from "pg-boss";
import { databaseUrl } from "~/db.server";
import { env, runsWorkersInProcess } from "~/env.server";
import { getJobQueue } from "./jobs.server";

/**
 * This process's job queue on the app's database. Worker processes, and web processes
 * that run workers in-process, also run pg-boss's maintenance and cron.
 */
export function appJobQueue(role: "web" | "worker" = "web"): Promise<PgBoss> {
  return getJobQueue({ databaseUrl, supervise: role === "worker" || runsWorkersInProcess(env) });
}

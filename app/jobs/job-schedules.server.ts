import type PgBoss from "pg-boss";
import type { AnyJobDefinition } from "./job-definition.server";

/**
 * Registers the cron of every job that has one, in UTC, with an empty payload. Idempotent:
 * pg-boss keeps one schedule per queue, however many workers start. The queues must exist.
 */
export async function scheduleJobs(
  boss: PgBoss,
  jobs: readonly Pick<AnyJobDefinition, "queue" | "cron">[],
): Promise<void> {
  for (const job of jobs) {
    if (job.cron) await boss.schedule(job.queue, job.cron, {}, { tz: "UTC" });
  }
}

import type PgBoss from "pg-boss";
import { sourceQueueOf } from "./queues";

export interface ShopJobCounts {
  waiting: number;
  active: number;
  retrying: number;
  failed: number;
  deadLettered: number;
}

/** The state of one shop's jobs; other shops' jobs are not counted. */
export async function countShopJobs(boss: PgBoss, shop: string): Promise<ShopJobCounts> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT name, state, count(*)::int AS count
       FROM pgboss.job
      WHERE data->>'shop' = $1 AND state IN ('created', 'retry', 'active', 'failed')
      GROUP BY name, state`,
    [shop],
  );
  const counts: ShopJobCounts = { waiting: 0, active: 0, retrying: 0, failed: 0, deadLettered: 0 };
  for (const row of rows as { name: string; state: string; count: number }[]) {
    if (sourceQueueOf(row.name) !== null) counts.deadLettered += row.count;
    else if (row.state === "created") counts.waiting += row.count;
    else if (row.state === "active") counts.active += row.count;
    else if (row.state === "retry") counts.retrying += row.count;
    else counts.failed += row.count;
  }
  return counts;
}

import PgBoss from "pg-boss";
import { queueDefinitions, type QueueTuning } from "./queues";

export interface BossOptions {
  databaseUrl: string;
  /** Run maintenance and cron in this process (workers do; a web process that only enqueues does not). */
  supervise: boolean;
  tuning?: Partial<QueueTuning & { maintenanceIntervalSeconds: number }>;
}

export async function startBoss({ databaseUrl, supervise, tuning = {} }: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "omniroute-jobs",
    supervise,
    schedule: supervise,
    // Workers fetch, complete and fail many short jobs at once.
    max: 10,
    ...(tuning.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await ensureQueues(boss, queueDefinitions(tuning));
  return boss;
}

/** Creates missing queues and brings existing ones to the declared policy. */
export async function ensureQueues(boss: PgBoss, queues: PgBoss.Queue[]): Promise<void> {
  for (const queue of queues) {
    if (await boss.getQueue(queue.name)) {
      await boss.updateQueue(queue.name, queue);
      continue;
    }
    await boss.createQueue(queue.name, queue).catch(async (error: unknown) => {
      // Another process created it between the check and the create.
      if (!(await boss.getQueue(queue.name))) throw error;
    });
  }
}

import PgBoss from "pg-boss";
import { ALL_QUEUES } from "./queues";

export interface BossOptions {
  databaseUrl: string;
  /** Run maintenance and cron in this process (workers do; a web process that only enqueues does not). */
  supervise: boolean;
}

export async function startBoss({ databaseUrl, supervise }: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "omniroute-jobs",
    supervise,
    schedule: supervise,
    max: 5,
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

/** Creates missing queues and brings existing ones to the declared policy. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const queue of ALL_QUEUES) {
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

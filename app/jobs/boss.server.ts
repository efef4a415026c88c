import PgBoss from "pg-boss";
import { jobAnnouncementsSql } from "./job-wakeups.server";
import { PreparedJobDb } from "./prepared-job-db.server";
import { pgBossQueuesOf, type QueuePolicy } from "./queues";

export interface BossOptions {
  databaseUrl: string;
  /** Run maintenance and cron in this process (workers do; a web process that only enqueues does not). */
  supervise: boolean;
  /** How often maintenance runs (expires dead workers' jobs, archives); pg-boss's default otherwise. */
  maintenanceIntervalSeconds?: number;
  /** How its connections name themselves to PostgreSQL; "omniroute-jobs" unless told. */
  applicationName?: string;
}

/** pg-boss's schema: its queues, jobs and their partitions. */
export const JOB_SCHEMA = "pgboss";

/** Starts pg-boss on the database, creating or migrating its schema; queues are made by `ensureJobQueues`. */
export async function startBoss({
  databaseUrl,
  supervise,
  maintenanceIntervalSeconds,
  applicationName = "omniroute-jobs",
}: BossOptions): Promise<PgBoss> {
  const schema = JOB_SCHEMA;
  // Workers fetch, complete and fail many short jobs at once: ten connections.
  const db = new PreparedJobDb({ connectionString: databaseUrl, application_name: applicationName, max: 10 });
  const boss = new PgBoss({
    db,
    schema,
    supervise,
    schedule: supervise,
    ...(maintenanceIntervalSeconds ? { maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  // pg-boss has made (or migrated) its schema: its job table now announces new jobs.
  await db.executeSql(jobAnnouncementsSql(schema));
  return boss;
}

/** What queue creation needs of a job's definition. */
export interface JobQueue {
  readonly queue: string;
  readonly policy: QueuePolicy;
}

interface EnsuredQueues {
  /** The queues brought to their job's policy, or being, by queue name. */
  byQueue: Map<string, Promise<void>>;
  /** The last queue creation asked for: the next waits for it. */
  last: Promise<void>;
}

const ensuredQueues = new WeakMap<PgBoss, EnsuredQueues>();

/**
 * Creates each job's queue and dead-letter queue, or brings existing ones to the job's policy;
 * once per queue and pg-boss instance, however often it is asked.
 */
export async function ensureJobQueues(boss: PgBoss, jobs: readonly JobQueue[]): Promise<void> {
  let state = ensuredQueues.get(boss);
  if (!state) ensuredQueues.set(boss, (state = { byQueue: new Map(), last: Promise.resolve() }));
  const { byQueue } = state;
  const pending: Promise<void>[] = [];
  for (const job of jobs) {
    let done = byQueue.get(job.queue);
    if (!done) {
      // One at a time: concurrent creations in pg-boss's create_queue can deadlock on its locks.
      done = state.last.then(() => ensureQueues(boss, pgBossQueuesOf(job.queue, job.policy)));
      state.last = done.catch(() => undefined);
      // A failed attempt is forgotten, so that the next enqueue tries again.
      done.catch(() => byQueue.delete(job.queue));
      byQueue.set(job.queue, done);
    }
    pending.push(done);
  }
  await Promise.all(pending);
}

async function ensureQueues(boss: PgBoss, queues: PgBoss.Queue[]): Promise<void> {
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

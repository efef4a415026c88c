import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { appJobQueue, noteDefinedJob } from "./app-job-queue.server";
import { cancelledWaitingJobPart, queuedJobPart, type JobPartPlacement } from "./job-insert-part.server";
import { enqueueInTransaction } from "./jobs.server";
import type { StatementPart } from "~/db/gated-insert";
import type { Db } from "~/db/sql.server";
import { isLastAttempt, type JobAttempt, type QueueConsumerOptions } from "./queue-consumer.server";
import type { QueuePolicy } from "./queues";

type Tx = Prisma.TransactionClient;
/** Where a job is enqueued: the transaction of the change it follows from (Prisma's or plain SQL's). */
type EnqueueTx = Db;

/** One at a time per worker process, looking every 5 s for jobs nobody announced (retries coming due). */
export const ONE_AT_A_TIME = { concurrency: 1, idlePollMs: 5_000 } as const satisfies QueueConsumerOptions;

/**
 * Everything about one kind of job, in its one definition: the worker, queue creation, the
 * dead-letter view and every enqueue read it. Adding a job is a `*.job.server.ts` file beside
 * its service and a line in app/services/job-registry.server.ts.
 */
export interface JobSpec<Payload extends object> {
  /** pg-boss's queue, `<area>.<job>`; its dead letters go to `<queue>.dead-letter`. */
  queue: string;
  policy: QueuePolicy;
  /**
   * The job's data as stored, checked each time the job runs: a job outlives the release that
   * queued it.
   */
  payload: z.ZodType<Payload>;
  /** The work a job stands for: on a "stately" queue, a second enqueue of it while one is queued is a no-op. */
  singletonKey?: (payload: Payload) => string;
  /** Does the work. Idempotent: pg-boss delivers at least once. */
  run: (payload: Payload) => Promise<unknown>;
  /** How many of its jobs a worker process runs at once, and how often it looks for unannounced ones. */
  consumer: QueueConsumerOptions;
  /** A cron (UTC) on which pg-boss queues the job with an empty payload. */
  cron?: string;
  deadLetter: {
    /** What the work was, in the merchant's words (it may look things up, e.g. the order's name). */
    describe: (payload: Payload) => Promise<string> | string;
    /** Queues the work again; by default through `enqueue`, whose singletonKey keeps it from doubling. */
    retry?: (tx: Tx, payload: Payload) => Promise<unknown>;
    /**
     * Called when the job's last attempt fails, before it becomes a dead letter: for undoing what
     * says the work is still under way. The job fails with its own error whatever this does.
     */
    onGiveUp?: (payload: Payload, error: unknown) => Promise<unknown>;
  };
}

/** A job as the worker, queue creation and the dead-letter view see it, whatever its payload. */
export interface AnyJobDefinition {
  readonly queue: string;
  readonly policy: QueuePolicy;
  readonly consumer: QueueConsumerOptions;
  readonly cron?: string;
  readonly payload: z.ZodType<object>;
  /**
   * Parses the stored payload and runs the job; one that does not parse fails with a
   * JobPayloadError. Given which attempt it is, a failed last attempt calls the dead letter's onGiveUp.
   */
  runStored(data: unknown, jobId: string, attempt?: JobAttempt): Promise<void>;
  /** What a dead letter of this job was, in the merchant's words; null when its payload does not parse. */
  describeDeadLetter(data: unknown): Promise<string | null>;
  /** Queues a dead letter's work again; throws a JobPayloadError when its payload does not parse. */
  retryDeadLetter(tx: Tx, data: unknown, jobId: string): Promise<void>;
}

export interface JobDefinition<Payload extends object> extends AnyJobDefinition {
  readonly payload: z.ZodType<Payload>;
  /**
   * Queues the job in the caller's transaction (see `enqueueInTransaction`), keyed by its
   * singletonKey. Returns the job's id, or null when the same work is already queued.
   * `startAfterSeconds` holds it back that long (work waiting for something else to finish).
   */
  enqueue(tx: EnqueueTx, payload: Payload, options?: EnqueueOptions): Promise<string | null>;
  /**
   * The same job queued as a part of the caller's statement (queuedJobPart, decision 048): only
   * when `placement.gate` has a row, with no round trip of its own.
   */
  enqueuePart(payload: Payload, placement: JobPartPlacement, options?: EnqueueOptions): Promise<StatementPart>;
  /**
   * Cancels the job queued for this payload's singletonKey while it still waits to start, as a part
   * of the caller's statement, when `placement.gate` has a row (cancelledWaitingJobPart). Only for a
   * job with a singletonKey.
   */
  cancelWaitingPart(payload: Payload, placement: JobPartPlacement): StatementPart;
}

export interface EnqueueOptions {
  startAfterSeconds?: number;
}

/** A stored job whose data is not what its queue's definition expects. */
export class JobPayloadError extends Error {
  constructor(queue: string, jobId: string, error: z.ZodError) {
    const problems = error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
    super(`${queue} job ${jobId} has a payload that does not parse: ${problems.join("; ")}`);
    this.name = "JobPayloadError";
  }
}

export function defineJob<Payload extends object>(spec: JobSpec<Payload>): JobDefinition<Payload> {
  const parse = (data: unknown, jobId: string): Payload => {
    const parsed = spec.payload.safeParse(data);
    if (!parsed.success) throw new JobPayloadError(spec.queue, jobId, parsed.error);
    return parsed.data;
  };
  const definition: JobDefinition<Payload> = {
    queue: spec.queue,
    policy: spec.policy,
    consumer: spec.consumer,
    cron: spec.cron,
    payload: spec.payload,
    async enqueue(tx, payload, options = {}) {
      // Its queue, and every other known job's, is made before the first enqueue (noteDefinedJob).
      const boss = await appJobQueue();
      const singletonKey = spec.singletonKey?.(payload);
      return enqueueInTransaction(boss, tx, spec.queue, payload, {
        ...(singletonKey ? { singletonKey } : {}),
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
    enqueuePart(payload, placement, options) {
      return queuedJobPart((db) => definition.enqueue(db, payload, options), placement);
    },
    cancelWaitingPart(payload, placement) {
      if (!spec.singletonKey) throw new Error(`${spec.queue} jobs have no key to be cancelled by`);
      return cancelledWaitingJobPart(spec.queue, spec.singletonKey(payload), placement);
    },
    async runStored(data, jobId, attempt) {
      const payload = parse(data, jobId);
      try {
        await spec.run(payload);
      } catch (error) {
        if (spec.deadLetter.onGiveUp && attempt && isLastAttempt(attempt)) {
          // The dead letter keeps the job's own error; the hook's failure is only logged.
          await spec.deadLetter.onGiveUp(payload, error).catch((hookError: unknown) => {
            console.error(`[jobs] ${spec.queue} job ${jobId}: giving up failed`, hookError);
          });
        }
        throw error;
      }
    },
    async describeDeadLetter(data) {
      const parsed = spec.payload.safeParse(data);
      return parsed.success ? spec.deadLetter.describe(parsed.data) : null;
    },
    async retryDeadLetter(tx, data, jobId) {
      const payload = parse(data, jobId);
      await (spec.deadLetter.retry ?? definition.enqueue)(tx, payload);
    },
  };
  noteDefinedJob(definition);
  return definition;
}

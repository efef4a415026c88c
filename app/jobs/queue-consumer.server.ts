import type PgBoss from "pg-boss";

export interface QueueConsumerOptions {
  /** Jobs of the queue this process runs at once. */
  concurrency: number;
  /** How often an idle consumer looks for jobs nobody announced: retries coming due, lost wake-ups. */
  idlePollMs: number;
}

/** Which run of its job this is: pg-boss counts the retries already made, from 0. */
export interface JobAttempt {
  retryCount: number;
  retryLimit: number;
}

/** Whether this run failing sends its job to the dead-letter queue (pg-boss retries no more). */
export function isLastAttempt(attempt: JobAttempt): boolean {
  return attempt.retryCount >= attempt.retryLimit;
}

/** Runs one job; `jobId` names it in errors. */
export type JobHandler = (data: unknown, jobId: string, attempt: JobAttempt) => Promise<void>;

/** What pg-boss's fetch returns for each job (its base columns and the retry counts). */
interface FetchedJob extends JobAttempt {
  id: string;
  data: unknown;
  /**
   * Typed a number by pg-boss, but its SQL's EXTRACT(epoch ...) is a numeric, which node-postgres
   * returns as text ("900.000000").
   */
  expireInSeconds: number | string;
}

/**
 * Runs one queue's jobs, up to `concurrency` at a time, each completed or failed on its own.
 *
 * pg-boss's own `work()` fetches a batch per polling interval and settles the batch together, so
 * a job waits up to a whole interval and a slow job holds back its batch. Here a consumer fetches
 * whenever it has a free slot and something may be waiting: a wake-up (a job was announced), a
 * job finishing, or the idle poll. Retries, expiry and the dead-letter queue stay pg-boss's.
 */
export class QueueConsumer {
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private woken = false;
  /**
   * Whether the queue may hold jobs this consumer has not fetched: set by a wake-up (a job was
   * announced), by the idle poll, and by a fetch that came back full; cleared by a fetch that did
   * not. A job finishing frees a slot but announces nothing: without a backlog there is nothing to
   * fetch (any job queued since was announced), which saves an empty fetch per job.
   */
  private backlog = true;
  private interruptWait: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  /** Jobs done and waiting to be marked completed, each with what to call once it is. */
  private readonly toComplete: { id: string; marked: () => void }[] = [];
  private completing = false;

  constructor(
    private readonly boss: PgBoss,
    readonly queue: string,
    private readonly handler: JobHandler,
    private readonly options: QueueConsumerOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.loop ??= this.fetchLoop();
  }

  /** Something may be waiting in the queue: look now rather than at the next poll. */
  wake(): void {
    this.backlog = true;
    this.woken = true;
    this.interruptWait?.();
  }

  /** A job finished: fetch again only if the queue may still hold more (see `backlog`). */
  private slotFreed(): void {
    this.woken = true;
    this.interruptWait?.();
  }

  /** Stops fetching and waits up to `timeoutMs` for running jobs; any still running expire and are retried. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.interruptWait?.();
    await this.loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.running]), timedOut]);
    clearTimeout(timer);
  }

  private async fetchLoop(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      const freeSlots = this.options.concurrency - this.running.size;
      if (freeSlots > 0 && this.backlog) {
        // Cleared before fetching, so a wake-up during the fetch (a job it may not see) sets it again.
        this.backlog = false;
        try {
          const jobs = (await this.boss.fetch(this.queue, {
            batchSize: freeSlots,
            includeMetadata: true,
          })) as FetchedJob[];
          if (jobs.length === freeSlots) this.backlog = true;
          for (const job of jobs) this.track(this.runJob(job));
        } catch (error) {
          this.backlog = true;
          this.onError(error);
        }
      }
      if (!this.woken && !this.stopping) await this.waitForReason();
    }
  }

  private waitForReason(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptWait = null;
        resolve();
      };
      // The idle poll looks whether or not anything was announced: retries come due, wake-ups get lost.
      const timer = setTimeout(() => {
        this.backlog = true;
        done();
      }, this.options.idlePollMs);
      this.interruptWait = done;
    });
  }

  private track(job: Promise<void>): void {
    this.running.add(job);
    void job.finally(() => {
      this.running.delete(job);
      this.slotFreed();
    });
  }

  private async runJob(job: FetchedJob): Promise<void> {
    try {
      const attempt = { retryCount: job.retryCount, retryLimit: job.retryLimit };
      await withinSeconds(this.handler(job.data, job.id, attempt), Number(job.expireInSeconds));
    } catch (error) {
      await this.boss
        .fail(this.queue, job.id, describeError(error))
        .catch((failError: unknown) => this.onError(failError));
      return;
    }
    await this.complete(job.id);
  }

  /**
   * Marks the job completed: at once when no other completion is on its way, otherwise with the
   * others that finished meanwhile, in one statement when the one before returns. A busy queue
   * then spends one statement on many jobs and a quiet one waits for nothing. The job's slot
   * frees once it is marked, as before.
   */
  private complete(id: string): Promise<void> {
    return new Promise((marked) => {
      this.toComplete.push({ id, marked });
      if (!this.completing) void this.completeWaiting();
    });
  }

  private async completeWaiting(): Promise<void> {
    this.completing = true;
    while (this.toComplete.length > 0) {
      const batch = this.toComplete.splice(0);
      await this.boss
        .complete(
          this.queue,
          batch.map((job) => job.id),
        )
        .catch((error: unknown) => this.onError(error));
      for (const job of batch) job.marked();
    }
    this.completing = false;
  }
}

/** Rejects if `work` outlasts the job's expiry, as pg-boss's own workers do: pg-boss will retry it. */
async function withinSeconds(work: Promise<void>, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job outlasted its expiry of ${seconds} s`)), seconds * 1000);
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): object {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

export interface StatementBatcherOptions {
  /** The most items one statement carries. */
  maxBatch: number;
  /**
   * The most statements in flight at once. While that many are running, new items wait and go
   * together in the next one: under load batches grow instead of connections being queued for.
   */
  maxInFlight: number;
}

interface Waiting<Item, Outcome> {
  item: Item;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

/**
 * Coalesces the items that arrive in the same tick (and while `maxInFlight` statements are
 * running) into one call of `runBatch`, which answers one outcome per item, in order. Each caller
 * awaits its own item's outcome. When a batch of several fails, each of its items is run again
 * alone, so one item the database refuses fails only its own caller (decision on webhook ingest
 * batches, docs/decisions).
 */
export class StatementBatcher<Item, Outcome> {
  private waiting: Waiting<Item, Outcome>[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    private readonly runBatch: (items: readonly Item[]) => Promise<readonly Outcome[]>,
    private readonly options: StatementBatcherOptions,
  ) {}

  run(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.waiting.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    this.flushScheduled = true;
    // After this tick's I/O callbacks and microtasks: every delivery that reached here in the
    // same turn of the event loop joins the same statement.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.settle(batch).finally(() => {
        this.inFlight -= 1;
        this.scheduleFlush();
      });
    }
  }

  private async settle(batch: Waiting<Item, Outcome>[]): Promise<void> {
    try {
      const outcomes = await this.runBatch(batch.map((waiting) => waiting.item));
      if (outcomes.length !== batch.length) {
        throw new Error(`A batch of ${batch.length} answered ${outcomes.length} outcomes`);
      }
      batch.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(
        batch.map(async (waiting) => {
          try {
            const [outcome] = await this.runBatch([waiting.item]);
            if (outcome === undefined) throw new Error("A batch of 1 answered no outcome");
            waiting.resolve(outcome);
          } catch (alone) {
            waiting.reject(alone);
          }
        }),
      );
    }
  }
}

/**
 * Keeps count of work the emulator has scheduled or started (timers, callbacks in flight) so that
 * tests can `await idle()` instead of sleeping, and `stop()` can cancel everything at once.
 */
export class PendingWork {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  get count(): number {
    return this.timers.size + this.inFlight;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs `task` after `delayMs`; it counts as pending from now until its promise settles. */
  schedule(delayMs: number, task: () => Promise<void> | void): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.run(task);
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
  }

  /** Runs `task` now, counting it as pending until it settles. Errors are the task's to handle. */
  async run(task: () => Promise<void> | void): Promise<void> {
    if (this.stopped) return;
    this.inFlight += 1;
    try {
      await task();
    } finally {
      this.inFlight -= 1;
      this.notifyIfIdle();
    }
  }

  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every timer; work already running finishes, nothing new starts. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.count !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

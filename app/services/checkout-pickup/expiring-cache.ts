/**
 * A small in-process cache whose entries expire after a fixed time and which forgets the least
 * recently used entry beyond a bounded size, so a burst of distinct carts cannot grow it without
 * limit. Values are kept as given (a promise included: concurrent askers then share one
 * computation). Time is passed in, so tests move it.
 */
export class ExpiringCache<Value> {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  private readonly entries = new Map<string, { value: Value; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: Date): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now.getTime()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value, now: Date): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: now.getTime() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Latency samples in milliseconds, with nearest-rank percentiles. */
export class LatencySamples {
  private readonly samples: number[] = [];

  add(milliseconds: number): void {
    this.samples.push(milliseconds);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Nearest-rank percentile, `fraction` in (0, 1]; 0 when there are no samples. */
  percentile(fraction: number): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
    return sorted[rank - 1]!;
  }

  max(): number {
    return this.samples.reduce((highest, sample) => Math.max(highest, sample), 0);
  }
}

export function formatMs(milliseconds: number): string {
  return milliseconds >= 100 ? milliseconds.toFixed(0) : milliseconds.toFixed(1);
}

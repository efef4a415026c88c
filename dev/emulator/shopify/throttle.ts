/**
 * Shopify's leaky bucket for GraphQL Admin calls, one per shop and app: it holds
 * restoreRate × 20 points (2,000 on Standard at 100/s; 20,000 on Plus at 1,000/s) and refills
 * continuously with the time read from the emulator's clock.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** How many seconds of restore the bucket holds. */
export const BUCKET_SECONDS = 20;

export class CostBucket {
  private available: number;
  private lastRefill: number;
  readonly maximum: number;

  constructor(
    readonly restoreRate: number,
    now: Date,
  ) {
    this.maximum = restoreRate * BUCKET_SECONDS;
    this.available = this.maximum;
    this.lastRefill = now.getTime();
  }

  private refill(now: Date): void {
    const elapsedSeconds = Math.max(0, now.getTime() - this.lastRefill) / 1000;
    this.available = Math.min(this.maximum, this.available + elapsedSeconds * this.restoreRate);
    this.lastRefill = now.getTime();
  }

  /** Takes `cost` points if the bucket holds them; otherwise takes nothing and says no. */
  tryTake(cost: number, now: Date): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number, now: Date): void {
    this.refill(now);
    this.available = Math.min(this.maximum, this.available + Math.max(0, points));
  }

  /** Empties the bucket (used to force THROTTLED answers). */
  drain(now: Date): void {
    this.refill(now);
    this.available = 0;
  }

  status(now: Date): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.maximum,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}

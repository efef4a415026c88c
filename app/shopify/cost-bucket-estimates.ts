import type { ThrottleStatus } from "./admin-api-response";

/**
 * This process's estimate of each shop's GraphQL cost bucket, so the client waits before a
 * call Shopify would throttle instead of spending a round trip to be told so. Shopify's
 * `throttleStatus` on every answer resets the estimate; between answers the bucket refills at
 * its restore rate, and each call sent takes its expected cost out at once, so concurrent
 * calls for one shop queue behind each other instead of all going at the same points.
 *
 * An estimate only: other processes spend from the same bucket. Shopify stays the judge, and
 * a THROTTLED answer is retried after its reported status is observed here.
 */

export interface PacingPolicy {
  /** Expected cost of an operation never seen before. */
  defaultExpectedCost: number;
  /** No single wait is longer than this, however empty the estimate. */
  maxWaitMs: number;
}

export const DEFAULT_PACING_POLICY: PacingPolicy = { defaultExpectedCost: 50, maxWaitMs: 10_000 };

interface BucketEstimate {
  maximum: number;
  restorePerMs: number;
  /** Points at `asOfMs`; negative while calls already sent are still being paid back. */
  available: number;
  asOfMs: number;
}

export class CostBucketEstimates {
  private readonly buckets = new Map<string, BucketEstimate>();
  private readonly requestedCosts = new Map<string, number>();

  constructor(private readonly policy: PacingPolicy = DEFAULT_PACING_POLICY) {}

  observe(shop: string, status: ThrottleStatus, atMs: number): void {
    this.buckets.set(shop, {
      maximum: status.maximumAvailable,
      restorePerMs: status.restoreRate / 1000,
      available: status.currentlyAvailable,
      asOfMs: atMs,
    });
  }

  /** Requested cost depends on the document (and its page sizes), not the shop. */
  rememberRequestedCost(operationName: string, requestedCost: number): void {
    this.requestedCosts.set(operationName, requestedCost);
  }

  expectedCost(operationName: string): number {
    return this.requestedCosts.get(operationName) ?? this.policy.defaultExpectedCost;
  }

  /** Points the shop's bucket holds at `atMs` by the estimate; null before Shopify reported one. */
  availableAt(shop: string, atMs: number): number | null {
    const bucket = this.buckets.get(shop);
    if (!bucket) return null;
    const restored = Math.max(0, atMs - bucket.asOfMs) * bucket.restorePerMs;
    return Math.min(bucket.maximum, bucket.available + restored);
  }

  /**
   * Takes `cost` points for a call about to be sent at `atMs` and says how long to wait first
   * for the bucket to hold them (0 when it already does or nothing is known yet).
   */
  reserve(shop: string, cost: number, atMs: number): number {
    const bucket = this.buckets.get(shop);
    const available = this.availableAt(shop, atMs);
    if (!bucket || available === null) return 0;
    // A call can never need more than a full bucket.
    const deficit = Math.min(cost, bucket.maximum) - available;
    const waitMs =
      deficit > 0 && bucket.restorePerMs > 0 ? Math.min(this.policy.maxWaitMs, Math.ceil(deficit / bucket.restorePerMs)) : 0;
    bucket.available = available - cost;
    bucket.asOfMs = atMs;
    return waitMs;
  }
}

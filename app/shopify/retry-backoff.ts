/**
 * Exponential backoff with full jitter (a uniformly random delay up to the exponential
 * ceiling): retries from many workers hitting the same failing shop spread out instead of
 * arriving together.
 */

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay; doubles for each later one. */
  baseDelayMs: number;
  /** No ceiling grows beyond this. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { baseDelayMs: 250, maxDelayMs: 5_000 };

/**
 * Delay before retry number `retry` (1 for the first retry). `random` draws from [0, 1).
 * A server-given Retry-After is a floor: retrying earlier would only be refused again.
 */
export function backoffDelayMs(
  retry: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF_POLICY,
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, policy.maxDelayMs));
}

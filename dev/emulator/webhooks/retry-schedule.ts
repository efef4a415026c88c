/**
 * Shopify's delivery policy. Its documentation (changelog "Updates to webhook retry mechanism",
 * September 2024) says a failed delivery is retried 8 times over 4 hours with exponential
 * backoff, and that an endpoint has 5 seconds to answer; it does not publish the individual
 * intervals. We double from one minute: 1, 2, 4 … 128 minutes, 255 minutes from the first
 * failure to the last retry, which is the documented "8 retries over about 4 hours".
 */
export const DELIVERY_TIMEOUT_MS = 5_000;

const MINUTE_MS = 60_000;

/** Delay before retry n (index 0 is the first retry), in milliseconds of Shopify's time. */
export const SHOPIFY_RETRY_DELAYS_MS: readonly number[] = Object.freeze(
  Array.from({ length: 8 }, (_, retry) => 2 ** retry * MINUTE_MS),
);

/** Delay before the attempt after `failedAttempt` (1 = the first delivery), or `undefined` when Shopify gives up. */
export function retryDelayMs(failedAttempt: number): number | undefined {
  return SHOPIFY_RETRY_DELAYS_MS[failedAttempt - 1];
}

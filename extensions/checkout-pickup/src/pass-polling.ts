import type { PickupPass } from "./pass-contract";
import type { PassOutcome } from "./pickup-pass";

/**
 * When the pickup pass block asks the app again. A thank-you page opens seconds after paying,
 * before the order's webhook has reached the app and routing has given it a store: the block
 * waits quietly with growing pauses (90 s in all), then gives up. A pass shown is refreshed every
 * minute so its status follows the store (preparing → ready → collected).
 */

/** The pauses before each ask after a "not yet": 2 + 4 + 8 + 16 + 30 + 30 = 90 s. */
export const PENDING_RETRY_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 30_000, 30_000];

export const PASS_REFRESH_MS = 60_000;

export interface PassPolling {
  /** The pass on screen; null shows nothing. */
  shown: PickupPass | null;
  /** "Not yet" answers so far (and failures after one): how far along the pauses the block is. */
  notYetAnswers: number;
}

export const START_POLLING: PassPolling = { shown: null, notYetAnswers: 0 };

/** What the block shows after an ask came to `outcome` (null: no usable answer), and when it asks next (null: never). */
export function afterAnswer(
  polling: PassPolling,
  outcome: PassOutcome | null,
): { polling: PassPolling; askAgainInMs: number | null } {
  if (outcome?.state === "PASS") return { polling: { ...polling, shown: outcome.pass }, askAgainInMs: PASS_REFRESH_MS };
  if (outcome?.state === "NO_PICKUP") return { polling: { ...polling, shown: null }, askAgainInMs: null };
  // A refresh that failed (or oddly says "not yet") keeps the pass the shopper is looking at.
  if (polling.shown) return { polling, askAgainInMs: PASS_REFRESH_MS };
  // Refused or unreachable before the app ever said "not yet": nothing to wait for.
  if (outcome === null && polling.notYetAnswers === 0) return { polling, askAgainInMs: null };
  const notYetAnswers = polling.notYetAnswers + 1;
  return {
    polling: { ...polling, notYetAnswers },
    askAgainInMs: PENDING_RETRY_DELAYS_MS[notYetAnswers - 1] ?? null,
  };
}

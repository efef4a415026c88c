import { describe, expect, it } from "vitest";
import type { PickupPass } from "./pass-contract";
import { afterAnswer, PASS_REFRESH_MS, PENDING_RETRY_DELAYS_MS, START_POLLING, type PassPolling } from "./pass-polling";
import type { PassOutcome } from "./pickup-pass";

const pass: PickupPass = { orderName: "#1001", passUrl: "https://omniroute.example.com/p/x", stores: [] };
const passed: PassOutcome = { state: "PASS", pass };
const notYet: PassOutcome = { state: "PENDING" };

/** The pauses the block takes, answer after answer, until it stops asking. */
function pausesFor(outcomes: (PassOutcome | null)[]): (number | null)[] {
  let polling: PassPolling = START_POLLING;
  return outcomes.map((outcome) => {
    const next = afterAnswer(polling, outcome);
    polling = next.polling;
    return next.askAgainInMs;
  });
}

describe("when the pickup pass block asks again", () => {
  it("waits longer after each 'not yet', about 90 s in all, then stops", () => {
    const pauses = pausesFor(Array.from({ length: 7 }, () => notYet));

    expect(pauses).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, null]);
    expect(PENDING_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0)).toBe(90_000);
  });

  it("shows the pass and refreshes it every minute", () => {
    const next = afterAnswer(START_POLLING, passed);

    expect(next.polling.shown).toBe(pass);
    expect(next.askAgainInMs).toBe(PASS_REFRESH_MS);
  });

  it("keeps the pass on screen when a refresh fails", () => {
    const shown = afterAnswer(START_POLLING, passed).polling;

    expect(afterAnswer(shown, null)).toEqual({ polling: shown, askAgainInMs: PASS_REFRESH_MS });
  });

  it("takes the pass away and stops once the order has no pickup to show", () => {
    const shown = afterAnswer(START_POLLING, passed).polling;

    expect(afterAnswer(shown, { state: "NO_PICKUP" })).toEqual({
      polling: { ...shown, shown: null },
      askAgainInMs: null,
    });
  });

  it("stops at once when the first ask gets no usable answer", () => {
    expect(pausesFor([null])).toEqual([null]);
  });

  it("keeps to the pauses through a failure once the app has said 'not yet'", () => {
    expect(pausesFor([notYet, null, notYet])).toEqual([2_000, 4_000, 8_000]);
  });
});

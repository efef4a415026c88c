import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeOrder } from "../engine/route-order";
import { lines, order, store, warehouse } from "../test-fixtures";
import { cheapestCoverCost, optimalCost } from "./optimum";

/** Every subset of candidates, the cheapest that covers: the slow way. */
function bruteForce(lineCount: number, candidates: { cost: number; mask: number }[]): number | null {
  let best: number | null = null;
  const all = (1 << lineCount) - 1;
  for (let subset = 0; subset < 1 << candidates.length; subset++) {
    let mask = 0;
    let cost = 0;
    candidates.forEach((candidate, i) => {
      if ((subset & (1 << i)) === 0) return;
      mask |= candidate.mask;
      cost += candidate.cost;
    });
    if (mask === all && (best === null || cost < best)) best = cost;
  }
  return best;
}

describe("exact optimum", () => {
  it("finds the cheapest cover that trying every subset finds", () => {
    const candidate = (lineCount: number) =>
      fc.record({ cost: fc.integer({ min: 1, max: 30 }), mask: fc.integer({ min: 0, max: (1 << lineCount) - 1 }) });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((lineCount) => fc.tuple(fc.constant(lineCount), fc.array(candidate(lineCount), { maxLength: 9 }))),
        ([lineCount, candidates]) => {
          expect(cheapestCoverCost(lineCount, candidates)).toBe(bruteForce(lineCount, candidates));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("may split to save cost, and respects the store minimum", () => {
    // Store (2 mi): $9.10 with A and B, but only 2 of B (under the minimum of 3).
    // Warehouses (100 mi): $8.30 each, one with A, one with B.
    const locations = [
      store("S", { milesAway: 2, stock: { A: 5, B: 2 } }),
      warehouse("WA", { milesAway: 100, stock: { A: 5 } }),
      warehouse("WB", { milesAway: 100, stock: { B: 5 } }),
    ];
    const cost = optimalCost(order({ lines: lines(["A", 1], ["B", 1]) }), locations, { storeMinUnits: 3 });
    expect(cost).toBeCloseTo(16.6, 9);
    expect(optimalCost(order({ lines: lines(["A", 1], ["B", 1]) }), locations, { storeMinUnits: 2 })).toBeCloseTo(
      9.1,
      9,
    );
  });

  it("keeps a same-day promise the rules can keep, at the cheapest such store", () => {
    const locations = [
      store("NEAR", { milesAway: 1, stock: { A: 5 }, labourCostPerOrder: 6 }), // $11.05
      store("MID", { milesAway: 6, stock: { A: 5 } }), // $9.30
      warehouse("W", { milesAway: 100, stock: { A: 5 } }), // $8.30
    ];
    const sameDay = order({ serviceLevel: "SAME_DAY", lines: lines(["A", 1]) });
    expect(optimalCost(sameDay, locations)).toBeCloseTo(9.3, 9);
    // Omniroute keeps the promise from the nearest eligible store: $11.05, above the optimum.
    expect(routeOrder({ order: sameDay, locations }).assignments[0]!.cost).toBeCloseTo(11.05, 9);
    expect(optimalCost(order({ lines: lines(["A", 1]) }), locations)).toBeCloseTo(8.3, 9);
  });

  it("prices a pickup as metrics.ts does: the handing-over store's labour, nothing shipped", () => {
    const locations = [
      store("CHOSEN", { stock: { A: 5 } }),
      store("NEXT", { milesAway: 3, stock: { A: 5 }, labourCostPerOrder: 3 }),
      warehouse("W", { milesAway: 100, stock: { A: 5 } }),
    ];
    const pickup = order({ deliveryMethod: "PICK_UP", pickupLocationId: "CHOSEN", lines: lines(["A", 1]) });
    // The shopper's store can hand it over: its labour, $4, though NEXT's labour is lower.
    expect(optimalCost(pickup, locations)).toBeCloseTo(4, 9);
    // It cannot (1 unit, under the minimum): the nearby store that can, $3.
    const short = [store("CHOSEN", { stock: { A: 1 } }), ...locations.slice(1)];
    expect(optimalCost(pickup, short)).toBeCloseTo(3, 9);
  });

  it("has no answer when the rules leave no way to route the order", () => {
    expect(optimalCost(order({ lines: lines(["GONE", 1]) }), [warehouse("W", { stock: { A: 1 } })])).toBeNull();
  });
});

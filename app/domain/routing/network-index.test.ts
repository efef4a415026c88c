import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeOrderBaseline } from "./baseline";
import { stockOf } from "./eligibility";
import { routeOrder, routeWithIndex } from "./engine/route-order";
import { prepareNetwork, unitsAt } from "./network-index";
import { lines, order, request, store, warehouse } from "./test-fixtures";

const SKUS = ["A", "B", "C", "constructor", "__proto__"];

describe("prepared network", () => {
  it("reports exactly the units of every SKU at every location, whatever the count", () => {
    const units = fc.oneof(
      fc.integer({ min: -5, max: 20 }),
      fc.constantFrom(2 ** 31, -(2 ** 40), Number.MAX_SAFE_INTEGER),
    );
    const locationArb = fc.record({
      isWarehouse: fc.boolean(),
      entries: fc.array(fc.tuple(fc.constantFrom(...SKUS), units), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(locationArb, { maxLength: 40 }), (specs) => {
        const locations = specs.map(({ isWarehouse, entries }, i) => {
          // JSON.parse, as the CLI does, so "__proto__" becomes an ordinary key.
          const stock = JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, number>;
          return isWarehouse ? warehouse(`W${i}`, { stock }) : store(`S${i}`, { stock, milesAway: i });
        });
        const index = prepareNetwork(locations);
        index.locations.forEach((location, position) => {
          for (const sku of [...SKUS, "UNKNOWN"]) {
            expect(unitsAt(index, position, index.skuIds.get(sku) ?? -1)).toBe(stockOf(location, sku));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("routes many orders against one index exactly as routing each on its own", () => {
    const locations = [
      store("S-NEAR", { milesAway: 2, stock: { A: 5, B: 1 } }),
      store("S-MID", { milesAway: 6, stock: { A: 9, B: 9 }, isOpen: false }),
      warehouse("W", { milesAway: 90, stock: { A: 50, B: 50, C: 2 } }),
    ];
    const index = prepareNetwork(locations, { radiusMiles: 10 });
    const orders = [
      order({ id: "1", lines: lines(["A", 1]) }),
      order({ id: "2", serviceLevel: "SAME_DAY", lines: lines(["A", 1], ["B", 1]) }),
      order({ id: "3", lines: lines(["C", 3]) }),
      order({ id: "4", deliveryMethod: "PICK_UP", pickupLocationId: "S-NEAR", lines: lines(["B", 1]) }),
    ];
    for (const each of orders) {
      expect(routeWithIndex(index, each)).toEqual(routeOrder({ order: each, locations, rules: { radiusMiles: 10 } }));
    }
  });

  it("splits orders of more than 30 lines like the baseline does", () => {
    const skus = Array.from({ length: 36 }, (_, i) => `SKU-${i}`);
    const half = (from: number): Record<string, number> =>
      Object.fromEntries(skus.slice(from, from + 18).map((sku) => [sku, 5]));
    const input = request({ lines: skus.map((sku) => ({ sku, quantity: 1 })) }, [
      warehouse("W-FIRST", { milesAway: 40, stock: half(0) }),
      warehouse("W-SECOND", { milesAway: 80, stock: half(18) }),
      warehouse("W-SECOND-PRICEY", { milesAway: 80, stock: half(18), labourCostPerOrder: 9 }),
    ]);
    const decision = routeOrder(input);
    expect(decision.status).toBe("SPLIT");
    expect(decision.assignments.map((assignment) => assignment.locationId)).toEqual(["W-FIRST", "W-SECOND"]);
    expect(JSON.stringify(decision)).toBe(JSON.stringify(routeOrderBaseline(input)));
  });
});

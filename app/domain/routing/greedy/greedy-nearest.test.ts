import { describe, expect, it } from "vitest";
import { lines, order, store, warehouse } from "../test-fixtures";
import { GreedyNearestRouter, routeGreedyNearest } from "./greedy-nearest";

describe("greedy nearest-first routing", () => {
  const locations = [
    store("S-A", { milesAway: 1, stock: { A: 1 } }),
    store("S-B", { milesAway: 2, stock: { B: 4 } }),
    warehouse("W", { milesAway: 90, stock: { A: 9, B: 9, C: 9 } }),
  ];

  it("sends each line to the nearest location with enough of it, splitting freely", () => {
    const decision = routeGreedyNearest(order({ lines: lines(["A", 1], ["B", 1], ["C", 1]) }), locations);
    expect(decision.status).toBe("SPLIT");
    expect(
      decision.assignments.map((assignment) => [assignment.locationId, assignment.lines.map((line) => line.sku)]),
    ).toEqual([
      ["S-A", ["A"]],
      ["S-B", ["B"]],
      ["W", ["C"]],
    ]);
  });

  it("ships lines that land on the same location together", () => {
    const decision = routeGreedyNearest(order({ lines: lines(["A", 2], ["C", 1]) }), locations);
    expect(decision.status).toBe("ROUTED");
    expect(decision.assignments.map((assignment) => assignment.locationId)).toEqual(["W"]);
  });

  it("reads stock at every call, so a prepared router sees what earlier orders took", () => {
    const stockA = { A: 1 };
    const router = new GreedyNearestRouter([
      store("S-A", { milesAway: 1, stock: stockA }),
      warehouse("W", { milesAway: 90, stock: { A: 9 } }),
    ]);
    expect(router.route(order({ lines: lines(["A", 1]) })).assignments[0]!.locationId).toBe("S-A");
    (stockA as Record<string, number>).A = 0;
    expect(router.route(order({ lines: lines(["A", 1]) })).assignments[0]!.locationId).toBe("W");
  });

  it("honours a store minimum when given one", () => {
    const decision = routeGreedyNearest(order({ lines: lines(["B", 1]) }), locations, { storeMinUnits: 5 });
    expect(decision.assignments.map((assignment) => assignment.locationId)).toEqual(["W"]);
  });
});

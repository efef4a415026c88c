// rules.lookAhead (docs/decisions/015): a shipment a nearby store and a warehouse could both fill
// goes to the warehouse unless the store is cheaper by more than lookAheadCostMargin.
import { describe, expect, it } from "vitest";
import { routeOrderBaseline } from "./baseline";
import { routeOrder } from "./engine/route-order";
import { explainDecision } from "./explain";
import { lines, request, store, warehouse } from "./test-fixtures";
import type { RoutingDecision, RoutingRequest, ShippingStage } from "./types";

// Store 2 miles away: $5 + 2 × $0.05 + $4 = $9.10. Warehouse 100 miles away: $6 + 100 × $0.003 + $2 = $8.30.
const nearStore = store("S1", { milesAway: 2, stock: { TEE: 5 } });
const farWarehouse = warehouse("W1", { milesAway: 100, stock: { TEE: 50 } });
// The same warehouse at $9 base: $11.30, so the store is $2.20 cheaper.
const dearWarehouse = warehouse("W1", { milesAway: 100, stock: { TEE: 50 }, shipping: { base: 9, perMile: 0.003 } });

function routeBoth(routing: RoutingRequest): RoutingDecision {
  const decision = routeOrder(routing);
  // Every case here is also a check that the baseline decides and explains alike.
  expect(JSON.stringify(routeOrderBaseline(routing))).toBe(JSON.stringify(decision));
  return decision;
}

function shippingStage(decision: RoutingDecision): ShippingStage {
  const stage = decision.trace.stages.find((candidate) => candidate.stage === "SHIPPING");
  if (stage?.stage !== "SHIPPING") throw new Error("no SHIPPING stage");
  return stage;
}

const standard = { lines: lines(["TEE", 1]) };

describe("look-ahead", () => {
  it("is off by default: a store up to the allowed extra over the warehouse still ships, with no look-ahead verdict", () => {
    const decision = routeBoth(request(standard, [nearStore, farWarehouse]));
    expect(decision.assignments[0]!.locationId).toBe("S1");
    const verdicts = shippingStage(decision).locations.flatMap((entry) => entry.verdicts);
    expect(verdicts.some((verdict) => verdict.rule === "LOOK_AHEAD")).toBe(false);
  });

  it("sends a standard shipment to the warehouse when the store is not cheaper by more than the margin", () => {
    const decision = routeBoth(request(standard, [nearStore, farWarehouse], { lookAhead: true }));
    expect(decision.status).toBe("ROUTED");
    expect(decision.assignments[0]!.locationId).toBe("W1");
    const stage = shippingStage(decision);
    expect(stage.result).toBe("WAREHOUSE");
    const storeEntry = stage.locations.find((entry) => entry.locationId === "S1")!;
    expect(storeEntry).toMatchObject({ outcome: "LOST", reason: "KEPT_FOR_STORE_ORDERS" });
    expect(storeEntry.verdicts).toContainEqual({
      rule: "LOOK_AHEAD",
      storeCost: 9.1,
      warehouseCost: 8.3,
      margin: 1,
      pass: false,
    });
    expect(stage.locations.find((entry) => entry.locationId === "W1")).toMatchObject({
      outcome: "CHOSEN",
      reason: "WAREHOUSE_KEEPS_STORE_STOCK",
    });
    expect(explainDecision(decision).join(" ")).toContain("look-ahead keeps its units");
  });

  it("still ships from the store when it is cheaper than the warehouse by more than the margin", () => {
    const decision = routeBoth(request(standard, [nearStore, dearWarehouse], { lookAhead: true }));
    expect(decision.assignments[0]!.locationId).toBe("S1");
    const storeEntry = shippingStage(decision).locations.find((entry) => entry.locationId === "S1")!;
    expect(storeEntry).toMatchObject({ outcome: "CHOSEN", reason: "STORE_WITHIN_COST_THRESHOLD" });
    expect(storeEntry.verdicts).toContainEqual({
      rule: "LOOK_AHEAD",
      storeCost: 9.1,
      warehouseCost: 11.3,
      margin: 1,
      pass: true,
    });
  });

  it("takes the margin from the rules: with a $3 margin even the $2.20 cheaper store keeps its units", () => {
    const decision = routeBoth(
      request(standard, [nearStore, dearWarehouse], { lookAhead: true, lookAheadCostMargin: 3 }),
    );
    expect(decision.assignments[0]!.locationId).toBe("W1");
  });

  it("covers next-day shipping and a same-day order no store could deliver today", () => {
    const nextDay = routeBoth(
      request({ ...standard, serviceLevel: "NEXT_DAY" }, [nearStore, farWarehouse], { lookAhead: true }),
    );
    expect(nextDay.assignments[0]!.locationId).toBe("W1");
    // The only store is closed, so same-day fails; the order then ships and look-ahead applies.
    const closedStore = { ...nearStore, isOpen: false };
    const lateSameDay = routeBoth(
      request({ ...standard, serviceLevel: "SAME_DAY" }, [closedStore, farWarehouse], { lookAhead: true }),
    );
    expect(lateSameDay.flags).toContain("SLA_AT_RISK");
    expect(lateSameDay.assignments[0]!.locationId).toBe("W1");
  });

  it("never takes a same-day delivery or a pickup away from the store to save cost", () => {
    const sameDay = routeBoth(
      request({ ...standard, serviceLevel: "SAME_DAY" }, [nearStore, farWarehouse], { lookAhead: true }),
    );
    expect(sameDay.assignments[0]!.locationId).toBe("S1");
    expect(sameDay.flags).not.toContain("SLA_AT_RISK");
    const local = routeBoth(
      request({ ...standard, deliveryMethod: "LOCAL_DELIVERY" }, [nearStore, farWarehouse], { lookAhead: true }),
    );
    expect(local.assignments[0]!.locationId).toBe("S1");
    const pickup = routeBoth(
      request(
        { ...standard, deliveryMethod: "PICK_UP", pickupLocationId: "S1", destination: nearStore },
        [nearStore, farWarehouse],
        { lookAhead: true },
      ),
    );
    expect(pickup.assignments[0]!.locationId).toBe("S1");
  });

  it("ships from a store when no warehouse can fill the order: it never leaves an order unrouted to keep stock", () => {
    const emptyWarehouse = { ...farWarehouse, stock: { TEE: 0 } };
    const decision = routeBoth(request(standard, [nearStore, emptyWarehouse], { lookAhead: true }));
    expect(decision.status).toBe("ROUTED");
    expect(decision.assignments[0]!.locationId).toBe("S1");
  });

  it("keeps the store minimum: a store under it is not used, with or without look-ahead", () => {
    const thinStore = { ...nearStore, stock: { TEE: 2 } };
    for (const lookAhead of [false, true]) {
      const decision = routeBoth(request(standard, [thinStore, farWarehouse], { lookAhead, storeMinUnits: 3 }));
      expect(decision.assignments[0]!.locationId).toBe("W1");
    }
  });
});

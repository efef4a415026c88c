// rules.lookAhead (docs/decisions/018, 035): taking an order from a store is charged for the
// store units it uses, more the scarcer they are; a shipment goes to the warehouse unless the store
// is cheaper by more than that charge, and same-day and moved pickups go to the eligible store with
// the lowest cost plus charge.
import { describe, expect, it } from "vitest";
import { routeOrderBaseline } from "./baseline";
import { routeOrder } from "./engine/route-order";
import { explainDecision } from "./explain";
import { lines, request, store, warehouse } from "./test-fixtures";
import type { RoutingDecision, RoutingRequest, ShippingStage } from "./types";

// Store 2 miles away: $5 + 2 × $0.05 + $4 = $9.10. Warehouse 100 miles away: $6 + 100 × $0.003 + $2 = $8.30.
// One TEE from 5 leaves 4, two more sellable above the minimum of 3: charged 4 × $1 × 0.4² = $0.64.
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
      margin: 0.64,
      pass: false,
    });
    expect(stage.locations.find((entry) => entry.locationId === "W1")).toMatchObject({
      outcome: "CHOSEN",
      reason: "WAREHOUSE_KEEPS_STORE_STOCK",
    });
    expect(explainDecision(decision).join(" ")).toContain("look-ahead keeps its units");
  });

  it("still ships from the store when it is cheaper than the warehouse by more than the charge for its units", () => {
    const decision = routeBoth(request(standard, [nearStore, dearWarehouse], { lookAhead: true }));
    expect(decision.assignments[0]!.locationId).toBe("S1");
    const storeEntry = shippingStage(decision).locations.find((entry) => entry.locationId === "S1")!;
    expect(storeEntry).toMatchObject({ outcome: "CHOSEN", reason: "STORE_WITHIN_COST_THRESHOLD" });
    expect(storeEntry.verdicts).toContainEqual({
      rule: "LOOK_AHEAD",
      storeCost: 9.1,
      warehouseCost: 11.3,
      margin: 0.64,
      pass: true,
    });
  });

  it("takes the margin from the rules: with a $4 margin the $2.20 cheaper store keeps its units ($2.56 charged)", () => {
    const decision = routeBoth(
      request(standard, [nearStore, dearWarehouse], { lookAhead: true, lookAheadCostMargin: 4 }),
    );
    expect(decision.assignments[0]!.locationId).toBe("W1");
  });

  it("charges by scarcity: a store about to run out keeps its units though $2.20 cheaper, a plentiful one ships though only 10 cents cheaper", () => {
    // TEE: 3, the last unit it can sell (3 → 2 is under the minimum): charged 4 × $1.
    const lastUnit = routeBoth(
      request(standard, [{ ...nearStore, stock: { TEE: 3 } }, dearWarehouse], { lookAhead: true }),
    );
    expect(lastUnit.assignments[0]!.locationId).toBe("W1");
    expect(shippingStage(lastUnit).locations.find((entry) => entry.locationId === "S1")!.verdicts).toContainEqual({
      rule: "LOOK_AHEAD",
      storeCost: 9.1,
      warehouseCost: 11.3,
      margin: 4,
      pass: false,
    });
    // TEE: 30 leaves 27 sellable: charged next to nothing, so a store 10 cents cheaper still ships.
    const warehouse920 = warehouse("W1", { milesAway: 100, stock: { TEE: 50 }, shipping: { base: 7, perMile: 0.002 } });
    const plenty = routeBoth(
      request(standard, [{ ...nearStore, stock: { TEE: 30 } }, warehouse920], { lookAhead: true }),
    );
    expect(plenty.assignments[0]!.locationId).toBe("S1");
    expect(plenty.assignments[0]!.cost).toBe(9.1);
  });

  it("ships from the full store within the radius with the lowest cost plus charge, not the cheapest one about to run out", () => {
    const scarceCheap = store("S1", { milesAway: 1, stock: { TEE: 3 } }); // $9.05, charged $4
    const plentiful = store("S2", { milesAway: 3, stock: { TEE: 30 } }); // $9.15, charged ~$0
    const decision = routeBoth(request(standard, [scarceCheap, plentiful, dearWarehouse], { lookAhead: true }));
    expect(decision.assignments[0]!.locationId).toBe("S2");
    const stage = shippingStage(decision);
    expect(stage.result).toBe("STORE");
    expect(stage.locations.find((entry) => entry.locationId === "S1")).toMatchObject({
      outcome: "LOST",
      reason: "KEPT_FOR_STORE_ORDERS",
    });
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

  it("keeps a scarce store's last sellable unit from a standard shipment, so a later same-day order from there is kept", () => {
    // S1 holds 3 TEE, one sellable unit (the minimum is 3). Without look-ahead the store wins the
    // shipment, being within $2.50 of the warehouse ($9.10 against $8.30), and its TEE drops under
    // the minimum; look-ahead charges that last unit $4 and ships from the warehouse.
    const scarceStore = { ...nearStore, stock: { TEE: 3 } };
    const shipment = { ...standard, id: "ship-1" };
    const sameDay = { ...standard, id: "same-day-2", serviceLevel: "SAME_DAY" as const };
    for (const lookAhead of [false, true]) {
      const first = routeBoth(request(shipment, [scarceStore, farWarehouse], { lookAhead }));
      const taken = first.assignments[0]!.locationId === "S1" ? 1 : 0;
      const after = { ...scarceStore, stock: { TEE: 3 - taken } };
      const second = routeBoth(request(sameDay, [after, farWarehouse], { lookAhead }));
      if (lookAhead) {
        expect(first.assignments[0]!.locationId).toBe("W1");
        expect(second.assignments[0]!.locationId).toBe("S1");
        expect(second.flags).not.toContain("SLA_AT_RISK");
      } else {
        expect(first.assignments[0]!.locationId).toBe("S1");
        expect(second.flags).toContain("SLA_AT_RISK");
      }
    }
  });

  it("delivers same-day from the eligible store with the lowest cost plus charge, and says why the nearest lost", () => {
    const sameDay = { ...standard, serviceLevel: "SAME_DAY" as const };
    const nearestLastUnit = store("S1", { milesAway: 1, stock: { TEE: 3 } }); // $9.05 + $4.00
    const plentiful = store("S2", { milesAway: 3, stock: { TEE: 30 } }); // $9.15 + ~$0
    const off = routeBoth(request(sameDay, [nearestLastUnit, plentiful, farWarehouse]));
    expect(off.assignments[0]!.locationId).toBe("S1");
    const on = routeBoth(request(sameDay, [nearestLastUnit, plentiful, farWarehouse], { lookAhead: true }));
    expect(on.assignments[0]!.locationId).toBe("S2");
    expect(on.flags).not.toContain("SLA_AT_RISK");
    const stage = on.trace.stages[0]!;
    expect(stage.stage).toBe("SAME_DAY");
    const chosen = stage.locations.find((entry) => entry.locationId === "S2")!;
    expect(chosen).toMatchObject({ outcome: "CHOSEN", reason: "LOWEST_COST_WITH_LOOK_AHEAD" });
    expect(chosen.verdicts).toContainEqual({
      rule: "LOOK_AHEAD_STORES",
      storeCost: 9.15,
      charge: 0,
      otherStoreCost: 9.05,
      otherCharge: 4,
      pass: true,
    });
    expect(stage.locations.find((entry) => entry.locationId === "S1")).toMatchObject({
      outcome: "LOST",
      reason: "KEPT_FOR_STORE_ORDERS",
    });
    const explained = explainDecision(on).join(" ");
    expect(explained).toContain("chosen by look-ahead");
    expect(explained).toContain(
      "S1: costs $9.05 plus look-ahead's $4.00 for the store units it would use, against $9.15 plus $0.00 at the other store",
    );
  });

  it("keeps the nearest same-day store when its units are no scarcer than the cost difference", () => {
    const sameDay = { ...standard, serviceLevel: "SAME_DAY" as const };
    const nearestPlenty = store("S1", { milesAway: 1, stock: { TEE: 30 } });
    const fartherPlenty = store("S2", { milesAway: 3, stock: { TEE: 30 } });
    const on = routeBoth(request(sameDay, [nearestPlenty, fartherPlenty, farWarehouse], { lookAhead: true }));
    expect(on.assignments[0]!.locationId).toBe("S1");
    expect(on.trace.stages[0]!.locations.find((entry) => entry.locationId === "S1")).toMatchObject({
      outcome: "CHOSEN",
      reason: "NEAREST_ELIGIBLE_STORE",
    });
  });

  it("moves a pickup the shopper's store cannot hand over to the nearby store with units to spare, never away from the shopper's own store", () => {
    const shoppersStore = store("S0", { milesAway: 0, stock: {} });
    const nearestLastUnit = store("S1", { milesAway: 1, stock: { TEE: 3 } });
    const plentiful = store("S2", { milesAway: 3, stock: { TEE: 30 } });
    const pickup = {
      ...standard,
      deliveryMethod: "PICK_UP" as const,
      pickupLocationId: "S0",
      destination: shoppersStore,
    };
    const locations = [shoppersStore, nearestLastUnit, plentiful, farWarehouse];
    const off = routeBoth(request(pickup, locations));
    const on = routeBoth(request(pickup, locations, { lookAhead: true }));
    expect(off.assignments[0]!.locationId).toBe("S1");
    expect(on.assignments[0]!.locationId).toBe("S2");
    expect(on.flags).toEqual(["PICKUP_STORE_CHANGED"]);
    // With the stock at the shopper's store, the pickup stays there, scarce or not.
    const stocked = [{ ...shoppersStore, stock: { TEE: 3 } }, nearestLastUnit, plentiful, farWarehouse];
    expect(routeBoth(request(pickup, stocked, { lookAhead: true })).assignments[0]!.locationId).toBe("S0");
  });
});

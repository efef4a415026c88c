import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_RULES } from "../routing/rules";
import { HOME, milesNorth, store, warehouse } from "../routing/test-fixtures";
import type { DeliveryMethod, ServiceLevel } from "../routing/types";
import {
  differingOrders,
  inReplayOrder,
  replay,
  replayOrders,
  snapshotOf,
  type RecordedRouting,
  type ReplayRouter,
} from "./replay";

// A small network: two stores near HOME with a few units, a far warehouse with plenty.
const NEAR = store("S1", { ...milesNorth(2), stock: { A: 6, B: 4 }, dailyCapacity: 3 });
const OTHER = store("S2", { ...milesNorth(6), stock: { A: 4, B: 5 } });
const DEPOT = warehouse("W1", { ...milesNorth(300), stock: { A: 100, B: 100 } });
const SNAPSHOT = snapshotOf([NEAR, OTHER, DEPOT]);
const RULES = { ...DEFAULT_ROUTING_RULES, storeMinUnits: 3, radiusMiles: 10 };
const MEASURED = { storeMinUnits: 3, radiusMiles: 10 };

/** A deterministic little history: shipments, same-day and pickups at S1, a few lines each. */
function history(count: number): RecordedRouting[] {
  const recorded: RecordedRouting[] = [];
  for (let n = 0; n < count; n++) {
    const deliveryMethod: DeliveryMethod = n % 5 === 0 ? "PICK_UP" : "SHIPPING";
    const serviceLevel: ServiceLevel = n % 3 === 0 ? "SAME_DAY" : "STANDARD";
    const at = new Date(Date.UTC(2026, 10, 1 + Math.floor(n / 4), 10, n % 60));
    const destination = milesNorth(n % 7, HOME);
    recorded.push({
      facts: {
        orderId: String(1000 + n),
        placedAt: at,
        deliveryMethod,
        pickupLocationId: deliveryMethod === "PICK_UP" ? "S1" : null,
        shippingLineTitle: null,
        shippingLineCode: null,
        latitude: destination.lat,
        longitude: destination.lng,
        lines:
          n % 4 === 0
            ? [
                { sku: "A", quantity: 1 },
                { sku: "B", quantity: 1 },
              ]
            : [{ sku: n % 2 ? "A" : "B", quantity: 1 }],
      },
      decision: { deliveryMethod, serviceLevel, status: "ROUTED", assignments: [], decidedAt: at },
    });
  }
  return recorded;
}

const ROUTERS: readonly ReplayRouter[] = [
  { kind: "OMNIROUTE", name: "live", rules: RULES },
  { kind: "OMNIROUTE", name: "look-ahead", rules: { ...RULES, lookAhead: true } },
  { kind: "NATIVE", name: "native" },
  { kind: "GREEDY", name: "greedy" },
];

describe("replaying recorded orders", () => {
  it("replays alike with the engine's orders built once and shared by the routers", () => {
    const recorded = history(40);
    const shared = replayOrders(recorded, SNAPSHOT, undefined);
    for (const router of ROUTERS) {
      const alone = replay(recorded, SNAPSHOT, router, MEASURED);
      expect(JSON.stringify(replay(recorded, SNAPSHOT, router, MEASURED, shared))).toBe(JSON.stringify(alone));
    }
    // Built for other orders, they are not used: the replay builds its own.
    const other = replayOrders(history(12), SNAPSHOT, undefined);
    expect(replay(recorded, SNAPSHOT, ROUTERS[0]!, MEASURED, other).totals.orders).toBe(40);
  });

  it("gives byte-identical totals, loads and per-order outcomes for the same inputs", () => {
    for (const router of ROUTERS) {
      const first = replay(history(40), SNAPSHOT, router, MEASURED);
      const second = replay(history(40), SNAPSHOT, router, MEASURED);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it("takes from stock exactly the units it assigns, and leaves the snapshot untouched", () => {
    const before = JSON.stringify(SNAPSHOT);
    for (const router of ROUTERS) {
      const result = replay(history(40), SNAPSHOT, router, MEASURED);
      expect(result.unitsAssigned).toBeGreaterThan(0);
      expect(result.unitsTaken).toBe(result.unitsAssigned);
      expect(result.totals.oversoldLines).toBe(0);
      const loadUnits = result.loads.reduce((sum, load) => sum + load.units, 0);
      expect(loadUnits).toBe(result.unitsAssigned);
    }
    expect(JSON.stringify(SNAPSHOT)).toBe(before);
  });

  it("depletes stock as it goes: a store's units, once taken, are not promised again", () => {
    // 12 standard orders of one A, each nearest S1: S1 may give 6 − 3 + 1 = 4 under the minimum of 3 at most.
    const orders = history(12).map((entry) => ({
      ...entry,
      facts: { ...entry.facts, deliveryMethod: "SHIPPING" as const, lines: [{ sku: "A", quantity: 1 }] },
      decision: { ...entry.decision, deliveryMethod: "SHIPPING" as const, serviceLevel: "STANDARD" as const },
    }));
    const result = replay(orders, SNAPSHOT, ROUTERS[0]!, MEASURED);
    const fromS1 = result.loads.find((load) => load.locationId === "S1")?.units ?? 0;
    expect(fromS1).toBeLessThanOrEqual(4);
    expect(result.totals.thresholdViolations).toBe(0);
    expect(result.totals.routedOrders).toBe(12);
  });

  it("keeps the store minimum with Omniroute's rules where native routing does not", () => {
    const omniroute = replay(history(60), SNAPSHOT, ROUTERS[0]!, MEASURED);
    const native = replay(history(60), SNAPSHOT, ROUTERS[2]!, MEASURED);
    expect(omniroute.totals.thresholdViolations).toBe(0);
    expect(native.totals.thresholdViolations).toBeGreaterThan(0);
  });

  it("counts a location's orders per day against its daily capacity", () => {
    // Five one-B shipments to HOME on one day: native sends each to the closest location with a
    // B, S1 (4 of them, then it is empty), ignoring S1's capacity of 3 orders a day.
    const oneDay = history(5).map((entry) => ({
      ...entry,
      facts: {
        ...entry.facts,
        deliveryMethod: "SHIPPING" as const,
        latitude: HOME.lat,
        longitude: HOME.lng,
        lines: [{ sku: "B", quantity: 1 }],
      },
      decision: {
        ...entry.decision,
        deliveryMethod: "SHIPPING" as const,
        serviceLevel: "STANDARD" as const,
        decidedAt: new Date("2026-11-02T10:00:00Z"),
      },
    }));
    const native = replay(oneDay, SNAPSHOT, ROUTERS[2]!, MEASURED);
    expect(native.loads.find((load) => load.locationId === "S1")).toEqual({
      locationId: "S1",
      orders: 4,
      units: 4,
      busiestDayOrders: 4,
      dailyCapacity: 3,
      daysOverCapacity: 1,
    });
    expect(native.loads.find((load) => load.locationId === "S2")).toMatchObject({
      orders: 1,
      dailyCapacity: null,
      daysOverCapacity: 0,
    });
  });

  it("lists the orders two routers sent differently, with the cost change", () => {
    const omniroute = replay(history(40), SNAPSHOT, ROUTERS[0]!, MEASURED);
    const native = replay(history(40), SNAPSHOT, ROUTERS[2]!, MEASURED);
    expect(differingOrders(omniroute, omniroute)).toEqual([]);
    const differences = differingOrders(omniroute, native);
    expect(differences.length).toBeGreaterThan(0);
    for (const difference of differences) {
      expect(JSON.stringify(difference.before.assignments)).not.toBe(JSON.stringify(difference.after.assignments));
      expect(difference.costChange).toBeCloseTo(difference.after.cost - difference.before.cost, 9);
    }
    const total = differences.reduce((sum, difference) => sum + difference.costChange, 0);
    expect(total).toBeCloseTo(native.totals.totalCost - omniroute.totals.totalCost, 6);
  });

  it("replays in the order the decisions were made, whatever order they are given in", () => {
    const ordered = inReplayOrder([...history(10)].reverse());
    expect(ordered.map((entry) => entry.facts.orderId)).toEqual(history(10).map((entry) => entry.facts.orderId));
  });

  it("leaves an order without a destination unroutable for every router", () => {
    // history's second order is a shipment (a pickup's destination is its store, not coordinates).
    const shipment = history(2)[1]!;
    const lost: RecordedRouting = { ...shipment, facts: { ...shipment.facts, latitude: null, longitude: null } };
    for (const router of ROUTERS) {
      const result = replay([lost], SNAPSHOT, router, MEASURED);
      expect(result.totals.unroutableOrders).toBe(1);
      expect(result.unitsTaken).toBe(0);
    }
  });
});

// Each rule and flag of the v1 semantics, one table row per behaviour, run against both the
// indexed engine and the naive baseline.
import { describe, expect, it } from "vitest";
import { routeOrderBaseline } from "./baseline";
import { routeOrder } from "./engine/route-order";
import { haversineMiles } from "./geo";
import { HOME, lines, milesNorth, request, store, warehouse } from "./test-fixtures";
import type { RoutingDecision, RoutingFlag, RoutingRequest, RoutingStatus } from "./types";

interface Expectation {
  readonly status: RoutingStatus;
  /** Location ids of the assignments, in order. */
  readonly at: readonly string[];
  readonly flags?: readonly RoutingFlag[];
  readonly unroutableSkus?: readonly string[];
}

interface Case {
  readonly rule: string;
  readonly request: RoutingRequest;
  readonly expected: Expectation;
}

const ROUTERS = [
  ["indexed engine", routeOrder],
  ["naive baseline", routeOrderBaseline],
] as const;

function check(decision: RoutingDecision, expected: Expectation): void {
  expect({
    status: decision.status,
    at: decision.assignments.map((assignment) => assignment.locationId),
    flags: decision.flags,
    unroutableSkus: decision.unroutableSkus,
  }).toEqual({
    status: expected.status,
    at: expected.at,
    flags: expected.flags ?? [],
    unroutableSkus: expected.unroutableSkus ?? [],
  });
}

function table(cases: readonly Case[]): void {
  describe.each(ROUTERS)("%s", (_name, route) => {
    it.each(cases.map((c) => [c.rule, c] as const))("%s", (_rule, c) => check(route(c.request), c.expected));
  });
}

const teeM = (units: number): Record<string, number> => ({ "TEE-M": units });
const FAR_WAREHOUSE = warehouse("W-FAR", { milesAway: 300, stock: teeM(50) });

describe("store stock threshold", () => {
  table([
    {
      rule: "uses the warehouse when the nearest store has fewer than the minimum units",
      request: request({}, [store("S-NEAR", { milesAway: 2, stock: teeM(2) }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["W-FAR"] },
    },
    {
      rule: "uses a store that has exactly the minimum units",
      request: request({}, [store("S-NEAR", { milesAway: 2, stock: teeM(3) }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["S-NEAR"] },
    },
    {
      rule: "still needs the ordered quantity when a store is above the minimum",
      request: request({ lines: lines(["TEE-M", 5]) }, [
        store("S-NEAR", { milesAway: 2, stock: teeM(4) }),
        FAR_WAREHOUSE,
      ]),
      expected: { status: "ROUTED", at: ["W-FAR"] },
    },
    {
      rule: "never applies the store minimum to a warehouse",
      request: request({}, [warehouse("W-ONE", { milesAway: 40, stock: teeM(1) })]),
      expected: { status: "ROUTED", at: ["W-ONE"] },
    },
    {
      rule: "follows a merchant's own store minimum",
      request: request({}, [store("S-NEAR", { milesAway: 2, stock: teeM(1) }), FAR_WAREHOUSE], { storeMinUnits: 1 }),
      expected: { status: "ROUTED", at: ["S-NEAR"] },
    },
    {
      rule: "treats a SKU missing from the stock map as zero units",
      request: request({}, [store("S-NEAR", { milesAway: 2, stock: { "TEE-L": 9 } }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["W-FAR"] },
    },
  ]);
});

describe("active locations and daily capacity", () => {
  table([
    {
      rule: "never routes to an inactive location",
      request: request({}, [store("S-NEAR", { milesAway: 1, stock: teeM(9), active: false }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["W-FAR"] },
    },
    {
      rule: "skips a location that has used up today's capacity",
      request: request({}, [
        store("S-NEAR", { milesAway: 1, stock: teeM(9), dailyCapacity: 5, assignedToday: 5 }),
        FAR_WAREHOUSE,
      ]),
      expected: { status: "ROUTED", at: ["W-FAR"] },
    },
    {
      rule: "uses a location with capacity left today",
      request: request({}, [
        store("S-NEAR", { milesAway: 1, stock: teeM(9), dailyCapacity: 5, assignedToday: 4 }),
        FAR_WAREHOUSE,
      ]),
      expected: { status: "ROUTED", at: ["S-NEAR"] },
    },
    {
      rule: "counts a missing assignedToday as nothing assigned yet",
      request: request({}, [store("S-NEAR", { milesAway: 1, stock: teeM(9), dailyCapacity: 1 }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["S-NEAR"] },
    },
    {
      rule: "has no capacity limit without a dailyCapacity",
      request: request({}, [store("S-NEAR", { milesAway: 1, stock: teeM(9), assignedToday: 500 }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["S-NEAR"] },
    },
  ]);
});

describe("same-day and local delivery", () => {
  const sameDay = { serviceLevel: "SAME_DAY" } as const;
  table([
    {
      rule: "sends same-day to the nearest full open store within the radius",
      request: request(sameDay, [
        store("S-2MI-SHORT", { milesAway: 2, stock: teeM(2) }),
        store("S-3MI", { milesAway: 3, stock: teeM(9), labourCostPerOrder: 9 }),
        store("S-5MI-CHEAP", { milesAway: 5, stock: teeM(9), labourCostPerOrder: 0 }),
      ]),
      expected: { status: "ROUTED", at: ["S-3MI"] },
    },
    {
      rule: "breaks a same-day distance tie by the lower cost",
      request: request(sameDay, [
        store("S-A", { milesAway: 3, stock: teeM(9), labourCostPerOrder: 5 }),
        store("S-B", { milesAway: 3, stock: teeM(9), labourCostPerOrder: 4 }),
      ]),
      expected: { status: "ROUTED", at: ["S-B"] },
    },
    {
      rule: "breaks a same-day distance and cost tie by the lower id",
      request: request(sameDay, [
        store("S-B", { milesAway: 3, stock: teeM(9) }),
        store("S-A", { milesAway: 3, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-A"] },
    },
    {
      rule: "skips a store that is closed now for same-day",
      request: request(sameDay, [
        store("S-CLOSED", { milesAway: 1, stock: teeM(9), isOpen: false }),
        store("S-OPEN", { milesAway: 6, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-OPEN"] },
    },
    {
      rule: "counts a store exactly at the radius as within it",
      request: request(sameDay, [store("S-EDGE", { milesAway: 7, stock: teeM(9) }), FAR_WAREHOUSE], {
        radiusMiles: haversineMiles(HOME, milesNorth(7)),
      }),
      expected: { status: "ROUTED", at: ["S-EDGE"] },
    },
    {
      rule: "never uses a warehouse for same-day, so it ships standard flagged SLA_AT_RISK",
      request: request(sameDay, [warehouse("W-NEXT-DOOR", { milesAway: 1, stock: teeM(9) })]),
      expected: { status: "ROUTED", at: ["W-NEXT-DOOR"], flags: ["SLA_AT_RISK"] },
    },
    {
      rule: "falls back to standard shipping, flagged SLA_AT_RISK, when no store within the radius qualifies",
      request: request(sameDay, [store("S-12MI", { milesAway: 12, stock: teeM(9) }), FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["W-FAR"], flags: ["SLA_AT_RISK"] },
    },
    {
      rule: "may fall back to a full store beyond the radius, flagged SLA_AT_RISK and OUTSIDE_RADIUS",
      request: request(sameDay, [store("S-12MI", { milesAway: 12, stock: teeM(9) })]),
      expected: { status: "ROUTED", at: ["S-12MI"], flags: ["SLA_AT_RISK", "OUTSIDE_RADIUS"] },
    },
    {
      rule: "treats local delivery as same-day even when its service level says STANDARD",
      request: request({ deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "STANDARD" }, [
        store("S-NEAR-PRICEY", { milesAway: 1, stock: teeM(9), labourCostPerOrder: 30 }),
        warehouse("W-CHEAP", { milesAway: 2, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-NEAR-PRICEY"] },
    },
    {
      rule: "flags local delivery SLA_AT_RISK when it has to ship",
      request: request({ deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "STANDARD" }, [FAR_WAREHOUSE]),
      expected: { status: "ROUTED", at: ["W-FAR"], flags: ["SLA_AT_RISK"] },
    },
  ]);
});

describe("pickup", () => {
  const chosenAt = milesNorth(20);
  const pickup = (lineEntries: [string, number][] = [["TEE-M", 1]]) =>
    ({
      deliveryMethod: "PICK_UP",
      pickupLocationId: "S-CHOSEN",
      destination: chosenAt,
      lines: lines(...lineEntries),
    }) as const;
  const near = (miles: number): { lat: number; lng: number } => milesNorth(miles, chosenAt);
  table([
    {
      rule: "picks up at the chosen store when it is active, pickup-enabled and full",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: teeM(3) }),
        store("S-CLOSER-TO-HOME", { milesAway: 1, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-CHOSEN"] },
    },
    {
      rule: "picks up at the chosen store even when it is closed now",
      request: request(pickup(), [store("S-CHOSEN", { ...chosenAt, stock: teeM(3), isOpen: false })]),
      expected: { status: "ROUTED", at: ["S-CHOSEN"] },
    },
    {
      rule: "moves pickup to the nearest full open pickup store within the radius of the chosen store",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: teeM(2) }),
        store("S-6MI", { ...near(6), stock: teeM(9) }),
        store("S-3MI", { ...near(3), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-3MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "measures the pickup radius from the chosen store, not from home",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: {} }),
        store("S-AT-HOME", { milesAway: 0, stock: teeM(9) }),
        store("S-NEAR-CHOSEN", { ...near(9), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-NEAR-CHOSEN"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "moves pickup when the chosen store is inactive",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: teeM(9), active: false }),
        store("S-3MI", { ...near(3), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-3MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "moves pickup when the chosen store has pickup turned off",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: teeM(9), pickupEnabled: false }),
        store("S-3MI", { ...near(3), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-3MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "moves pickup when the chosen store is at today's capacity",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: teeM(9), dailyCapacity: 3, assignedToday: 3 }),
        store("S-3MI", { ...near(3), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-3MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "moves pickup only to an open, pickup-enabled store, never a warehouse",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: {} }),
        warehouse("W-1MI", { ...near(1), stock: teeM(9) }),
        store("S-2MI-CLOSED", { ...near(2), stock: teeM(9), isOpen: false }),
        store("S-3MI-NO-PICKUP", { ...near(3), stock: teeM(9), pickupEnabled: false }),
        store("S-8MI", { ...near(8), stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-8MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
    {
      rule: "makes pickup unroutable, flagged PICKUP_UNAVAILABLE, when no store within the radius qualifies",
      request: request(pickup(), [
        store("S-CHOSEN", { ...chosenAt, stock: {} }),
        store("S-12MI", { ...near(12), stock: teeM(9) }),
        warehouse("W-FAR", { milesAway: 300, stock: teeM(9) }),
      ]),
      expected: { status: "UNROUTABLE", at: [], flags: ["PICKUP_UNAVAILABLE"] },
    },
    {
      rule: "never splits a pickup order",
      request: request(
        pickup([
          ["TEE-M", 1],
          ["CAP", 1],
        ]),
        [store("S-CHOSEN", { ...chosenAt, stock: { "TEE-M": 9 } }), store("S-2MI", { ...near(2), stock: { CAP: 9 } })],
      ),
      expected: { status: "UNROUTABLE", at: [], flags: ["PICKUP_UNAVAILABLE"] },
    },
    {
      rule: "searches around the destination when the chosen store is not among the locations",
      request: request({ ...pickup(), pickupLocationId: "S-GONE" }, [
        store("S-2MI", { ...near(2), stock: teeM(9) }),
        store("S-1MI-FROM-HOME", { milesAway: 1, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["S-2MI"], flags: ["PICKUP_STORE_CHANGED"] },
    },
  ]);
});

describe("standard and next-day shipping", () => {
  // Costs at these distances: a store 4 miles away costs 5 + 0.2 + 4 = $9.20; the warehouse
  // 500 miles away costs 6 + 1.5 + 2 = $9.50.
  const nearStore = store("S-4MI", { milesAway: 4, stock: teeM(9) });
  const farWarehouse = warehouse("W-500MI", { milesAway: 500, stock: teeM(9) });
  table([
    {
      rule: "ships from a nearby store that costs no more than the cheapest warehouse plus the allowance",
      request: request({}, [nearStore, farWarehouse]),
      expected: { status: "ROUTED", at: ["S-4MI"] },
    },
    {
      rule: "ships from the warehouse when the nearby store costs more than the allowance over it",
      request: request({}, [store("S-4MI", { milesAway: 4, stock: teeM(9), labourCostPerOrder: 7.5 }), farWarehouse]),
      expected: { status: "ROUTED", at: ["W-500MI"] },
    },
    {
      rule: "accepts a store whose extra cost equals the allowance exactly",
      request: request({}, [store("S-HERE", { stock: teeM(9) }), warehouse("W-HERE", { stock: teeM(9) })], {
        maxExtraCostOverWarehouse: 1,
      }),
      expected: { status: "ROUTED", at: ["S-HERE"] },
    },
    {
      rule: "compares the cheapest store within the radius, not the nearest one",
      request: request({}, [
        store("S-1MI-PRICEY", { milesAway: 1, stock: teeM(9), labourCostPerOrder: 20 }),
        store("S-8MI", { milesAway: 8, stock: teeM(9) }),
        farWarehouse,
      ]),
      expected: { status: "ROUTED", at: ["S-8MI"] },
    },
    {
      rule: "picks the cheapest warehouse, whatever its distance",
      request: request({}, [
        warehouse("W-NEAR-PRICEY", { milesAway: 5, stock: teeM(9), labourCostPerOrder: 9 }),
        warehouse("W-FAR-CHEAP", { milesAway: 900, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["W-FAR-CHEAP"] },
    },
    {
      rule: "breaks a warehouse cost tie by the nearer one",
      request: request({}, [
        warehouse("W-A", { milesAway: 100, stock: teeM(9), shipping: { base: 6, perMile: 0 } }),
        warehouse("W-B", { milesAway: 50, stock: teeM(9), shipping: { base: 6, perMile: 0 } }),
      ]),
      expected: { status: "ROUTED", at: ["W-B"] },
    },
    {
      rule: "breaks a warehouse cost and distance tie by the lower id",
      request: request({}, [
        warehouse("W-B", { milesAway: 50, stock: teeM(9) }),
        warehouse("W-A", { milesAway: 50, stock: teeM(9) }),
      ]),
      expected: { status: "ROUTED", at: ["W-A"] },
    },
    {
      rule: "ships from a store that is closed now",
      request: request({}, [store("S-CLOSED", { milesAway: 3, stock: teeM(9), isOpen: false }), farWarehouse]),
      expected: { status: "ROUTED", at: ["S-CLOSED"] },
    },
    {
      rule: "ships from the only full location when there is just a nearby store",
      request: request({}, [store("S-9MI", { milesAway: 9, stock: teeM(9), labourCostPerOrder: 50 })]),
      expected: { status: "ROUTED", at: ["S-9MI"] },
    },
    {
      rule: "ships from the cheapest full store beyond the radius, flagged OUTSIDE_RADIUS, when nothing else is full",
      request: request({}, [
        store("S-30MI", { milesAway: 30, stock: teeM(9) }),
        store("S-15MI", { milesAway: 15, stock: teeM(9) }),
        store("S-2MI-EMPTY", { milesAway: 2, stock: {} }),
      ]),
      expected: { status: "ROUTED", at: ["S-15MI"], flags: ["OUTSIDE_RADIUS"] },
    },
    {
      rule: "applies the same rules to next-day shipping",
      request: request({ serviceLevel: "NEXT_DAY" }, [nearStore, farWarehouse]),
      expected: { status: "ROUTED", at: ["S-4MI"] },
    },
    {
      rule: "applies the default radius of 10 miles when the rules leave it out",
      request: { ...request({}, [store("S-11MI", { milesAway: 11, stock: teeM(9) })]), rules: {} },
      expected: { status: "ROUTED", at: ["S-11MI"], flags: ["OUTSIDE_RADIUS"] },
    },
  ]);
});

describe("splitting", () => {
  const order3 = { lines: lines(["TEE-M", 1], ["CAP", 2], ["MUG", 1]) };
  table([
    {
      rule: "splits into the fewest locations that together serve every line",
      request: request(order3, [
        warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5 } }),
        warehouse("W-CAP", { milesAway: 50, stock: { CAP: 5 } }),
        warehouse("W-MUG", { milesAway: 50, stock: { MUG: 5 } }),
        warehouse("W-CAP-MUG", { milesAway: 900, stock: { CAP: 5, MUG: 5 } }),
      ]),
      expected: { status: "SPLIT", at: ["W-TEE", "W-CAP-MUG"] },
    },
    {
      rule: "chooses the lowest total cost among splits of the fewest locations",
      request: request(order3, [
        warehouse("W-TEE-CAP", { milesAway: 50, stock: { "TEE-M": 5, CAP: 5 } }),
        warehouse("W-MUG-PRICEY", { milesAway: 50, stock: { MUG: 5 }, labourCostPerOrder: 9 }),
        warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5 } }),
        warehouse("W-CAP-MUG", { milesAway: 50, stock: { CAP: 5, MUG: 5 } }),
      ]),
      expected: { status: "SPLIT", at: ["W-TEE", "W-CAP-MUG"] },
    },
    {
      rule: "does not split when one location can serve everything, even if a split would be cheaper",
      request: request(order3, [
        warehouse("W-ALL-PRICEY", { milesAway: 50, stock: { "TEE-M": 5, CAP: 5, MUG: 5 }, labourCostPerOrder: 40 }),
        store("S-TEE", { milesAway: 1, stock: { "TEE-M": 5 } }),
        store("S-CAP-MUG", { milesAway: 1, stock: { CAP: 5, MUG: 5 } }),
      ]),
      expected: { status: "ROUTED", at: ["W-ALL-PRICEY"] },
    },
    {
      rule: "counts a store below the minimum as unable to serve a line of a split",
      request: request(order3, [
        store("S-TEE-LOW", { milesAway: 1, stock: { "TEE-M": 2, CAP: 9, MUG: 9 } }),
        warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5 } }),
      ]),
      expected: { status: "SPLIT", at: ["W-TEE", "S-TEE-LOW"] },
    },
    {
      rule: "makes an order unroutable, flagged OUT_OF_STOCK, naming the SKUs no location can serve",
      request: request(order3, [
        warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5, CAP: 1 } }),
        store("S-CAP-LOW", { milesAway: 1, stock: { CAP: 2 } }),
      ]),
      expected: { status: "UNROUTABLE", at: [], flags: ["OUT_OF_STOCK"], unroutableSkus: ["CAP", "MUG"] },
    },
    {
      rule: "makes an order that needs a split unroutable when splitting is off",
      request: request(
        order3,
        [
          warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5 } }),
          warehouse("W-CAP-MUG", { milesAway: 50, stock: { CAP: 5, MUG: 5 } }),
        ],
        { allowSplit: false },
      ),
      expected: { status: "UNROUTABLE", at: [] },
    },
    {
      rule: "flags an order OUT_OF_STOCK, naming the SKUs, when splitting is off and one is in stock nowhere",
      request: request(
        order3,
        [
          warehouse("W-TEE", { milesAway: 50, stock: { "TEE-M": 5, CAP: 5 } }),
          store("S-CAP", { milesAway: 1, stock: { CAP: 9 } }),
        ],
        { allowSplit: false },
      ),
      expected: { status: "UNROUTABLE", at: [], flags: ["OUT_OF_STOCK"], unroutableSkus: ["MUG"] },
    },
    {
      rule: "splits a same-day order it cannot fill from one store, flagged SLA_AT_RISK",
      request: request({ ...order3, serviceLevel: "SAME_DAY" }, [
        store("S-TEE", { milesAway: 1, stock: { "TEE-M": 5 } }),
        store("S-CAP-MUG", { milesAway: 2, stock: { CAP: 5, MUG: 5 } }),
      ]),
      expected: { status: "SPLIT", at: ["S-TEE", "S-CAP-MUG"], flags: ["SLA_AT_RISK"] },
    },
    {
      rule: "makes an order with no locations at all unroutable and OUT_OF_STOCK",
      request: request({}, []),
      expected: { status: "UNROUTABLE", at: [], flags: ["OUT_OF_STOCK"], unroutableSkus: ["TEE-M"] },
    },
  ]);
});

describe.each(ROUTERS)("decision contents (%s)", (_name, route) => {
  it("puts every line, whole, on the assignment, in the order's line order", () => {
    const decision = route(
      request({ lines: lines(["MUG", 1], ["TEE-M", 2], ["CAP", 1]) }, [
        warehouse("W", { milesAway: 80, stock: { CAP: 9, "TEE-M": 9, MUG: 9 } }),
      ]),
    );
    expect(decision.assignments).toEqual([
      {
        locationId: "W",
        lines: lines(["MUG", 1], ["TEE-M", 2], ["CAP", 1]),
        cost: 8.24,
        distanceMiles: 80,
      },
    ]);
  });

  it("reports cost as base + perMile × haversine miles + labour, rounded to cents, and miles to 2 decimals", () => {
    const decision = route(
      request({ destination: { lat: 0, lng: 1 } }, [
        warehouse("W-EQUATOR", {
          lat: 0,
          lng: 0,
          stock: teeM(1),
          shipping: { base: 1, perMile: 0.1 },
          labourCostPerOrder: 0.5,
        }),
      ]),
    );
    // One degree of longitude on the equator of a 3958.8-mile sphere: 69.0940… miles.
    expect(decision.assignments[0]).toMatchObject({ distanceMiles: 69.09, cost: 8.41 });
  });

  it("orders split assignments by the first order line each one ships, with lines in order", () => {
    const decision = route(
      request({ lines: lines(["A", 1], ["B", 1], ["C", 1]) }, [
        warehouse("W-Z", { milesAway: 10, stock: { B: 1 } }),
        warehouse("W-Y", { milesAway: 10, stock: { A: 1, C: 1 } }),
      ]),
    );
    expect(
      decision.assignments.map((assignment) => [assignment.locationId, assignment.lines.map((line) => line.sku)]),
    ).toEqual([
      ["W-Y", ["A", "C"]],
      ["W-Z", ["B"]],
    ]);
  });

  it("gives a line two chosen locations could both serve to the cheaper one", () => {
    const decision = route(
      request({ lines: lines(["A", 1], ["B", 1], ["C", 1]) }, [
        warehouse("W-AB-PRICEY", { milesAway: 10, stock: { A: 1, B: 1 }, labourCostPerOrder: 5 }),
        warehouse("W-BC", { milesAway: 10, stock: { B: 1, C: 1 } }),
      ]),
    );
    expect(
      decision.assignments.map((assignment) => [assignment.locationId, assignment.lines.map((line) => line.sku)]),
    ).toEqual([
      ["W-AB-PRICEY", ["A"]],
      ["W-BC", ["B", "C"]],
    ]);
  });

  it("returns byte-identical output for the same input", () => {
    const input = request({ serviceLevel: "SAME_DAY" }, [
      store("S-1", { milesAway: 1, stock: teeM(2) }),
      store("S-2", { milesAway: 2, stock: teeM(9), isOpen: false }),
      warehouse("W", { milesAway: 70, stock: teeM(9) }),
    ]);
    expect(JSON.stringify(route(input))).toBe(JSON.stringify(route(structuredClone(input))));
  });
});

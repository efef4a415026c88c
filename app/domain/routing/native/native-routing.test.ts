// Shopify's native order routing, rule by rule, as its help centre documents it:
// https://help.shopify.com/en/manual/fulfillment/setup/order-routing/understanding-order-routing
//   "Minimize split fulfillments: Optimize for fulfilling the order in the fewest number of
//    packages. Locations that have all items in stock are prioritized over those that don't. When
//    none of your locations have all of the items in stock, this rule will prioritize the
//    locations that result in the fewest number of packages."
//   "Ship from closest location: The location closest to the shipping address (measured in a
//    straight line using the Haversine formula) will be prioritized ... a tiebreaker."
//   Ranked locations: the merchant's order of locations.
//   The default strategy: Minimize split fulfillments, Stay within the destination market, Ship
//   from closest location (one market here, so the market rule ranks every location alike).
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../../dev/seeded-random";
import { haversineMiles } from "../geo";
import { lines, milesNorth, order, store, warehouse } from "../test-fixtures";
import type { RoutingLocation, RoutingOrder } from "../types";
import {
  nativeAllocate,
  prioritize,
  priorityOf,
  RANKED_LOCATIONS_STRATEGY,
  SHOPIFY_DEFAULT_STRATEGY,
  type NativeRule,
} from "./native-allocation";
import { NativeRouter, routeNatively, type NativeDecision, type NativeOptions } from "./native-routing";

const shipped = (locations: RoutingLocation[], orderLines = lines(["A", 1], ["B", 1]), strategy?: NativeRule[]) =>
  routeNatively(order({ lines: orderLines }), locations, strategy === undefined ? {} : { strategy }).assignments.map(
    (assignment) => `${assignment.locationId}:${assignment.lines.map((line) => line.sku).join("+")}`,
  );

describe("Shopify native routing (default strategy: minimize split fulfillments, then closest location)", () => {
  it.each([
    {
      rule: "a location with every item beats a nearer one with only some (minimize split before closest)",
      locations: [
        store("NEAR", { milesAway: 1, stock: { A: 5 } }),
        warehouse("FAR", { milesAway: 300, stock: { A: 5, B: 5 } }),
      ],
      expected: ["FAR:A+B"],
    },
    {
      rule: "of the locations with every item, the closest ships (closest location as tiebreaker)",
      locations: [
        warehouse("W-FAR", { milesAway: 300, stock: { A: 5, B: 5 } }),
        store("S-NEAR", { milesAway: 4, stock: { A: 5, B: 5 } }),
        store("S-MID", { milesAway: 9, stock: { A: 5, B: 5 } }),
      ],
      expected: ["S-NEAR:A+B"],
    },
    {
      rule: "with no location holding everything, the fewest packages, even from farther away",
      locations: [
        store("A-ONLY", { milesAway: 1, stock: { A: 5 } }),
        store("B-ONLY", { milesAway: 2, stock: { B: 5 } }),
        store("C-ONLY", { milesAway: 3, stock: { C: 5 } }),
        warehouse("BC", { milesAway: 200, stock: { B: 5, C: 5 } }),
      ],
      orderLines: lines(["A", 1], ["B", 1], ["C", 1]),
      expected: ["A-ONLY:A", "BC:B+C"],
    },
    {
      rule: "within the fewest packages, each item from the closest of them that has it",
      locations: [
        store("AB", { milesAway: 5, stock: { A: 5, B: 5 } }),
        store("BC", { milesAway: 1, stock: { B: 5, C: 5 } }),
      ],
      orderLines: lines(["A", 1], ["B", 1], ["C", 1]),
      expected: ["BC:B+C", "AB:A"],
    },
    {
      rule: "a location short of the quantity does not have the item in stock",
      locations: [
        store("SHORT", { milesAway: 1, stock: { A: 1, B: 5 } }),
        warehouse("W", { milesAway: 50, stock: { A: 9, B: 9 } }),
      ],
      orderLines: lines(["A", 2], ["B", 1]),
      expected: ["W:A+B"],
    },
    {
      rule: "an inactive location is never used",
      locations: [
        store("OFF", { milesAway: 1, active: false, stock: { A: 5, B: 5 } }),
        warehouse("W", { milesAway: 50, stock: { A: 9, B: 9 } }),
      ],
      expected: ["W:A+B"],
    },
  ])("$rule", ({ locations, orderLines, expected }) => {
    expect(shipped(locations, orderLines)).toEqual(expected);
  });

  it("knows nothing of the store minimum, opening hours or cost: it takes a store's last unit", () => {
    const locations = [
      store("LAST", { milesAway: 1, isOpen: false, stock: { A: 1 } }),
      warehouse("W", { milesAway: 20, stock: { A: 9 } }),
    ];
    expect(shipped(locations, lines(["A", 1]))).toEqual(["LAST:A"]);
  });

  it("with the store minimum added, leaves a store under the minimum alone", () => {
    const locations = [
      store("LAST", { milesAway: 1, stock: { A: 2 } }),
      warehouse("W", { milesAway: 20, stock: { A: 9 } }),
    ];
    const decision = routeNatively(order({ lines: lines(["A", 1]) }), locations, { storeMinUnits: 3 });
    expect(decision.assignments.map((assignment) => assignment.locationId)).toEqual(["W"]);
  });

  it("leaves an order unroutable, naming the SKU, when no location has an item", () => {
    const decision = routeNatively(order({ lines: lines(["A", 1], ["GONE", 1]) }), [
      warehouse("W", { stock: { A: 9 } }),
    ]);
    expect(decision).toMatchObject({ status: "UNROUTABLE", assignments: [], unroutableSkus: ["GONE"] });
  });

  it("sends a pickup order to the shopper's store when it has everything, and otherwise ships it", () => {
    const chosen = store("PICK", { milesAway: 3, stock: { A: 5 } });
    const elsewhere = warehouse("W", { milesAway: 40, stock: { A: 9, B: 9 } });
    const pickup = (orderLines: ReturnType<typeof lines>) =>
      routeNatively(
        order({ deliveryMethod: "PICK_UP", pickupLocationId: "PICK", destination: chosen, lines: orderLines }),
        [elsewhere, chosen],
      ).assignments.map((assignment) => assignment.locationId);
    expect(pickup(lines(["A", 1]))).toEqual(["PICK"]);
    expect(pickup(lines(["A", 1], ["B", 1]))).toEqual(["W"]);
  });

  it("with ranked locations in place of closest, the merchant's ranking decides, not distance", () => {
    const locations = [
      store("NEAR", { milesAway: 1, stock: { A: 5 } }),
      warehouse("RANKED-FIRST", { milesAway: 500, stock: { A: 5 } }),
    ];
    const decision = routeNatively(order({ lines: lines(["A", 1]) }), locations, {
      strategy: RANKED_LOCATIONS_STRATEGY,
      rankedLocationIds: ["RANKED-FIRST", "NEAR"],
    });
    expect(decision.assignments.map((assignment) => assignment.locationId)).toEqual(["RANKED-FIRST"]);
  });

  it("accepts minimize split fulfillments only as the first rule, where Shopify's default strategy has it", () => {
    expect(() =>
      routeNatively(order(), [warehouse("W")], { strategy: ["CLOSEST_LOCATION", "MINIMIZE_SPLIT"] }),
    ).toThrow(/first rule/);
  });
});

describe("native allocation", () => {
  it("applies ranking rules in sequence, each breaking the ties of the one before", () => {
    const candidates = [
      { rank: 2, distance: 5 },
      { rank: 0, distance: 9 },
      { rank: 1, distance: 5 },
    ];
    expect(prioritize(candidates, SHOPIFY_DEFAULT_STRATEGY)).toEqual([2, 0, 1]);
    expect(prioritize(candidates, ["RANKED_LOCATIONS", "CLOSEST_LOCATION"])).toEqual([1, 2, 0]);
  });

  it("without minimize split fulfillments, gives each line to the best-priority location that has it", () => {
    const has: Record<number, number[]> = { 0: [0], 1: [0, 1], 2: [2] };
    const allocation = nativeAllocate({
      lineCount: 3,
      priority: priorityOf([0, 1, 2]),
      covers: (candidate, line) => has[candidate]!.includes(line),
      minimizeSplit: false,
    });
    expect(allocation).toEqual({
      parts: [
        { candidate: 0, lines: [0] },
        { candidate: 1, lines: [1] },
        { candidate: 2, lines: [2] },
      ],
      uncoveredLines: [],
    });
    const fewest = nativeAllocate({
      lineCount: 3,
      priority: priorityOf([0, 1, 2]),
      covers: (candidate, line) => has[candidate]!.includes(line),
      minimizeSplit: true,
    });
    expect(fewest.parts).toEqual([
      { candidate: 1, lines: [0, 1] },
      { candidate: 2, lines: [2] },
    ]);
  });
});

/**
 * The documented rules applied the plain way, for comparison: every active location that lists
 * one of the order's SKUs, put in full priority order, then allocated.
 */
function routeByFullSort(order: RoutingOrder, locations: readonly RoutingLocation[], options: NativeOptions) {
  const strategy = options.strategy ?? SHOPIFY_DEFAULT_STRATEGY;
  const minimum = options.storeMinUnits ?? 0;
  const candidates = locations.filter((location) => location.active);
  const covers = (location: RoutingLocation, line: number) => {
    const { sku, quantity } = order.lines[line]!;
    const units = Object.hasOwn(location.stock, sku) ? location.stock[sku]! : 0;
    return quantity > 0 && units >= quantity && (location.kind !== "STORE" || units >= minimum);
  };
  if (order.deliveryMethod === "PICK_UP" && order.pickupLocationId !== undefined) {
    const chosen = locations.find((location) => location.id === order.pickupLocationId);
    if (chosen?.active && order.lines.every((_, line) => covers(chosen, line))) {
      return [`${chosen.id}:${order.lines.map((line) => line.sku).join("+")}`];
    }
  }
  const relevant = candidates.filter((location) => order.lines.some((line) => Object.hasOwn(location.stock, line.sku)));
  const facts = relevant.map((location) => ({
    rank: locations.indexOf(location),
    distance: haversineMiles(order.destination, location),
  }));
  const allocation = nativeAllocate({
    lineCount: order.lines.length,
    priority: priorityOf(prioritize(facts, strategy)),
    covers: (index, line) => covers(relevant[index]!, line),
    minimizeSplit: strategy[0] === "MINIMIZE_SPLIT",
  });
  if (allocation.uncoveredLines.length > 0) return [];
  return allocation.parts.map(
    (part) => `${relevant[part.candidate]!.id}:${part.lines.map((line) => order.lines[line]!.sku).join("+")}`,
  );
}

describe("native routing prepared once for many orders", () => {
  const STRATEGIES: readonly (readonly NativeRule[])[] = [
    SHOPIFY_DEFAULT_STRATEGY,
    ["CLOSEST_LOCATION"],
    RANKED_LOCATIONS_STRATEGY,
    ["MINIMIZE_SPLIT", "CLOSEST_LOCATION", "RANKED_LOCATIONS"],
  ];
  /**
   * Stores clustered near HOME (some at the same spot) and spread hundreds of miles north (many
   * grid cells), warehouses far off, thin random stock.
   */
  function network(random: () => number): RoutingLocation[] {
    const skus = ["A", "B", "C", "D", "E", "F"];
    const stockOf = () =>
      Object.fromEntries(skus.filter(() => random() < 0.7).map((sku) => [sku, Math.floor(random() * 4)]));
    const locations: RoutingLocation[] = [];
    for (let n = 0; n < 40; n++) {
      const miles = n % 10 === 9 ? 3 : Math.floor(random() * (n % 2 === 0 ? 30 : 600));
      locations.push(store(`S${n}`, { milesAway: miles, active: random() < 0.9, stock: stockOf() }));
    }
    for (let n = 0; n < 3; n++) locations.push(warehouse(`W${n}`, { milesAway: 200 + 300 * n, stock: stockOf() }));
    return locations;
  }

  it.each(STRATEGIES.flatMap((strategy) => [0, 2].map((storeMinUnits) => ({ strategy, storeMinUnits }))))(
    "decides as the documented rules applied to every location in full priority order, as stock runs out ($strategy, store minimum $storeMinUnits)",
    ({ strategy, storeMinUnits }) => {
      const random = mulberry32(17 + storeMinUnits);
      const reference = network(random);
      const ownCopy = reference.map((location) => ({ ...location, stock: { ...location.stock } }));
      const options: NativeOptions = { strategy, storeMinUnits };
      const fromMaps = new NativeRouter(reference, options);
      const fromOwnStock = new NativeRouter(ownCopy, { ...options, stock: "own" });
      const shape = (decision: NativeDecision) =>
        decision.assignments.map(
          (assignment) => `${assignment.locationId}:${assignment.lines.map((line) => line.sku).join("+")}`,
        );
      let routed = 0;
      for (let n = 0; n < 300; n++) {
        const lineCount = 1 + Math.floor(random() * 4);
        const orderLines = lines(
          ...Array.from({ length: lineCount }, (): [string, number] => [
            "ABCDEFG"[Math.floor(random() * 7)]!,
            1 + Math.floor(random() * 2),
          ]),
        );
        const pickup = random() < 0.2 ? reference[Math.floor(random() * 40)]! : null;
        const next = order({
          id: `O${n}`,
          lines: orderLines,
          destination: pickup ?? milesNorth(random() * (n % 3 === 0 ? 700 : 40)),
          ...(pickup === null ? {} : { deliveryMethod: "PICK_UP" as const, pickupLocationId: pickup.id }),
        });
        const expected = routeByFullSort(next, reference, options);
        const decided = fromMaps.route(next);
        expect(shape(decided)).toEqual(expected);
        expect(fromOwnStock.route(next)).toEqual(decided);
        for (const assignment of decided.assignments) {
          const stock = reference.find((location) => location.id === assignment.locationId)!.stock as Record<
            string,
            number
          >;
          for (const line of assignment.lines) {
            const left = Math.max(0, (stock[line.sku] ?? 0) - line.quantity);
            stock[line.sku] = left;
            fromOwnStock.take(assignment.locationId, line.sku, left);
          }
        }
        if (decided.assignments.length > 0) routed++;
      }
      // The stream runs the network dry: both plenty and shortage were exercised.
      expect(routed).toBeGreaterThan(30);
      expect(routed).toBeLessThan(300);
    },
  );

  it("with its own stock, routes against what take() left and never reads the maps again", () => {
    const stock = { A: 5 };
    const router = new NativeRouter(
      [store("S", { milesAway: 1, stock }), warehouse("W", { milesAway: 90, stock: { A: 9 } })],
      {
        stock: "own",
      },
    );
    (stock as Record<string, number>).A = 0;
    expect(router.route(order({ lines: lines(["A", 1]) })).assignments[0]!.locationId).toBe("S");
    router.take("S", "A", 0);
    expect(router.route(order({ lines: lines(["A", 1]) })).assignments[0]!.locationId).toBe("W");
  });
});

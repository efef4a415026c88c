// Invariants of routing on small random networks, checked with fast-check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeOrderBaseline } from "./baseline";
import { canServeLine, parcelCost } from "./eligibility";
import { routeOrder, routeWithIndex } from "./engine/route-order";
import { haversineMiles } from "./geo";
import { LAST_UNIT_MARGINS } from "./look-ahead";
import { prepareNetwork } from "./network-index";
import { HOME } from "./test-fixtures";
import type {
  DeliveryMethod,
  LocationKind,
  RoutingDecision,
  RoutingLocation,
  RoutingRequest,
  RoutingRules,
  ServiceLevel,
} from "./types";

const SKUS = ["A", "B", "C", "D", "E"] as const;
const ID_POOL = ["L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10"] as const;

/** Grid steps of 0.02° (about 1.4 miles north–south) around HOME, so distances often tie. */
const gridPoint = fc
  .record({ north: fc.integer({ min: -8, max: 8 }), east: fc.integer({ min: -8, max: 8 }) })
  .map(({ north, east }) => ({ lat: HOME.lat + north * 0.02, lng: HOME.lng + east * 0.02 }));

/** Per SKU: absent (-2), a negative count (-1), or 0–9 units. */
const stockArb = fc
  .tuple(...SKUS.map(() => fc.integer({ min: -2, max: 9 })))
  .map((units) => Object.fromEntries(SKUS.flatMap((sku, i) => (units[i]! < -1 ? [] : [[sku, units[i]!]]))));

const locationBody = fc.record({
  kind: fc.constantFrom<LocationKind>("STORE", "STORE", "WAREHOUSE"),
  point: gridPoint,
  inactive: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
  isOpen: fc.integer({ min: 0, max: 3 }).map((roll) => roll !== 0),
  pickupEnabled: fc.integer({ min: 0, max: 3 }).map((roll) => roll !== 0),
  stock: stockArb,
  labour: fc.integer({ min: 0, max: 4 }),
  base: fc.integer({ min: 0, max: 6 }),
  perMile: fc.constantFrom(0, 0.05, 0.1, 0.5),
  capacity: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.record({
        dailyCapacity: fc.integer({ min: 0, max: 2 }),
        assignedToday: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
    },
  ),
});

const locationsArb = fc.array(locationBody, { minLength: 1, maxLength: 7 }).chain((bodies) =>
  fc.shuffledSubarray([...ID_POOL], { minLength: bodies.length, maxLength: bodies.length }).map((ids) =>
    bodies.map((body, i): RoutingLocation => ({
      id: ids[i]!,
      kind: body.kind,
      lat: body.point.lat,
      lng: body.point.lng,
      active: !body.inactive,
      isOpen: body.isOpen,
      pickupEnabled: body.pickupEnabled,
      stock: body.stock,
      labourCostPerOrder: body.labour,
      shipping: { base: body.base, perMile: body.perMile },
      ...(body.capacity === undefined
        ? {}
        : {
            dailyCapacity: body.capacity.dailyCapacity,
            ...(body.capacity.assignedToday === undefined ? {} : { assignedToday: body.capacity.assignedToday }),
          }),
    })),
  ),
);

const rulesArb = fc.record({
  storeMinUnits: fc.integer({ min: 0, max: 4 }),
  radiusMiles: fc.constantFrom(0, 3, 5, 10, 20),
  maxExtraCostOverWarehouse: fc.constantFrom(0, 1, 2.5, 10),
  allowSplit: fc.integer({ min: 0, max: 4 }).map((roll) => roll !== 0),
  lookAhead: fc.boolean(),
  lookAheadCostMargin: fc.constantFrom(0, 0.5, 1, 3),
});

const requestArb: fc.Arbitrary<RoutingRequest> = fc
  .record({
    locations: locationsArb,
    rules: rulesArb,
    lines: fc.uniqueArray(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (line) => line.sku,
    }),
    deliveryMethod: fc.constantFrom<DeliveryMethod>("SHIPPING", "SHIPPING", "PICK_UP", "LOCAL_DELIVERY"),
    serviceLevel: fc.constantFrom<ServiceLevel>("STANDARD", "NEXT_DAY", "SAME_DAY"),
    destination: gridPoint,
    pickupChoice: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ locations, rules, lines, deliveryMethod, serviceLevel, destination, pickupChoice }) => {
    const chosen = deliveryMethod === "PICK_UP" ? locations[pickupChoice] : undefined;
    return {
      order: {
        id: "P-1",
        placedAt: "2024-06-01T10:00:00Z",
        deliveryMethod,
        serviceLevel,
        ...(deliveryMethod === "PICK_UP" ? { pickupLocationId: chosen?.id ?? "NOT-A-LOCATION" } : {}),
        destination: chosen === undefined ? destination : { lat: chosen.lat, lng: chosen.lng },
        lines,
      },
      locations,
      rules,
    };
  });

const RUNS = { numRuns: 400 };

function rulesOf(request: RoutingRequest): RoutingRules {
  return request.rules as RoutingRules;
}

function locationById(request: RoutingRequest, id: string): RoutingLocation {
  const found = request.locations.find((location) => location.id === id);
  if (found === undefined) throw new Error(`no location ${id}`);
  return found;
}

function isFull(request: RoutingRequest, location: RoutingLocation): boolean {
  return request.order.lines.every((line) => canServeLine(location, line, rulesOf(request)));
}

function assignedLines(decision: RoutingDecision): { location: string; sku: string; quantity: number }[] {
  return decision.assignments.flatMap((assignment) =>
    assignment.lines.map((line) => ({ location: assignment.locationId, sku: line.sku, quantity: line.quantity })),
  );
}

describe("routing invariants", () => {
  it("returns exactly the naive baseline's decision, trace included", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(JSON.stringify(routeOrder(request))).toBe(JSON.stringify(routeOrderBaseline(request)));
      }),
      { numRuns: 1000 },
    );
  });

  it("decides alike untraced: the same status, assignments, flags and stage results, with no locations listed", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const traced = routeOrder(request);
        const untraced = routeWithIndex(
          prepareNetwork(request.locations, request.rules, undefined, { trace: false }),
          request.order,
        );
        const withoutLocations = {
          ...traced,
          trace: { stages: traced.trace.stages.map((stage) => ({ ...stage, locations: [] })) },
        };
        expect(JSON.stringify(untraced)).toBe(JSON.stringify(withoutLocations));
      }),
      { numRuns: 1000 },
    );
  });

  it("traces one order of an untraced network when asked, exactly as a traced network would", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const untracedNetwork = prepareNetwork(request.locations, request.rules, undefined, { trace: false });
        // An order routed untraced first leaves the network's scratch as routing does between orders.
        routeWithIndex(untracedNetwork, request.order);
        expect(JSON.stringify(routeWithIndex(untracedNetwork, request.order, true))).toBe(
          JSON.stringify(routeOrder(request)),
        );
      }),
      RUNS,
    );
  });

  it("conserves quantities: a routed order ships every line exactly once, whole", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = routeOrder(request);
        const shipped = assignedLines(decision).map(({ sku, quantity }) => ({ sku, quantity }));
        if (decision.status === "UNROUTABLE") {
          expect(shipped).toEqual([]);
          return;
        }
        const bySku = (a: { sku: string }, b: { sku: string }): number => (a.sku < b.sku ? -1 : 1);
        expect([...shipped].sort(bySku)).toEqual([...request.order.lines].map((line) => ({ ...line })).sort(bySku));
      }),
      RUNS,
    );
  });

  it("never gives a location more of a SKU than it has, nor uses an inactive or full-for-today location", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        for (const { location: id, sku, quantity } of assignedLines(routeOrder(request))) {
          const location = locationById(request, id);
          expect(canServeLine(location, { sku, quantity }, rulesOf(request))).toBe(true);
          expect(location.stock[sku] ?? 0).toBeGreaterThanOrEqual(quantity);
        }
      }),
      RUNS,
    );
  });

  it("never takes stock from a store holding fewer than the store minimum", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        for (const { location: id, sku } of assignedLines(routeOrder(request))) {
          const location = locationById(request, id);
          if (location.kind === "STORE")
            expect(location.stock[sku] ?? 0).toBeGreaterThanOrEqual(rulesOf(request).storeMinUnits);
        }
      }),
      RUNS,
    );
  });

  it("meets same-day from the nearest eligible store within the radius whenever one exists (any of them under look-ahead)", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const { order } = request;
        if (order.deliveryMethod === "PICK_UP") return;
        if (order.deliveryMethod !== "LOCAL_DELIVERY" && order.serviceLevel !== "SAME_DAY") return;
        const radius = rulesOf(request).radiusMiles;
        const eligibleDistances = request.locations
          .filter((location) => location.kind === "STORE" && location.isOpen && isFull(request, location))
          .map((location) => haversineMiles(order.destination, location))
          .filter((distance) => distance <= radius);
        const decision = routeOrder(request);
        if (eligibleDistances.length === 0) {
          expect(decision.flags).toContain("SLA_AT_RISK");
          return;
        }
        expect(decision.status).toBe("ROUTED");
        expect(decision.flags).not.toContain("SLA_AT_RISK");
        const chosen = locationById(request, decision.assignments[0]!.locationId);
        expect(chosen.kind).toBe("STORE");
        const distance = haversineMiles(order.destination, chosen);
        // Look-ahead may choose another eligible store, one whose units are less scarce.
        if (rulesOf(request).lookAhead === true) expect(eligibleDistances).toContain(distance);
        else expect(distance).toBe(Math.min(...eligibleDistances));
      }),
      RUNS,
    );
  });

  it("splits into the fewest locations, at the lowest total cost, that brute force finds", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = routeOrder(request);
        if (decision.status !== "SPLIT") return;
        const { locations, order } = request;
        expect(locations.some((location) => isFull(request, location))).toBe(false);
        const costOf = (location: RoutingLocation): number =>
          parcelCost(location, haversineMiles(order.destination, location));
        let fewest = Number.POSITIVE_INFINITY;
        let cheapest = Number.POSITIVE_INFINITY;
        for (let subset = 1; subset < 1 << locations.length; subset++) {
          const members = locations.filter((_, i) => (subset & (1 << i)) !== 0);
          const covers = order.lines.every((line) =>
            members.some((member) => canServeLine(member, line, rulesOf(request))),
          );
          if (!covers) continue;
          const total = members.reduce((sum, member) => sum + costOf(member), 0);
          if (members.length < fewest || (members.length === fewest && total < cheapest)) {
            fewest = members.length;
            cheapest = total;
          }
        }
        expect(decision.assignments).toHaveLength(fewest);
        const total = decision.assignments.reduce(
          (sum, assignment) => sum + costOf(locationById(request, assignment.locationId)),
          0,
        );
        expect(total).toBeCloseTo(cheapest, 9);
      }),
      { numRuns: 1500 },
    );
  });

  it("never splits a pickup order", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        if (request.order.deliveryMethod === "PICK_UP") expect(routeOrder(request).status).not.toBe("SPLIT");
      }),
      RUNS,
    );
  });

  it("is deterministic: the same input, or the same locations listed in another order, gives byte-identical output", () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 1, max: 1000 }), (request, seed) => {
        const first = JSON.stringify(routeOrder(request));
        expect(JSON.stringify(routeOrder(structuredClone(request)))).toBe(first);
        const cut = seed % Math.max(1, request.locations.length);
        const reordered = [...request.locations.slice(cut), ...request.locations.slice(0, cut)].reverse();
        expect(JSON.stringify(routeOrder({ ...request, locations: reordered }))).toBe(first);
      }),
      RUNS,
    );
  });

  it("with look-ahead off, decides byte for byte as the rules without it did", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const { lookAhead: _lookAhead, lookAheadCostMargin: _margin, ...today } = rulesOf(request);
        const withoutLookAhead = JSON.stringify(routeOrder({ ...request, rules: today }));
        const off = { ...request, rules: { ...today, lookAhead: false, lookAheadCostMargin: 2 } };
        expect(JSON.stringify(routeOrder(off))).toBe(withoutLookAhead);
        expect(JSON.stringify(routeOrderBaseline(off))).toBe(withoutLookAhead);
      }),
      RUNS,
    );
  });

  it("with look-ahead on, never loses a pickup or a same-day delivery a store can make: only which eligible store serves it may change", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const rules = rulesOf(request);
        const off = routeOrder({ ...request, rules: { ...rules, lookAhead: false } });
        const on = routeOrder({ ...request, rules: { ...rules, lookAhead: true } });
        const servedBy = off.trace.stages[0]!;
        if (servedBy.stage === "PICK_UP") {
          expect(on.status).toBe(off.status);
          expect(on.flags).toEqual(off.flags);
          // The shopper's own store is never traded away; a moved pickup goes to another eligible store.
          if (servedBy.result === "CHOSEN_STORE") expect(on.assignments).toEqual(off.assignments);
        }
        if (servedBy.stage === "SAME_DAY" && servedBy.result === "CHOSEN") {
          expect(on.status).toBe("ROUTED");
          expect(on.flags).not.toContain("SLA_AT_RISK");
          const store = locationById(request, on.assignments[0]!.locationId);
          expect(store.kind).toBe("STORE");
          expect(store.isOpen).toBe(true);
          expect(isFull(request, store)).toBe(true);
          expect(haversineMiles(request.order.destination, store)).toBeLessThanOrEqual(rules.radiusMiles);
        }
      }),
      RUNS,
    );
  });

  it("with look-ahead on, only ever moves a whole shipment from a store to a full warehouse or another full store nearby, at most the scarcity charges dearer", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const rules = rulesOf(request);
        const off = routeOrder({ ...request, rules: { ...rules, lookAhead: false } });
        const on = routeOrder({ ...request, rules: { ...rules, lookAhead: true } });
        if (JSON.stringify(on.assignments) === JSON.stringify(off.assignments)) return;
        expect(off.status).toBe("ROUTED");
        expect(on.status).toBe("ROUTED");
        const before = locationById(request, off.assignments[0]!.locationId);
        const after = locationById(request, on.assignments[0]!.locationId);
        expect(before.kind).toBe("STORE");
        expect(isFull(request, after)).toBe(true);
        const costFrom = (location: RoutingLocation): number =>
          parcelCost(location, haversineMiles(request.order.destination, location));
        if (after.kind === "STORE") {
          expect(haversineMiles(request.order.destination, after)).toBeLessThanOrEqual(rules.radiusMiles);
        }
        // The most any take can be charged: every line leaves its SKU unsellable at the store.
        const mostCharged = LAST_UNIT_MARGINS * (rules.lookAheadCostMargin ?? 0) * request.order.lines.length;
        expect(costFrom(after)).toBeLessThanOrEqual(costFrom(before) + mostCharged + 1e-9);
      }),
      RUNS,
    );
  });
});

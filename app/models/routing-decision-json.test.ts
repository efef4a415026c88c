import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeOrder } from "~/domain/routing";
import { HOME } from "~/domain/routing/test-fixtures";
import type { DeliveryMethod, RoutingLocation, RoutingRequest, ServiceLevel } from "~/domain/routing/types";
import { assignmentsSchema, flagsSchema, moveLineItemsSchema, traceSchema } from "./routing-decision-json";

/** What PostgreSQL hands back for a JSON column: the value written, through JSON. */
function throughJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

const SKUS = ["A", "B", "C"] as const;

const locationArb = fc.record({
  kind: fc.constantFrom("STORE" as const, "STORE" as const, "WAREHOUSE" as const),
  north: fc.integer({ min: -6, max: 6 }),
  east: fc.integer({ min: -6, max: 6 }),
  active: fc.integer({ min: 0, max: 8 }).map((roll) => roll !== 0),
  isOpen: fc.boolean(),
  pickupEnabled: fc.boolean(),
  stock: fc.tuple(...SKUS.map(() => fc.integer({ min: 0, max: 6 }))),
  dailyCapacity: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});

/** Small networks and orders of every delivery method, so every stage, verdict and reason turns up. */
const requestArb: fc.Arbitrary<RoutingRequest> = fc
  .record({
    locations: fc.array(locationArb, { minLength: 1, maxLength: 6 }),
    lines: fc.uniqueArray(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }) }), {
      minLength: 1,
      maxLength: 3,
      selector: (line) => line.sku,
    }),
    deliveryMethod: fc.constantFrom<DeliveryMethod>("SHIPPING", "PICK_UP", "LOCAL_DELIVERY"),
    serviceLevel: fc.constantFrom<ServiceLevel>("STANDARD", "NEXT_DAY", "SAME_DAY"),
    pickupChoice: fc.integer({ min: 0, max: 6 }),
    storeMinUnits: fc.integer({ min: 0, max: 3 }),
    radiusMiles: fc.constantFrom(0, 3, 10),
    allowSplit: fc.boolean(),
  })
  .map((input) => {
    const locations = input.locations.map((body, index): RoutingLocation => ({
      id: `L${index}`,
      kind: body.kind,
      lat: HOME.lat + body.north * 0.02,
      lng: HOME.lng + body.east * 0.02,
      active: body.active,
      isOpen: body.isOpen,
      pickupEnabled: body.pickupEnabled,
      stock: Object.fromEntries(SKUS.map((sku, i) => [sku, body.stock[i] ?? 0])),
      labourCostPerOrder: 3,
      shipping: { base: 5, perMile: 0.05 },
      ...(body.dailyCapacity === undefined ? {} : { dailyCapacity: body.dailyCapacity, assignedToday: 1 }),
    }));
    const chosen = input.deliveryMethod === "PICK_UP" ? locations[input.pickupChoice] : undefined;
    return {
      order: {
        id: "1001",
        placedAt: "2026-11-27T15:00:00Z",
        deliveryMethod: input.deliveryMethod,
        serviceLevel: input.serviceLevel,
        ...(input.deliveryMethod === "PICK_UP" ? { pickupLocationId: chosen?.id ?? "GONE" } : {}),
        destination: chosen ? { lat: chosen.lat, lng: chosen.lng } : HOME,
        lines: input.lines,
      },
      locations,
      rules: {
        storeMinUnits: input.storeMinUnits,
        radiusMiles: input.radiusMiles,
        maxExtraCostOverWarehouse: 2,
        allowSplit: input.allowSplit,
      },
    };
  });

describe("stored routing decisions", () => {
  it("read back every decision the engine makes exactly as it was made", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = routeOrder(request);
        expect(assignmentsSchema.parse(throughJson(decision.assignments))).toEqual(decision.assignments);
        expect(flagsSchema.parse(throughJson(decision.flags))).toEqual(decision.flags);
        expect(traceSchema.parse(throughJson(decision.trace))).toEqual(decision.trace);
      }),
      { numRuns: 300 },
    );
  });

  it("read back the trace of an order the engine was never asked to route, with its problem", () => {
    const trace = { stages: [], problem: "The order has no destination or no lines with a SKU." };
    expect(traceSchema.parse(throughJson(trace))).toEqual(trace);
  });

  it("refuse assignments, flags and traces that are not what the engine writes", () => {
    expect(assignmentsSchema.safeParse({ locationId: "1" }).success).toBe(false);
    expect(assignmentsSchema.safeParse([{ locationId: 1, lines: [], cost: 8, distanceMiles: 1 }]).success).toBe(false);
    expect(
      assignmentsSchema.safeParse([{ locationId: "1", lines: [{ sku: "A" }], cost: 8, distanceMiles: 1 }]).success,
    ).toBe(false);
    expect(flagsSchema.safeParse(["SLA_AT_RISK", "ON_FIRE"]).success).toBe(false);
    expect(traceSchema.safeParse({}).success).toBe(false);
    expect(traceSchema.safeParse({ stages: [{ stage: "TELEPORT", locations: [] }] }).success).toBe(false);
    expect(
      traceSchema.safeParse({
        stages: [
          {
            stage: "SHIPPING",
            result: "WAREHOUSE",
            radiusMiles: 10,
            locations: [
              {
                locationId: "1",
                kind: "WAREHOUSE",
                distanceMiles: 3,
                cost: 8,
                verdicts: [{ rule: "ACTIVE", active: true, pass: true }],
                outcome: "CHOSEN",
                reason: "FARTHER",
              },
            ],
          },
        ],
      }).success,
    ).toBe(false);
  });

  it("read a move's line items, or null when it took all that remained", () => {
    const lineItems = [{ id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: 2 }];
    expect(moveLineItemsSchema.nullable().parse(throughJson(lineItems))).toEqual(lineItems);
    expect(moveLineItemsSchema.nullable().parse(null)).toBeNull();
    expect(moveLineItemsSchema.nullable().safeParse([{ id: "1" }]).success).toBe(false);
  });
});

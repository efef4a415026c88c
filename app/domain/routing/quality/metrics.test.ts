// A small stream, checked by hand. Fixture costs: a store is $5 + $0.05/mile + $4 labour, a
// warehouse $6 + $0.003/mile + $2 labour.
import { describe, expect, it } from "vitest";
import { lines, milesNorth, order, store, warehouse } from "../test-fixtures";
import type { RoutingLocation } from "../types";
import {
  KEEPS_CHOSEN_PICKUP_STORE,
  measureOrder,
  MOVES_PICKUPS,
  percentCheaper,
  QualityTally,
  summarize,
  type RoutedOutcome,
} from "./metrics";

const nearStore = store("S1", { milesAway: 2 }); // $9.10 from HOME
const closedStore = store("S2", { milesAway: 4, isOpen: false }); // $9.20
const farStore = store("S3", { milesAway: 20 }); // $10.00, beyond a 10-mile radius
const depot = warehouse("W1", { milesAway: 100 }); // $8.30
const byId = new Map<string, RoutingLocation>([nearStore, closedStore, farStore, depot].map((l) => [l.id, l]));
const rules = { storeMinUnits: 3, radiusMiles: 10 };

const whole = (locationId: string, orderLines = lines(["A", 1])): RoutedOutcome => ({
  status: "ROUTED",
  assignments: [{ locationId, lines: orderLines }],
});

describe("routing quality of a stream", () => {
  it("measures cost from the locations, splits, store parcels, minimum breaches and kept promises", () => {
    /** Units before each order: S1 holds 2 of B (under the minimum of 3), everything else 10. */
    const unitsBefore = (locationId: string, sku: string) => (locationId === "S1" && sku === "B" ? 2 : 10);
    const stream: [ReturnType<typeof order>, RoutedOutcome][] = [
      // 1. Same-day from the open store 2 miles away: kept. $9.10.
      [order({ id: "1", serviceLevel: "SAME_DAY" }), whole("S1")],
      // 2. Local delivery from the closed store: not kept. $9.20.
      [order({ id: "2", deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "SAME_DAY" }), whole("S2")],
      // 3. Same-day from a store beyond the radius: not kept. $10.00.
      [order({ id: "3", serviceLevel: "SAME_DAY" }), whole("S3")],
      // 4. Standard, split: A from the warehouse, B from S1 under the minimum. $8.30 + $9.10.
      [
        order({ id: "4", lines: lines(["A", 1], ["B", 1]) }),
        {
          status: "SPLIT",
          assignments: [
            { locationId: "W1", lines: lines(["A", 1]) },
            { locationId: "S1", lines: lines(["B", 1]) },
          ],
        },
      ],
      // 5. Pickup at the shopper's store S1: kept. Collected there, nothing ships: S1's labour, $4.
      [order({ id: "5", deliveryMethod: "PICK_UP", pickupLocationId: "S1", destination: milesNorth(2) }), whole("S1")],
      // 6. Pickup moved to S2, 2 miles from S1: not kept, but collected at S2: S2's labour, $4.
      [order({ id: "6", deliveryMethod: "PICK_UP", pickupLocationId: "S1", destination: milesNorth(2) }), whole("S2")],
      // 7. Unroutable: no cost, no parcels.
      [order({ id: "7" }), { status: "UNROUTABLE", assignments: [] }],
    ];
    const tally = new QualityTally();
    for (const [streamOrder, outcome] of stream)
      tally.add(measureOrder(streamOrder, outcome, byId, rules, unitsBefore));
    const totals = tally.totals;
    expect(totals).toMatchObject({
      orders: 7,
      routedOrders: 6,
      unroutableOrders: 1,
      parcels: 7,
      splitOrders: 1,
      storeParcels: 6,
      thresholdViolations: 1,
      oversoldLines: 0,
      sameDayOrders: 3,
      sameDayKept: 1,
      pickupOrders: 2,
      pickupsKept: 1,
      // Same-day orders not kept: 3 − 1; the pickup moved to S2 is a pickup store change.
      slaAtRisk: 2,
      pickupStoreChanges: 1,
    });
    expect(totals.totalCost).toBeCloseTo(9.1 + 9.2 + 10 + 8.3 + 9.1 + 4 + 4, 9);
    const summary = summarize(totals);
    expect(summary.costPerOrder).toBeCloseTo(53.7 / 6, 9);
    expect(summary.splitsPer100).toBeCloseTo(100 / 6, 9);
    expect(summary.storeShare).toBeCloseTo(6 / 7, 9);
  });

  it("charges a pickup a parcel when it is not collected at a store near the shopper's: shipped there instead", () => {
    const pickupAtS1 = order({ deliveryMethod: "PICK_UP", pickupLocationId: "S1", destination: milesNorth(2) });
    const measure = (outcome: RoutedOutcome) => measureOrder(pickupAtS1, outcome, byId, rules, () => 10).cost;
    // From the warehouse, 98 miles from S1: $6 + $0.294 + $2.
    expect(measure(whole("W1"))).toBeCloseTo(8.294, 9);
    // From S3, 18 miles from S1, beyond the radius: $5 + $0.90 + $4.
    expect(measure(whole("S3"))).toBeCloseTo(9.9, 9);
    // Split between S1 and S2: two parcels to S1 (S1's at 0 miles), not a handover.
    const twoLines = lines(["A", 1], ["B", 1]);
    const splitPickup = order({ ...pickupAtS1, lines: twoLines });
    const splitOutcome: RoutedOutcome = {
      status: "SPLIT",
      assignments: [
        { locationId: "S1", lines: lines(["A", 1]) },
        { locationId: "S2", lines: lines(["B", 1]) },
      ],
    };
    expect(measureOrder(splitPickup, splitOutcome, byId, rules, () => 10).cost).toBeCloseTo(9 + 9.1, 9);
  });

  // Shopify: the buyer chooses the pickup location at checkout, and a location without the stock
  // gets it "through a store transfer from another location"
  // (https://shopify.dev/docs/api/storefront/latest/objects/StoreAvailability).
  it("charges a router that cannot move a pickup a transfer parcel when another store fulfils it", () => {
    const pickupAtS1 = order({ deliveryMethod: "PICK_UP", pickupLocationId: "S1", destination: milesNorth(2) });
    const cost = (outcome: RoutedOutcome, router: typeof MOVES_PICKUPS) =>
      measureOrder(pickupAtS1, outcome, byId, rules, () => 10, router).cost;
    // S2, 2 miles from S1, fulfils it: Omniroute sends the shopper there (S2's labour, $4);
    // native routing transfers it to S1 ($5 + $0.10 + $4).
    expect(cost(whole("S2"), MOVES_PICKUPS)).toBeCloseTo(4, 9);
    expect(cost(whole("S2"), KEEPS_CHOSEN_PICKUP_STORE)).toBeCloseTo(9.1, 9);
    // At the chosen store itself both are a handover; from the warehouse both a parcel.
    expect(cost(whole("S1"), KEEPS_CHOSEN_PICKUP_STORE)).toBeCloseTo(4, 9);
    expect(cost(whole("W1"), KEEPS_CHOSEN_PICKUP_STORE)).toBeCloseTo(cost(whole("W1"), MOVES_PICKUPS), 9);
    // Not ready from the chosen store's shelf either way: the pickup is not kept.
    const transferred = measureOrder(pickupAtS1, whole("S2"), byId, rules, () => 10, KEEPS_CHOSEN_PICKUP_STORE);
    expect(transferred).toMatchObject({ pickupKept: false, parcels: 1 });
  });

  it("counts a line taken from a location holding fewer units than ordered as oversold", () => {
    const quality = measureOrder(order({ lines: lines(["A", 3]) }), whole("W1", lines(["A", 3])), byId, rules, () => 2);
    expect(quality.oversoldLines).toBe(1);
    expect(quality.thresholdViolations).toBe(0); // the minimum is a store rule
  });

  it("says how much cheaper per order one router is than another", () => {
    const cheap = { costPerOrder: 9, splitsPer100: 0, storeShare: 0 };
    const dear = { costPerOrder: 10, splitsPer100: 0, storeShare: 0 };
    expect(percentCheaper(cheap, dear)).toBeCloseTo(10, 9);
    expect(percentCheaper(dear, cheap)).toBeCloseTo(-100 / 9, 9);
  });
});

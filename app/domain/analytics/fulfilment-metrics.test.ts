import { describe, expect, it } from "vitest";
import {
  analyticsFigures,
  dayIndex,
  type AnalyticsInput,
  type DecidedOrder,
  type OrderTask,
} from "./fulfilment-metrics";

/**
 * A small history, checked by hand: three days (1–3 November, UTC), two stores (Loop "1",
 * Evanston "2") and a warehouse (Bolingbrook "9"), seen on the 4th at noon; a pickup ready two
 * days and not collected counts as uncollected.
 */

const at = (iso: string) => new Date(iso);
const DAY_STARTS = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"].map((day) => at(`${day}T00:00:00Z`));
const NOW = at("2026-11-04T12:00:00Z");

function order(
  orderId: string,
  placed: string,
  fields: Pick<DecidedOrder, "deliveryMethod" | "status" | "parcels" | "warehouseOnlyCost">,
): DecidedOrder {
  return { orderId, placedAt: at(placed), decidedAt: at(placed), ...fields };
}

function task(fields: Partial<OrderTask> & Pick<OrderTask, "orderId" | "locationId" | "kind" | "state">): OrderTask {
  return { readyAt: null, completedAt: null, endedReason: null, attemptedLines: 0, notFoundLines: 0, ...fields };
}

const ORDERS: DecidedOrder[] = [
  // A: collected at Loop, ready in an hour, collected two hours later. $8.00 against $9.50.
  order("A", "2026-11-01T10:00:00Z", {
    deliveryMethod: "PICK_UP",
    status: "ROUTED",
    parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    warehouseOnlyCost: 9.5,
  }),
  // B: ready at Evanston two hours after the order, never collected. $8.50 against $10.00.
  order("B", "2026-11-01T12:00:00Z", {
    deliveryMethod: "PICK_UP",
    status: "ROUTED",
    parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
    warehouseOnlyCost: 10,
  }),
  // C: shipped from Loop 27 hours after the order, 10 miles. $7.00 against $9.00.
  order("C", "2026-11-02T09:00:00Z", {
    deliveryMethod: "SHIPPING",
    status: "ROUTED",
    parcels: [{ locationId: "1", cost: 7, distanceMiles: 10 }],
    warehouseOnlyCost: 9,
  }),
  // D: shipped from the warehouse (no store task), 100 miles. $9.00 against $9.00.
  order("D", "2026-11-02T10:00:00Z", {
    deliveryMethod: "SHIPPING",
    status: "ROUTED",
    parcels: [{ locationId: "9", cost: 9, distanceMiles: 100 }],
    warehouseOnlyCost: 9,
  }),
  // E: split between Evanston (5 miles) and the warehouse (80); Evanston still picking 28 hours on. $16.00 against $12.00.
  order("E", "2026-11-03T08:00:00Z", {
    deliveryMethod: "SHIPPING",
    status: "SPLIT",
    parcels: [
      { locationId: "2", cost: 6, distanceMiles: 5 },
      { locationId: "9", cost: 10, distanceMiles: 80 },
    ],
    warehouseOnlyCost: 12,
  }),
  // F: a pickup no store could take.
  order("F", "2026-11-03T09:00:00Z", {
    deliveryMethod: "PICK_UP",
    status: "UNROUTABLE",
    parcels: [],
    warehouseOnlyCost: null,
  }),
  // G: delivered locally from Evanston, 3 miles, 16 hours old and not started; no warehouse cost known.
  order("G", "2026-11-03T20:00:00Z", {
    deliveryMethod: "LOCAL_DELIVERY",
    status: "ROUTED",
    parcels: [{ locationId: "2", cost: 9, distanceMiles: 3 }],
    warehouseOnlyCost: null,
  }),
];

const TASKS: OrderTask[] = [
  task({
    orderId: "A",
    locationId: "1",
    kind: "PICKUP",
    state: "PICKED_UP",
    readyAt: at("2026-11-01T11:00:00Z"),
    completedAt: at("2026-11-01T13:00:00Z"),
    attemptedLines: 2,
  }),
  task({
    orderId: "B",
    locationId: "2",
    kind: "PICKUP",
    state: "READY",
    readyAt: at("2026-11-01T14:00:00Z"),
    attemptedLines: 1,
  }),
  task({
    orderId: "C",
    locationId: "1",
    kind: "SHIP",
    state: "SHIPPED",
    completedAt: at("2026-11-03T12:00:00Z"),
    attemptedLines: 4,
    notFoundLines: 1,
  }),
  task({ orderId: "E", locationId: "2", kind: "SHIP", state: "PICKING", attemptedLines: 1, notFoundLines: 1 }),
  // A task Shopify moved away from Loop counts for no order's 24 hours.
  task({ orderId: "E", locationId: "1", kind: "SHIP", state: "CANCELLED", endedReason: "MOVED_AWAY" }),
  task({ orderId: "G", locationId: "2", kind: "LOCAL_DELIVERY", state: "NEW" }),
];

const INPUT: AnalyticsInput = {
  orders: ORDERS,
  tasks: TASKS,
  locations: [
    { locationId: "1", name: "Loop", kind: "STORE" },
    { locationId: "2", name: "Evanston", kind: "STORE" },
    { locationId: "9", name: "Bolingbrook warehouse", kind: "WAREHOUSE" },
  ],
  dayStarts: DAY_STARTS,
  now: NOW,
  uncollectedDays: 2,
};

describe("the analytics figures of a small history", () => {
  const figures = analyticsFigures(INPUT);

  it("adds up the shop's fulfilment: shares, 24 hours, splits, unroutable", () => {
    const { total } = figures;
    expect(total.orders).toBe(7);
    expect(total.bopis).toEqual({ count: 3, of: 7, share: 3 / 7 });
    // C, E (a parcel from Evanston) and G.
    expect(total.shipFromStore).toEqual({ count: 3, of: 7, share: 3 / 7 });
    // A and B were ready within the day; C shipped after 27 h; E is 28 h on and unfinished; D, F and
    // G are not known (no store task, or still within its day).
    expect(total.within24h).toEqual({ count: 2, of: 4, share: 0.5 });
    expect(total.splitOrders).toBe(1);
    expect(total.splitsPer100Orders).toBeCloseTo(100 / 7, 10);
    expect(total.unroutable).toEqual({ count: 1, of: 7, share: 1 / 7 });
  });

  it("compares the cost per order with a warehouse-only policy over the orders where both are known", () => {
    // A–E: $48.50 as routed, $49.50 from the warehouse; G has no warehouse cost, F no parcel.
    expect(figures.total.cost).toEqual({
      orders: 5,
      averageCents: 970,
      warehouseOnlyAverageCents: 990,
      savedPerOrderCents: 20,
    });
  });

  it("counts the miles of parcels shipped or delivered, not collected", () => {
    expect(figures.total.shippedParcels).toBe(5);
    expect(figures.total.milesShipped).toBe(198);
  });

  it("measures pickups and picks: ready to collected, uncollected, inventory accuracy", () => {
    expect(figures.total.collected).toBe(1);
    expect(figures.total.medianReadyToCollectedSeconds).toBe(7200);
    // B: ready 2 days 22 hours and not collected.
    expect(figures.total.uncollected).toEqual({ count: 1, of: 2, share: 0.5 });
    // 8 lines picked or reported, 2 not found.
    expect(figures.total.inventoryAccuracy).toEqual({ count: 6, of: 8, share: 0.75 });
  });

  it("gives each location its own orders, parcels and tasks, most orders first", () => {
    // Evanston and Loop have three orders each (Loop's third through the task moved away from it).
    expect(figures.locations.map((location) => location.name)).toEqual(["Evanston", "Loop", "Bolingbrook warehouse"]);
    const [evanston, loop, warehouse] = figures.locations;
    expect(evanston).toMatchObject({
      orders: 3,
      bopis: { count: 1, of: 3 },
      shipFromStore: { count: 2, of: 3 },
      within24h: { count: 1, of: 2 },
      splitOrders: 1,
      cost: { orders: 2, averageCents: 1225, warehouseOnlyAverageCents: 1100, savedPerOrderCents: -125 },
      shippedParcels: 2,
      milesShipped: 8,
      uncollected: { count: 1, of: 1 },
      inventoryAccuracy: { count: 1, of: 2 },
    });
    expect(warehouse).toMatchObject({
      kind: "WAREHOUSE",
      orders: 2,
      shipFromStore: { count: 0, of: 2 },
      within24h: { count: 0, of: 0, share: null },
      splitsPer100Orders: 50,
      shippedParcels: 2,
      milesShipped: 180,
      inventoryAccuracy: { share: null },
    });
    // E's task moved away from Loop counts for its picks, not for E's 24 hours there.
    expect(loop).toMatchObject({
      orders: 3,
      within24h: { count: 1, of: 2 },
      shippedParcels: 1,
      milesShipped: 10,
      collected: 1,
      medianReadyToCollectedSeconds: 7200,
      inventoryAccuracy: { count: 5, of: 6 },
    });
  });

  it("splits each day's orders by how they were fulfilled, with the day's cost against the warehouse", () => {
    expect(figures.days).toEqual([
      {
        day: 0,
        orders: 2,
        pickup: 2,
        shipFromStore: 0,
        shipFromWarehouse: 0,
        unroutable: 0,
        averageCostCents: 825,
        warehouseOnlyAverageCents: 975,
      },
      {
        day: 1,
        orders: 2,
        pickup: 0,
        shipFromStore: 1,
        shipFromWarehouse: 1,
        unroutable: 0,
        averageCostCents: 800,
        warehouseOnlyAverageCents: 900,
      },
      {
        day: 2,
        orders: 3,
        pickup: 0,
        shipFromStore: 2,
        shipFromWarehouse: 0,
        unroutable: 1,
        averageCostCents: 1600,
        warehouseOnlyAverageCents: 1200,
      },
    ]);
  });

  it("gives no shares, averages or medians for an empty range, rather than dividing by zero", () => {
    const empty = analyticsFigures({ ...INPUT, orders: [], tasks: [] });
    expect(empty.total).toMatchObject({
      orders: 0,
      bopis: { share: null },
      splitsPer100Orders: null,
      cost: { averageCents: null, savedPerOrderCents: null },
      medianReadyToCollectedSeconds: null,
    });
    expect(empty.locations).toEqual([]);
    expect(empty.days.map((day) => day.orders)).toEqual([0, 0, 0]);
  });
});

describe("the day an instant falls on", () => {
  it("finds it among the range's days, and none outside them", () => {
    expect(dayIndex(DAY_STARTS, at("2026-11-01T00:00:00Z"))).toBe(0);
    expect(dayIndex(DAY_STARTS, at("2026-11-02T23:59:59Z"))).toBe(1);
    expect(dayIndex(DAY_STARTS, at("2026-11-03T00:00:00Z"))).toBe(2);
    expect(dayIndex(DAY_STARTS, at("2026-10-31T23:59:59Z"))).toBe(-1);
    expect(dayIndex(DAY_STARTS, at("2026-11-04T00:00:00Z"))).toBe(-1);
  });
});

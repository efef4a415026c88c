import { describe, expect, it } from "vitest";
import {
  costAgainstWarehouse,
  dashboardRoute,
  glanceFigures,
  routesByDay,
  type CostGroup,
  type DecisionCount,
} from "./dashboard-glance";
import type { WarehouseRate } from "./warehouse-only-cost";

/** Bolingbrook: $5.00 a parcel, $0.05 a mile, $3.00 labour (the analytics tests' warehouse). */
const BOLINGBROOK: WarehouseRate = {
  lat: 41.7,
  lng: -88.07,
  shippingBase: 5,
  shippingPerMile: 0.05,
  labourCostPerOrder: 3,
};
/** 31.1 miles from Bolingbrook: $5.00 + $1.55 + $3.00 = $9.55. */
const EVANSTON = { lat: 42.05, lng: -87.69 };

const count = (
  day: number,
  deliveryMethod: DecisionCount["deliveryMethod"],
  status: DecisionCount["status"],
  leavesAStore: boolean,
  orders: number,
): DecisionCount => ({ day, deliveryMethod, status, leavesAStore, orders });

describe("how the Dashboard says an order was fulfilled", () => {
  it("keeps local delivery apart from shipping, and unroutable before any method", () => {
    expect(dashboardRoute("LOCAL_DELIVERY", "ROUTED", true)).toBe("localDelivery");
    expect(dashboardRoute("LOCAL_DELIVERY", "UNROUTABLE", false)).toBe("unroutable");
    expect(dashboardRoute("PICK_UP", "UNROUTABLE", false)).toBe("unroutable");
    expect(dashboardRoute("PICK_UP", "ROUTED", true)).toBe("pickup");
    expect(dashboardRoute("SHIPPING", "SPLIT", true)).toBe("shipFromStore");
    expect(dashboardRoute("SHIPPING", "ROUTED", false)).toBe("shipFromWarehouse");
  });
});

describe("the Dashboard's days", () => {
  it("adds each day's counts by route and leaves out counts outside the days", () => {
    const days = routesByDay(
      [
        count(0, "PICK_UP", "ROUTED", true, 3),
        count(0, "SHIPPING", "ROUTED", false, 2),
        count(2, "SHIPPING", "SPLIT", true, 1),
        count(2, "LOCAL_DELIVERY", "ROUTED", true, 4),
        count(2, "PICK_UP", "UNROUTABLE", false, 1),
        count(3, "PICK_UP", "ROUTED", true, 9),
        count(-1, "PICK_UP", "ROUTED", true, 9),
      ],
      3,
    );
    expect(days).toEqual([
      { day: 0, orders: 5, pickup: 3, shipFromStore: 0, shipFromWarehouse: 2, localDelivery: 0, unroutable: 0 },
      { day: 1, orders: 0, pickup: 0, shipFromStore: 0, shipFromWarehouse: 0, localDelivery: 0, unroutable: 0 },
      { day: 2, orders: 6, pickup: 0, shipFromStore: 1, shipFromWarehouse: 0, localDelivery: 4, unroutable: 1 },
    ]);
  });
});

describe("today at a glance", () => {
  it("counts BOPIS as the shopper's choice and ship-from-store as routed non-pickups leaving a store", () => {
    const figures = glanceFigures(
      [
        count(0, "PICK_UP", "ROUTED", true, 3),
        count(0, "PICK_UP", "UNROUTABLE", false, 1),
        count(0, "SHIPPING", "ROUTED", true, 2),
        count(0, "LOCAL_DELIVERY", "ROUTED", true, 1),
        count(0, "SHIPPING", "ROUTED", false, 3),
      ],
      [],
      [BOLINGBROOK],
    );
    expect(figures.orders).toBe(10);
    expect(figures.bopis).toEqual({ count: 4, of: 10, share: 0.4 });
    expect(figures.shipFromStore).toEqual({ count: 3, of: 10, share: 0.3 });
    expect(figures.byRoute).toEqual({
      pickup: 3,
      shipFromStore: 2,
      shipFromWarehouse: 3,
      localDelivery: 1,
      unroutable: 1,
    });
    expect(figures.cost.savedCents).toBeNull();
  });

  it("gives no share on a day without orders", () => {
    const figures = glanceFigures([], [], [BOLINGBROOK]);
    expect(figures.orders).toBe(0);
    expect(figures.bopis.share).toBeNull();
    expect(figures.shipFromStore.share).toBeNull();
    expect(figures.cost).toMatchObject({ orders: 0, savedCents: null, savedPerOrderCents: null });
  });
});

describe("cost against a warehouse-only policy", () => {
  it("takes the traces' warehouse costs as they are and prices the rest from their destination", () => {
    const groups: CostGroup[] = [
      // Two shipped orders whose traces priced the warehouse at $9.50 and $10.00.
      { orders: 2, costCents: 765 + 800, tracedWarehouseCents: 950 + 1000, destination: null },
      // Two pickups at Evanston: $9.55 each from Bolingbrook.
      { orders: 2, costCents: 850 + 900, tracedWarehouseCents: null, destination: EVANSTON },
      // An order going nowhere known: left out.
      { orders: 1, costCents: 500, tracedWarehouseCents: null, destination: null },
    ];
    expect(costAgainstWarehouse(groups, [BOLINGBROOK])).toEqual({
      orders: 4,
      costCents: 3315,
      warehouseOnlyCents: 1950 + 1910,
      savedCents: 545,
      averageCents: 829,
      warehouseOnlyAverageCents: 965,
      savedPerOrderCents: 136,
    });
  });

  it("leaves out the orders a warehouse cannot be priced for when the shop has no warehouse", () => {
    const groups: CostGroup[] = [
      { orders: 1, costCents: 700, tracedWarehouseCents: 900, destination: null },
      { orders: 3, costCents: 2400, tracedWarehouseCents: null, destination: EVANSTON },
    ];
    expect(costAgainstWarehouse(groups, [])).toMatchObject({ orders: 1, savedCents: 200, savedPerOrderCents: 200 });
  });

  it("says how much more routing cost when it cost more than the warehouse would have", () => {
    const cost = costAgainstWarehouse(
      [{ orders: 1, costCents: 1200, tracedWarehouseCents: null, destination: EVANSTON }],
      [BOLINGBROOK],
    );
    expect(cost.savedCents).toBe(-245);
  });
});

import { describe, expect, it } from "vitest";
import { order } from "../test-fixtures";
import { costGapByClass, orderClass, type OrderClass, type OrderCost } from "./cost-gap";

const single = (cost: number): OrderCost => ({ cost, parcels: 1 });
const split = (cost: number): OrderCost => ({ cost, parcels: 2 });
const unrouted: OrderCost = { cost: 0, parcels: 0 };

describe("cost gap between two routers, per class of order", () => {
  it("classes orders by what they need: same-day (local delivery too), pickup, or any shipment", () => {
    expect(orderClass(order({ serviceLevel: "SAME_DAY" }))).toBe("SAME_DAY");
    expect(orderClass(order({ deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "STANDARD" }))).toBe("SAME_DAY");
    expect(orderClass(order({ deliveryMethod: "PICK_UP", pickupLocationId: "S1" }))).toBe("PICK_UP");
    expect(orderClass(order({ serviceLevel: "NEXT_DAY" }))).toBe("SHIPPING");
    expect(orderClass(order({ serviceLevel: "STANDARD" }))).toBe("SHIPPING");
  });

  it("splits the difference into rows whose points add up to how much cheaper the candidate is", () => {
    const classes: OrderClass[] = ["SHIPPING", "SHIPPING", "SAME_DAY", "PICK_UP", "SHIPPING"];
    // Shipping: $8 vs $10 and $9 vs $10 in one parcel; a split $17 vs $15. Same-day $10 vs $9.
    // Pickup: the candidate left it unrouted, so it is counted but not compared.
    const candidate = [single(8), single(9), single(10), unrouted, split(17)];
    const reference = [single(10), single(10), single(9), single(10), single(15)];
    const gap = costGapByClass(classes, candidate, reference);

    // Compared: candidate 8 + 9 + 10 + 17 = 44; reference 10 + 10 + 9 + 15 = 44.
    expect(gap.comparedOrders).toBe(4);
    expect(gap.percentCheaper).toBeCloseTo(0, 10);
    expect(gap.rows.map((row) => [row.orderClass, row.shape, row.orders])).toEqual([
      ["SAME_DAY", "SINGLE", 1],
      ["PICK_UP", "UNROUTED", 1],
      ["SHIPPING", "SINGLE", 2],
      ["SHIPPING", "SPLIT", 1],
    ]);
    const [sameDay, pickup, shippingSingle, shippingSplit] = gap.rows;
    expect(shippingSingle).toMatchObject({ candidateCostPerOrder: 8.5, referenceCostPerOrder: 10 });
    expect(shippingSingle!.points).toBeCloseTo((100 * 3) / 44, 10);
    expect(shippingSingle).toMatchObject({ candidateCheaper: 2, referenceCheaper: 0 });
    expect(shippingSplit!.points).toBeCloseTo((-100 * 2) / 44, 10);
    expect(shippingSplit).toMatchObject({ candidateCheaper: 0, referenceCheaper: 1 });
    expect(sameDay!.points).toBeCloseTo((-100 * 1) / 44, 10);
    expect(pickup).toMatchObject({ candidateCostPerOrder: 0, referenceCostPerOrder: 0, points: 0 });
    const pointsTotal = gap.rows.reduce((total, row) => total + row.points, 0);
    expect(pointsTotal).toBeCloseTo(gap.percentCheaper, 10);
  });

  it("counts a difference within a cent as a tie, not a win", () => {
    const gap = costGapByClass(["SHIPPING"], [single(10.004)], [single(10)]);
    expect(gap.rows[0]).toMatchObject({ candidateCheaper: 0, referenceCheaper: 0 });
    expect(gap.percentCheaper).toBeCloseTo(-0.04, 10);
  });

  it("refuses decisions that do not line up with the orders", () => {
    expect(() => costGapByClass(["SHIPPING", "PICK_UP"], [single(1)], [single(1), single(1)])).toThrow(/every order/);
  });
});

import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { readAnalyticsRange } from "~/domain/analytics/date-range";
import { shopAnalytics } from "~/services/analytics/analytics.server";
import {
  seedAnalyticsLocations,
  seedHistoryOrder,
  storePreferredTrace,
} from "../../../tests/support/analytics-history";
import { uniqueShop } from "../../../tests/support/shops";
import { forgetSettledDays, todaysFigures } from "./todays-figures.server";

/**
 * The Dashboard's figures from a small hand-checked history: Loop ("1") and Evanston ("2")
 * stores and the Bolingbrook warehouse ("9", $5.00 a parcel + $0.05 a mile + $3.00 labour),
 * seen on Monday 2 November 2026 at noon in Chicago (CST since the clocks went back on the 1st).
 */

const CHICAGO = "America/Chicago";
const NOW = new Date("2026-11-02T18:00:00Z");
const BOLINGBROOK = { lat: 41.7, lng: -88.07 };
/** 31.1 miles from Bolingbrook: a warehouse parcel costs $5.00 + $1.55 + $3.00 = $9.55. */
const EVANSTON = { lat: 42.05, lng: -87.69 };

async function seedDay(shop: string): Promise<void> {
  await seedAnalyticsLocations(prisma, shop);
  // Today. Shipped from Loop; the trace's cheapest full warehouse was $9.50.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7001",
    placedAt: new Date("2026-11-02T14:00:00Z"),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "1", cost: 7.65, distanceMiles: 3 }],
    trace: storePreferredTrace("1", 7.65, 9.5),
    destination: { lat: 41.9, lng: -87.65 },
  });
  // Collected at Evanston, without the order's coordinates: priced to the store, $9.55.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7002",
    placedAt: new Date("2026-11-02T15:00:00Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
  });
  // Shipped from the warehouse to its own door: $5.00 + $0 + $3.00 either way.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7004",
    placedAt: new Date("2026-11-02T16:00:00Z"),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "9", cost: 8, distanceMiles: 0 }],
    destination: BOLINGBROOK,
  });
  // Delivered from Loop to Evanston for $12.00, against $9.55 from the warehouse.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7005",
    placedAt: new Date("2026-11-02T17:00:00Z"),
    deliveryMethod: "LOCAL_DELIVERY",
    parcels: [{ locationId: "1", cost: 12, distanceMiles: 12 }],
    destination: EVANSTON,
  });
  // A pickup no store could take: BOPIS and unroutable, never costed.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7006",
    placedAt: new Date("2026-11-02T17:30:00Z"),
    deliveryMethod: "PICK_UP",
    parcels: [],
  });
  // Yesterday (1 November): 23:30 in Chicago, and noon.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7003",
    placedAt: new Date("2026-11-02T05:30:00Z"),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "9", cost: 8, distanceMiles: 0 }],
    destination: BOLINGBROOK,
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "7007",
    placedAt: new Date("2026-11-01T18:00:00Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
  });
  // The trend's first day (4 October) starts at midnight CDT: one order just inside, one just before.
  await seedHistoryOrder(prisma, shop, {
    orderId: "7011",
    placedAt: new Date("2026-10-04T05:00:00Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "2", cost: 8, distanceMiles: 0 }],
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "7010",
    placedAt: new Date("2026-10-04T04:59:59Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "2", cost: 8, distanceMiles: 0 }],
  });
}

describe("the Dashboard's figures", () => {
  it("counts today's orders by route, their shares and the saving against a warehouse-only policy", async () => {
    const shop = uniqueShop();
    await seedDay(shop);

    const figures = await todaysFigures(shop, CHICAGO, NOW);

    expect(figures.today).toEqual({ year: 2026, month: 11, day: 2 });
    expect(figures.from).toEqual({ year: 2026, month: 10, day: 4 });
    expect(figures.glance.orders).toBe(5);
    expect(figures.glance.byRoute).toEqual({
      pickup: 1,
      shipFromStore: 1,
      shipFromWarehouse: 1,
      localDelivery: 1,
      unroutable: 1,
    });
    // 7002 and 7006 chose pickup; 7001 and 7005 left Loop.
    expect(figures.glance.bopis).toEqual({ count: 2, of: 5, share: 0.4 });
    expect(figures.glance.shipFromStore).toEqual({ count: 2, of: 5, share: 0.4 });
    // $7.65 + $8.50 + $8.00 + $12.00 = $36.15 against $9.50 + $9.55 + $8.00 + $9.55 = $36.60.
    expect(figures.glance.cost).toEqual({
      orders: 4,
      costCents: 3615,
      warehouseOnlyCents: 3660,
      savedCents: 45,
      averageCents: 904,
      warehouseOnlyAverageCents: 915,
      savedPerOrderCents: 11,
    });
    expect(figures.trend).toHaveLength(30);
    expect(figures.trend[29]).toMatchObject({ orders: 5 });
    expect(figures.trend[28]).toMatchObject({ orders: 2, pickup: 1, shipFromWarehouse: 1 });
    expect(figures.trend[0]).toMatchObject({ orders: 1, pickup: 1 });
    expect(figures.trend.reduce((sum, day) => sum + day.orders, 0)).toBe(8);
  });

  it("agrees with the Analytics page on the same day", async () => {
    const shop = uniqueShop();
    await seedDay(shop);
    const reading = readAnalyticsRange(new URLSearchParams("from=2026-11-02&to=2026-11-02"), {
      year: 2026,
      month: 11,
      day: 2,
    });
    if (!reading.ok) throw new Error(reading.error);

    const [dashboard, analytics] = await Promise.all([
      todaysFigures(shop, CHICAGO, NOW),
      shopAnalytics(shop, reading.range, CHICAGO, NOW),
    ]);

    expect(dashboard.glance.orders).toBe(analytics.total.orders);
    expect(dashboard.glance.bopis).toEqual(analytics.total.bopis);
    expect(dashboard.glance.shipFromStore).toEqual(analytics.total.shipFromStore);
    expect(dashboard.glance.cost).toMatchObject(analytics.total.cost);
    expect(dashboard.glance.byRoute.unroutable).toBe(analytics.total.unroutable.count);
  });

  it("counts a split leaving a store by a later parcel as ship-from-store, and a location never known as no store", async () => {
    const shop = uniqueShop();
    await seedAnalyticsLocations(prisma, shop);
    await seedHistoryOrder(prisma, shop, {
      orderId: "7101",
      placedAt: new Date("2026-11-02T14:00:00Z"),
      deliveryMethod: "SHIPPING",
      parcels: [
        { locationId: "9", cost: 8, distanceMiles: 30 },
        { locationId: "2", cost: 7, distanceMiles: 4 },
      ],
      destination: EVANSTON,
    });
    await seedHistoryOrder(prisma, shop, {
      orderId: "7102",
      placedAt: new Date("2026-11-02T15:00:00Z"),
      deliveryMethod: "SHIPPING",
      parcels: [{ locationId: "404", cost: 8, distanceMiles: 30 }],
      destination: EVANSTON,
    });

    const figures = await todaysFigures(shop, CHICAGO, NOW);

    expect(figures.glance.byRoute).toMatchObject({ shipFromStore: 1, shipFromWarehouse: 1 });
    expect(figures.glance.shipFromStore).toEqual({ count: 1, of: 2, share: 0.5 });
  });

  it("never counts another shop's decisions or exception holds", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    await seedDay(other);
    await prisma.exceptionHold.create({
      data: { shop: other, locationId: "1", sku: "TEE-M", taskId: crypto.randomUUID(), heldSince: NOW },
    });
    await seedAnalyticsLocations(prisma, shop);

    const figures = await todaysFigures(shop, CHICAGO, NOW);

    expect(figures.glance.orders).toBe(0);
    expect(figures.trend.every((day) => day.orders === 0)).toBe(true);
    expect(figures.glance.cost.orders).toBe(0);
    expect(figures.exceptionHolds).toEqual({ holds: 0, stores: 0 });
  });

  it("counts the shop's open exception holds and the stores they are at", async () => {
    const shop = uniqueShop();
    await seedAnalyticsLocations(prisma, shop);
    for (const [locationId, sku] of [
      ["1", "TEE-M"],
      ["1", "TEE-L"],
      ["2", "TEE-M"],
    ] as const) {
      await prisma.exceptionHold.create({
        data: { shop, locationId, sku, taskId: crypto.randomUUID(), heldSince: NOW },
      });
    }

    expect((await todaysFigures(shop, CHICAGO, NOW)).exceptionHolds).toEqual({ holds: 3, stores: 2 });
  });

  it("counts today afresh on every load and the days before it again once they have been kept ten minutes", async () => {
    const shop = uniqueShop();
    await seedDay(shop);
    forgetSettledDays();
    expect((await todaysFigures(shop, CHICAGO, NOW)).trend.map((day) => day.orders).slice(27)).toEqual([0, 2, 5]);

    // One more order today and one more yesterday (1 November, 10:00 in Chicago).
    await seedHistoryOrder(prisma, shop, {
      orderId: "7020",
      placedAt: new Date("2026-11-02T17:45:00Z"),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    });
    await seedHistoryOrder(prisma, shop, {
      orderId: "7021",
      placedAt: new Date("2026-11-01T16:00:00Z"),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    });

    const soon = await todaysFigures(shop, CHICAGO, new Date(NOW.getTime() + 9 * 60_000));
    expect(soon.glance.orders).toBe(6);
    expect(soon.trend.map((day) => day.orders).slice(27)).toEqual([0, 2, 6]);
    const later = await todaysFigures(shop, CHICAGO, new Date(NOW.getTime() + 11 * 60_000));
    expect(later.trend.map((day) => day.orders).slice(27)).toEqual([0, 3, 6]);
  });
});

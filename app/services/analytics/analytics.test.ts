import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { readAnalyticsRange } from "~/domain/analytics/date-range";
import {
  seedAnalyticsLocations,
  seedHistoryOrder,
  seedHistoryTask,
  storePreferredTrace,
} from "../../../tests/support/analytics-history";
import { uniqueShop } from "../../../tests/support/shops";
import { shopAnalytics } from "./analytics.server";

/**
 * A shop's figures from its stored history: two days in Chicago (1–2 November 2026, the 1st
 * lasting 25 hours as the clocks go back), seen on the 3rd at noon.
 */

const CHICAGO = "America/Chicago";
const NOW = new Date("2026-11-03T18:00:00Z");

function range(query: string) {
  const reading = readAnalyticsRange(new URLSearchParams(query), { year: 2026, month: 11, day: 3 });
  if (!reading.ok) throw new Error(reading.error);
  return reading.range;
}

describe("a shop's analytics", () => {
  it("adds up the range's orders in the shop's days, pricing the warehouse-only cost the trace does not give", async () => {
    const shop = uniqueShop();
    await seedAnalyticsLocations(prisma, shop);
    // 1 November, 23:30 in Chicago (CST): shipped from Loop; the trace's cheapest warehouse was $9.50.
    await seedHistoryOrder(prisma, shop, {
      orderId: "7001",
      placedAt: new Date("2026-11-02T05:30:00Z"),
      deliveryMethod: "SHIPPING",
      parcels: [{ locationId: "1", cost: 7.65, distanceMiles: 3 }],
      trace: storePreferredTrace("1", 7.65, 9.5),
      destination: { lat: 41.9, lng: -87.65 },
    });
    // 2 November: collected at Evanston, the order's facts without coordinates (the store's are used).
    // From Bolingbrook to Evanston, 31.1 miles: $5.00 + $1.55 + $3.00 = $9.55.
    await seedHistoryOrder(prisma, shop, {
      orderId: "7002",
      placedAt: new Date("2026-11-02T16:00:00Z"),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
    });
    await seedHistoryTask(prisma, shop, {
      orderId: "7002",
      locationId: "2",
      kind: "PICKUP",
      state: "PICKED_UP",
      assignedAt: new Date("2026-11-02T16:01:00Z"),
      readyAt: new Date("2026-11-02T17:00:00Z"),
      completedAt: new Date("2026-11-02T17:45:00Z"),
      lines: [{ picked: 1 }, { picked: 0, exception: "NOT_FOUND" }],
    });
    // 3 November in Chicago (already past the range's last day): not counted.
    await seedHistoryOrder(prisma, shop, {
      orderId: "7003",
      placedAt: new Date("2026-11-03T06:00:00Z"),
      deliveryMethod: "PICK_UP",
      parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
    });

    const figures = await shopAnalytics(shop, range("from=2026-11-01&to=2026-11-02"), CHICAGO, NOW);

    expect(figures.dayStarts.map((at) => at.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-02T06:00:00.000Z",
      "2026-11-03T06:00:00.000Z",
    ]);
    expect(figures.total).toMatchObject({
      orders: 2,
      bopis: { count: 1, of: 2 },
      shipFromStore: { count: 1, of: 2 },
      within24h: { count: 1, of: 1 },
      // ($7.65 + $8.50) / 2 against ($9.50 + $9.55) / 2.
      cost: { orders: 2, averageCents: 808, warehouseOnlyAverageCents: 953, savedPerOrderCents: 145 },
      milesShipped: 3,
      collected: 1,
      medianReadyToCollectedSeconds: 2700,
      inventoryAccuracy: { count: 1, of: 2 },
    });
    expect(figures.days.map((day) => [day.orders, day.pickup, day.shipFromStore])).toEqual([
      [1, 0, 1],
      [1, 1, 0],
    ]);
    expect(figures.locations.map((location) => location.name)).toEqual(["Evanston", "Loop"]);
  });
});

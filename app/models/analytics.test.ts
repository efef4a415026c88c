import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  seedAnalyticsLocations,
  seedHistoryOrder,
  seedHistoryTask,
  storePreferredTrace,
} from "../../tests/support/analytics-history";
import { uniqueShop } from "../../tests/support/shops";
import { listAnalyticsLocations, listDecidedOrders, listTasksOfDecidedOrders } from "./analytics.server";

/**
 * The Analytics page's reads on a small hand-made history: 1–3 November (UTC), a shop's four
 * orders and their tasks, with orders just outside the range and another shop's rows that must
 * not be read.
 */

const shop = uniqueShop();
const otherShop = uniqueShop();
const SINCE = new Date("2026-11-01T00:00:00Z");
const UNTIL = new Date("2026-11-04T00:00:00Z");
const EVANSTON = { lat: 42.05, lng: -87.69 };

beforeAll(async () => {
  for (const seeded of [shop, otherShop]) await seedAnalyticsLocations(prisma, seeded);
  // Shipped from Loop: the trace's cheapest full warehouse ($9.50) lost to it.
  await seedHistoryOrder(prisma, shop, {
    orderId: "5001",
    placedAt: new Date("2026-11-01T10:00:00Z"),
    decidedAt: new Date("2026-11-01T10:00:05Z"),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "1", cost: 7.65, distanceMiles: 3 }],
    trace: storePreferredTrace("1", 7.65, 9.5),
    destination: { lat: 41.9, lng: -87.65 },
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "5002",
    placedAt: new Date("2026-11-02T12:00:00Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
    destination: EVANSTON,
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "5003",
    placedAt: new Date("2026-11-03T08:00:00Z"),
    deliveryMethod: "SHIPPING",
    parcels: [
      { locationId: "1", cost: 6, distanceMiles: 5 },
      { locationId: "9", cost: 10, distanceMiles: 80 },
    ],
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "5004",
    placedAt: new Date("2026-11-03T23:59:59Z"),
    deliveryMethod: "PICK_UP",
    parcels: [],
  });
  // Just outside the range, either side, and another shop's order in it.
  await seedHistoryOrder(prisma, shop, {
    orderId: "4999",
    placedAt: new Date("2026-10-31T23:59:59Z"),
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
  });
  await seedHistoryOrder(prisma, shop, {
    orderId: "5005",
    placedAt: UNTIL,
    deliveryMethod: "PICK_UP",
    parcels: [{ locationId: "1", cost: 8, distanceMiles: 0 }],
  });
  await seedHistoryOrder(prisma, otherShop, {
    orderId: "5002",
    placedAt: new Date("2026-11-02T12:00:00Z"),
    deliveryMethod: "SHIPPING",
    parcels: [{ locationId: "9", cost: 11, distanceMiles: 50 }],
  });

  await seedHistoryTask(prisma, shop, {
    orderId: "5001",
    locationId: "1",
    kind: "SHIP",
    state: "SHIPPED",
    assignedAt: new Date("2026-11-01T10:01:00Z"),
    completedAt: new Date("2026-11-01T15:00:00Z"),
    lines: [{ picked: 2 }, { picked: 1, exception: "DAMAGED" }],
  });
  await seedHistoryTask(prisma, shop, {
    orderId: "5002",
    locationId: "2",
    kind: "PICKUP",
    state: "PICKED_UP",
    assignedAt: new Date("2026-11-02T12:01:00Z"),
    readyAt: new Date("2026-11-02T13:00:00Z"),
    completedAt: new Date("2026-11-02T17:30:00Z"),
    lines: [{ picked: 1 }, { picked: 0, exception: "NOT_FOUND" }, { picked: 0 }],
  });
  // The task of an order outside the range, and the other shop's task of its own order 5002.
  await seedHistoryTask(prisma, shop, {
    orderId: "4999",
    locationId: "1",
    kind: "PICKUP",
    state: "READY",
    assignedAt: new Date("2026-10-31T23:59:59Z"),
    lines: [{ picked: 0, exception: "NOT_FOUND" }],
  });
  await seedHistoryTask(prisma, otherShop, {
    orderId: "5002",
    locationId: "9",
    kind: "SHIP",
    state: "NEW",
    assignedAt: new Date("2026-11-02T12:01:00Z"),
    lines: [{ picked: 0, exception: "NOT_FOUND" }],
  });
});

describe("the Analytics page's reads", () => {
  it("reads the shop's decisions of the range, each reduced to its parcels, traced warehouse cost and destination", async () => {
    const orders = await listDecidedOrders(prisma, shop, SINCE, UNTIL);
    expect(orders.sort((a, b) => a.orderId.localeCompare(b.orderId))).toEqual([
      {
        orderId: "5001",
        placedAt: new Date("2026-11-01T10:00:00Z"),
        decidedAt: new Date("2026-11-01T10:00:05Z"),
        deliveryMethod: "SHIPPING",
        status: "ROUTED",
        parcels: [{ locationId: "1", cost: 7.65, distanceMiles: 3 }],
        tracedWarehouseCost: 9.5,
        destination: { lat: 41.9, lng: -87.65 },
      },
      {
        orderId: "5002",
        placedAt: new Date("2026-11-02T12:00:00Z"),
        decidedAt: new Date("2026-11-02T12:00:00Z"),
        deliveryMethod: "PICK_UP",
        status: "ROUTED",
        parcels: [{ locationId: "2", cost: 8.5, distanceMiles: 0 }],
        tracedWarehouseCost: null,
        destination: EVANSTON,
      },
      {
        orderId: "5003",
        placedAt: new Date("2026-11-03T08:00:00Z"),
        decidedAt: new Date("2026-11-03T08:00:00Z"),
        deliveryMethod: "SHIPPING",
        status: "SPLIT",
        parcels: [
          { locationId: "1", cost: 6, distanceMiles: 5 },
          { locationId: "9", cost: 10, distanceMiles: 80 },
        ],
        tracedWarehouseCost: null,
        destination: null,
      },
      {
        orderId: "5004",
        placedAt: new Date("2026-11-03T23:59:59Z"),
        decidedAt: new Date("2026-11-03T23:59:59Z"),
        deliveryMethod: "PICK_UP",
        status: "UNROUTABLE",
        parcels: [],
        tracedWarehouseCost: null,
        destination: null,
      },
    ]);
  });

  it("reads the tasks of those orders only, with lines picked or reported and lines not found", async () => {
    const tasks = await listTasksOfDecidedOrders(prisma, shop, SINCE, UNTIL);
    expect(tasks.sort((a, b) => a.orderId.localeCompare(b.orderId))).toEqual([
      {
        orderId: "5001",
        locationId: "1",
        kind: "SHIP",
        state: "SHIPPED",
        readyAt: null,
        completedAt: new Date("2026-11-01T15:00:00Z"),
        endedReason: null,
        attemptedLines: 2,
        notFoundLines: 0,
      },
      {
        orderId: "5002",
        locationId: "2",
        kind: "PICKUP",
        state: "PICKED_UP",
        readyAt: new Date("2026-11-02T13:00:00Z"),
        completedAt: new Date("2026-11-02T17:30:00Z"),
        endedReason: null,
        attemptedLines: 2,
        notFoundLines: 1,
      },
    ]);
  });

  it("reads the shop's locations with their kinds and shipping rates", async () => {
    const locations = await listAnalyticsLocations(prisma, shop);
    expect(locations.sort((a, b) => a.locationId.localeCompare(b.locationId))).toEqual([
      expect.objectContaining({ locationId: "1", name: "Loop", kind: "STORE", usable: true }),
      expect.objectContaining({ locationId: "2", name: "Evanston", kind: "STORE" }),
      {
        locationId: "9",
        name: "Bolingbrook warehouse",
        kind: "WAREHOUSE",
        usable: true,
        lat: 41.7,
        lng: -88.07,
        // The profile's defaults.
        shippingBase: 5,
        shippingPerMile: 0.05,
        labourCostPerOrder: 3,
      },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, StoreTaskState } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { shippedOrderDecision, shippedOrderFacts } from "../../tests/support/order-facts";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { loader as orderLoader } from "./app.orders.$orderId";

/** One routed order's page: the decision with its reasons and when it was taken, as the merchant reads it. */

let emulator: RunningEmulator;
let loader: typeof orderLoader;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.orders.$orderId"));
});

afterAll(async () => {
  await emulator.close();
});

async function seedRoutedOrder(orderId: string): Promise<void> {
  const { prisma } = await import("~/db.server");
  const { upsertOrderFacts } = await import("~/models/routed-orders.server");
  const { createDecision } = await import("~/models/routing-decisions.server");
  await upsertOrderFacts(prisma, emulator.shop, shippedOrderFacts(orderId), "WEBHOOK");
  await createDecision(prisma, emulator.shop, shippedOrderDecision(orderId));
}

function load(orderId: string) {
  return loader({
    request: new Request(`${TEST_APP.appUrl}/app/orders/${orderId}`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` },
    }),
    params: { orderId },
    context: {},
  });
}

describe("a routed order's page", () => {
  it("says when the order was decided, in UTC until the shop's time zone is known, then in the shop's", async () => {
    await seedRoutedOrder("880001");
    const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");

    const before = await load("880001");
    await recordShopTimeZone(emulator.shop, "America/Chicago");
    const after = await load("880001");

    expect(before.decidedAt).toBe("2026-11-27 15:04 UTC");
    expect(after.decidedAt).toBe("2026-11-27 09:04 CST");
    expect(after).toMatchObject({ name: "#880001", flags: ["SLA_AT_RISK"], cost: 9.15 });
  });
});

describe("an order's store timeline", () => {
  it("tells each step at the store: who, when in the shop's zone, how long after the step before, and the exception", async () => {
    await seedRoutedOrder("880002");
    const { prisma } = await import("~/db.server");
    const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");
    await recordShopTimeZone(emulator.shop, "America/Chicago");
    await prisma.location.create({
      data: {
        shop: emulator.shop,
        locationId: "1001",
        name: "Lincoln Park",
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: new Date(),
        profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
      },
    });
    const event = (
      minute: string,
      fromState: StoreTaskState | null,
      toState: StoreTaskState,
      staffMemberId: string | null,
      detail: Prisma.InputJsonValue,
    ) => ({
      shop: emulator.shop,
      locationId: "1001",
      at: new Date(`2026-11-27T15:${minute}Z`),
      fromState,
      toState,
      staffMemberId,
      detail,
    });
    await prisma.storeTask.create({
      data: {
        shop: emulator.shop,
        fulfillmentOrderId: "7700021",
        orderId: "880002",
        orderName: "#880002",
        locationId: "1001",
        kind: "PICKUP",
        state: "PICKED_UP",
        pickupCode: "K7M4QX",
        assignedAt: new Date("2026-11-27T15:00:00Z"),
        lines: {
          create: [
            { shop: emulator.shop, lineItemId: "1", position: 0, title: "Tee", variantTitle: "M", quantity: 1 },
            { shop: emulator.shop, lineItemId: "2", position: 1, title: "Cap", variantTitle: null, quantity: 1 },
          ],
        },
        events: {
          create: [
            event("00:00", null, "NEW", null, { kind: "ASSIGNED" }),
            event("02:00", "NEW", "PICKING", "111", { kind: "TRANSITION" }),
            event("02:30", "PICKING", "PICKING", "111", {
              kind: "SCAN",
              code: "X",
              lineItemId: null,
              outcome: "WRONG_ITEM",
            }),
            event("03:00", "PICKING", "PICKING", "111", {
              kind: "SCAN",
              code: "T",
              lineItemId: "1",
              outcome: "PICKED",
            }),
            event("04:00", "PICKING", "PICKING", "111", {
              kind: "EXCEPTION",
              lineItemId: "2",
              reason: "NOT_FOUND",
              note: "not on the shelf",
            }),
            event("08:12", "PICKING", "PICKING", "111", {
              kind: "MANUAL_CONFIRM",
              lineItemId: "1",
              quantity: 1,
              reason: "NO_BARCODE",
            }),
            event("09:00", "PICKING", "PACKED", "111", { kind: "TRANSITION" }),
            event("10:00", "PACKED", "STAGED", "222", { kind: "TRANSITION", bin: "A3" }),
            event("10:30", "STAGED", "READY", "222", { kind: "TRANSITION" }),
            event("45:30", "READY", "PICKED_UP", "222", {
              kind: "TRANSITION",
              handover: { method: "PICKUP_CODE", idChecked: true },
            }),
          ],
        },
      },
    });
    await prisma.staffNickname.create({ data: { shop: emulator.shop, staffMemberId: "222", nickname: "Sam" } });

    const page = await load("880002");

    expect(page.storeTimeline).toHaveLength(1);
    // A pickup order links to the shopper's pass, under the app's public URL.
    expect(page.pickupPass?.url).toMatch(new RegExp(`^${TEST_APP.appUrl}/pickup/[\\w-]+\\.[\\w-]+$`));
    expect(page.storeTimeline[0]).toMatchObject({ locationName: "Lincoln Park", kind: "PICKUP", state: "PICKED_UP" });
    expect(page.storeTimeline[0]?.steps).toEqual([
      { label: "Assigned to the store", at: "2026-11-27 09:00 CST", staff: null, took: null, problem: false },
      { label: "Picking started", at: "2026-11-27 09:02 CST", staff: "Staff 111", took: "2 min", problem: false },
      {
        label: "Cap reported not found: not on the shelf",
        at: "2026-11-27 09:04 CST",
        staff: "Staff 111",
        took: "2 min",
        problem: true,
      },
      { label: "Picked", at: "2026-11-27 09:08 CST", staff: "Staff 111", took: "4 min 12 s", problem: false },
      { label: "Packed", at: "2026-11-27 09:09 CST", staff: "Staff 111", took: "48 s", problem: false },
      { label: "Staged in bin A3", at: "2026-11-27 09:10 CST", staff: "Sam", took: "1 min", problem: false },
      { label: "Ready for pickup", at: "2026-11-27 09:10 CST", staff: "Sam", took: "30 s", problem: false },
      {
        label: "Handed over (pickup code, ID checked)",
        at: "2026-11-27 09:45 CST",
        staff: "Sam",
        took: "35 min",
        problem: false,
      },
    ]);
  });

  it("says no store has worked on an order that has no store task", async () => {
    await seedRoutedOrder("880003");

    const page = await load("880003");

    expect(page.storeTimeline).toEqual([]);
    expect(page.pickupPass).toBeNull();
  });
});

describe("a pickup order's promise on its page", () => {
  it("says what the shopper was promised at which store, and when the store's task is due by it", async () => {
    await seedRoutedOrder("880004");
    const { prisma } = await import("~/db.server");
    const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");
    await recordShopTimeZone(emulator.shop, "America/Chicago");
    await prisma.orderPickupPromise.create({
      data: {
        shop: emulator.shop,
        orderId: "880004",
        locationId: "1001",
        locationName: "Lincoln Park",
        status: "PROMISED",
        readyBy: new Date("2026-11-27T22:00:00Z"),
        headline: "Ready today by 4:00 PM",
        promisedAt: new Date("2026-11-27T21:00:00Z"),
      },
    });
    await prisma.storeTask.create({
      data: {
        shop: emulator.shop,
        fulfillmentOrderId: "7700041",
        orderId: "880004",
        orderName: "#880004",
        locationId: "1001",
        kind: "PICKUP",
        pickupCode: "Q4W7ZT",
        assignedAt: new Date("2026-11-27T21:01:00Z"),
        dueAt: new Date("2026-11-27T22:00:00Z"),
      },
    });

    const page = await load("880004");

    expect(page.pickupPromise).toEqual({
      summary: "Promised: Ready today by 4:00 PM at Lincoln Park",
      origin: "Worked out when the order arrived",
      note: null,
      promisedAt: "2026-11-27 15:00 CST",
      taskDueAt: "2026-11-27 16:00 CST",
    });
  });

  it("says nothing of a promise for an order that was given none", async () => {
    await seedRoutedOrder("880005");

    expect((await load("880005")).pickupPromise).toBeNull();
  });
});

describe("an order the uncollected policy cancelled", () => {
  it("says it was cancelled as not collected within the policy's days, and when, or why the cancel failed", async () => {
    await seedRoutedOrder("880010");
    await seedRoutedOrder("880011");
    await seedRoutedOrder("880012");
    const { prisma } = await import("~/db.server");
    const { recordShopTimeZone } = await import("~/services/shop/shop-time-zone.server");
    const untouched = await load("880012"); // installs the shop, whose time zone is then recorded
    await recordShopTimeZone(emulator.shop, "America/Chicago");
    const settledAt = new Date("2026-11-30T15:17:00Z");
    await prisma.uncollectedCancellation.createMany({
      data: [
        {
          shop: emulator.shop,
          orderId: "880010",
          status: "CANCELLED",
          reason: "Not collected within 7 days",
          restock: true,
          refund: true,
          settledAt,
        },
        {
          shop: emulator.shop,
          orderId: "880011",
          status: "FAILED",
          reason: "Shopify refused: Order has already been cancelled",
          restock: true,
          refund: true,
          settledAt,
        },
      ],
    });

    const cancelled = await load("880010");
    const failed = await load("880011");

    expect(cancelled.uncollectedCancellation).toEqual({
      text: "Cancelled: not collected within 7 days (restocked, refunded)",
      tone: "success",
      at: "2026-11-30 09:17 CST",
    });
    expect(failed.uncollectedCancellation).toMatchObject({
      text: "Auto-cancel failed: Shopify refused: Order has already been cancelled",
      tone: "critical",
    });
    expect(untouched.uncollectedCancellation).toBeNull();
  });
});

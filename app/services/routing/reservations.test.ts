import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { Assignment } from "~/domain/routing/types";
import { applyAvailableUpdate } from "~/models/inventory-levels.server";
import {
  activeReservedUnits,
  clearReflectedReservations,
  markReflectedAfterAndClear,
  markReservationsReflectedAfter,
} from "~/models/inventory-reservations.server";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { shippedOrderFacts } from "../../../tests/support/order-facts";
import { uniqueShop } from "../../../tests/support/shops";
import { statementsSentDuring } from "../../../tests/support/statements";
import { decideOrder } from "./route-order.server";

/**
 * No overselling: decisions reserve the units they assign in the decision's transaction,
 * serialised per SKU, and the reservations clear once the mirror shows Shopify committed them.
 */

const STORE = { id: "1001", lat: 41.8789, lng: -87.6359 };
const WAREHOUSE = { id: "2001", lat: 41.75, lng: -87.9 };
const SKU = "TEE-M";
const ITEM = "4700001";

async function seedShop(storeUnits: number): Promise<string> {
  const shop = uniqueShop();
  for (const [location, kind, available] of [
    [STORE, "STORE", storeUnits],
    [WAREHOUSE, "WAREHOUSE", 1000],
  ] as const) {
    await prisma.location.create({
      data: {
        shop,
        locationId: location.id,
        name: kind === "STORE" ? "Loop store" : "Warehouse",
        latitude: location.lat,
        longitude: location.lng,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: kind === "STORE",
        syncedAt: new Date(),
        profile: { create: { kind, timeZone: "America/Chicago" } },
      },
    });
    await prisma.inventoryLevel.create({
      data: {
        shop,
        locationId: location.id,
        inventoryItemId: ITEM,
        sku: SKU,
        available,
        sourceUpdatedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
  }
  // A store serves while it has the units at all (the default keeps 3 back).
  await prisma.routingSettingsVersion.create({ data: { shop, version: 1, settings: { storeMinUnits: 1 } } });
  return shop;
}

function shippingOrder(orderId: string): OrderFacts {
  return shippedOrderFacts(orderId, {
    placedAt: new Date("2026-11-25T18:00:00Z"),
    shippingLineCode: "Standard",
    latitude: STORE.lat + 0.001,
    longitude: STORE.lng,
    lines: [{ sku: SKU, quantity: 1 }],
  });
}

function unitsAt(assignments: readonly Assignment[], locationId: string): number {
  return assignments
    .filter((assignment) => assignment.locationId === locationId)
    .reduce((sum, assignment) => sum + assignment.lines.reduce((units, line) => units + line.quantity, 0), 0);
}

describe("concurrent routing of a store's last units", () => {
  it("assigns no more than the 10 units the store has to 50 orders routed at once", async () => {
    const shop = await seedShop(10);
    const facts = Array.from({ length: 50 }, (_, index) => shippingOrder(String(900000 + index)));
    for (const order of facts) await upsertOrderFacts(prisma, shop, order, "WEBHOOK");

    const now = new Date("2026-11-25T18:00:00Z");
    const decisions = await Promise.all(facts.map((order) => decideOrder(shop, order, now)));

    const atStore = decisions.reduce((sum, decision) => sum + unitsAt(decision.assignments, STORE.id), 0);
    const atWarehouse = decisions.reduce((sum, decision) => sum + unitsAt(decision.assignments, WAREHOUSE.id), 0);
    expect(atStore).toBe(10);
    expect(atWarehouse).toBe(40);
    const reserved = await activeReservedUnits(prisma, shop, [SKU], now);
    expect(reserved.find((line) => line.locationId === STORE.id)?.quantity).toBe(10);
  });

  it("decides an order once, however often it is routed", async () => {
    const shop = await seedShop(10);
    const order = shippingOrder("910001");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    const now = new Date();
    const decisions = await Promise.all([1, 2, 3, 4, 5].map(() => decideOrder(shop, order, now)));

    expect(new Set(decisions.map((decision) => decision.id)).size).toBe(1);
    expect(await prisma.routingDecision.count({ where: { shop } })).toBe(1);
    expect(await prisma.inventoryReservation.count({ where: { shop } })).toBe(1);
  });
});

describe("storing a decision", () => {
  it("writes the decision, what routing learnt of the order, its reservations and the store's count for the day in one statement", async () => {
    const shop = await seedShop(10);
    // orders/create did not say how the order is delivered; its fulfilment orders did.
    const order = { ...shippingOrder("910101"), deliveryMethod: null };
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    const learnt = { deliveryMethod: "SHIPPING" as const, pickupLocationId: null, latitude: 41.9, longitude: -87.64 };
    const { result: decision, sent } = await statementsSentDuring(() =>
      decideOrder(shop, order, new Date(Date.UTC(2026, 10, 25, 15, 0)), null, learnt),
    );
    expect(unitsAt(decision.assignments, STORE.id)).toBe(1);

    const writes = sent.filter((text) =>
      /INSERT INTO "(RoutingDecision|InventoryReservation|LocationDailyOrders)"|UPDATE "RoutedOrder"/.test(text),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(
      /INSERT INTO "RoutingDecision"[\s\S]*UPDATE "RoutedOrder"[\s\S]*INSERT INTO "InventoryReservation"[\s\S]*INSERT INTO "LocationDailyOrders"/,
    );
    const facts = await prisma.routedOrder.findUniqueOrThrow({ where: { shop_orderId: { shop, orderId: "910101" } } });
    expect([facts.deliveryMethod, facts.latitude, facts.longitude]).toEqual(["SHIPPING", 41.9, -87.64]);
    const reserved = await prisma.inventoryReservation.findMany({ where: { shop, orderId: "910101" } });
    expect(reserved.map((row) => [row.locationId, row.sku, row.quantity])).toEqual([[STORE.id, SKU, 1]]);
    const counted = await prisma.locationDailyOrders.findMany({ where: { shop } });
    expect(counted.map((row) => [row.locationId, row.day.toISOString().slice(0, 10), row.orders])).toEqual([
      [STORE.id, "2026-11-25", 1],
    ]);
  });
  it("records what routing learnt of an order decided before, and decides it no second time", async () => {
    const shop = await seedShop(10);
    const order = { ...shippingOrder("910102"), deliveryMethod: null };
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    const at = new Date(Date.UTC(2026, 10, 25, 15, 0));
    const first = await decideOrder(shop, order, at);
    const learnt = { deliveryMethod: "SHIPPING" as const, pickupLocationId: null, latitude: 41.9, longitude: -87.64 };

    expect((await decideOrder(shop, order, at, null, learnt)).id).toBe(first.id);
    const facts = await prisma.routedOrder.findUniqueOrThrow({ where: { shop_orderId: { shop, orderId: "910102" } } });
    expect(facts.deliveryMethod).toBe("SHIPPING");
    expect(await prisma.inventoryReservation.count({ where: { shop } })).toBe(1);
  });
});

describe("a store's daily capacity", () => {
  it("sends it no more orders than its capacity for the day, then counts afresh the next local day", async () => {
    const shop = await seedShop(100);
    await prisma.locationProfile.updateMany({ where: { shop, locationId: STORE.id }, data: { dailyCapacity: 2 } });
    const orders = [1, 2, 3].map((index) => shippingOrder(String(800000 + index)));
    // 09:00 to 09:02 in Chicago on the 25th, one order a minute.
    const today = orders.map((_, index) => new Date(Date.UTC(2026, 10, 25, 15, index)));
    const decided = [];
    for (const [index, order] of orders.entries()) {
      await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
      decided.push(await decideOrder(shop, order, today[index]!));
    }
    expect(decided.map((decision) => (unitsAt(decision.assignments, STORE.id) > 0 ? "store" : "warehouse"))).toEqual([
      "store",
      "store",
      "warehouse",
    ]);

    const tomorrow = shippingOrder("800004");
    await upsertOrderFacts(prisma, shop, tomorrow, "WEBHOOK");
    // 00:30 in Chicago on the 26th: a new day.
    const next = await decideOrder(shop, tomorrow, new Date("2026-11-26T06:30:00Z"));
    expect(unitsAt(next.assignments, STORE.id)).toBe(1);

    // One counter row per store and local day, whatever the day's volume: what the next order reads.
    const counted = await prisma.locationDailyOrders.findMany({
      where: { shop, locationId: STORE.id },
      orderBy: { day: "asc" },
    });
    expect(counted.map((row) => [row.day.toISOString().slice(0, 10), row.orders])).toEqual([
      ["2026-11-25", 2],
      ["2026-11-26", 1],
    ]);
  });

  it("leaves out an order's own decision when that order is tried again", async () => {
    const shop = await seedShop(100);
    await prisma.locationProfile.updateMany({ where: { shop, locationId: STORE.id }, data: { dailyCapacity: 1 } });
    const order = shippingOrder("800101");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    const at = new Date(Date.UTC(2026, 10, 25, 15, 0));
    expect(unitsAt((await decideOrder(shop, order, at)).assignments, STORE.id)).toBe(1);

    const { ordersTakenToday } = await import("./orders-taken-today.server");
    const store = [{ id: STORE.id, timeZone: "America/Chicago" }];
    expect(Object.fromEntries(await ordersTakenToday(prisma, shop, store, at))).toEqual({ [STORE.id]: 1 });
    expect(Object.fromEntries(await ordersTakenToday(prisma, shop, store, at, "800101"))).toEqual({ [STORE.id]: 0 });
  });
});

describe("a reservation", () => {
  it("clears when the mirror shows a stock change at or after the second Shopify committed the units", async () => {
    const shop = await seedShop(10);
    const order = shippingOrder("920001");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    const decision = await decideOrder(shop, order, new Date());
    expect(unitsAt(decision.assignments, STORE.id)).toBe(1);
    const movedAt = new Date("2026-11-25T18:00:05.400Z");
    await markReservationsReflectedAfter(prisma, shop, order.orderId, STORE.id, movedAt);

    const update = async (at: string) =>
      prisma.$transaction(async (tx) => {
        await applyAvailableUpdate(tx, shop, {
          locationId: STORE.id,
          inventoryItemId: ITEM,
          available: 9,
          sourceUpdatedAt: new Date(at),
        });
        return clearReflectedReservations(tx, shop, { locationId: STORE.id });
      });

    // An update from before the move does not show it yet.
    expect(await update("2026-11-25T18:00:04Z")).toBe(0);
    // Shopify stamps whole seconds: an update of the move's second shows it.
    expect(await update("2026-11-25T18:00:05Z")).toBe(1);
    expect(await activeReservedUnits(prisma, shop, [SKU], new Date())).toEqual([]);
  });

  it("does not clear before Shopify is known to have committed the units", async () => {
    const shop = await seedShop(10);
    const order = shippingOrder("930001");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    await decideOrder(shop, order, new Date());
    await prisma.$transaction((tx) =>
      applyAvailableUpdate(tx, shop, {
        locationId: STORE.id,
        inventoryItemId: ITEM,
        available: 10,
        sourceUpdatedAt: new Date(Date.now() + 60_000),
      }),
    );
    expect(await clearReflectedReservations(prisma, shop)).toBe(0);
    expect(await activeReservedUnits(prisma, shop, [SKU], new Date())).toEqual([
      { locationId: STORE.id, sku: SKU, quantity: 1 },
    ]);
  });

  it("after a move, counts the destination's units as Shopify's from the move and clears at once what the mirror already shows", async () => {
    const shop = await seedShop(10);
    const order = shippingOrder("940001");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    await decideOrder(shop, order, new Date());
    const movedAt = new Date("2026-11-25T18:00:05.400Z");
    const reservation = () =>
      prisma.inventoryReservation.findFirstOrThrow({
        where: { shop, orderId: order.orderId },
        select: { reflectedAfter: true, clearedAt: true, clearedReason: true },
      });
    // The inventory_levels/update of the move's second arrived before the move's answer.
    await prisma.$transaction((tx) =>
      applyAvailableUpdate(tx, shop, {
        locationId: STORE.id,
        inventoryItemId: ITEM,
        available: 9,
        sourceUpdatedAt: new Date("2026-11-25T18:00:05Z"),
      }),
    );

    // A move to another location marks nothing here and clears nothing.
    expect(await markReflectedAfterAndClear(prisma, shop, order.orderId, WAREHOUSE.id, movedAt)).toBe(0);
    expect(await reservation()).toEqual({ reflectedAfter: null, clearedAt: null, clearedReason: null });

    expect(await markReflectedAfterAndClear(prisma, shop, order.orderId, STORE.id, movedAt)).toBe(1);
    expect(await reservation()).toMatchObject({ reflectedAfter: movedAt, clearedReason: "REFLECTED" });
    expect(await activeReservedUnits(prisma, shop, [SKU], new Date())).toEqual([]);
    // Once cleared, a second delivery of the move changes nothing.
    expect(await markReflectedAfterAndClear(prisma, shop, order.orderId, STORE.id, new Date())).toBe(0);
    expect((await reservation()).reflectedAfter).toEqual(movedAt);
  });

  it("after a move the mirror has not shown yet, keeps the reservation, marked to clear when it does", async () => {
    const shop = await seedShop(10);
    const order = shippingOrder("950001");
    await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
    await decideOrder(shop, order, new Date());
    const movedAt = new Date("2026-11-25T18:00:05.400Z");

    expect(await markReflectedAfterAndClear(prisma, shop, order.orderId, STORE.id, movedAt)).toBe(0);
    expect(await activeReservedUnits(prisma, shop, [SKU], new Date())).toEqual([
      { locationId: STORE.id, sku: SKU, quantity: 1 },
    ]);
    // A later delivery of the same move keeps the first time it was known by.
    expect(await markReflectedAfterAndClear(prisma, shop, order.orderId, STORE.id, new Date())).toBe(0);
    const cleared = await prisma.$transaction(async (tx) => {
      await applyAvailableUpdate(tx, shop, {
        locationId: STORE.id,
        inventoryItemId: ITEM,
        available: 9,
        sourceUpdatedAt: new Date("2026-11-25T18:00:05Z"),
      });
      return clearReflectedReservations(tx, shop, { locationId: STORE.id });
    });
    expect(cleared).toBe(1);
  });
});

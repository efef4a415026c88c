import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import { startTestEmulator } from "../../../tests/support/emulator";
import {
  type DeliveryKind,
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  placeStockedOrder,
  stockOneSku,
  waitUntilRouted,
  webhookAction,
} from "../../../tests/support/routing-app";
import { webhookRequest } from "../../../tests/support/shopify-app";
import { uniqueShop } from "../../../tests/support/shops";
import type * as OrdersModule from "./orders.server";

/**
 * The routing pipeline end to end: orders placed in the local emulator, its webhooks
 * delivered to the app's own routes, the jobs run by the app's workers against the emulator's
 * Admin API, and the fulfilment orders checked in the emulator's state.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let orders: typeof OrdersModule;
let stopJobQueue: () => Promise<void>;

let stock: RoutingStock;
let warehouseId: string;
let shipStore: RoutingStock["shipStore"];
let pickupStore: RoutingStock["pickupStore"];

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  orders = await import("./orders.server");
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  const { startWorkers } = await import("~/worker.server");
  boss = await installShop(emulator);

  stock = stockOneSku(emulator);
  ({ warehouseId, shipStore, pickupStore } = stock);
  await mirrorInventory(emulator);
  await startWorkers(boss);
}, 30_000);

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

function place(kind: DeliveryKind, quantity = 1): PlacedOrder {
  return placeStockedOrder(emulator, stock, kind, quantity);
}

/** Waits until every order has a decision whose moves are settled and no routing job is left. */
function routed(placed: PlacedOrder[], timeoutMs = 20_000): Promise<void> {
  return waitUntilRouted(
    emulator,
    boss,
    placed.map((order) => numeric(order.id)),
    timeoutMs,
  );
}

function locationsOfOrder(order: PlacedOrder): string[] {
  return emulator.shopify
    .fulfillmentOrdersOf(emulator.shop, order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.lineItems.some((line) => line.remainingQuantity > 0))
    .map((fo) => numeric(fo.locationId));
}

describe("an order placed in the emulator", () => {
  it("for shipping goes to the nearby store that costs within the threshold, and its fulfilment order is moved there", async () => {
    const order = place("SHIPPING");
    expect(order.fulfillmentOrders.map((fo) => numeric(fo.locationId))).toEqual([warehouseId]);
    await routed([order]);

    const detail = await orders.getRoutedOrder(emulator.shop, numeric(order.id));
    expect(detail).toMatchObject({ status: "ROUTED", deliveryMethod: "SHIPPING", moveStatus: "DONE" });
    expect(detail!.chosenLocationIds).toEqual([shipStore.id]);
    expect(locationsOfOrder(order)).toEqual([shipStore.id]);
    expect(detail!.moves).toMatchObject([{ fromLocationId: warehouseId, toLocationId: shipStore.id, status: "MOVED" }]);
    expect(detail!.explanation.length).toBeGreaterThan(1);
    expect(detail!.apiCostPoints).toBeGreaterThan(0);
    // The trigger's job found the order free and routed it itself: no second job (decision 043).
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'routing.route-order' AND data->>'orderId' = $1`,
        [numeric(order.id)],
      );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("for pickup stays at the shopper's store, and is recorded as already there", async () => {
    const order = place("PICK_UP");
    await routed([order]);

    const detail = await orders.getRoutedOrder(emulator.shop, numeric(order.id));
    expect(detail).toMatchObject({ status: "ROUTED", deliveryMethod: "PICK_UP", moveStatus: "DONE" });
    expect(detail!.chosenLocationIds).toEqual([pickupStore.id]);
    expect(locationsOfOrder(order)).toEqual([pickupStore.id]);
    expect(detail!.moves.map((move) => move.status)).toEqual(["ALREADY_THERE"]);
  });

  it("for same-day local delivery goes to the nearest open store with stock", async () => {
    const order = place("LOCAL_DELIVERY");
    await routed([order]);

    const detail = await orders.getRoutedOrder(emulator.shop, numeric(order.id));
    expect(detail).toMatchObject({ status: "ROUTED", deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "SAME_DAY" });
    expect(detail!.chosenLocationIds).toEqual([shipStore.id]);
    expect(locationsOfOrder(order)).toEqual([shipStore.id]);
  });

  it("is listed for the Orders page with its store's name, cost and move status", async () => {
    const page = await orders.listRoutedOrders(emulator.shop, { take: 50 });
    expect(page.rows.length).toBeGreaterThanOrEqual(3);
    const storeName = emulator.scenario.locations.find((location) => String(location.id) === shipStore.id)!.name;
    expect(page.rows.some((row) => row.chosenLocationNames.includes(storeName) && row.cost > 0)).toBe(true);
    const filtered = await orders.listRoutedOrders(emulator.shop, { take: 50, status: "UNROUTABLE" });
    expect(filtered.rows).toEqual([]);
  });
});

describe("webhooks delivered three times in shuffled order", () => {
  it("give one decision per order and exactly one move per fulfilment order", async () => {
    // Every delivery is sent twice, the first attempt's answer is lost (so Shopify retries),
    // and deliveries are held and shuffled.
    const movedEventIds = () =>
      new Set(
        emulator.webhooks
          .log()
          .filter((entry) => entry.topic === "fulfillment_orders/moved")
          .map((entry) => entry.eventId),
      );
    const movedBefore = movedEventIds().size;
    emulator.webhooks.setFaults({ duplicateRate: 1, failFirstRate: 1, reorderWindowMs: 100 });
    try {
      const placed = [place("SHIPPING"), place("SHIPPING"), place("PICK_UP"), place("LOCAL_DELIVERY")];
      await emulator.webhooks.idle();
      await routed(placed);
      const orderIds = placed.map((order) => numeric(order.id));

      const deliveries = emulator.webhooks
        .log()
        .filter((entry) => entry.topic === "fulfillment_orders/order_routing_complete" && entry.status === 200);
      expect(deliveries.length).toBeGreaterThanOrEqual(placed.length * 2);
      // Each routing trigger reached the app three times (two copies, one of them retried).
      const attemptsPerEvent = new Map<string, number>();
      for (const entry of emulator.webhooks.log()) {
        if (entry.topic !== "fulfillment_orders/order_routing_complete" || !entry.faults.includes("duplicate"))
          continue;
        attemptsPerEvent.set(entry.eventId, (attemptsPerEvent.get(entry.eventId) ?? 0) + 1);
      }
      expect(attemptsPerEvent.size).toBe(placed.length);
      expect([...attemptsPerEvent.values()].every((attempts) => attempts >= 3)).toBe(true);
      const decisions = await prisma.routingDecision.groupBy({
        by: ["orderId"],
        where: { shop: emulator.shop, orderId: { in: orderIds } },
        _count: true,
      });
      expect(decisions.map((row) => row._count).sort()).toEqual([1, 1, 1, 1]);

      const moves = await prisma.fulfillmentMove.findMany({
        where: { shop: emulator.shop, orderId: { in: orderIds } },
      });
      const moved = moves.filter((move) => move.status === "MOVED");
      expect(moved.length).toBe(3); // the shipped and the delivered orders leave the warehouse
      expect(moved.every((move) => move.attempts === 1)).toBe(true);
      expect(new Set(moves.map((move) => move.fulfillmentOrderId)).size).toBe(moves.length);
      // Shopify's own record: one fulfillment_orders/moved event per moved fulfilment order.
      expect(movedEventIds().size - movedBefore).toBe(moved.length);
      for (const order of placed) expect(locationsOfOrder(order)).toHaveLength(1);
    } finally {
      emulator.webhooks.setFaults({ duplicateRate: 0, failFirstRate: 0, reorderWindowMs: 0 });
    }
  });
});

describe("triggers of one order running at once", () => {
  it("route it once: one decision, its fulfilment order moved once, and the units it reserved kept", async () => {
    const { resolveRoutingTrigger } = await import("./route-order.server");
    const order = place("SHIPPING");
    const trigger = { shop: emulator.shop, fulfillmentOrderId: order.fulfillmentOrders[0]!.id };

    // Beside the trigger the emulator's own webhook queues: as an order's two fulfilment orders'
    // triggers would, each routing the whole order.
    await Promise.all([resolveRoutingTrigger(trigger), resolveRoutingTrigger(trigger), resolveRoutingTrigger(trigger)]);
    await routed([order]);

    const orderId = numeric(order.id);
    expect(await prisma.routingDecision.count({ where: { shop: emulator.shop, orderId } })).toBe(1);
    expect(locationsOfOrder(order)).toEqual([shipStore.id]);
    // One move, recorded once; a run after it found the fulfilment order there already.
    const recorded = await prisma.fulfillmentMove.findMany({ where: { shop: emulator.shop, orderId } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ toLocationId: shipStore.id, error: null });
    expect(recorded[0]!.status).not.toBe("FAILED");
    const released = await prisma.inventoryReservation.count({
      where: { shop: emulator.shop, orderId, clearedReason: "MOVE_FAILED" },
    });
    expect(released).toBe(0);
  });
});

describe("throttling and server errors on a third of Admin API calls", () => {
  it("still route every order, with nothing left outside the dead-letter queue", async () => {
    emulator.shopify.faults = { adminErrorRate: 0.17, adminTimeoutRate: 0, throttleRate: 0.16 };
    try {
      const placed = Array.from({ length: 6 }, (_, index) => place(index % 2 === 0 ? "SHIPPING" : "LOCAL_DELIVERY"));
      await routed(placed, 25_000);

      for (const order of placed) {
        const detail = await orders.getRoutedOrder(emulator.shop, numeric(order.id));
        expect(detail?.moveStatus).toBe("DONE");
        expect(locationsOfOrder(order)).toEqual(detail!.chosenLocationIds);
      }
      const { rows } = await boss
        .getDb()
        .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE '%.dead-letter'`, []);
      expect((rows[0] as { n: number }).n).toBe(0);
    } finally {
      emulator.shopify.faults = { adminErrorRate: 0, adminTimeoutRate: 0, throttleRate: 0 };
    }
  }, 30_000);
});

describe("a cancelled order", () => {
  it("releases the units its decision reserved", async () => {
    const order = place("SHIPPING");
    await routed([order]);
    emulator.shopify.cancelOrder(emulator.shop, order.id);
    await emulator.webhooks.idle();

    const reservations = await prisma.inventoryReservation.findMany({
      where: { shop: emulator.shop, orderId: numeric(order.id) },
    });
    expect(reservations.length).toBeGreaterThan(0);
    expect(reservations.every((reservation) => reservation.clearedAt !== null)).toBe(true);
    const facts = await prisma.routedOrder.findUnique({
      where: { shop_orderId: { shop: emulator.shop, orderId: numeric(order.id) } },
    });
    expect(facts?.cancelledAt).not.toBeNull();
  });
});

describe("forged or malformed routing webhooks", () => {
  const TOPICS = [
    { path: "/webhooks/fulfillment_orders/order_routing_complete", topic: "fulfillment_orders/order_routing_complete" },
    { path: "/webhooks/fulfillment_orders/moved", topic: "fulfillment_orders/moved" },
    { path: "/webhooks/orders/cancelled", topic: "orders/cancelled" },
    { path: "/webhooks/orders/create", topic: "orders/create" },
  ];

  for (const { path, topic } of TOPICS) {
    it(`${topic}: 401 for a wrong signature, 400 for a body without what the topic needs, nothing stored`, async () => {
      const shop = uniqueShop();
      const action = (await webhookAction(path))!;
      const body = JSON.stringify({ fulfillment_order: { id: "gid://shopify/FulfillmentOrder/1", status: "open" } });
      const forged = await action({
        request: webhookRequest(path, { topic, shop, body, hmac: "bm90IHRoZSBzaWduYXR1cmU=" }),
        params: {},
        context: {},
      });
      const malformed = await action({
        request: webhookRequest(path, { topic, shop, body: JSON.stringify({ unexpected: true }) }),
        params: {},
        context: {},
      });
      expect([forged.status, malformed.status]).toEqual([401, 400]);
      expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
      expect(await prisma.routedOrder.count({ where: { shop } })).toBe(0);
      const { rows } = await boss
        .getDb()
        .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'routing.%' AND data->>'shop' = $1`, [
          shop,
        ]);
      expect((rows[0] as { n: number }).n).toBe(0);
    });
  }
});

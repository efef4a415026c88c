import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { ActionFunctionArgs } from "@remix-run/node";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import type { FetchFunction } from "../../../dev/emulator/vendors/http-types";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { eventually } from "../../../tests/support/jobs";
import { TEST_APP, webhookRequest } from "../../../tests/support/shopify-app";
import { uniqueShop } from "../../../tests/support/shops";
import type * as FullSyncModule from "~/services/inventory/full-sync.server";
import type * as OrdersModule from "./orders.server";

/**
 * The routing pipeline end to end: orders placed in the local emulator, its webhooks
 * delivered to the app's own routes, the jobs run by the app's workers against the emulator's
 * Admin API, and the fulfilment orders checked in the emulator's state.
 */

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const ROUTE_MODULES: Record<string, () => Promise<{ action: Action }>> = {
  "/webhooks/orders/create": () => import("~/routes/webhooks.orders.create"),
  "/webhooks/orders/cancelled": () => import("~/routes/webhooks.orders.cancelled"),
  "/webhooks/fulfillment_orders/order_routing_complete": () =>
    import("~/routes/webhooks.fulfillment_orders.order_routing_complete"),
  "/webhooks/fulfillment_orders/moved": () => import("~/routes/webhooks.fulfillment_orders.moved"),
  "/webhooks/inventory_levels/update": () => import("~/routes/webhooks.inventory_levels.update"),
};

const deliverToApp: FetchFunction = async (input, init) => {
  const route = ROUTE_MODULES[new URL(input).pathname];
  if (!route) return new Response(null, { status: 404 });
  const { action } = await route();
  return action({ request: new Request(input, init), params: {}, context: {} });
};

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let orders: typeof OrdersModule;
let stopJobQueue: () => Promise<void>;

// The stock the tests route: one SKU, at the warehouse and two stores only.
let sku: string;
let warehouseId: string;
let shipStore: { id: string; latitude: number; longitude: number };
let pickupStore: { id: string; latitude: number; longitude: number };

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  orders = await import("./orders.server");
  const fullSync: typeof FullSyncModule = await import("~/services/inventory/full-sync.server");
  const { appJobQueue } = await import("~/jobs/app-job-queue.server");
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  const { startWorkers } = await import("~/worker.server");
  const { authenticate } = await import("~/shopify.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` } }),
  );
  boss = await appJobQueue("worker");
  // The install's own full sync is run here, with quick polls, rather than by the worker.
  await boss.getDb().executeSql(`DELETE FROM pgboss.job WHERE name = 'inventory.full-sync'`, []);

  const scenario = emulator.scenario;
  const warehouse = scenario.locations.find((location) => location.kind === "WAREHOUSE")!;
  const stores = scenario.locations.filter(
    (location) =>
      location.kind === "STORE" && location.isActive && location.fulfillsOnlineOrders && location.pickupEnabled,
  );
  warehouseId = String(warehouse.id);
  const [first, second] = stores;
  shipStore = { id: String(first!.id), latitude: first!.address.latitude, longitude: first!.address.longitude };
  pickupStore = { id: String(second!.id), latitude: second!.address.latitude, longitude: second!.address.longitude };
  sku = scenario.inventory.find((line) => String(line.locationId) === warehouseId)!.sku;
  for (const location of scenario.locations) {
    const id = String(location.id);
    const available = id === warehouseId ? 500 : id === shipStore.id || id === pickupStore.id ? 200 : 0;
    if (available > 0 || emulator.shopify.inventoryOf(emulator.shop, id, sku)) {
      emulator.shopify.setAvailable(emulator.shop, { locationId: id, sku, available });
    }
  }
  await emulator.webhooks.idle();
  const defaults = fullSync.defaultFullSyncDependencies(emulator.shop);
  await fullSync.runInventoryFullSync(emulator.shop, {
    ...defaults,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    pollIntervalMs: 10,
  });
  await startWorkers(boss);
}, 30_000);

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

function place(kind: "SHIPPING" | "PICK_UP" | "LOCAL_DELIVERY", quantity = 1): PlacedOrder {
  const near = shipStore;
  return emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku, quantity }],
    deliveryMethod: kind,
    ...(kind === "PICK_UP"
      ? { pickupLocationId: Number(pickupStore.id) }
      : {
          shippingAddress: {
            address1: "1 Test St",
            city: "Chicago",
            provinceCode: "IL",
            zip: "60601",
            countryCode: "US",
            latitude: near.latitude + 0.001,
            longitude: near.longitude + 0.001,
          },
          shippingLineTitle: kind === "LOCAL_DELIVERY" ? "Local Delivery" : "Standard",
        }),
    customer: { email: "shopper@example.com" },
  });
}

/** Waits until every order has a decision whose moves are settled and no routing job is left. */
async function routed(placed: PlacedOrder[], timeoutMs = 20_000): Promise<void> {
  await eventually(async () => {
    const settled = await prisma.routingDecision.count({
      where: {
        shop: emulator.shop,
        orderId: { in: placed.map((order) => numeric(order.id)) },
        moveStatus: { not: "PENDING" },
      },
    });
    if (settled < placed.length) return false;
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'routing.%' AND state IN ('created', 'retry', 'active')`,
        [],
      );
    return (rows[0] as { n: number }).n === 0;
  }, timeoutMs);
  await emulator.webhooks.idle();
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
        .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dead-letter'`, []);
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
      const { action } = await ROUTE_MODULES[path]!();
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

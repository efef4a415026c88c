import type { PrismaClient } from "@prisma/client";
import type { ActionFunctionArgs } from "@remix-run/node";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../dev/emulator/server";
import type { PlacedOrder } from "../../dev/emulator/shopify/orders";
import type { FetchFunction } from "../../dev/emulator/vendors/http-types";
import { sessionTokenFor, startTestEmulator } from "./emulator";
import { eventually } from "./jobs";
import { TEST_APP } from "./shopify-app";

/**
 * The app's routing pipeline in a test or bench process: its webhook routes called in-process,
 * and a shop installed from the emulator with its inventory mirrored. App modules are imported
 * lazily, so callers set the environment (database, emulator URL) before first use.
 */

type Action = (args: ActionFunctionArgs) => Promise<Response>;

const WEBHOOK_ROUTES: Record<string, () => Promise<{ action: Action }>> = {
  "/webhooks/orders/create": () => import("~/routes/webhooks.orders.create"),
  "/webhooks/orders/cancelled": () => import("~/routes/webhooks.orders.cancelled"),
  "/webhooks/fulfillment_orders/order_routing_complete": () =>
    import("~/routes/webhooks.fulfillment_orders.order_routing_complete"),
  "/webhooks/fulfillment_orders/moved": () => import("~/routes/webhooks.fulfillment_orders.moved"),
  "/webhooks/fulfillment_orders/hold_released": () => import("~/routes/webhooks.fulfillment_orders.hold_released"),
  "/webhooks/inventory_levels/update": () => import("~/routes/webhooks.inventory_levels.update"),
};

const loadedActions = new Map<string, Promise<Action | null>>();

/**
 * The route action that serves a routing webhook path, or null for a path the app does not serve
 * here; each route is imported once (a dynamic import per delivery costs the loader a round trip).
 */
export function webhookAction(pathname: string): Promise<Action | null> {
  let action = loadedActions.get(pathname);
  if (!action) {
    const route = WEBHOOK_ROUTES[pathname];
    action = route ? route().then((module) => module.action) : Promise.resolve(null);
    loadedActions.set(pathname, action);
  }
  return action;
}

/** Hands an emulator's webhook delivery to the app's route action, as the HTTP server would. */
export const deliverToApp: FetchFunction = async (input, init) => {
  const action = await webhookAction(new URL(input).pathname);
  if (!action) return new Response(null, { status: 404 });
  return action({ request: new Request(input, init), params: {}, context: {} });
};

/**
 * Installs the emulator's shop (token exchange, as the first admin page load does), and returns
 * this process's job queue, without the install's full sync: `mirrorInventory` runs it. The
 * install enqueues through the web role's queue, which does no maintenance: a test that needs
 * dead workers' jobs expired runs a worker process (`npm run worker`) for that.
 */
export async function installShop(emulator: Pick<RunningEmulator, "shop">): Promise<PgBoss> {
  const { authenticate } = await import("~/shopify.server");
  const { appJobQueue } = await import("~/jobs/app-job-queue.server");
  await authenticate.admin(
    new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` } }),
  );
  const boss = await appJobQueue();
  await boss.getDb().executeSql(`DELETE FROM pgboss.job WHERE name = 'inventory.full-sync'`, []);
  return boss;
}

/** Runs the shop's inventory full sync here, with quick polls, rather than leaving it to a worker. */
export async function mirrorInventory(emulator: RunningEmulator): Promise<void> {
  const fullSync = await import("~/services/inventory/full-sync.server");
  await emulator.webhooks.idle();
  await fullSync.runInventoryFullSync(emulator.shop, {
    ...fullSync.defaultFullSyncDependencies(emulator.shop),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    pollIntervalMs: 10,
  });
}

/**
 * A fresh emulator whose webhooks reach the app's routes in this process, with the app pointed at
 * it: called before the test imports any app module, which reads its environment once.
 */
export async function startEmulatorForApp(): Promise<RunningEmulator> {
  const emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  return emulator;
}

/**
 * The app installed on the emulator's shop, as the integration tests against it start: the shop
 * installed, the stock `stockUp` sets in the emulator mirrored, and, with `workers`, the app's
 * workers running its jobs in this process. `stopAppAndEmulator` ends it.
 */
export async function installAppOn<Stock>(
  emulator: RunningEmulator,
  stockUp: (emulator: RunningEmulator) => Stock,
  options: { workers?: boolean } = {},
): Promise<{ prisma: PrismaClient; boss: PgBoss; stock: Stock }> {
  const { prisma } = await import("~/db.server");
  const boss = await installShop(emulator);
  const stock = stockUp(emulator);
  await mirrorInventory(emulator);
  if (options.workers) {
    const { startWorkers } = await import("~/worker.server");
    await startWorkers(boss);
  }
  return { prisma, boss, stock };
}

/** Stops this process's job queue (its workers with it), then the emulator. */
export async function stopAppAndEmulator(emulator: RunningEmulator): Promise<void> {
  const { stopJobQueue } = await import("~/jobs/jobs.server");
  await stopJobQueue();
  await emulator.close();
}

/** Waits until every order has a decision whose moves are settled and no routing job is left. */
export async function waitUntilRouted(
  emulator: RunningEmulator,
  boss: PgBoss,
  orderIds: string[],
  timeoutMs = 20_000,
): Promise<void> {
  const { prisma } = await import("~/db.server");
  await eventually(async () => {
    const settled = await prisma.routingDecision.count({
      where: { shop: emulator.shop, orderId: { in: orderIds }, moveStatus: { not: "PENDING" } },
    });
    if (settled < orderIds.length) return false;
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

interface StockedStore {
  id: string;
  latitude: number;
  longitude: number;
}

/** One SKU stocked at the warehouse and two pickup stores only, set in the emulator before the full sync. */
export interface RoutingStock {
  sku: string;
  warehouseId: string;
  /** Where shipped and same-day orders near it go. */
  shipStore: StockedStore;
  /** Where pickup orders are collected. */
  pickupStore: StockedStore;
}

export function stockOneSku(emulator: RunningEmulator): RoutingStock {
  const { locations, inventory } = emulator.scenario;
  const warehouse = locations.find((location) => location.kind === "WAREHOUSE")!;
  const [first, second] = locations.filter(
    (location) =>
      location.kind === "STORE" && location.isActive && location.fulfillsOnlineOrders && location.pickupEnabled,
  );
  const storeOf = (store: typeof first): StockedStore => ({
    id: String(store!.id),
    latitude: store!.address.latitude,
    longitude: store!.address.longitude,
  });
  const stock: RoutingStock = {
    sku: inventory.find((line) => line.locationId === warehouse.id)!.sku,
    warehouseId: String(warehouse.id),
    shipStore: storeOf(first),
    pickupStore: storeOf(second),
  };
  for (const location of locations) {
    const id = String(location.id);
    const available =
      id === stock.warehouseId ? 500 : id === stock.shipStore.id || id === stock.pickupStore.id ? 200 : 0;
    if (available > 0 || emulator.shopify.inventoryOf(emulator.shop, id, stock.sku)) {
      emulator.shopify.setAvailable(emulator.shop, { locationId: id, sku: stock.sku, available });
    }
  }
  return stock;
}

export type DeliveryKind = "SHIPPING" | "PICK_UP" | "LOCAL_DELIVERY";

/** An order of the stocked SKU: shipped or delivered to an address by the ship store, or picked up. */
export function placeStockedOrder(
  emulator: RunningEmulator,
  stock: RoutingStock,
  kind: DeliveryKind,
  quantity = 1,
  customer: { email: string; firstName?: string; lastName?: string } = { email: "shopper@example.com" },
): PlacedOrder {
  const near = stock.shipStore;
  return emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity }],
    deliveryMethod: kind,
    ...(kind === "PICK_UP"
      ? { pickupLocationId: Number(stock.pickupStore.id) }
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
    customer,
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTask } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import { eventually } from "../../../tests/support/jobs";
import {
  type DeliveryKind,
  type RoutingStock,
  placeStockedOrder,
  stockOneSku,
  waitUntilRouted,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
} from "../../../tests/support/routing-app";
import { uniqueShop } from "../../../tests/support/shops";
import type * as StoreTasksModel from "~/models/store-tasks.server";
import type * as SyncModule from "./sync-fulfillment-order.server";
import type * as SyncJobModule from "./sync-fulfillment-order.job.server";

/**
 * Store tasks kept in step with Shopify's fulfilment orders, end to end: orders placed in the
 * local emulator, its webhooks delivered to the app's routes, routing and the sync run by the
 * app's workers, and merchants' moves and cancellations made in the emulator as in the admin.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let model: typeof StoreTasksModel;
let sync: typeof SyncModule;
let syncJob: typeof SyncJobModule;
let stock: RoutingStock;

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  model = await import("~/models/store-tasks.server");
  sync = await import("./sync-fulfillment-order.server");
  syncJob = await import("./sync-fulfillment-order.job.server");
  ({ prisma, boss, stock } = await installAppOn(emulator, stockOneSku, { workers: true }));
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

async function pendingJobs(pattern: string): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE $1 AND state IN ('created', 'retry', 'active')`,
      [pattern],
    );
  return (rows[0] as { n: number }).n;
}

/** The jobs still to run, with their last error, for a failure to say what was stuck. */
async function stuckJobs(): Promise<string> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT name, state, data, output FROM pgboss.job
        WHERE (name LIKE 'routing.%' OR name LIKE 'store-tasks.%') AND state IN ('created', 'retry', 'active')`,
    [],
  );
  return JSON.stringify(rows);
}

/** Waits until webhooks are delivered and no routing or store-task job is left. */
async function settled(): Promise<void> {
  const drained = async (pattern: string) => (await pendingJobs(pattern)) === 0;
  try {
    await emulator.webhooks.idle();
    await eventually(async () => (await drained("routing.%")) && (await drained("store-tasks.%")));
    await emulator.webhooks.idle();
    await eventually(() => drained("store-tasks.%"));
  } catch (error) {
    throw new Error(`Jobs still pending: ${await stuckJobs()}`, { cause: error });
  }
}

async function routedAndSynced(placed: PlacedOrder[]): Promise<void> {
  await waitUntilRouted(
    emulator,
    boss,
    placed.map((order) => numeric(order.id)),
  );
  await settled();
}

function placePickup(quantity = 2): PlacedOrder {
  return emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
}

function place(kind: DeliveryKind): PlacedOrder {
  return kind === "PICK_UP" ? placePickup() : placeStockedOrder(emulator, stock, kind);
}

function tasksOf(order: PlacedOrder): Promise<StoreTask[]> {
  return prisma.storeTask.findMany({
    where: { shop: emulator.shop, orderId: numeric(order.id) },
    orderBy: { createdAt: "asc" },
  });
}

function openFulfillmentOrder(order: PlacedOrder) {
  const open = emulator.shopify
    .fulfillmentOrdersOf(emulator.shop, order.id)
    .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED");
  expect(open).toHaveLength(1);
  return open[0]!;
}

/** The steps of the order's customer messages planned so far (each once, whatever its channel or outcome). */
async function plannedSteps(order: PlacedOrder): Promise<string[]> {
  const rows = await prisma.notification.findMany({
    where: { shop: emulator.shop, orderId: numeric(order.id) },
    select: { step: true },
  });
  return [...new Set(rows.map((row) => row.step))];
}

/** The sync's own dependencies, counting the Admin API clients it asks for (one per read of Shopify). */
function countingAdminReads(): { deps: SyncModule.StoreTaskSyncDependencies; reads: () => number } {
  let reads = 0;
  const deps = {
    ...sync.defaultStoreTaskSyncDependencies,
    client: (shop: string) => {
      reads += 1;
      return sync.defaultStoreTaskSyncDependencies.client(shop);
    },
  };
  return { deps, reads: () => reads };
}

/** The merchant moves a fulfilment order in the Shopify admin: the same mutation, not made by the app's jobs. */
async function merchantMoves(
  fulfillmentOrderId: string,
  toLocationId: string,
  lineItems?: { id: string; quantity: number }[],
) {
  const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
  const { moveFulfillmentOrder } = await import("~/shopify/operations/fulfillment-order-move.server");
  await moveFulfillmentOrder(adminClientForShop(emulator.shop), {
    fulfillmentOrderId,
    newLocationId: `gid://shopify/Location/${toLocationId}`,
    ...(lineItems ? { lineItems } : {}),
  });
  await settled();
}

describe("an order routed to a store", () => {
  it("for pickup gives the shopper's store one task, with the order's lines, name and customer", async () => {
    const order = placePickup();
    await routedAndSynced([order]);

    const tasks = await tasksOf(order);
    expect(tasks).toHaveLength(1);
    const task = await model.findStoreTask(prisma, emulator.shop, stock.pickupStore.id, tasks[0]!.id);
    const variant = emulator.scenario.products
      .flatMap((product) => product.variants.map((v) => ({ ...v, productTitle: product.title })))
      .find((v) => v.sku === stock.sku)!;
    expect(task).toMatchObject({
      kind: "PICKUP",
      state: "NEW",
      orderName: order.name,
      customerName: "Ada Lovelace",
      fulfillmentOrderId: numeric(order.fulfillmentOrders[0]!.id),
      endedAt: null,
    });
    expect(task!.pickupCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
    expect(task!.lines).toMatchObject([
      {
        lineItemId: numeric(order.fulfillmentOrders[0]!.lineItems[0]!.id),
        sku: stock.sku,
        barcode: variant.barcode,
        title: variant.productTitle,
        variantTitle: variant.title,
        quantity: 2,
        picked: 0,
      },
    ]);
    expect(task!.events).toMatchObject([{ fromState: null, toState: "NEW", detail: { kind: "ASSIGNED" } }]);
    const queue = await model.listLocationQueue(prisma, emulator.shop, stock.pickupStore.id);
    expect(queue.find((queued) => queued.id === task!.id)).toMatchObject({ units: 2, lineCount: 1 });
  });

  it("for shipping from the warehouse gives the store it is moved to a SHIP task, and the warehouse none", async () => {
    const order = place("SHIPPING");
    expect(numeric(order.fulfillmentOrders[0]!.locationId)).toBe(stock.warehouseId);
    await routedAndSynced([order]);

    const tasks = await tasksOf(order);
    expect(tasks).toMatchObject([{ locationId: stock.shipStore.id, kind: "SHIP", state: "NEW" }]);
    expect(await prisma.storeTask.count({ where: { shop: emulator.shop, locationId: stock.warehouseId } })).toBe(0);
  });

  it.each([
    ["shipping", "moved to", "the move's answer", "SHIPPING", "SHIP"],
    ["pickup", "left at", "its own read", "PICK_UP", "PICKUP"],
  ] as const)(
    "for %s has the task of the store it is %s made by the routing job from %s, with no sync of its own",
    async (_delivery, _settled, _source, kind, taskKind) => {
      const grace = { email: "grace@example.com", firstName: "Grace", lastName: "Hopper" };
      const order = placeStockedOrder(emulator, stock, kind, 1, grace);
      const store = kind === "PICK_UP" ? stock.pickupStore : stock.shipStore;
      const fulfillmentOrderId = numeric(order.fulfillmentOrders[0]!.id);
      await routedAndSynced([order]);

      const [task] = await tasksOf(order);
      const detail = await model.findStoreTask(prisma, emulator.shop, store.id, task!.id);
      expect(detail).toMatchObject({
        fulfillmentOrderId,
        kind: taskKind,
        state: "NEW",
        orderName: order.name,
        customerName: "Grace Hopper",
        lines: [{ sku: stock.sku, quantity: 1, picked: 0 }],
      });
      expect(detail!.dueAt).not.toBeNull();
      expect(await plannedSteps(order)).not.toEqual([]);
      // Nor queued by fulfillment_orders/moved (decision 045): only the sync queued when Shopify
      // assigned it, which routing cancelled as it ended, having settled the fulfilment order.
      const { rows } = await boss.getDb().executeSql(
        `SELECT data->>'unlessRouted' AS "unlessRouted", state::text AS state FROM pgboss.job
          WHERE name = 'store-tasks.sync-fulfillment-order' AND data->>'fulfillmentOrderId' = $1`,
        [fulfillmentOrderId],
      );
      expect(rows).toEqual([{ unlessRouted: "true", state: "cancelled" }]);
    },
  );

  it("for same-day delivery gives its store an open LOCAL_DELIVERY task", async () => {
    const order = place("LOCAL_DELIVERY");
    await routedAndSynced([order]);

    const open = (await tasksOf(order)).filter((task) => task.state === "NEW");
    expect(open).toMatchObject([{ locationId: stock.shipStore.id, kind: "LOCAL_DELIVERY" }]);
  });

  it("is synced again to no effect: the task is refreshed, nothing is added", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [task] = await tasksOf(order);

    const outcome = await sync.syncFulfillmentOrderTasks({
      shop: emulator.shop,
      fulfillmentOrderId: task!.fulfillmentOrderId,
    });

    expect(outcome).toEqual({ created: [], reopened: [], refreshed: [task!.id], ended: [] });
    const { updatedAt: _refreshedAt, ...unchanged } = task!;
    expect(await tasksOf(order)).toEqual([expect.objectContaining(unchanged)]);
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task!.id } })).toBe(1);
  });

  it("had its sync queued when Shopify assigned it, to run after routing's turn (keyed apart from routing's own)", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const fulfillmentOrderId = numeric(order.fulfillmentOrders[0]!.id);

    const { rows } = await boss.getDb().executeSql(
      `SELECT singleton_key AS key, extract(epoch FROM start_after - created_on)::float AS "delaySeconds"
         FROM pgboss.job WHERE name = 'store-tasks.sync-fulfillment-order' AND data->>'fulfillmentOrderId' = $1
          AND data->>'unlessRouted' = 'true'`,
      [fulfillmentOrderId],
    );
    expect(rows).toMatchObject([{ key: `${emulator.shop}:${fulfillmentOrderId}:unless-routed` }]);
    // tests/setup/test-environment.ts sets the wait to a second.
    expect((rows[0] as { delaySeconds: number }).delaySeconds).toBeGreaterThanOrEqual(0.9);
  });

  it("is not read from Shopify by the sync queued when Shopify assigned it once routing has settled it", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [task] = await tasksOf(order);
    const counting = countingAdminReads();

    const outcome = await sync.syncFulfillmentOrderTasks(
      { shop: emulator.shop, fulfillmentOrderId: task!.fulfillmentOrderId, unlessRouted: true },
      counting.deps,
    );

    expect(outcome).toEqual({ created: [], reopened: [], refreshed: [], ended: [] });
    expect(counting.reads()).toBe(0);
  });

  it("is synced by the sync queued when Shopify assigned it when routing did not settle it (its move failed)", async () => {
    const order = place("SHIPPING");
    await routedAndSynced([order]);
    const original = order.fulfillmentOrders[0]!.id;
    await prisma.fulfillmentMove.updateMany({
      where: { shop: emulator.shop, fulfillmentOrderId: original },
      data: { status: "FAILED" },
    });
    const counting = countingAdminReads();

    await sync.syncFulfillmentOrderTasks(
      { shop: emulator.shop, fulfillmentOrderId: numeric(original), unlessRouted: true },
      counting.deps,
    );

    expect(counting.reads()).toBe(1);
  });

  it("draws its pickup code again when the first draw is another open task's", async () => {
    const [first, second] = [placePickup(1), placePickup(1)];
    await routedAndSynced([first!, second!]);
    const [taken] = await tasksOf(first!);
    const [replaced] = await tasksOf(second!);
    await prisma.storeTask.delete({ where: { id: replaced!.id } });
    const draws = [taken!.pickupCode, "FRESH2"];
    const deps = { ...sync.defaultStoreTaskSyncDependencies, pickupCode: () => draws.shift() ?? "SPARE9" };

    const outcome = await sync.syncFulfillmentOrderTasks(
      { shop: emulator.shop, fulfillmentOrderId: replaced!.fulfillmentOrderId },
      deps,
    );

    expect(outcome.created).toHaveLength(1);
    expect(await tasksOf(second!)).toMatchObject([{ id: outcome.created[0], pickupCode: "FRESH2", state: "NEW" }]);
    expect(draws).toEqual([]);
  });

  it("is named by its order when its sync gives up", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [task] = await tasksOf(order);

    expect(
      await syncJob.storeTasksSyncFulfillmentOrderJob.describeDeadLetter({
        shop: emulator.shop,
        fulfillmentOrderId: task!.fulfillmentOrderId,
      }),
    ).toBe(`Updating the store task of order ${order.name}`);
  });
});

describe("webhooks delivered three times in shuffled order", () => {
  it("give each order exactly one open task, at the store it settled at, created once", async () => {
    emulator.webhooks.setFaults({ duplicateRate: 1, failFirstRate: 1, reorderWindowMs: 100 });
    try {
      const placed = [place("PICK_UP"), place("SHIPPING"), place("LOCAL_DELIVERY"), place("PICK_UP")];
      await emulator.webhooks.idle();
      await routedAndSynced(placed);

      for (const order of placed) {
        const tasks = await tasksOf(order);
        const open = tasks.filter((task) => task.state === "NEW");
        expect(open, order.name).toHaveLength(1);
        expect(open[0]!.locationId, order.name).toBe(numeric(openFulfillmentOrder(order).locationId));
        // A store Shopify assigned first and routing moved away from keeps its ended task.
        expect(tasks.filter((task) => task.state !== "NEW").every((task) => task.endedReason === "MOVED_AWAY")).toBe(
          true,
        );
        for (const task of tasks) {
          expect(await prisma.storeTaskEvent.count({ where: { taskId: task.id, toState: "NEW" } })).toBe(1);
        }
      }
    } finally {
      emulator.webhooks.setFaults({ duplicateRate: 0, failFirstRate: 0, reorderWindowMs: 0 });
    }
  });
});

describe("a merchant's move in the admin", () => {
  it("to another store ends the old store's task as moved away and gives the new store one", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [before] = await tasksOf(order);

    await merchantMoves(openFulfillmentOrder(order).id, stock.shipStore.id);

    const tasks = await tasksOf(order);
    expect(tasks).toMatchObject([
      { id: before!.id, locationId: stock.pickupStore.id, state: "CANCELLED", endedReason: "MOVED_AWAY" },
      { locationId: stock.shipStore.id, state: "NEW", kind: "PICKUP", customerName: "Ada Lovelace" },
    ]);
    const old = await model.findStoreTask(prisma, emulator.shop, stock.pickupStore.id, before!.id);
    expect(old!.events.map((event) => [event.fromState, event.toState])).toEqual([
      [null, "NEW"],
      ["NEW", "CANCELLED"],
    ]);
    expect(
      (await model.listLocationQueue(prisma, emulator.shop, stock.pickupStore.id)).some((t) => t.id === before!.id),
    ).toBe(false);
    // The shopper hears of the first store taking it (Shopify's confirmation) and then of the move.
    expect(await plannedSteps(order)).toEqual(expect.arrayContaining(["SHOPIFY:ORDER_CONFIRMATION", "STORE_CHANGED"]));
  });

  it("and back again reopens the first store's task rather than adding another", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const fo = openFulfillmentOrder(order);

    await merchantMoves(fo.id, stock.shipStore.id);
    await merchantMoves(fo.id, stock.pickupStore.id);

    const tasks = await tasksOf(order);
    expect(tasks.map((task) => [task.locationId, task.state])).toEqual([
      [stock.pickupStore.id, "NEW"],
      [stock.shipStore.id, "CANCELLED"],
    ]);
  });

  it("of some units leaves the store a task with the rest, and gives the other store a task for those moved", async () => {
    const order = placePickup(2);
    await routedAndSynced([order]);
    const fo = openFulfillmentOrder(order);

    await merchantMoves(fo.id, stock.shipStore.id, [{ id: fo.lineItems[0]!.id, quantity: 1 }]);

    const tasks = await tasksOf(order);
    expect(tasks.map((task) => [task.locationId, task.state, task.fulfillmentOrderId === numeric(fo.id)])).toEqual([
      [stock.pickupStore.id, "NEW", true],
      [stock.shipStore.id, "NEW", false],
    ]);
    for (const task of tasks) {
      const withLines = await model.findStoreTask(prisma, emulator.shop, task.locationId, task.id);
      expect(withLines!.lines.map((line) => line.quantity)).toEqual([1]);
    }
  });

  it("of more units into a store that already holds some leaves that store one open task with all of them", async () => {
    const order = placePickup(3);
    await routedAndSynced([order]);
    const atPickupStore = openFulfillmentOrder(order);
    const lineItemId = atPickupStore.lineItems[0]!.id;
    await merchantMoves(atPickupStore.id, stock.shipStore.id, [{ id: lineItemId, quantity: 1 }]);

    // Shopify closes the ship store's fulfilment order and recreates its line with the new unit.
    await merchantMoves(atPickupStore.id, stock.shipStore.id, [{ id: lineItemId, quantity: 1 }]);

    const open = await prisma.storeTask.findMany({
      where: { shop: emulator.shop, orderId: numeric(order.id), state: "NEW" },
      include: { lines: true },
      orderBy: { locationId: "asc" },
    });
    expect(open.map((task) => [task.locationId, task.lines.map((line) => line.quantity)]).sort()).toEqual(
      [
        [stock.pickupStore.id, [1]],
        [stock.shipStore.id, [2]],
      ].sort(),
    );
    const closed = (await tasksOf(order)).filter((task) => task.state === "CANCELLED");
    expect(closed).toMatchObject([{ locationId: stock.shipStore.id, endedReason: "CLOSED" }]);
  });

  it("to the warehouse ends the store's task, and the warehouse gets none", async () => {
    const order = place("SHIPPING");
    await routedAndSynced([order]);
    expect(await tasksOf(order)).toMatchObject([{ locationId: stock.shipStore.id, state: "NEW" }]);

    await merchantMoves(openFulfillmentOrder(order).id, stock.warehouseId);

    expect(await tasksOf(order)).toMatchObject([
      { locationId: stock.shipStore.id, state: "CANCELLED", endedReason: "MOVED_AWAY" },
    ]);
  });
});

describe("a cancelled order", () => {
  it("ends its store's task as cancelled, keeping its history", async () => {
    const order = placePickup();
    await routedAndSynced([order]);

    emulator.shopify.cancelOrder(emulator.shop, order.id);
    await settled();

    const [task] = await tasksOf(order);
    expect(task).toMatchObject({ state: "CANCELLED", endedReason: "CANCELLED" });
    expect(task!.endedAt).not.toBeNull();
    expect(await prisma.storeTaskEvent.count({ where: { taskId: task!.id } })).toBe(2);
    expect(await plannedSteps(order)).toContain("CANCELLED_NOTICE");
  });

  it("recorded by the app while Shopify's answer was on its way ends the task all the same", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [task] = await tasksOf(order);
    // orders/cancelled was recorded; Shopify, as this sync read it, had not cancelled yet.
    await prisma.routedOrder.update({
      where: { shop_orderId: { shop: emulator.shop, orderId: task!.orderId } },
      data: { cancelledAt: new Date() },
    });

    const outcome = await sync.syncFulfillmentOrderTasks({
      shop: emulator.shop,
      fulfillmentOrderId: task!.fulfillmentOrderId,
    });

    expect(outcome.ended).toEqual([{ taskId: task!.id, reason: "CANCELLED" }]);
    expect(outcome.created).toEqual([]);
  });
});

describe("another shop", () => {
  it("never sees this shop's tasks", async () => {
    const order = placePickup();
    await routedAndSynced([order]);
    const [task] = await tasksOf(order);
    const other = uniqueShop();

    expect(await model.findStoreTask(prisma, other, stock.pickupStore.id, task!.id)).toBeNull();
    expect(await model.listLocationQueue(prisma, other, stock.pickupStore.id)).toEqual([]);
    expect(await model.openStoreTasksOfOrder(prisma, other, task!.orderId)).toEqual([]);
  });
});

import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient, StoreTask } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { EmulatorEvent } from "../../../dev/emulator/shopify";
import type { PlacedOrder } from "../../../dev/emulator/shopify/orders";
import {
  webhookAction,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
} from "../../../tests/support/routing-app";
import { webhookRequest } from "../../../tests/support/shopify-app";
import { uniqueShop } from "../../../tests/support/shops";
import {
  must,
  nearestPickupStores,
  placePickupTask,
  queuedJobData,
  stockSkus,
} from "../../../tests/support/store-tasks";
import { DEFAULT_ROUTING_RULES } from "~/domain/routing/rules";
import type { ExceptionStockPolicy } from "~/domain/store-tasks/settings";
import type { AdminClient } from "~/shopify/admin-client.server";
import type * as Actions from "./associate-actions.server";
import type * as Reroute from "./reroute.server";
import type * as Timeline from "./order-timeline.server";
import type * as ZeroStock from "./zero-store-stock.server";
import type { PosCaller } from "./pos-outcome";
import type { ZeroStoreStockJob } from "./zero-store-stock.server";

/**
 * The stock side of an exception, against the embedded database and the local emulator:
 * - SET_SHOPIFY_ZERO sets Shopify's available quantity of the reported SKU at the store to 0,
 *   once, even when Shopify's answer is lost and the job runs again; a sale between the read and
 *   the send is read again, and a give-up shows on the order page. HOLD_OUT_OF_ROUTING leaves
 *   Shopify's stock alone.
 * - Two reroutes at once cannot both send an order to a store's last unit: the first reserves it.
 * - The merchant releasing the app's hold sends the store's task back to picking.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let boss: PgBoss;
let actions: typeof Actions;
let reroute: typeof Reroute;
let timeline: typeof Timeline;
let zeroStock: typeof ZeroStock;
let adminClientForShop: (shop: string, options?: { timeoutMs?: number }) => AdminClient;
let syncTasks: (job: { shop: string; fulfillmentOrderId: string }) => Promise<unknown>;
const shopifyEvents: EmulatorEvent[] = [];

/**
 * Two pickup stores. `common` at both (10 each), `onlyFirst` at the first only (nowhere else has
 * it), `lastUnit` 10 at the first and at the second just the store minimum routing keeps (so one
 * unit routing may take there); none of them anywhere else.
 */
let stores: { first: string; second: string };
let skus: { common: string; onlyFirst: string; lastUnit: string };

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  ({ adminClientForShop } = await import("~/shopify/admin-client-for-shop.server"));
  actions = await import("./associate-actions.server");
  reroute = await import("./reroute.server");
  timeline = await import("./order-timeline.server");
  zeroStock = await import("./zero-store-stock.server");
  ({ syncFulfillmentOrderTasks: syncTasks } = await import("./sync-fulfillment-order.server"));
  emulator.shopify.onEvent((event) => shopifyEvents.push(event));
  ({ prisma, boss } = await installAppOn(emulator, stockStores));
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

function stockStores(): void {
  const [first, second] = nearestPickupStores(emulator);
  stores = { first: String(first.id), second: String(second.id) };
  const [common, onlyFirst, lastUnit] = [...new Set(emulator.scenario.inventory.map((line) => line.sku))];
  skus = { common: common!, onlyFirst: onlyFirst!, lastUnit: lastUnit! };
  const atSecond: Record<string, number> = {
    [skus.common]: 10,
    [skus.onlyFirst]: 0,
    [skus.lastUnit]: DEFAULT_ROUTING_RULES.storeMinUnits,
  };
  stockSkus(emulator, Object.values(skus), (id, sku) =>
    id === stores.first ? 10 : id === stores.second ? atSecond[sku]! : 0,
  );
}

const numeric = (gid: string) => gid.replace(/^.*\//, "");
const requestId = () => crypto.randomUUID();
const caller: () => PosCaller = () => ({
  shop: emulator.shop,
  locationId: stores.first,
  userId: "9001",
  staffMemberId: "501",
});

async function usePolicy(exceptionStockPolicy: ExceptionStockPolicy): Promise<void> {
  const { upsertStoreSettings } = await import("~/models/store-settings.server");
  const { DEFAULT_STORE_SETTINGS } = await import("~/domain/store-tasks/settings");
  await upsertStoreSettings(prisma, emulator.shop, { ...DEFAULT_STORE_SETTINGS, exceptionStockPolicy }, "test");
}

/** A pickup order of one unit each of `lineSkus` at the first store, with its task made by the sync. */
const pickupTask = (lineSkus: string[]) => placePickupTask(emulator, stores.first, lineSkus);

async function report(task: StoreTask, sku: string, reason: "NOT_FOUND" | "DAMAGED"): Promise<void> {
  const line = await prisma.storeTaskLine.findFirstOrThrow({ where: { taskId: task.id, sku } });
  await must(
    actions.reportLineException(caller(), task.id, { requestId: requestId(), lineItemId: line.lineItemId, reason }),
  );
}

const queuedJobs = (queue: string, field: string, value: string) => queuedJobData(boss, queue, field, value);

const availableAtFirst = (sku: string) => emulator.shopify.inventoryOf(emulator.shop, stores.first, sku)?.available;

/** inventory_levels/update events Shopify raised for the SKU at the first store since `since`. */
function levelUpdatesAtFirst(sku: string, since: number): EmulatorEvent[] {
  const item = emulator.scenario.products.flatMap((p) => p.variants).find((v) => v.sku === sku)!.inventoryItemId;
  return shopifyEvents
    .slice(since)
    .filter(
      (event) =>
        event.topic === "inventory_levels/update" &&
        JSON.stringify(event.payload).includes(`"inventory_item_id":${item},`) &&
        JSON.stringify(event.payload).includes(`"location_id":${stores.first},`),
    );
}

async function timelineLabels(order: PlacedOrder): Promise<string[]> {
  const stories = await timeline.storeTimelineOfOrder(emulator.shop, numeric(order.id), "UTC");
  return stories.flatMap((story) => story.steps.map((step) => step.label));
}

/** An order whose `onlyFirst` line is reported damaged and put on hold (no other location has it). */
async function heldOrder(): Promise<{ order: PlacedOrder; task: StoreTask }> {
  emulator.shopify.setAvailable(emulator.shop, { locationId: stores.first, sku: skus.onlyFirst, available: 10 });
  await emulator.webhooks.idle();
  const placed = await pickupTask([skus.common, skus.onlyFirst]);
  await report(placed.task, skus.onlyFirst, "DAMAGED");
  expect(await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: placed.task.id })).toEqual({
    kind: "HELD",
  });
  return placed;
}

const quickClient = (shop: string) => adminClientForShop(shop, { timeoutMs: 500 });

/** The app's client, but a sale of one unit at the first store happens before each of the first `sales` stock sends. */
function clientWithSalesBeforeSends(sku: string, sales: number) {
  let left = sales;
  return (shop: string): AdminClient => {
    const real = quickClient(shop);
    return {
      ...real,
      request(operation, variables, options) {
        if (left > 0 && operation.includes("inventorySetQuantities(")) {
          left--;
          emulator.shopify.setAvailable(emulator.shop, {
            locationId: stores.first,
            sku,
            available: availableAtFirst(sku)! - 1,
          });
        }
        return real.request(operation, variables, options);
      },
    };
  };
}

describe("SET_SHOPIFY_ZERO", () => {
  it("sets Shopify's available quantity of the reported SKU at the store to 0 once, though the answer is lost and the job runs again", async () => {
    await usePolicy("SET_SHOPIFY_ZERO");
    const { task } = await heldOrder();
    const jobs = (await queuedJobs("store-tasks.zero-store-stock", "taskId", task.id)) as ZeroStoreStockJob[];
    expect(jobs).toEqual([{ shop: emulator.shop, taskId: task.id, locationId: stores.first, sku: skus.onlyFirst }]);
    expect(availableAtFirst(skus.onlyFirst)).toBeGreaterThan(0);
    const before = shopifyEvents.length;

    // The first answer is lost: the client sends again under the same key, and Shopify replays it.
    emulator.shopify.holdAnswersTo(["inventorySetQuantities"], { times: 1 });
    const deps = { client: quickClient, now: () => new Date() };
    expect(await zeroStock.zeroStoreStock(jobs[0]!, deps)).toBe("SET_TO_ZERO");
    emulator.shopify.releaseHeldAnswers();
    // The job retried (its completion lost) finds nothing left to do.
    expect(await zeroStock.zeroStoreStock(jobs[0]!, deps)).toBe("ALREADY_ZERO");

    expect(availableAtFirst(skus.onlyFirst)).toBe(0);
    expect(levelUpdatesAtFirst(skus.onlyFirst, before)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ available: 0 }) }),
    ]);
  });

  it("reads again after a sale between the read and the send, and sets 0 on the second try", async () => {
    await usePolicy("SET_SHOPIFY_ZERO");
    const { task } = await heldOrder();
    const [job] = (await queuedJobs("store-tasks.zero-store-stock", "taskId", task.id)) as ZeroStoreStockJob[];
    const deps = { client: clientWithSalesBeforeSends(skus.onlyFirst, 1), now: () => new Date() };
    expect(await zeroStock.zeroStoreStock(job!, deps)).toBe("SET_TO_ZERO");
    expect(availableAtFirst(skus.onlyFirst)).toBe(0);
  });

  it("gives up when the stock keeps changing, and the order page says so", async () => {
    await usePolicy("SET_SHOPIFY_ZERO");
    const { order, task } = await heldOrder();
    const [job] = (await queuedJobs("store-tasks.zero-store-stock", "taskId", task.id)) as ZeroStoreStockJob[];
    const deps = { client: clientWithSalesBeforeSends(skus.onlyFirst, 2), now: () => new Date() };
    expect(await zeroStock.zeroStoreStock(job!, deps)).toBe("GAVE_UP");
    // 10 less the order's unit is 9; a sale before each send leaves 7.
    expect(availableAtFirst(skus.onlyFirst)).toBe(7);
    expect(await timelineLabels(order)).toContainEqual(
      `Shopify's stock of ${skus.onlyFirst} at the store was not set to 0: The store's stock changed while it was being set to 0 (it was 8)`,
    );
  });
});

describe("HOLD_OUT_OF_ROUTING", () => {
  it("leaves Shopify's stock alone: no job sets it", async () => {
    await usePolicy("HOLD_OUT_OF_ROUTING");
    const { task } = await heldOrder();
    expect(await queuedJobs("store-tasks.zero-store-stock", "taskId", task.id)).toEqual([]);
    expect(availableAtFirst(skus.onlyFirst)).toBeGreaterThan(0);
    expect(await prisma.exceptionHold.count({ where: { shop: emulator.shop, sku: skus.onlyFirst } })).toBe(1);
  });
});

describe("two reroutes at once", () => {
  it("do not both send an order to a store's last unit: the first reserves it, the other finds nowhere", async () => {
    await usePolicy("HOLD_OUT_OF_ROUTING");
    const one = await pickupTask([skus.lastUnit]);
    const two = await pickupTask([skus.lastUnit]);
    await report(one.task, skus.lastUnit, "NOT_FOUND");
    await report(two.task, skus.lastUnit, "NOT_FOUND");

    const outcomes = await Promise.all(
      [one, two].map(({ task }) => reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id })),
    );
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["HELD", "MOVED"]);
    const moved = outcomes[0]!.kind === "MOVED" ? one : two;
    expect(outcomes.find((outcome) => outcome.kind === "MOVED")).toEqual({
      kind: "MOVED",
      toLocationIds: [stores.second],
    });

    const reservations = () =>
      prisma.inventoryReservation.findMany({
        where: { shop: emulator.shop, orderId: { in: [numeric(one.order.id), numeric(two.order.id)] } },
      });
    expect(await reservations()).toEqual([
      expect.objectContaining({
        orderId: numeric(moved.order.id),
        locationId: stores.second,
        sku: skus.lastUnit,
        quantity: 1,
        reflectedAfter: expect.any(Date),
      }),
    ]);
    // Cleared as a routing decision's is: once the mirror shows the move's units committed there.
    await emulator.webhooks.idle();
    expect(await reservations()).toEqual([expect.objectContaining({ clearedReason: "REFLECTED" })]);
  });
});

describe("the merchant releasing the app's hold", () => {
  it("sends the store's task back to picking, keeping what was picked, once", async () => {
    await usePolicy("HOLD_OUT_OF_ROUTING");
    emulator.shopify.setAvailable(emulator.shop, { locationId: stores.first, sku: skus.onlyFirst, available: 10 });
    await emulator.webhooks.idle();
    const { order, task } = await pickupTask([skus.common, skus.onlyFirst]);
    await must(actions.scanForTask(caller(), task.id, { requestId: requestId(), code: skus.common }));
    await report(task, skus.onlyFirst, "NOT_FOUND");
    expect(await reroute.rerouteExceptionLines({ shop: emulator.shop, taskId: task.id })).toEqual({ kind: "HELD" });

    const progressReports = async () =>
      (await queuedJobs("store-tasks.shopify-effect", "taskId", task.id)).filter(
        (job) => (job as { effect: string }).effect === "REPORT_PROGRESS",
      ).length;
    const reportsBefore = await progressReports();

    const release = `mutation TestReleaseHold($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { userErrors { message } } }`;
    const foGid = `gid://shopify/FulfillmentOrder/${task.fulfillmentOrderId}`;
    await adminClientForShop(emulator.shop).requestUntyped(release, { id: foGid });
    await emulator.webhooks.idle();
    // fulfillment_orders/hold_released reached the app, which queued the sync.
    expect(
      await queuedJobs("store-tasks.sync-fulfillment-order", "fulfillmentOrderId", task.fulfillmentOrderId),
    ).toEqual(expect.arrayContaining([{ shop: emulator.shop, fulfillmentOrderId: task.fulfillmentOrderId }]));

    await syncTasks({ shop: emulator.shop, fulfillmentOrderId: task.fulfillmentOrderId });
    await syncTasks({ shop: emulator.shop, fulfillmentOrderId: task.fulfillmentOrderId });

    const after = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id }, include: { lines: true } });
    expect(after.state).toBe("PICKING");
    expect(after.lines.map((line) => [line.sku, line.picked, line.exceptionReason, line.takenOffAt]).sort()).toEqual(
      [
        [skus.common, 1, null, null],
        [skus.onlyFirst, 0, null, null],
      ].sort(),
    );
    const labels = await timelineLabels(order);
    expect(labels.filter((label) => label.startsWith("Hold released"))).toEqual(["Hold released — back to picking"]);
    // Routing still leaves the SKU out at the store until Shopify next reports its stock there.
    expect(
      await prisma.exceptionHold.count({
        where: { shop: emulator.shop, locationId: stores.first, sku: skus.onlyFirst },
      }),
    ).toBe(1);
    // Shopify is told picking resumed: one more progress report is queued.
    expect(await progressReports()).toBe(reportsBefore + 1);
  });
});

describe("forged or malformed fulfillment_orders/hold_released webhooks", () => {
  it("answer 401 for a wrong signature and 400 for a body without its fulfilment order, storing nothing", async () => {
    const path = "/webhooks/fulfillment_orders/hold_released";
    const topic = "fulfillment_orders/hold_released";
    const shop = uniqueShop();
    const action = (await webhookAction(path))!;
    const send = (body: string, hmac?: string) =>
      action({ request: webhookRequest(path, { topic, shop, body, hmac }), params: {}, context: {} });
    const good = JSON.stringify({ fulfillment_order: { id: "gid://shopify/FulfillmentOrder/1", status: "open" } });
    const answers = await Promise.all([
      send(good, "bm90IHRoZSBzaWduYXR1cmU="),
      send(JSON.stringify({ unexpected: true })),
      send(JSON.stringify({ fulfillment_order: { id: "gid://shopify/Order/1", status: "open" } })),
      send("not json"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 400, 400, 400]);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await queuedJobs("store-tasks.sync-fulfillment-order", "shop", shop)).toEqual([]);
  });
});

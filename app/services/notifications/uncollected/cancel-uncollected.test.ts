import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../../dev/emulator/server";
import type { PlacedOrder } from "../../../../dev/emulator/shopify/orders";
import { seedPickupTask } from "../../../../tests/support/pickup-tasks";
import {
  type RoutingStock,
  installAppOn,
  startEmulatorForApp,
  stopAppAndEmulator,
  stockOneSku,
} from "../../../../tests/support/routing-app";
import { uniqueShop } from "../../../../tests/support/shops";
import type { NotificationSettings } from "~/domain/notifications";
import type * as Sweep from "./cancel-uncollected.server";

/**
 * The uncollected-orders sweep against the embedded database and the local emulator's Shopify:
 * pickup orders placed in the emulator, their store tasks made by the app's sync and marked ready
 * some days ago, and the policy's cancels seen in Shopify's own state.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let stock: RoutingStock;
let sweep: typeof Sweep;
const DAY = 24 * 60 * 60_000;
const cancelledEvents: string[] = [];

beforeAll(async () => {
  emulator = await startEmulatorForApp();
  sweep = await import("./cancel-uncollected.server");
  ({ prisma, stock } = await installAppOn(emulator, stockOneSku));
  emulator.shopify.onEvent((event) => {
    if (event.topic === "orders/cancelled") cancelledEvents.push(String((event.payload as { id: number }).id));
  });
  await setPolicy(emulator.shop, { autoCancel: true, days: 7 });
}, 30_000);

afterEach(() => {
  emulator.shopify.releaseHeldAnswers();
});

afterAll(async () => {
  await stopAppAndEmulator(emulator);
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");

async function setPolicy(shop: string, policy: Partial<NotificationSettings["uncollected"]>): Promise<void> {
  const { DEFAULT_NOTIFICATION_SETTINGS } = await import("~/domain/notifications");
  const { upsertNotificationSettings } = await import("~/models/notification-settings.server");
  const settings = {
    ...DEFAULT_NOTIFICATION_SETTINGS,
    uncollected: { ...DEFAULT_NOTIFICATION_SETTINGS.uncollected, ...policy },
  };
  await upsertNotificationSettings(prisma, shop, settings, "test");
}

/** A pickup order placed in Shopify whose store task the app made and marked ready `daysAgo` before `now`. */
async function readyPickup(now: Date, daysAgo: number): Promise<PlacedOrder> {
  const { syncFulfillmentOrderTasks } = await import("~/services/store-tasks/sync-fulfillment-order.server");
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 2 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncFulfillmentOrderTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) });
  const ready = await prisma.storeTask.updateMany({
    where: { shop: emulator.shop, orderId: numeric(order.id) },
    data: { state: "READY", readyAt: new Date(now.getTime() - daysAgo * DAY) },
  });
  expect(ready.count).toBe(1);
  return order;
}

const rowOf = (order: PlacedOrder, shop = emulator.shop) =>
  prisma.uncollectedCancellation.findUnique({ where: { shop_orderId: { shop, orderId: numeric(order.id) } } });

const shopifyStatuses = (order: PlacedOrder) =>
  emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id).map((fo) => fo.status);

const timesCancelled = (order: PlacedOrder) => cancelledEvents.filter((id) => id === numeric(order.id)).length;

const outcomeOf = (result: Sweep.ShopSweep, order: PlacedOrder) =>
  result.outcomes.filter((entry) => entry.orderId === numeric(order.id)).map((entry) => entry.outcome);

describe("the uncollected-orders sweep", () => {
  it("cancels in Shopify an order ready D days ago, restocking and refunding, and leaves one ready D-1 days ago", async () => {
    const now = new Date();
    const due = await readyPickup(now, 7.1);
    const notYet = await readyPickup(now, 6);
    const before = emulator.shopify.inventoryOf(emulator.shop, stock.pickupStore.id, stock.sku)!;

    const result = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now);

    expect(outcomeOf(result, due)).toEqual(["CANCELLED"]);
    expect(await rowOf(due)).toMatchObject({
      status: "CANCELLED",
      reason: "Not collected within 7 days",
      restock: true,
      refund: true,
      settledAt: now,
    });
    expect(shopifyStatuses(due)).toEqual(["CLOSED"]);
    expect(emulator.shopify.inventoryOf(emulator.shop, stock.pickupStore.id, stock.sku)).toMatchObject({
      available: before.available + 2,
      committed: before.committed - 2,
    });
    expect(outcomeOf(result, notYet)).toEqual([]);
    expect(await rowOf(notYet)).toBeNull();
    expect(shopifyStatuses(notYet)).toEqual(["OPEN"]);
  });

  it("cancels once when run twice", async () => {
    const now = new Date();
    const order = await readyPickup(now, 8);

    await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now);
    const second = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, new Date(now.getTime() + 60 * 60_000));

    expect(outcomeOf(second, order)).toEqual([]);
    expect(timesCancelled(order)).toBe(1);
    expect(await rowOf(order)).toMatchObject({ status: "CANCELLED" });
  });

  it("skips an order collected in Shopify that the app still shows ready, asking no cancel", async () => {
    const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
    const { createStoreTaskFulfillment } =
      await import("~/shopify/operations/fulfillment-create-for-store-task.server");
    const now = new Date();
    const order = await readyPickup(now, 9);
    const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
    await createStoreTaskFulfillment(adminClientForShop(emulator.shop), {
      fulfillmentOrderId: numeric(fo!.id),
      notifyCustomer: false,
    });

    const result = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now);

    expect(outcomeOf(result, order)).toEqual(["SKIPPED"]);
    expect(await rowOf(order)).toMatchObject({ status: "SKIPPED", reason: "Collected (fulfilled in Shopify)" });
    expect(timesCancelled(order)).toBe(0);
  });

  it("records Shopify's refusal in words as FAILED, and carries on with the other orders", async () => {
    const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
    const now = new Date();
    const refused = await readyPickup(now, 12);
    const next = await readyPickup(now, 11);
    // The merchant cancels it in the admin between the sweep's re-read and its cancel.
    const client = (shop: string) => {
      const real = adminClientForShop(shop);
      return {
        ...real,
        shop,
        request: ((operation, variables, options) => {
          const orderId = (variables as { orderId?: string }).orderId;
          if (String(operation).includes("UncollectedOrderCancel") && orderId === refused.id) {
            emulator.shopify.cancelOrder(emulator.shop, refused.id);
          }
          return real.request(operation, variables, options);
        }) as typeof real.request,
      };
    };

    const result = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now, { client });

    expect(outcomeOf(result, refused)).toEqual(["FAILED"]);
    expect(await rowOf(refused)).toMatchObject({
      status: "FAILED",
      reason: "Shopify refused: Order has already been cancelled",
    });
    expect(outcomeOf(result, next)).toEqual(["CANCELLED"]);
  });

  it("keeps a cancel whose answer was lost REQUESTED, and settles it after re-reading, never asking twice", async () => {
    const { adminClientForShop } = await import("~/shopify/admin-client-for-shop.server");
    const now = new Date();
    const order = await readyPickup(now, 10);
    emulator.shopify.holdAnswersTo(["orderCancel"], { times: 1 });
    const impatient = (shop: string) => adminClientForShop(shop, { timeoutMs: 300 });

    const lost = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now, { client: impatient });
    const tooSoon = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, new Date(now.getTime() + 60_000));

    expect(outcomeOf(lost, order)).toEqual(["UNSETTLED"]);
    expect(outcomeOf(tooSoon, order)).toEqual([]);
    expect(await rowOf(order)).toMatchObject({
      status: "REQUESTED",
      reason: expect.stringMatching(/^No answer from Shopify/),
    });
    expect(timesCancelled(order)).toBe(1);

    const later = new Date(now.getTime() + sweep.STALE_CLAIM_MS + 60_000);
    const resumed = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, later);

    expect(outcomeOf(resumed, order)).toEqual(["CANCELLED"]);
    expect(await rowOf(order)).toMatchObject({ status: "CANCELLED", settledAt: later });
    expect(timesCancelled(order)).toBe(1);
  });

  it("re-reads a claim a killed run left REQUESTED and cancels the order when Shopify still shows it waiting", async () => {
    const now = new Date();
    const order = await readyPickup(now, 3);
    await prisma.uncollectedCancellation.create({
      data: {
        shop: emulator.shop,
        orderId: numeric(order.id),
        status: "REQUESTED",
        restock: false,
        refund: false,
        requestedAt: new Date(now.getTime() - 2 * 60 * 60_000),
      },
    });

    const result = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now);

    expect(outcomeOf(result, order)).toEqual(["CANCELLED"]);
    expect(timesCancelled(order)).toBe(1);
    expect(await rowOf(order)).toMatchObject({ status: "CANCELLED", restock: false, refund: false });
  });

  it("does nothing for a shop whose policy is off, and leaves other shops' orders alone", async () => {
    const now = new Date();
    const off = uniqueShop();
    const other = uniqueShop();
    await setPolicy(off, { autoCancel: false });
    await setPolicy(other, { autoCancel: true });
    const order = await readyPickup(now, 20);
    for (const shop of [off, other]) {
      await seedPickupTask(prisma, shop, {
        orderId: numeric(order.id),
        locationId: stock.pickupStore.id,
        state: "READY",
        readyAt: new Date(now.getTime() - 20 * DAY),
      });
    }
    const { shopsWithAutoCancelOn } = await import("~/models/uncollected-cancellations.server");

    const offSweep = await sweep.cancelUncollectedOrdersOfShop(off, now);
    const ownSweep = await sweep.cancelUncollectedOrdersOfShop(emulator.shop, now);

    expect(offSweep.outcomes).toEqual([]);
    expect(await rowOf(order, off)).toBeNull();
    expect(outcomeOf(ownSweep, order)).toEqual(["CANCELLED"]);
    expect(await rowOf(order, other)).toBeNull();
    expect(await shopsWithAutoCancelOn(prisma)).toEqual(expect.arrayContaining([emulator.shop, other]));
    expect(await shopsWithAutoCancelOn(prisma)).not.toContain(off);
  });
});

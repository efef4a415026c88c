import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { startTestEmulator } from "../../../tests/support/emulator";
import {
  type RoutingStock,
  deliverToApp,
  installShop,
  mirrorInventory,
  stockOneSku,
} from "../../../tests/support/routing-app";
import type * as SyncModule from "./sync-fulfillment-order.server";

/**
 * The due time the sync gives a store task it creates, from the store's profile (time zone,
 * opening hours, preparation time) and the shop's settings, at a fixed time.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let stopJobQueue: () => Promise<void>;
let sync: typeof SyncModule;
let stock: RoutingStock;

beforeAll(async () => {
  emulator = await startTestEmulator(deliverToApp);
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ prisma } = await import("~/db.server"));
  ({ stopJobQueue } = await import("~/jobs/jobs.server"));
  sync = await import("./sync-fulfillment-order.server");
  await installShop(emulator);
  stock = stockOneSku(emulator);
  await mirrorInventory(emulator);
}, 30_000);

afterAll(async () => {
  await stopJobQueue();
  await emulator.close();
});

const numeric = (gid: string) => gid.replace(/^.*\//, "");
const TEN_TO_SIX = { open: "10:00", close: "18:00" };
const EVERY_DAY_TEN_TO_SIX = Object.fromEntries(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((day) => [day, TEN_TO_SIX]),
);

/** Places a pickup order at the pickup store and syncs its fulfilment order at `at`; returns its task's dueAt. */
async function pickupTaskDueAt(at: Date): Promise<Date | null> {
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 1 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await sync.syncFulfillmentOrderTasks(
    { shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) },
    { ...sync.defaultStoreTaskSyncDependencies, now: () => at },
  );
  const task = await prisma.storeTask.findFirstOrThrow({ where: { shop: emulator.shop, orderId: numeric(order.id) } });
  expect(task.assignedAt).toEqual(at);
  return task.dueAt;
}

function setPickupStoreProfile(values: {
  openingHours: Record<string, { open: string; close: string }>;
  preparationMinutes: number | null;
}) {
  return prisma.locationProfile.update({
    where: { shop_locationId: { shop: emulator.shop, locationId: stock.pickupStore.id } },
    data: {
      timeZone: "America/Chicago",
      openingHours: values.openingHours,
      preparationMinutes: values.preparationMinutes,
    },
  });
}

describe("a store task's due time, as the sync sets it", () => {
  it("is the preparation time counted in the Chicago store's opening hours, carried over to the next morning", async () => {
    await setPickupStoreProfile({ openingHours: EVERY_DAY_TEN_TO_SIX, preparationMinutes: 90 });

    // Monday 5 January 2026, 17:30 in Chicago (CST): 30 minutes before closing.
    const dueAt = await pickupTaskDueAt(new Date("2026-01-05T23:30:00Z"));

    // 30 minutes on Monday, the other 60 from Tuesday's 10:00 opening: 11:00 CST.
    expect(dueAt).toEqual(new Date("2026-01-06T17:00:00Z"));
  });

  it("takes Shopify's shortest promise, an hour, when the store sets no preparation time", async () => {
    await setPickupStoreProfile({ openingHours: EVERY_DAY_TEN_TO_SIX, preparationMinutes: null });

    // Tuesday 6 January 2026, 12:15 in Chicago.
    const dueAt = await pickupTaskDueAt(new Date("2026-01-06T18:15:00Z"));

    expect(dueAt).toEqual(new Date("2026-01-06T19:15:00Z"));
  });

  it("takes Shopify's 'Usually ready in 4 hours' when the store sets no minutes, as the shopper's promise does", async () => {
    await setPickupStoreProfile({ openingHours: EVERY_DAY_TEN_TO_SIX, preparationMinutes: null });
    const where = { shop_locationId: { shop: emulator.shop, locationId: stock.pickupStore.id } };
    const { pickupTime } = await prisma.location.findUniqueOrThrow({ where, select: { pickupTime: true } });
    await prisma.location.update({ where, data: { pickupTime: "FOUR_HOURS" } });
    try {
      // Wednesday 7 January 2026, 16:00 in Chicago: two hours today, two from Thursday's opening.
      const dueAt = await pickupTaskDueAt(new Date("2026-01-07T22:00:00Z"));

      expect(dueAt).toEqual(new Date("2026-01-08T18:00:00Z"));
    } finally {
      await prisma.location.update({ where, data: { pickupTime } });
    }
  });
});

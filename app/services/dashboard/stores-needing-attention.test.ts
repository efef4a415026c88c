import { describe, expect, it } from "vitest";
import type { StoreTaskState } from "@prisma/client";
import prisma from "~/db.server";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { storesNeedingAttention } from "./stores-needing-attention.server";

/** The Dashboard's card of stores with late or not-started orders, from tasks seeded at known times. */

// Noon in Chicago.
const NOW = new Date("2026-11-27T18:00:00Z");
let taskNumber = 0;

async function seedTask(shop: string, locationId: string, state: StoreTaskState, assignedAt: string, dueAt?: string) {
  taskNumber += 1;
  await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(7000 + taskNumber),
      orderId: String(8000 + taskNumber),
      orderName: `#${2000 + taskNumber}`,
      locationId,
      kind: "PICKUP",
      state,
      pickupCode: `ATTN${taskNumber}`,
      assignedAt: new Date(assignedAt),
      dueAt: dueAt ? new Date(dueAt) : null,
    },
  });
}

async function shopWithStores(): Promise<string> {
  const shop = uniqueShop();
  await seedMirror(prisma, shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: {} },
    { locationId: "2", name: "Bolingbrook warehouse", kind: "WAREHOUSE", lat: 41.7, lng: -88.07, stock: {} },
    { locationId: "3", name: "Evanston", kind: "STORE", lat: 42.05, lng: -87.69, stock: {} },
  ]);
  return shop;
}

describe("stores needing attention", () => {
  it("is empty when every store's orders are on time and started", async () => {
    const shop = await shopWithStores();
    // New for 10 minutes (the alert is at 15), due in an hour; one picking, due later.
    await seedTask(shop, "1", "NEW", "2026-11-27T17:50:00Z", "2026-11-27T19:00:00Z");
    await seedTask(shop, "3", "PICKING", "2026-11-27T16:00:00Z", "2026-11-27T18:30:00Z");

    expect(await storesNeedingAttention(shop, NOW)).toEqual([]);
  });

  it("counts each store's late and not-started orders, and leaves out stores with neither", async () => {
    const shop = await shopWithStores();
    // Late and not started: new for an hour, due 30 minutes ago.
    await seedTask(shop, "1", "NEW", "2026-11-27T17:00:00Z", "2026-11-27T17:30:00Z");
    // Late, being picked.
    await seedTask(shop, "1", "PICKING", "2026-11-27T16:00:00Z", "2026-11-27T17:45:00Z");
    // Ready past its due time: the store's part is done, so not late.
    await seedTask(shop, "3", "READY", "2026-11-27T15:00:00Z", "2026-11-27T16:00:00Z");

    expect(await storesNeedingAttention(shop, NOW)).toEqual([
      { locationId: "1", name: "Loop", late: 2, notStarted: 1 },
    ]);
  });

  it("is empty for a shop without stores", async () => {
    expect(await storesNeedingAttention(uniqueShop(), NOW)).toEqual([]);
  });
});

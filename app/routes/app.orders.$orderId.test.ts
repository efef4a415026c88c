import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { shippedOrderFacts } from "../../tests/support/order-facts";
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
  await createDecision(prisma, emulator.shop, {
    orderId,
    status: "ROUTED",
    assignments: [{ locationId: "1001", lines: [{ sku: "TEE-M", quantity: 1 }], cost: 9.15, distanceMiles: 1.2 }],
    flags: ["SLA_AT_RISK"],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod: "SHIPPING",
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: new Date("2026-11-27T15:04:30Z"),
    moveStatus: "DONE",
  });
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

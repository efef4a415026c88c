import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../tests/support/emulator";
import { shippedOrderFacts } from "../../tests/support/order-facts";
import { uniqueShop } from "../../tests/support/shops";
import { TEST_APP } from "../../tests/support/shopify-app";
import type { loader as orderLoader } from "./app.orders.$orderId";

/**
 * The order page's "Customer messages": what the cadence planned for the order (as the store
 * marking it ready plans it), Shopify's own messages among them, in the store's zone.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof orderLoader;

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader } = await import("./app.orders.$orderId"));
  ({ prisma } = await import("~/db.server"));
  await prisma.location.create({
    data: {
      shop: emulator.shop,
      locationId: "1001",
      name: "Lincoln Park",
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      syncedAt: new Date(),
      profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
    },
  });
});

afterAll(async () => {
  await emulator.close();
});

async function seedPickupOrder(shop: string, orderId: string): Promise<void> {
  const { upsertOrderFacts } = await import("~/models/routed-orders.server");
  const { createDecision } = await import("~/models/routing-decisions.server");
  const { upsertOrderContact } = await import("~/models/order-contacts.server");
  await upsertOrderFacts(
    prisma,
    shop,
    shippedOrderFacts(orderId, { deliveryMethod: "PICK_UP", pickupLocationId: "1001" }),
    "WEBHOOK",
  );
  await createDecision(prisma, shop, {
    orderId,
    status: "ROUTED",
    assignments: [{ locationId: "1001", lines: [{ sku: "TEE-M", quantity: 1 }], cost: 0, distanceMiles: 0 }],
    flags: [],
    unroutableSkus: [],
    trace: { stages: [] },
    deliveryMethod: "PICK_UP",
    serviceLevel: "STANDARD",
    settingsVersion: null,
    decidedAt: new Date("2026-11-27T15:01:00Z"),
    moveStatus: "DONE",
  });
  await upsertOrderContact(prisma, shop, {
    orderId,
    email: "alex.smith@example.com",
    orderPhone: null,
    customerPhone: "+13125550123",
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: true,
  });
}

/** The store marks the order ready at 10:00 in Chicago: the cadence plans its messages. */
async function markReady(shop: string, orderId: string): Promise<void> {
  const { planOrderNotifications } = await import("~/services/notifications/cadence.server");
  await prisma.$transaction((tx) =>
    planOrderNotifications(tx, shop, {
      orderId,
      locationId: "1001",
      deliveryMethod: "PICK_UP",
      event: { type: "READY_FOR_PICKUP", at: new Date("2026-11-27T16:00:00Z") },
    }),
  );
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

describe("an order's customer messages", () => {
  it("says no message has been planned for an order the cadence has not reached", async () => {
    await seedPickupOrder(emulator.shop, "990001");

    expect((await load("990001")).customerMessages).toEqual([]);
  });

  it("shows each planned message with its channel, when it goes in the store's zone, and Shopify's own email", async () => {
    await seedPickupOrder(emulator.shop, "990002");
    await markReady(emulator.shop, "990002");

    const messages = (await load("990002")).customerMessages;

    expect(messages).toContainEqual(
      expect.objectContaining({
        description: "Ready for pickup, with the address and pickup window. Reply HELP for support",
        channelLabel: "SMS",
        statusLabel: "Scheduled for 2026-11-27 10:00 CST",
      }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        description: "Ready for pickup",
        channelLabel: "Email",
        statusLabel: "Sent by Shopify",
        sentByShopify: true,
        canResend: false,
      }),
    );
    expect(messages.every((message) => message.at.endsWith(" CST"))).toBe(true);
    const times = messages.map((message) => message.atIso);
    expect(times).toEqual([...times].sort());
  });

  it("masks the shopper's number once the send has chosen it, and says why a send failed", async () => {
    await prisma.notification.updateMany({
      where: { shop: emulator.shop, orderId: "990002", step: "READY_SMS" },
      data: { status: "FAILED", recipient: "+13125550123", reason: "Unknown destination" },
    });

    const ready = (await load("990002")).customerMessages.find((message) => message.channelLabel === "SMS");

    expect(ready).toMatchObject({
      statusLabel: "Failed — Unknown destination",
      recipient: "+1 •••• ••0123",
      canResend: true,
    });
  });

  it("never shows another shop's messages for an order of the same number", async () => {
    await seedPickupOrder(emulator.shop, "990003");
    const neighbour = uniqueShop();
    await seedPickupOrder(neighbour, "990003");
    await markReady(neighbour, "990003");

    expect((await load("990003")).customerMessages).toEqual([]);
  });
});

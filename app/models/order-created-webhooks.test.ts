import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { shippedOrderFacts } from "../../tests/support/order-facts";
import { installedShop, uniqueShop } from "../../tests/support/shops";
import { recordOrderCreatedOnce } from "./order-created-webhooks.server";
import { findOrderContact, type OrderContactInput } from "./order-contacts.server";
import { findOrderFacts } from "./routed-orders.server";
import type { NewWebhookEvent } from "./webhook-events.server";

function orderCreated(shop: string, eventId: string, orderId: string): NewWebhookEvent {
  return {
    shop,
    topic: "ORDERS_CREATE",
    eventId,
    webhookId: `webhook-${eventId}`,
    apiVersion: "2025-10",
    triggeredAt: new Date("2026-11-27T15:00:01Z"),
    customerId: "7001",
    orderIds: [orderId],
    payload: { id: Number(orderId) },
  };
}

function contactOf(orderId: string, email: string): OrderContactInput {
  return {
    orderId,
    email,
    orderPhone: "+13125550101",
    customerPhone: null,
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: true,
    customerId: "7001",
  };
}

describe("orders/create recorded and applied in one statement", () => {
  it("records a new event and keeps the order's facts and its shopper's contact", async () => {
    const shop = await installedShop();

    const recorded = await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-1", "5001"),
      shippedOrderFacts("5001", { customerId: "7001" }),
      contactOf("5001", "ana@example.com"),
    );

    expect(recorded).toBe(true);
    expect(await prisma.webhookEvent.count({ where: { shop, eventId: "e-1" } })).toBe(1);
    expect(await findOrderFacts(prisma, shop, "5001")).toMatchObject({
      name: "#5001",
      deliveryMethod: "SHIPPING",
      lines: [{ sku: "TEE-M", quantity: 1 }],
      placedAt: new Date("2026-11-27T15:00:00Z"),
      latitude: 41.88,
      customerId: "7001",
    });
    expect(await findOrderContact(prisma, shop, "5001")).toMatchObject({
      email: "ana@example.com",
      orderPhone: "+13125550101",
      smsMarketingConsent: true,
      customerId: "7001",
    });
  });

  it("has no second effect when the same event is delivered again, whatever it carries", async () => {
    const shop = await installedShop();
    await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-1", "5001"),
      shippedOrderFacts("5001"),
      contactOf("5001", "ana@example.com"),
    );

    const again = await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-1", "5001"),
      shippedOrderFacts("5001", { name: "#changed" }),
      contactOf("5001", "someone-else@example.com"),
    );

    expect(again).toBe(false);
    expect((await findOrderFacts(prisma, shop, "5001"))?.name).toBe("#5001");
    expect((await findOrderContact(prisma, shop, "5001"))?.email).toBe("ana@example.com");
  });

  it("keeps what routing learnt of the order when its facts come again under a new event", async () => {
    const shop = await installedShop();
    await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-1", "5001"),
      shippedOrderFacts("5001", { deliveryMethod: "PICK_UP", pickupLocationId: "1001" }),
      contactOf("5001", "ana@example.com"),
    );

    await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-2", "5001"),
      shippedOrderFacts("5001", { deliveryMethod: null, pickupLocationId: null }),
      contactOf("5001", "ana.new@example.com"),
    );

    expect(await findOrderFacts(prisma, shop, "5001")).toMatchObject({
      deliveryMethod: "PICK_UP",
      pickupLocationId: "1001",
    });
    expect((await findOrderContact(prisma, shop, "5001"))?.email).toBe("ana.new@example.com");
  });

  it("keeps nothing for a shop that never installed the app", async () => {
    const shop = uniqueShop();

    const recorded = await recordOrderCreatedOnce(
      prisma,
      orderCreated(shop, "e-1", "5001"),
      shippedOrderFacts("5001"),
      contactOf("5001", "ana@example.com"),
    );

    expect(recorded).toBe(false);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await findOrderFacts(prisma, shop, "5001")).toBeNull();
    expect(await findOrderContact(prisma, shop, "5001")).toBeNull();
  });
});

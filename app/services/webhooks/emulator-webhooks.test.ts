import { afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { findOrderContact } from "~/models/order-contacts.server";
import { findOrderFacts } from "~/models/routed-orders.server";
import { action as ordersCreateRoute } from "~/routes/webhooks.orders.create";
import { listRecentOrders } from "~/services/dashboard/recent-orders.server";
import type { RunningEmulator } from "../../../dev/emulator/server";
import type { FetchFunction } from "../../../dev/emulator/vendors/http-types";
import { startTestEmulator } from "../../../tests/support/emulator";
import { installedShop } from "../../../tests/support/shops";

/** Webhooks as the emulator signs and sends them, received by the app's own routes. */
const ROUTES: Record<string, typeof ordersCreateRoute> = { "/webhooks/orders/create": ordersCreateRoute };

function deliverToApp(alter: (body: string) => string = (body) => body): FetchFunction {
  return async (input, init) => {
    const route = ROUTES[new URL(input).pathname];
    if (!route) return new Response(null, { status: 404 });
    const request = new Request(input, { ...init, body: alter(String(init.body)) });
    return route({ request, params: {}, context: {} });
  };
}

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
});

function placeShippingOrder(running: RunningEmulator) {
  return running.shopify.placeOrder(running.shop, {
    lines: [{ sku: running.scenario.products[0]!.variants[0]!.sku, quantity: 1 }],
    deliveryMethod: "SHIPPING",
    shippingLineTitle: "Standard",
    shippingAddress: {
      address1: "233 S Wacker Dr",
      city: "Chicago",
      provinceCode: "IL",
      zip: "60606",
      countryCode: "US",
      latitude: 41.8789,
      longitude: -87.6359,
    },
    customer: { email: "shopper@example.com", phone: "+13125550123", firstName: "Ada", lastName: "Shopper" },
  });
}

describe("webhooks from the emulator", () => {
  it("pass Shopify's webhook validation and are recorded once", async () => {
    emulator = await startTestEmulator(deliverToApp());
    await installedShop(emulator.shop);
    const order = placeShippingOrder(emulator);
    await emulator.webhooks.idle();

    const deliveries = emulator.webhooks.log().filter((entry) => entry.topic === "orders/create");
    expect(deliveries.map((entry) => entry.status)).toEqual([200]);
    const recent = await listRecentOrders(emulator.shop);
    expect(recent.map((recorded) => recorded.name)).toEqual([order.name]);
    expect(recent[0]).toMatchObject({ units: 1, delivery: "Standard" });
  });

  it("keep the order's random confirmation number (the thank-you page's pass is checked against it) and its shopper's contact, customer id included", async () => {
    emulator = await startTestEmulator(deliverToApp());
    await installedShop(emulator.shop);
    // Every test emulator is the same shop, whose order ids start again: forget the earlier test's.
    await prisma.webhookEvent.deleteMany({ where: { shop: emulator.shop } });
    await prisma.routedOrder.deleteMany({ where: { shop: emulator.shop } });
    await prisma.orderContact.deleteMany({ where: { shop: emulator.shop } });
    const order = placeShippingOrder(emulator);
    await emulator.webhooks.idle();

    const held = await findOrderFacts(prisma, emulator.shop, String(order.legacyResourceId));
    expect(order.confirmationNumber).toMatch(/^[A-Z0-9]{9}$/);
    expect(held?.confirmationNumber).toBe(order.confirmationNumber);
    expect(await findOrderContact(prisma, emulator.shop, String(order.legacyResourceId))).toEqual({
      orderId: String(order.legacyResourceId),
      email: "shopper@example.com",
      orderPhone: "+13125550123",
      customerPhone: "+13125550123",
      shippingPhone: "+13125550123",
      billingPhone: "+13125550123",
      smsMarketingConsent: false,
      // The push recipient: Shopify's numeric customer id.
      customerId: expect.stringMatching(/^[1-9][0-9]*$/),
    });
  });

  it("keep of the order's body only its summary (name, dates, lines, shipping lines): none of the shopper's addresses or contact", async () => {
    emulator = await startTestEmulator(deliverToApp());
    await installedShop(emulator.shop);
    await prisma.webhookEvent.deleteMany({ where: { shop: emulator.shop } });
    const order = placeShippingOrder(emulator);
    await emulator.webhooks.idle();

    const [event] = await prisma.webhookEvent.findMany({ where: { shop: emulator.shop, topic: "ORDERS_CREATE" } });
    const sku = emulator.scenario.products[0]!.variants[0]!.sku;
    expect(event?.payload).toEqual({
      id: String(order.legacyResourceId),
      name: order.name,
      created_at: expect.any(String),
      cancelled_at: null,
      line_items: [{ sku, quantity: 1 }],
      shipping_lines: [{ title: "Standard", code: expect.anything() }],
    });
    const kept = JSON.stringify(event?.payload);
    for (const personal of ["shopper@example.com", "+13125550123", "Wacker", "Ada"])
      expect(kept).not.toContain(personal);
    // It is still found by the customer and order it concerns (customers/redact, data requests).
    expect(event?.orderIds).toEqual([String(order.legacyResourceId)]);
    expect(event?.customerId).toMatch(/^[1-9][0-9]*$/);
  });

  it("reject a tampered body with 401, store nothing, and are retried until the emulator gives up", async () => {
    emulator = await startTestEmulator(deliverToApp((body) => body.replace('"Standard"', '"Free"')));
    await installedShop(emulator.shop);
    const before = await prisma.webhookEvent.count({ where: { shop: emulator.shop } });
    placeShippingOrder(emulator);
    await emulator.webhooks.idle();

    const deliveries = emulator.webhooks.log().filter((entry) => entry.topic === "orders/create");
    expect(deliveries.length).toBeGreaterThan(1);
    expect(new Set(deliveries.map((entry) => entry.status))).toEqual(new Set([401]));
    expect(deliveries.at(-1)?.outcome).toBe("gave-up");
    expect(await prisma.webhookEvent.count({ where: { shop: emulator.shop } })).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { upsertOrderContact } from "~/models/order-contacts.server";
import { upsertOrderFacts } from "~/models/routed-orders.server";
import { seedPickupTask } from "../../../tests/support/pickup-tasks";
import { seedLincolnParkStore } from "../../../tests/support/pickup-stores";
import { uniqueShop } from "../../../tests/support/shops";
import { planNotificationsForTaskState } from "./cadence.server";

/** The planner against the embedded database: whose clock a delivery's messages keep. */

const STORE = "1001";

/** A Chicago store shipping an order to `destination`; the shopper emails for order updates and takes texts. */
async function shippedOrder(orderId: string, destination: { latitude: number; longitude: number }) {
  const shop = uniqueShop();
  await seedLincolnParkStore(prisma, shop, STORE);
  const task = await seedPickupTask(prisma, shop, { orderId, locationId: STORE, kind: "SHIP" });
  await upsertOrderFacts(
    prisma,
    shop,
    {
      orderId,
      name: "#1042",
      placedAt: new Date("2026-11-30T20:00:00Z"),
      deliveryMethod: "SHIPPING",
      pickupLocationId: null,
      shippingLineTitle: "Standard",
      shippingLineCode: "Standard",
      ...destination,
      lines: [{ sku: "TEE-M", quantity: 1 }],
      customerId: "7001",
      confirmationNumber: null,
      cancelledAt: null,
    },
    "WEBHOOK",
  );
  await upsertOrderContact(prisma, shop, {
    orderId,
    email: "ada@example.com",
    orderPhone: null,
    customerPhone: "+13125550177",
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: true,
  });
  return { shop, task };
}

const shippedText = (shop: string, orderId: string) =>
  prisma.notification.findUniqueOrThrow({
    where: { shop_orderId_step_channel: { shop, orderId, step: "SHIPPED_SMS", channel: "SMS" } },
  });

describe("a delivery's messages", () => {
  // 08:30 in Chicago, 06:30 in Los Angeles.
  const shippedAt = new Date("2026-12-01T14:30:00Z");

  it("keep the quiet hours where the parcel goes: shipped from Chicago at 08:30, texted to Los Angeles at 08:00 its time", async () => {
    const { shop, task } = await shippedOrder("7101", { latitude: 34.0522, longitude: -118.2437 });
    await planNotificationsForTaskState(prisma, shop, task, "SHIPPED", shippedAt, true);
    expect((await shippedText(shop, "7101")).sendAt.toISOString()).toBe("2026-12-01T16:00:00.000Z");
  });

  it("go at once to a shopper whose morning has begun", async () => {
    const { shop, task } = await shippedOrder("7102", { latitude: 41.8781, longitude: -87.6298 });
    await planNotificationsForTaskState(prisma, shop, task, "SHIPPED", shippedAt, true);
    expect((await shippedText(shop, "7102")).sendAt.toISOString()).toBe(shippedAt.toISOString());
  });

  it("keep the store's clock when the address has no coordinates", async () => {
    const { shop, task } = await shippedOrder("7103", { latitude: Number.NaN, longitude: Number.NaN });
    await prisma.routedOrder.updateMany({ where: { shop }, data: { latitude: null, longitude: null } });
    await planNotificationsForTaskState(prisma, shop, task, "SHIPPED", shippedAt, true);
    expect((await shippedText(shop, "7103")).sendAt.toISOString()).toBe(shippedAt.toISOString());
  });
});

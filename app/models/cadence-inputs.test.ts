import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { DEFAULT_NOTIFICATION_SETTINGS } from "~/domain/notifications";
import { uniqueShop } from "../../tests/support/shops";
import { readCadenceInputs, readSmsStanding } from "./cadence-inputs.server";

const ORDER = "5001";
const STORE = "70000000002";
const SEND_AT = new Date("2026-12-02T18:30:00.123Z");

/** An order the cadence knows everything about: contact, facts, a message to go, the store's and shop's zones. */
async function seedOrder(shop: string): Promise<void> {
  await prisma.shopInstallation.create({ data: { shop, timeZone: "America/Chicago" } });
  await prisma.location.create({
    data: {
      shop,
      locationId: STORE,
      name: "Wicker Park",
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      syncedAt: new Date(),
      profile: { create: { kind: "STORE", timeZone: "America/Denver" } },
    },
  });
  await prisma.orderContact.create({
    data: { shop, orderId: ORDER, email: "ada@example.com", orderPhone: "+13125550101", customerId: "77" },
  });
  await prisma.routedOrder.create({
    data: {
      shop,
      orderId: ORDER,
      name: "#1001",
      placedAt: new Date("2026-12-02T17:00:00Z"),
      deliveryMethod: "PICK_UP",
      pickupLocationId: STORE,
      latitude: 41.88,
      longitude: -87.63,
      lines: [],
      source: "WEBHOOK",
    },
  });
  await prisma.notification.createMany({
    data: [
      { shop, orderId: ORDER, step: "PICKUP_REMINDER", channel: "EMAIL", sendAt: SEND_AT },
      // Shopify's own messages are kept for the timeline, not planned by the cadence.
      { shop, orderId: ORDER, step: "SHOPIFY:READY_FOR_PICKUP", channel: "EMAIL", sendAt: SEND_AT },
      { shop, orderId: ORDER, step: "ORDER_CONFIRMED", channel: "EMAIL", sendAt: SEND_AT, status: "SENT" },
    ],
  });
}

describe("the cadence's inputs, read in one statement", () => {
  it("hold the order's contact, its messages still to go, the store's and shop's zones and where it goes", async () => {
    const shop = uniqueShop();
    await seedOrder(shop);
    await prisma.shopMessagingAccount.create({
      data: { shop, onesignalAppId: "app-1", onesignalRestApiKeySealed: "sealed" },
    });

    const inputs = await readCadenceInputs(sqlPool, shop, { orderId: ORDER, locationId: STORE });

    expect(inputs).toEqual({
      contact: {
        orderId: ORDER,
        email: "ada@example.com",
        orderPhone: "+13125550101",
        customerPhone: null,
        shippingPhone: null,
        billingPhone: null,
        smsMarketingConsent: false,
        customerId: "77",
      },
      settings: DEFAULT_NOTIFICATION_SETTINGS,
      pending: [{ step: "PICKUP_REMINDER", channel: "EMAIL", sendAt: SEND_AT }],
      storeTimeZone: "America/Denver",
      shopTimeZone: "America/Chicago",
      destination: { latitude: 41.88, longitude: -87.63 },
      chosenPickupLocationId: STORE,
      pushAccountReady: true,
    });
  });

  it("read as nothing known for an order, a store and a shop the app has no record of", async () => {
    const inputs = await readCadenceInputs(sqlPool, uniqueShop(), { orderId: ORDER, locationId: STORE });

    expect(inputs).toEqual({
      contact: null,
      settings: DEFAULT_NOTIFICATION_SETTINGS,
      pending: [],
      storeTimeZone: null,
      shopTimeZone: "UTC",
      destination: null,
      chosenPickupLocationId: null,
      pushAccountReady: false,
    });
  });

  it("never read another shop's order, settings or accounts", async () => {
    const shop = uniqueShop();
    await seedOrder(shop);
    await prisma.notificationSettings.create({
      data: { shop, settings: { emailLogoUrl: "https://example.com/l.png" } },
    });

    const other = await readCadenceInputs(sqlPool, uniqueShop(), { orderId: ORDER, locationId: STORE });

    expect(other).toMatchObject({ contact: null, pending: [], settings: DEFAULT_NOTIFICATION_SETTINGS });
  });

  it("count a push account without its REST API key as not ready", async () => {
    const shop = uniqueShop();
    await prisma.shopMessagingAccount.create({ data: { shop, onesignalAppId: "app-1" } });

    expect((await readCadenceInputs(sqlPool, shop, { orderId: ORDER, locationId: null })).pushAccountReady).toBe(false);
  });
});

describe("a phone's standing for texts, read in one statement", () => {
  it("says whether it opted out, consented and is undeliverable, for this shop only", async () => {
    const shop = uniqueShop();
    const phone = "+13125550101";
    await prisma.smsOptOut.create({ data: { shop, phone, source: "STOP" } });
    await prisma.smsConsent.create({
      data: { shop, phone, scope: "TRANSACTIONAL", source: "checkout", wording: "Yes" },
    });
    await prisma.smsUndeliverableNumber.create({ data: { shop, phone, errorCode: "30006" } });

    expect(await readSmsStanding(sqlPool, shop, phone)).toEqual({
      optedOut: true,
      recordedConsent: true,
      undeliverable: true,
    });
    expect(await readSmsStanding(sqlPool, uniqueShop(), phone)).toEqual({
      optedOut: false,
      recordedConsent: false,
      undeliverable: false,
    });
  });

  it("does not count a consent of another scope", async () => {
    const shop = uniqueShop();
    const phone = "+13125550102";
    await prisma.smsConsent.create({ data: { shop, phone, scope: "MARKETING", source: "checkout", wording: "Yes" } });

    expect((await readSmsStanding(sqlPool, shop, phone)).recordedConsent).toBe(false);
  });
});

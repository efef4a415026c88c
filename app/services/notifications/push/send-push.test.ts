import type { Notification } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorResponse } from "../../../../dev/emulator/vendors/http-types";
import { startLoopbackServer, type LoopbackServer } from "../../../../dev/emulator/vendors/loopback-test-server";
import { PushSandbox } from "../../../../dev/emulator/vendors/push";
import { seedPickupTask } from "../../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../../tests/support/shops";
import type { SendingDependencies } from "../send/send-due.server";
import { seedLincolnParkStore } from "../../../../tests/support/pickup-stores";

/**
 * Push through the sending job, against the embedded database and the emulator's push sandbox
 * (OneSignal's wire protocol) behind a real socket, on a clock the test moves.
 */

const { prisma } = await import("~/db.server");
const { SKIP_REASONS } = await import("~/domain/notifications");
const { createOneSignalClient } = await import("~/integrations/onesignal/onesignal-push.server");
const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
const { upsertOrderContact } = await import("~/models/order-contacts.server");
const { saveShopOneSignalAccount } = await import("~/services/notifications/sms/messaging-account.server");
const { readShopperReach } = await import("~/services/notifications/cadence.server");
const sending = await import("../send/send-due.server");
const { NO_PUSH_ACCOUNT } = await import("./send-push.server");

const APP_ID = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
const REST_API_KEY = "shop-own-onesignal-key";
const STORE = "1001";
// Noon in Chicago (CST, UTC−6): inside every sending window.
const NOON_CHICAGO = new Date("2026-11-30T18:00:00Z");

let clock = NOON_CHICAGO;
let sandbox: PushSandbox;
let api: LoopbackServer;
/** What the sandbox does with the next request: answer, or take it and never answer. */
let mode: "ANSWER" | "TAKE_AND_WITHHOLD" = "ANSWER";
const never = () => new Promise<EmulatorResponse>(() => undefined);

beforeAll(async () => {
  sandbox = new PushSandbox({ appId: APP_ID, restApiKey: REST_API_KEY, now: () => clock, seed: 3 });
  api = await startLoopbackServer(async (request) => {
    const response = await sandbox.handle(request);
    return mode === "TAKE_AND_WITHHOLD" ? never() : response;
  });
});
afterAll(() => api.close());

function deps(): SendingDependencies {
  const push = createOneSignalClient({ apiUrl: api.url, timeoutMs: 300 });
  return {
    // Push only here: Twilio and SendGrid are never called.
    messaging: () => createTwilioMessaging({ apiUrl: "http://127.0.0.1:1", timeoutMs: 100 }),
    emailTransport: () => ({ baseUrl: "http://127.0.0.1:1", timeoutMs: 100 }),
    shopName: async () => "Windy City Outfitters",
    now: () => clock,
    push: () => push,
  };
}

let orderNumber = 7_000_000;

/** A shop with a Chicago store and a pickup order there by a customer, with or without the shop's OneSignal app. */
async function shopWithOrder({
  account = { appId: APP_ID, restApiKey: REST_API_KEY },
}: { account?: { appId: string; restApiKey: string } | null } = {}) {
  const shop = uniqueShop();
  const orderId = String(++orderNumber);
  const customerId = String(8_000_000 + orderNumber);
  await seedLincolnParkStore(prisma as never, shop, STORE);
  await seedPickupTask(prisma as never, shop, { orderId, locationId: STORE, orderName: "#1042" });
  await upsertOrderContact(prisma, shop, {
    orderId,
    email: "ada@example.com",
    orderPhone: null,
    customerPhone: null,
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: false,
    customerId,
  });
  if (account) await saveShopOneSignalAccount(shop, account);
  return { shop, orderId, customerId };
}

function scheduledPush(order: { shop: string; orderId: string }): Promise<Notification> {
  return prisma.notification.create({
    data: {
      shop: order.shop,
      orderId: order.orderId,
      step: "PICKUP_REMINDER_PUSH",
      channel: "PUSH",
      locationId: STORE,
      sendAt: clock,
    },
  });
}

const reread = (row: Notification) => prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
const pushesTo = (customerId: string) => sandbox.list().filter((push) => push.externalIds.includes(customerId));
const emailRowOf = (order: { shop: string; orderId: string }) =>
  prisma.notification.findFirst({
    where: { shop: order.shop, orderId: order.orderId, step: "PICKUP_REMINDER_PUSH", channel: "EMAIL" },
  });

describe("sending push reminders through OneSignal", () => {
  it("sends a due push once, to the customer's external id, keyed by the row's id, naming the store and opening the pass", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const row = await scheduledPush(order);

    const summary = await sending.sendDueNotifications({ shop: order.shop }, deps());
    await sending.sendDueNotifications({ shop: order.shop }, deps());

    const pushes = pushesTo(order.customerId);
    expect(summary).toMatchObject({ sent: 1, failed: 0, unknown: 0, skipped: 0 });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.request).toMatchObject({
      app_id: APP_ID,
      target_channel: "push",
      idempotency_key: row.id,
      include_aliases: { external_id: [order.customerId] },
    });
    expect(pushes[0]!.heading).toBe("Windy City Outfitters");
    expect(pushes[0]!.contents).toBe(
      "Your order #1042 is waiting for you at Lincoln Park, 2001 N Clark St, Chicago, IL 60614.",
    );
    expect(pushes[0]!.url).toMatch(/\/pickup\//);
    expect(await reread(row)).toMatchObject({
      status: "SENT",
      providerMessageId: pushes[0]!.id,
      recipient: order.customerId,
      attempts: 1,
    });
  });

  it("marks a push whose answer was lost UNKNOWN, then sends it again with the same key: one push reaches the shopper", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const row = await scheduledPush(order);

    mode = "TAKE_AND_WITHHOLD";
    const first = await sending.sendDueNotifications({ shop: order.shop }, deps());
    mode = "ANSWER";
    expect(first).toMatchObject({ unknown: 1 });
    expect(await reread(row)).toMatchObject({ status: "UNKNOWN" });
    expect(pushesTo(order.customerId)).toHaveLength(1);

    clock = new Date(clock.getTime() + sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    const reconciled = await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps());

    const pushes = pushesTo(order.customerId);
    expect(reconciled).toMatchObject({ reconciled: 1, sent: 1 });
    expect(pushes).toHaveLength(1);
    expect(await reread(row)).toMatchObject({ status: "SENT", providerMessageId: pushes[0]!.id, attempts: 2 });
  });

  it("falls back to the step's next channel (email) when the shopper has no subscribed device", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const row = await scheduledPush(order);
    sandbox.setSubscribedExternalIds(["someone-else"]);
    try {
      await sending.sendDueNotifications({ shop: order.shop }, deps());
    } finally {
      sandbox.setSubscribedExternalIds(undefined);
    }

    expect(pushesTo(order.customerId)).toEqual([]);
    const settled = await reread(row);
    expect(settled.status).toBe("SKIPPED");
    expect(settled.reason).toContain(SKIP_REASONS.NO_PUSH_SUBSCRIPTION);
    expect(await emailRowOf(order)).toMatchObject({ status: "SCHEDULED", sendAt: clock });
  });

  it("never uses another shop's OneSignal app: a shop without its own falls back, one with a wrong key is refused", async () => {
    clock = NOON_CHICAGO;
    await shopWithOrder(); // a shop with the sandbox's app and key
    const without = await shopWithOrder({ account: null });
    const wrongKey = await shopWithOrder({ account: { appId: APP_ID, restApiKey: "not-this-shops-key" } });
    const [withoutRow, wrongKeyRow] = [await scheduledPush(without), await scheduledPush(wrongKey)];

    await sending.sendDueNotifications({ shop: without.shop }, deps());
    await sending.sendDueNotifications({ shop: wrongKey.shop }, deps());

    expect(pushesTo(without.customerId)).toEqual([]);
    expect(pushesTo(wrongKey.customerId)).toEqual([]);
    expect(await reread(withoutRow)).toMatchObject({
      status: "SKIPPED",
      reason: expect.stringContaining(NO_PUSH_ACCOUNT),
    });
    expect(await emailRowOf(without)).not.toBeNull();
    expect(await reread(wrongKeyRow)).toMatchObject({
      status: "FAILED",
      reason: expect.stringContaining("OneSignal refused it: Access denied"),
    });
  });
});

describe("planning push", () => {
  it("counts on push only when the shop has a OneSignal app and the order a customer", async () => {
    const withApp = await shopWithOrder();
    const withoutApp = await shopWithOrder({ account: null });
    const contact = (order: { orderId: string; customerId: string }, customerId: string | null) => ({
      orderId: order.orderId,
      email: null,
      orderPhone: null,
      customerPhone: null,
      shippingPhone: null,
      billingPhone: null,
      smsMarketingConsent: false,
      customerId,
    });

    const reach = async (shop: string, facts: ReturnType<typeof contact>) =>
      (await readShopperReach(prisma, shop, facts)).reach.hasPushSubscription;
    expect(await reach(withApp.shop, contact(withApp, withApp.customerId))).toBe(true);
    expect(await reach(withApp.shop, contact(withApp, null))).toBe(false);
    expect(await reach(withoutApp.shop, contact(withoutApp, withoutApp.customerId))).toBe(false);
  });
});

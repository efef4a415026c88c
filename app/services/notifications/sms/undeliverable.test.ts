import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchFunction } from "../../../../dev/emulator/vendors/http-types";
import { startLoopbackServer, type LoopbackServer } from "../../../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../../../dev/emulator/vendors/sendgrid";
import { TwilioSandbox } from "../../../../dev/emulator/vendors/twilio";
import { seedPickupTask } from "../../../../tests/support/pickup-tasks";
import { seedLincolnParkStore } from "../../../../tests/support/pickup-stores";
import { uniqueShop } from "../../../../tests/support/shops";

/**
 * Texts that cannot reach the shopper, against the emulator's Twilio sandbox (its signed status
 * callbacks handled by the app's callback handler in this process) and SendGrid sandbox: a
 * landline is remembered and the message is emailed instead, once; a handset that is off falls
 * back without being remembered; the sender and the planner pass a remembered number over.
 */

const { prisma } = await import("~/db.server");
const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
const { saveShopTwilioAccount } = await import("./messaging-account.server");
const { receiveTwilioStatusCallback } = await import("./status-callback.server");
const { sendShopSms } = await import("./send-sms.server");
const { undeliverableText } = await import("./undeliverable.server");
const { sealCredential } = await import("~/services/secrets/credentials-keys.server");
const { sendDueNotifications } = await import("../send/send-due.server");
const { planOrderNotifications } = await import("../cadence.server");

const SHOP_NUMBER = "+13125550000";
const STORE = "1001";
const SENDGRID_KEY = "SG.shop-own.key";
// Noon in Chicago: inside every sending window.
const NOON_CHICAGO = new Date("2026-11-30T18:00:00Z");
const clock = () => NOON_CHICAGO;
const LANDLINE_EMAILED_INSTEAD =
  "Undeliverable by text: Landline or unreachable carrier (30006) — sent by email instead";

const accountSid = `AC${crypto.randomBytes(16).toString("hex")}`;
const authToken = crypto.randomBytes(16).toString("hex");
let twilio: TwilioSandbox;
let twilioApi: LoopbackServer;
let sendgrid: SendgridSandbox;
let sendgridApi: LoopbackServer;

/** Twilio's status callbacks go to the app's handler, at the public URL they were signed for. */
const intoStatusCallback: FetchFunction = (url, init) =>
  receiveTwilioStatusCallback(new Request(url, { method: init.method, headers: init.headers, body: init.body }));

beforeAll(async () => {
  twilio = new TwilioSandbox({
    accountSid,
    authToken,
    messagingServiceNumber: SHOP_NUMBER,
    fetch: intoStatusCallback,
    callbackDelayMs: 1,
    seed: 5,
  });
  twilioApi = await startLoopbackServer((request) => twilio.handle(request));
  sendgrid = new SendgridSandbox({ apiKey: SENDGRID_KEY, now: clock });
  sendgridApi = await startLoopbackServer((request) => sendgrid.handle(request));
});

afterAll(async () => {
  twilio.stop();
  sendgrid.stop();
  await twilioApi.close();
  await sendgridApi.close();
});

let orderNumber = 8_100_000;
let line = 200;

/** A shop with Twilio and SendGrid, a Chicago store and a pickup order whose shopper has a phone and an email. */
async function shopWithOrder() {
  const shop = uniqueShop();
  const orderId = String(++orderNumber);
  const phone = `+1312555${String(line++).padStart(4, "0")}`;
  await seedLincolnParkStore(prisma, shop, STORE);
  await seedPickupTask(prisma as never, shop, { orderId, locationId: STORE, orderName: "#1042" });
  await prisma.orderContact.create({ data: { shop, orderId, email: "ada@example.com", orderPhone: phone } });
  await saveShopTwilioAccount(shop, {
    accountSid,
    authToken,
    messagingServiceSid: `MG${crypto.randomBytes(16).toString("hex")}`,
    smsHelpText: null,
  });
  await prisma.shopMessagingAccount.update({
    where: { shop },
    data: { sendgridApiKeySealed: sealCredential(SENDGRID_KEY), sendgridFromEmail: "orders@windy.example" },
  });
  return { shop, orderId, phone };
}

async function reminderText(order: { shop: string; orderId: string; phone: string }) {
  return prisma.notification.create({
    data: {
      shop: order.shop,
      orderId: order.orderId,
      step: "REMINDER_DAY_2",
      channel: "SMS",
      locationId: STORE,
      recipient: order.phone,
      sendAt: NOON_CHICAGO,
      status: "SENDING",
    },
  });
}

async function textIt(order: { shop: string; phone: string }, notificationId: string) {
  await sendShopSms(
    { shop: order.shop, notificationId, to: order.phone, body: "Your order is still waiting" },
    { messaging: createTwilioMessaging({ apiUrl: twilioApi.url }) },
  );
  await twilio.idle();
}

const messagesOf = (order: { shop: string; orderId: string }) =>
  prisma.notification.findMany({
    where: { shop: order.shop, orderId: order.orderId, step: "REMINDER_DAY_2" },
    orderBy: { channel: "asc" },
    select: { channel: true, status: true, errorCode: true, reason: true },
  });
const remembered = (shop: string) =>
  prisma.smsUndeliverableNumber.findMany({ where: { shop }, select: { phone: true, errorCode: true } });

describe("what Twilio's error codes mean for a text", () => {
  it.each([
    [30006, "REMEMBER_AND_FALL_BACK"], // landline or unreachable carrier
    [30005, "REMEMBER_AND_FALL_BACK"], // unknown handset: no longer in service
    [21211, "REMEMBER_AND_FALL_BACK"], // invalid 'To' number
    [21614, "REMEMBER_AND_FALL_BACK"], // not a mobile number
    [21635, "REMEMBER_AND_FALL_BACK"], // 'To' cannot be a landline
    [30003, "FALL_BACK"], // handset off or out of coverage: for now
    [21610, null], // STOP: opted out, not a bad number
    [30007, null], // carrier filtering: the merchant's problem, not the number's
    [null, null],
  ])("%s: %s", (code, meaning) => {
    expect(undeliverableText(code)).toBe(meaning);
  });
});

describe("a text Twilio cannot deliver", () => {
  it("to a landline (30006): the number is remembered and the reminder is emailed instead, once", async () => {
    const order = await shopWithOrder();
    twilio.markUndeliverable(order.phone, 30006);
    const text = await reminderText(order);

    await textIt(order, text.id);
    // Twilio repeats its callbacks: nothing happens twice.
    const undelivered = twilio.callbacks().find((callback) => callback.params["MessageStatus"] === "undelivered");
    await intoStatusCallback(undelivered!.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "X-Twilio-Signature": undelivered!.signature,
      },
      body: new URLSearchParams(undelivered!.params).toString(),
    });

    expect(await messagesOf(order)).toEqual([
      {
        channel: "SMS",
        status: "FAILED",
        errorCode: "30006",
        reason: LANDLINE_EMAILED_INSTEAD,
      },
      { channel: "EMAIL", status: "SCHEDULED", errorCode: null, reason: null },
    ]);
    expect(await remembered(order.shop)).toEqual([{ phone: order.phone, errorCode: "30006" }]);
  });

  it("to a handset that is off (30003): emailed instead, but the number is not remembered", async () => {
    const order = await shopWithOrder();
    twilio.markUnreachable(order.phone);
    const text = await reminderText(order);

    await textIt(order, text.id);

    expect((await messagesOf(order)).map((row) => [row.channel, row.status])).toEqual([
      ["SMS", "FAILED"],
      ["EMAIL", "SCHEDULED"],
    ]);
    expect(await remembered(order.shop)).toEqual([]);
  });

  it("is remembered for its shop only", async () => {
    const order = await shopWithOrder();
    const other = await shopWithOrder();
    twilio.markUndeliverable(order.phone, 30005);
    await textIt(order, (await reminderText(order)).id);

    expect(await remembered(order.shop)).toEqual([{ phone: order.phone, errorCode: "30005" }]);
    expect(await remembered(other.shop)).toEqual([]);
  });
});

describe("a number remembered as undeliverable", () => {
  it("is not texted by the sender: the message is emailed at once instead", async () => {
    const order = await shopWithOrder();
    await prisma.smsUndeliverableNumber.create({
      data: { shop: order.shop, phone: order.phone, errorCode: "30006", recordedAt: NOON_CHICAGO },
    });
    await prisma.notification.create({
      data: {
        shop: order.shop,
        orderId: order.orderId,
        step: "REMINDER_DAY_2",
        channel: "SMS",
        locationId: STORE,
        sendAt: NOON_CHICAGO,
      },
    });
    const deps = {
      messaging: () => createTwilioMessaging({ apiUrl: twilioApi.url }),
      emailTransport: () => ({ baseUrl: sendgridApi.url }),
      shopName: async () => "Windy City Outfitters",
      now: clock,
    };

    await sendDueNotifications({ shop: order.shop }, deps);
    await sendDueNotifications({ shop: order.shop }, deps);

    expect(twilio.list().filter((record) => record.resource.to === order.phone)).toEqual([]);
    expect(await messagesOf(order)).toEqual([
      {
        channel: "SMS",
        status: "SKIPPED",
        errorCode: "30006",
        reason: LANDLINE_EMAILED_INSTEAD,
      },
      { channel: "EMAIL", status: "SENT", errorCode: null, reason: null },
    ]);
  });

  it("is no way to reach the shopper for the planner: the reminders go by email", async () => {
    const order = await shopWithOrder();
    await prisma.smsUndeliverableNumber.create({
      data: { shop: order.shop, phone: order.phone, errorCode: "21614" },
    });

    await prisma.$transaction((tx) =>
      planOrderNotifications(tx, order.shop, {
        orderId: order.orderId,
        locationId: STORE,
        deliveryMethod: "PICK_UP",
        event: { type: "READY_FOR_PICKUP", at: NOON_CHICAGO },
      }),
    );

    expect((await messagesOf(order)).map((row) => [row.channel, row.status, row.reason])).toEqual([
      ["SMS", "SKIPPED", "Texts cannot reach this number (a landline or an invalid number)"],
      ["EMAIL", "SCHEDULED", null],
    ]);
  });
});

import crypto from "node:crypto";
import type { Notification, NotificationChannel } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorRequest, EmulatorResponse } from "../../../../dev/emulator/vendors/http-types";
import { startLoopbackServer, type LoopbackServer } from "../../../../dev/emulator/vendors/loopback-test-server";
import { SendgridSandbox } from "../../../../dev/emulator/vendors/sendgrid";
import { TwilioSandbox } from "../../../../dev/emulator/vendors/twilio";
import { seedPickupTask } from "../../../../tests/support/pickup-tasks";
import { uniqueShop } from "../../../../tests/support/shops";
import type { SendingDependencies } from "./send-due.server";
import { seedLincolnParkStore } from "../../../../tests/support/pickup-stores";

/**
 * The sending job against the embedded database and the emulator's Twilio and SendGrid
 * sandboxes behind real sockets, through the real SDKs, on a clock the test moves (the
 * sandboxes keep the same clock, as Twilio's list of a number's messages is read by it).
 *
 * A worker process killed mid-send (a real process, as app/services/routing/worker-crash.test.ts
 * does) is sender-crash.test.ts beside this file; the stuck-SENDING case below is what it leaves behind.
 */

const { prisma } = await import("~/db.server");
const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
const { saveShopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
const { sealCredential } = await import("~/services/secrets/credentials-keys.server");
const { upsertOrderContact } = await import("~/models/order-contacts.server");
const sending = await import("./send-due.server");

const SHOP_NUMBER = "+13125550000";
const STORE = "1001";
const SENDGRID_KEY = "SG.shop-own.key";
// Noon in Chicago (CST, UTC−6): inside every sending window.
const NOON_CHICAGO = new Date("2026-11-30T18:00:00Z");

let clock = NOON_CHICAGO;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

interface TwilioUnderTest {
  sandbox: TwilioSandbox;
  api: LoopbackServer;
  /** What the sandbox does with the next create requests: answer, take it and never answer, or never see it. */
  mode: "ANSWER" | "TAKE_AND_WITHHOLD" | "LOSE";
}

const closers: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const never = () => new Promise<EmulatorResponse>(() => undefined);

async function twilioSandbox(): Promise<TwilioUnderTest & { accountSid: string; authToken: string }> {
  const accountSid = `AC${crypto.randomBytes(16).toString("hex")}`;
  const authToken = crypto.randomBytes(16).toString("hex");
  const sandbox = new TwilioSandbox({
    accountSid,
    authToken,
    messagingServiceNumber: SHOP_NUMBER,
    // Status callbacks are the webhook's tests' (app/routes/webhooks.twilio.test.ts): answered and dropped here.
    fetch: async () => new Response(null, { status: 204 }),
    callbackDelayMs: 1,
    now: () => clock,
    seed: 7,
  });
  const under = { sandbox, accountSid, authToken, mode: "ANSWER" } as TwilioUnderTest & {
    accountSid: string;
    authToken: string;
  };
  under.api = await startLoopbackServer(async (request: EmulatorRequest) => {
    const creating = request.method === "POST";
    if (creating && under.mode === "LOSE") return never();
    const response = await sandbox.handle(request);
    return creating && under.mode === "TAKE_AND_WITHHOLD" ? never() : response;
  });
  closers.push(
    () => under.api.close(),
    () => sandbox.stop(),
  );
  return under;
}

let twilio: Awaited<ReturnType<typeof twilioSandbox>>;
let sendgrid: SendgridSandbox;
let sendgridApi: LoopbackServer;
let sendgridMode: "ANSWER" | "TAKE_AND_WITHHOLD" = "ANSWER";

function depsFor(): SendingDependencies {
  const messaging = createTwilioMessaging({ apiUrl: twilio.api.url, timeoutMs: 400 });
  return {
    messaging: () => messaging,
    emailTransport: () => ({ baseUrl: sendgridApi.url, timeoutMs: 400 }),
    shopName: async () => "Windy City Outfitters",
    now: () => clock,
  };
}

beforeAll(async () => {
  twilio = await twilioSandbox();
  sendgrid = new SendgridSandbox({ apiKey: SENDGRID_KEY, now: () => clock });
  sendgridApi = await startLoopbackServer(async (request) => {
    const response = await sendgrid.handle(request);
    return sendgridMode === "TAKE_AND_WITHHOLD" ? never() : response;
  });
  closers.push(
    () => sendgridApi.close(),
    () => sendgrid.stop(),
  );
});

let orderNumber = 5_000_000;
let phoneNumber = 0;

/** A shop with a Chicago store, a pickup order there and its shopper's phone and email. */
async function shopWithOrder({ twilioAccount = true, sendgridAccount = false } = {}) {
  const shop = uniqueShop();
  const orderId = String(++orderNumber);
  // Each order its own shopper, so a test counts only its own texts (555-0100 to 0199: fictional numbers).
  const line = String(100 + (phoneNumber++ % 100)).padStart(4, "0");
  const phone = `+1312555${line}`;
  await seedLincolnParkStore(prisma as never, shop, STORE);
  await seedPickupTask(prisma as never, shop, { orderId, locationId: STORE, orderName: "#1042" });
  await upsertOrderContact(prisma, shop, {
    orderId,
    email: "ada@example.com",
    orderPhone: `(312) 555-${line}`,
    customerPhone: null,
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: false,
  });
  if (twilioAccount) {
    await saveShopTwilioAccount(shop, {
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      messagingServiceSid: `MG${crypto.randomBytes(16).toString("hex")}`,
      smsHelpText: null,
    });
  }
  if (sendgridAccount) {
    await prisma.shopMessagingAccount.upsert({
      where: { shop },
      create: { shop, sendgridApiKeySealed: sealCredential(SENDGRID_KEY), sendgridFromEmail: "orders@windy.example" },
      update: { sendgridApiKeySealed: sealCredential(SENDGRID_KEY), sendgridFromEmail: "orders@windy.example" },
    });
  }
  return { shop, orderId, phone };
}

function scheduled(
  order: { shop: string; orderId: string },
  values: { step?: string; channel?: NotificationChannel; sendAt?: Date } = {},
): Promise<Notification> {
  return prisma.notification.create({
    data: {
      shop: order.shop,
      orderId: order.orderId,
      step: values.step ?? "READY_SMS",
      channel: values.channel ?? "SMS",
      locationId: STORE,
      sendAt: values.sendAt ?? clock,
    },
  });
}

const reread = (notification: Notification) =>
  prisma.notification.findUniqueOrThrow({ where: { id: notification.id } });
const textsTo = (phone: string) => twilio.sandbox.list().filter((record) => record.resource.to === phone);

describe("sending due customer messages", () => {
  it("sends a due ready text once, from the shop's Messaging Service, with the store, the pass and HELP, valid for an hour", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const ready = await scheduled(order);

    const summary = await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    const texts = textsTo(order.phone);
    expect(summary).toMatchObject({ sent: 1, failed: 0, unknown: 0, skipped: 0 });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.resource.body).toMatch(
      /^Windy City Outfitters: your order #1042 is ready for pickup at Lincoln Park, 2001 N Clark St, Chicago, IL 60614\. Show your pickup pass: https?:\/\/\S+\/pickup\/\S+ Reply HELP for support, STOP to opt out\.$/,
    );
    expect(texts[0]!.request).toMatchObject({ ValidityPeriod: "3600", To: order.phone });
    expect(texts[0]!.request["StatusCallback"]).toContain(`nid=${ready.id}`);
    expect(await reread(ready)).toMatchObject({
      status: "SENT",
      providerMessageId: texts[0]!.resource.sid,
      recipient: order.phone,
      sentAt: clock,
      attempts: 1,
    });
  });

  it("sends nothing twice when runs overlap or repeat: each due text goes once", async () => {
    clock = NOON_CHICAGO;
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => shopWithOrder()));
    const rows = await Promise.all(orders.map((order) => scheduled(order)));
    const deps = depsFor();

    await Promise.all(
      orders.flatMap((order) => [1, 2, 3].map(() => sending.sendDueNotifications({ shop: order.shop }, deps))),
    );
    for (const order of orders) await sending.sendDueNotifications({ shop: order.shop }, deps);

    for (const order of orders) expect(textsTo(order.phone)).toHaveLength(1);
    for (const row of rows) expect(await reread(row)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("marks a text UNKNOWN when the sandbox takes it and withholds its answer, then finds it at Twilio without a second text", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const ready = await scheduled(order);
    const deps = depsFor();

    twilio.mode = "TAKE_AND_WITHHOLD";
    const first = await sending.sendDueNotifications({ shop: order.shop }, deps);
    twilio.mode = "ANSWER";
    expect(first.unknown).toBe(1);
    expect(await reread(ready)).toMatchObject({ status: "UNKNOWN", recipient: order.phone });

    // Too soon: the status callback has its chance first.
    expect((await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps)).reconciled).toBe(0);
    advance(sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps);
    await sending.sendDueNotifications({ shop: order.shop }, deps);

    const texts = textsTo(order.phone);
    expect(texts).toHaveLength(1);
    expect(await reread(ready)).toMatchObject({
      status: "SENT",
      providerMessageId: texts[0]!.resource.sid,
      attempts: 1,
    });
  });

  it("sends a text Twilio never had once more, and gives up without a third try", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const ready = await scheduled(order);
    const deps = depsFor();

    twilio.mode = "LOSE";
    await sending.sendDueNotifications({ shop: order.shop }, deps);
    advance(sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps);
    expect(await reread(ready)).toMatchObject({ status: "UNKNOWN", attempts: 2 });
    advance(sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps);
    twilio.mode = "ANSWER";

    expect(textsTo(order.phone)).toHaveLength(0);
    expect(await reread(ready)).toMatchObject({ status: "FAILED", attempts: 2 });
    expect((await reread(ready)).reason).toMatch(/not sent again/);

    const other = await shopWithOrder();
    const lostOnce = await scheduled(other);
    twilio.mode = "LOSE";
    await sending.sendDueNotifications({ shop: other.shop }, deps);
    twilio.mode = "ANSWER";
    advance(sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    await sending.reconcileNotificationsInDoubt({ shop: other.shop }, deps);
    expect(textsTo(other.phone)).toHaveLength(1);
    expect(await reread(lostOnce)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("finds at Twilio the text of a worker killed mid-send (left SENDING) instead of sending it again", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const ready = await scheduled(order);
    const deps = depsFor();
    twilio.mode = "TAKE_AND_WITHHOLD";
    await sending.sendDueNotifications({ shop: order.shop }, deps);
    twilio.mode = "ANSWER";
    // What a killed worker leaves: the row SENDING, the recipient written, the text at Twilio.
    await prisma.notification.update({ where: { id: ready.id }, data: { status: "SENDING", statusAt: clock } });

    advance(sending.RECONCILE_UNKNOWN_AFTER_MS + 1_000);
    expect((await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps)).reconciled).toBe(0);
    advance(sending.STUCK_SENDING_AFTER_MS);
    await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps);

    expect(textsTo(order.phone)).toHaveLength(1);
    expect(await reread(ready)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends a text as it comes due in the job's run, within a poll of its time", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    const ready = await scheduled(order, { sendAt: new Date(NOON_CHICAGO.getTime() + 300) });
    const startedAt = Date.now();
    // The test's clock moves with real time in this one.
    const deps = { ...depsFor(), now: () => new Date(NOON_CHICAGO.getTime() + Date.now() - startedAt) };

    const summary = await sending.runNotificationSending({ forMs: 1_200, pollMs: 100, shop: order.shop }, deps);

    const sent = await reread(ready);
    expect(summary.sent).toBe(1);
    expect(textsTo(order.phone)).toHaveLength(1);
    expect(sent.sentAt!.getTime() - sent.sendAt.getTime()).toBeLessThan(500);
  });

  it("keeps a text due at 23:00 in Chicago until 08:00, and a reminder until 09:00, then sends them", async () => {
    clock = new Date("2026-12-01T05:00:00Z"); // 23:00 CST on Nov 30
    const order = await shopWithOrder();
    const ready = await scheduled(order);
    const reminder = await scheduled(order, { step: "REMINDER_DAY_2" });
    const deps = depsFor();

    const night = await sending.sendDueNotifications({ shop: order.shop }, deps);

    expect(night).toMatchObject({ sent: 0, postponed: 2 });
    expect(await reread(ready)).toMatchObject({ status: "SCHEDULED", sendAt: new Date("2026-12-01T14:00:00Z") });
    expect(await reread(reminder)).toMatchObject({ status: "SCHEDULED", sendAt: new Date("2026-12-01T15:00:00Z") });

    clock = new Date("2026-12-01T14:00:00Z");
    expect(await sending.sendDueNotifications({ shop: order.shop }, deps)).toMatchObject({ sent: 1 });
    expect(await reread(reminder)).toMatchObject({ status: "SCHEDULED" });
    clock = new Date("2026-12-01T15:00:00Z");
    expect(await sending.sendDueNotifications({ shop: order.shop }, deps)).toMatchObject({ sent: 1 });
    expect(await reread(reminder)).toMatchObject({ status: "SENT" });
  });

  it("skips a number that replied STOP, and a shop without Twilio, saying why", async () => {
    clock = NOON_CHICAGO;
    const optedOut = await shopWithOrder();
    await prisma.smsOptOut.create({ data: { shop: optedOut.shop, phone: optedOut.phone, source: "STOP_REPLY" } });
    const stopped = await scheduled(optedOut);
    const noAccount = await shopWithOrder({ twilioAccount: false });
    const unset = await scheduled(noAccount);

    await sending.sendDueNotifications({ shop: optedOut.shop }, depsFor());
    await sending.sendDueNotifications({ shop: noAccount.shop }, depsFor());

    expect(textsTo(optedOut.phone)).toHaveLength(0);
    expect(textsTo(noAccount.phone)).toHaveLength(0);
    expect(await reread(stopped)).toMatchObject({ status: "SKIPPED", reason: "The number replied STOP" });
    expect(await reread(unset)).toMatchObject({
      status: "SKIPPED",
      reason: "SMS is not set up: add your Twilio account in Settings",
    });
  });

  it("emails from the shop's SendGrid account with only opaque ids in customArgs", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder({ sendgridAccount: true });
    const reminder = await scheduled(order, { step: "REMINDER_DAY_2", channel: "EMAIL" });

    await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    const mail = sendgrid
      .list()
      .find((candidate) => candidate.recipients[0]?.customArgs["notificationId"] === reminder.id);
    expect(mail?.recipients[0]).toMatchObject({
      email: "ada@example.com",
      customArgs: { notificationId: reminder.id, shop: order.shop },
      subject: "Your order #1042 is waiting for you at Lincoln Park",
    });
    expect(await reread(reminder)).toMatchObject({ status: "SENT", providerMessageId: mail!.messageId, sentAt: clock });
  });

  it("puts reminder emails in the shop's reminders group; a shopper who left it gets no reminder, yet still hears of the order", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder({ sendgridAccount: true });
    await prisma.shopMessagingAccount.update({
      where: { shop: order.shop },
      data: { sendgridReminderGroupId: 4101, sendgridFeedbackGroupId: 4102 },
    });
    const reminder = await scheduled(order, { step: "REMINDER_DAY_2", channel: "EMAIL" });
    await sending.sendDueNotifications({ shop: order.shop }, depsFor());
    const mailOf = (id: string) =>
      sendgrid.list().find((candidate) => candidate.recipients[0]?.customArgs["notificationId"] === id);
    expect(mailOf(reminder.id)?.request).toMatchObject({ asm: { group_id: 4101 } });

    // The shopper clicks "unsubscribe from reminders" (SendGrid's group_unsubscribe event, as recorded).
    await prisma.emailSuppression.create({
      data: { shop: order.shop, email: "ada@example.com", scope: "GROUP:4101", kind: "GROUP_UNSUBSCRIBED" },
    });
    const dayFive = await scheduled(order, { step: "REMINDER_DAY_5", channel: "EMAIL" });
    const expiry = await scheduled(order, { step: "EXPIRY_WARNING", channel: "EMAIL" });
    await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    expect(mailOf(dayFive.id)).toBeUndefined();
    expect(await reread(dayFive)).toMatchObject({ status: "SKIPPED", reason: sending.EMAIL_GROUP_OPTED_OUT });
    // The warning that the order is about to be cancelled is about the order itself: no group, sent.
    expect(mailOf(expiry.id)?.request).not.toHaveProperty("asm");
    expect(await reread(expiry)).toMatchObject({ status: "SENT" });
  });

  it("never sends an email twice when SendGrid's answer is lost: it stays UNKNOWN", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder({ sendgridAccount: true });
    const reminder = await scheduled(order, { step: "REMINDER_DAY_2", channel: "EMAIL" });
    const deps = depsFor();
    const mailsTo = () =>
      sendgrid.list().filter((mail) => mail.recipients[0]?.customArgs["notificationId"] === reminder.id);

    sendgridMode = "TAKE_AND_WITHHOLD";
    await sending.sendDueNotifications({ shop: order.shop }, deps);
    sendgridMode = "ANSWER";
    advance(sending.STUCK_SENDING_AFTER_MS + 1_000);
    await sending.reconcileNotificationsInDoubt({ shop: order.shop }, deps);
    await sending.sendDueNotifications({ shop: order.shop }, deps);

    expect(mailsTo()).toHaveLength(1);
    expect(await reread(reminder)).toMatchObject({ status: "UNKNOWN", attempts: 1 });
    expect((await reread(reminder)).reason).toMatch(/not sent twice/);
  });
});

const { DEFAULT_NOTIFICATION_SETTINGS } = await import("~/domain/notifications");
const { upsertNotificationSettings } = await import("~/models/notification-settings.server");

describe("sending the shop's own wording", () => {
  it("texts the merchant's own ready text, filled in, exactly as the settings page previews it", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    await upsertNotificationSettings(
      prisma,
      order.shop,
      {
        ...DEFAULT_NOTIFICATION_SETTINGS,
        texts: {
          READY_SMS:
            "{{shopName}}: {{orderName}} waits at {{storeName}}[ ({{pickupPassLink}})]. HELP for help, STOP to stop.",
        },
      },
      null,
    );
    await scheduled(order);

    await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    expect(textsTo(order.phone).map((text) => text.resource.body)).toEqual([
      expect.stringMatching(
        /^Windy City Outfitters: #1042 waits at Lincoln Park \(https?:\/\/\S+\/pickup\/\S+\)\. HELP for help, STOP to stop\.$/,
      ),
    ]);
  });

  it("emails the merchant's own subject and logo", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder({ sendgridAccount: true });
    await upsertNotificationSettings(
      prisma,
      order.shop,
      {
        ...DEFAULT_NOTIFICATION_SETTINGS,
        emailTemplates: {
          REMINDER: { subject: "Still here for you, {{customerFirstName}}", body: "Come by {{storeName}}." },
        },
        emailLogoUrl: "https://cdn.windy.example/logo.png",
      },
      null,
    );
    const reminder = await scheduled(order, { step: "REMINDER_DAY_2", channel: "EMAIL" });

    await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    const mail = sendgrid
      .list()
      .find((candidate) => candidate.recipients[0]?.customArgs["notificationId"] === reminder.id);
    expect(mail?.recipients[0]?.subject).toBe("Still here for you, Ada");
    expect(JSON.stringify(mail?.request)).toContain("https://cdn.windy.example/logo.png");
    expect(JSON.stringify(mail?.request)).toContain("Come by Lincoln Park.");
  });

  it("texts a shipped order's tracking link, built from the carrier and number the store recorded", async () => {
    clock = NOON_CHICAGO;
    const order = await shopWithOrder();
    await seedPickupTask(prisma as never, order.shop, {
      orderId: order.orderId,
      locationId: STORE,
      orderName: "#1042",
      kind: "SHIP",
      state: "SHIPPED",
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      completedAt: clock,
    });
    await scheduled(order, { step: "SHIPPED_SMS" });

    await sending.sendDueNotifications({ shop: order.shop }, depsFor());

    expect(textsTo(order.phone).map((text) => text.resource.body)).toEqual([
      "Windy City Outfitters: your order #1042 has shipped. Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784",
    ]);
  });
});

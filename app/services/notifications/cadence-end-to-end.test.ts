import crypto from "node:crypto";
import type { PrismaClient, StoreTask } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { VENDOR_CREDENTIALS, type RunningEmulator } from "../../../dev/emulator/server";
import type { OutboxRecord } from "../../../dev/emulator/vendors/outbox";
import { mergedOutbox } from "../../../dev/emulator/vendors/outbox";
import {
  installAppOn,
  startEmulatorForApp,
  stockOneSku,
  stopAppAndEmulator,
  type RoutingStock,
} from "../../../tests/support/routing-app";
import { must } from "../../../tests/support/store-tasks";
import type { PosCaller } from "../store-tasks/pos-outcome";
import type * as Actions from "../store-tasks/associate-actions.server";
import type * as Sending from "./send/send-due.server";
import type { SendingDependencies } from "./send/send-due.server";

/**
 * A pickup order's whole cadence, end to end, on a compressed clock: placed in the emulator's
 * Shopify, its webhook and fulfilment order taken by the app, prepared and handed over through
 * the associate's actions, and the sending job run as the hours pass, against the emulator's
 * Twilio and SendGrid through the real SDKs. The clock is Date itself (faked, still ticking), so
 * every part (the planner, the sender, the sandboxes' outbox) reads the same time.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let stock: RoutingStock;
let actions: typeof Actions;
let sending: typeof Sending;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// 09:05 in Chicago (CST, UTC−6) on a Tuesday: the store's morning, inside every sending window.
const PLACED_AT = new Date("2026-12-01T15:05:00Z");
// She chose email for order updates at checkout (so Shopify emails her, and never texts) and ticked
// "Text me with news and offers": the app may text her.
const shopper = (email: string, phone: string) => ({
  email,
  phone,
  firstName: "Grace",
  lastName: "Hopper",
  checkoutContact: "email" as const,
  smsMarketingConsent: true,
});
type Shopper = ReturnType<typeof shopper>;
const SHOPPER = shopper("grace@example.com", "+13125550142");
const EVENING_SHOPPER = shopper("ada@example.com", "+13125550143");

function moveClockTo(at: Date): void {
  vi.setSystemTime(at);
}
const after = (ms: number) => new Date(Date.now() + ms);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  moveClockTo(PLACED_AT);
  emulator = await startEmulatorForApp();
  actions = await import("../store-tasks/associate-actions.server");
  sending = await import("./send/send-due.server");
  ({ prisma, stock } = await installAppOn(emulator, stockOneSku));
  const { saveShopTwilioAccount } = await import("./sms/messaging-account.server");
  const { sealCredential } = await import("~/services/secrets/credentials-keys.server");
  await saveShopTwilioAccount(emulator.shop, {
    ...VENDOR_CREDENTIALS.twilio,
    messagingServiceSid: `MG${crypto.randomBytes(16).toString("hex")}`,
    smsHelpText: null,
  });
  await prisma.shopMessagingAccount.update({
    where: { shop: emulator.shop },
    data: {
      sendgridApiKeySealed: sealCredential(VENDOR_CREDENTIALS.sendgrid.apiKey),
      sendgridFromEmail: "orders@windy.example",
      sendgridFromName: "Windy City Outfitters",
    },
  });
  const { createTwilioMessaging } = await import("~/integrations/twilio/twilio-messaging.server");
  const messaging = createTwilioMessaging({ apiUrl: emulator.url });
  dependencies = {
    messaging: () => messaging,
    emailTransport: () => ({ baseUrl: emulator.url }),
    shopName: async () => "Windy City Outfitters",
    now: () => new Date(),
  };
}, 30_000);

afterAll(async () => {
  await stopAppAndEmulator(emulator);
  vi.useRealTimers();
});

let dependencies: SendingDependencies;

/** What the shopper received: channel, recipient and first words, with the time it arrived. */
interface Arrival {
  channel: OutboxRecord["channel"];
  to: string;
  at: string;
  text: string;
}

function shopperInbox(who: Shopper = SHOPPER): Arrival[] {
  return mergedOutbox(emulator.twilio, emulator.sendgrid)
    .filter((record) => record.to === who.phone || record.to === who.email)
    .map((record) => ({
      channel: record.channel,
      to: record.to,
      at: record.at.toISOString(),
      text: record.subject ?? record.body,
    }));
}

async function runSendingJob(): Promise<void> {
  await sending.sendDueNotifications({ shop: emulator.shop }, dependencies);
}

function caller(): PosCaller {
  return { shop: emulator.shop, locationId: stock.pickupStore.id, userId: "9001", staffMemberId: "501" };
}

const requestId = () => crypto.randomUUID();

async function placeOrder(who: Shopper = SHOPPER): Promise<StoreTask> {
  const { syncFulfillmentOrderTasks } = await import("../store-tasks/sync-fulfillment-order.server");
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: [{ sku: stock.sku, quantity: 1 }],
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(stock.pickupStore.id),
    customer: who,
  });
  await emulator.webhooks.idle();
  const [fulfillmentOrder] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncFulfillmentOrderTasks({
    shop: emulator.shop,
    fulfillmentOrderId: fulfillmentOrder!.id.replace(/^.*\//, ""),
  });
  return prisma.storeTask.findFirstOrThrow({ where: { shop: emulator.shop, orderId: order.id.replace(/^.*\//, "") } });
}

async function prepareForPickup(task: StoreTask): Promise<void> {
  await must(actions.scanForTask(caller(), task.id, { requestId: requestId(), code: stock.sku }));
  await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "PACKED" }));
  await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "STAGED", bin: "B2" }));
  await must(actions.transitionTask(caller(), task.id, { requestId: requestId(), to: "READY" }));
}

describe("a pickup order's messages, from placement to the feedback email", () => {
  it("reaches the shopper with each message of the cadence at its time, once, and with no other", async () => {
    const task = await placeOrder();
    await runSendingJob();
    // Placed at 09:05: the confirmation text goes at once (Shopify sends the confirmation email).
    expect(shopperInbox()).toEqual([
      expect.objectContaining({ channel: "sms", to: SHOPPER.phone, text: expect.stringMatching(/received|confirm/i) }),
    ]);
    const confirmedAt = new Date(shopperInbox()[0]!.at);
    expect(confirmedAt.getTime() - PLACED_AT.getTime()).toBeLessThan(MINUTE);

    // 45 minutes later the store has it ready: the ready text (Shopify emails its own ready email).
    moveClockTo(after(45 * MINUTE));
    const readyAt = new Date();
    await prepareForPickup(task);
    await runSendingJob();
    expect(shopperInbox().slice(1)).toEqual([
      expect.objectContaining({
        channel: "sms",
        to: SHOPPER.phone,
        text: expect.stringMatching(/is ready for pickup/),
      }),
    ]);

    // An hour on, nothing is due yet; two hours after ready, the reminder (no push device known: by email).
    moveClockTo(after(HOUR));
    await runSendingJob();
    expect(shopperInbox()).toHaveLength(2);
    moveClockTo(new Date(readyAt.getTime() + 2 * HOUR + MINUTE));
    await runSendingJob();
    expect(shopperInbox().slice(2)).toEqual([expect.objectContaining({ channel: "email", to: SHOPPER.email })]);
    expect(new Date(shopperInbox()[2]!.at).getTime() - (readyAt.getTime() + 2 * HOUR)).toBeLessThan(2 * MINUTE);

    // Collected at 16:00: the day-2 and day-5 reminders are dropped; the feedback email waits a day.
    moveClockTo(new Date("2026-12-01T22:00:00Z"));
    await must(
      actions.transitionTask(caller(), task.id, {
        requestId: requestId(),
        to: "PICKED_UP",
        handover: { method: "QR", idChecked: false },
      }),
    );
    moveClockTo(new Date("2026-12-02T21:59:00Z"));
    await runSendingJob();
    expect(shopperInbox()).toHaveLength(3);
    moveClockTo(new Date("2026-12-02T22:01:00Z"));
    await runSendingJob();
    expect(shopperInbox().slice(3)).toEqual([
      expect.objectContaining({
        channel: "email",
        to: SHOPPER.email,
        text: expect.stringMatching(/^How was your pickup at /),
      }),
    ]);

    // A week on, with the sending job run again and again, nothing else ever reaches the shopper.
    for (let day = 1; day <= 7; day++) {
      moveClockTo(after(24 * HOUR));
      await runSendingJob();
    }
    expect(shopperInbox()).toHaveLength(4);
    // Every message, by the minute it arrived after the order was placed.
    expect(
      shopperInbox().map((arrival) => [
        arrival.channel,
        Math.floor((Date.parse(arrival.at) - PLACED_AT.getTime()) / MINUTE),
        arrival.text.split(/[.?:]/)[0],
      ]),
    ).toEqual([
      ["sms", 0, "Windy City Outfitters"],
      ["sms", 45, "Windy City Outfitters"],
      ["email", 45 + 121, "Your order #1001 is waiting for you at Lincoln Park"],
      ["email", 30 * 60 + 56, "How was your pickup at Lincoln Park"],
    ]);
    const rows = await prisma.notification.findMany({
      where: { shop: emulator.shop, orderId: task.orderId },
      orderBy: { sendAt: "asc" },
    });
    expect(rows.filter((row) => row.status === "SCHEDULED")).toEqual([]);
    expect(
      Object.fromEntries(rows.filter((row) => row.status === "SENT").map((row) => [row.step, row.channel])),
    ).toEqual({
      CONFIRMATION_SMS: "SMS",
      READY_SMS: "SMS",
      PICKUP_REMINDER_PUSH: "EMAIL",
      FEEDBACK_EMAIL: "EMAIL",
    });
  }, 60_000);

  it("holds an evening's reminder for the morning and sends the day-2 reminder once, however often the events repeat", async () => {
    const inbox = () =>
      shopperInbox(EVENING_SHOPPER).map((arrival) => [arrival.channel, arrival.at.slice(0, 16), arrival.text]);
    // 19:00 in Chicago: placed; ready at 19:30, inside the event window (08:00–21:00).
    moveClockTo(new Date("2026-12-03T01:00:00Z"));
    const task = await placeOrder(EVENING_SHOPPER);
    await runSendingJob();
    moveClockTo(new Date("2026-12-03T01:30:00Z"));
    await prepareForPickup(task);
    await runSendingJob();
    // The same ready again (a retried request, a late webhook) plans nothing more.
    const { planNotificationsForTaskState } = await import("./cadence.server");
    const ready = await prisma.storeTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(await planNotificationsForTaskState(prisma, emulator.shop, ready, "READY", new Date())).toBe(0);
    expect(inbox()).toEqual([
      ["sms", "2026-12-03T01:00", expect.stringContaining("is confirmed")],
      ["sms", "2026-12-03T01:30", expect.stringContaining("is ready for pickup")],
    ]);

    // Two hours after ready is 21:30, past the nudges' 20:00: the reminder waits for 09:00.
    moveClockTo(new Date("2026-12-03T03:31:00Z"));
    await runSendingJob();
    moveClockTo(new Date("2026-12-03T14:59:00Z"));
    await runSendingJob();
    expect(inbox()).toHaveLength(2);
    moveClockTo(new Date("2026-12-03T15:00:30Z"));
    await runSendingJob();
    await runSendingJob();
    expect(inbox().slice(2)).toEqual([["email", "2026-12-03T15:00", expect.stringContaining("is waiting for you")]]);

    // Day 2: 48 hours after ready, 19:30 in Chicago, inside the window: by text, once.
    moveClockTo(new Date("2026-12-05T01:31:00Z"));
    await Promise.all([runSendingJob(), runSendingJob()]);
    expect(inbox().slice(3)).toEqual([["sms", "2026-12-05T01:31", expect.any(String)]]);
    expect(inbox()).toHaveLength(4);
  }, 60_000);
});

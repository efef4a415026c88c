import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import type { RunningEmulator } from "../../../dev/emulator/server";
import { sessionTokenFor, startTestEmulator } from "../../../tests/support/emulator";
import { seedMirror } from "../../../tests/support/mirror";
import { uniqueShop } from "../../../tests/support/shops";
import { TEST_APP } from "../../../tests/support/shopify-app";
import { DEFAULT_NOTIFICATION_SETTINGS } from "~/domain/notifications";
import { toCadenceForm } from "~/domain/notifications/settings-form";
import type { action as notificationsAction, loader as notificationsLoader } from "./route";

/**
 * The Notifications page against the embedded database: the cadence saved whole (or not at all)
 * with who saved it, auto-cancel turned on only over the list of orders it cancels, and the sender
 * accounts' secrets sealed and shown back masked.
 */

let emulator: RunningEmulator;
let prisma: PrismaClient;
let loader: typeof notificationsLoader;
let action: typeof notificationsAction;
const neighbour = uniqueShop();

const DAY = 24 * 60 * 60_000;
const ACCOUNT_SID = `AC${"a1".repeat(16)}`;
const AUTH_TOKEN = "0123456789abcdef0123456789ab1a2b";
const SENDGRID_KEY = "SG.the-shops-own-key.zz9f";

beforeAll(async () => {
  emulator = await startTestEmulator();
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  ({ loader, action } = await import("./route"));
  ({ prisma } = await import("~/db.server"));
  await seedMirror(prisma, emulator.shop, [
    { locationId: "1", name: "Loop", kind: "STORE", lat: 41.8826, lng: -87.6278, stock: {} },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  for (const shop of [emulator.shop, neighbour]) {
    await prisma.notificationSettings.deleteMany({ where: { shop } });
    await prisma.shopMessagingAccount.deleteMany({ where: { shop } });
    await prisma.storeTask.deleteMany({ where: { shop } });
  }
});

let taskNumber = 0;
async function seedReadyPickup(shop: string, readyDaysAgo: number): Promise<string> {
  taskNumber += 1;
  const readyAt = new Date(Date.now() - readyDaysAgo * DAY);
  await prisma.storeTask.create({
    data: {
      shop,
      fulfillmentOrderId: String(7000 + taskNumber),
      orderId: String(8000 + taskNumber),
      orderName: `#${2000 + taskNumber}`,
      locationId: "1",
      kind: "PICKUP",
      state: "READY",
      pickupCode: `READY${taskNumber}`,
      assignedAt: new Date(readyAt.getTime() - 60 * 60_000),
      readyAt,
    },
  });
  return `#${2000 + taskNumber}`;
}

const auth = () => ({ Authorization: `Bearer ${sessionTokenFor(emulator.shop)}` });

function load() {
  return loader({
    request: new Request(`${TEST_APP.appUrl}/app/notifications`, { headers: auth() }),
    params: {},
    context: {},
  });
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return action({
    request: new Request(`${TEST_APP.appUrl}/app/notifications`, {
      method: "POST",
      headers: { ...auth(), ...headers },
      body,
    }),
    params: {},
    context: {},
  });
}

const DEFAULT_FORM = toCadenceForm(DEFAULT_NOTIFICATION_SETTINGS);
const saveCadence = (changes: Record<string, string> = {}) =>
  post(new URLSearchParams({ intent: "cadence", ...DEFAULT_FORM, ...changes }));

async function statusOf(answer: Promise<unknown>): Promise<number> {
  try {
    await answer;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("the Notifications page", () => {
  it("shows the recommended cadence, no sender accounts and a sample pass link before anything is saved", async () => {
    const page = await load();

    expect(page.settings).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(page.savedAt).toBeNull();
    expect(page.senders).toEqual({ twilio: null, sendgrid: null });
    expect(page.readyPickups).toEqual([]);
    expect(page.sample.pickupPassUrl).toMatch(/\/pickup\/.+/);
    expect(page.sample.shopName.length).toBeGreaterThan(0);
  });

  it("saves the cadence with who saved it; the cadence reads it, and another shop keeps its own", async () => {
    const { readNotificationSettings } = await import("~/models/notification-plans.server");

    const saved = await saveCadence({
      "READY_SMS.enabled": "false",
      "REMINDER_DAY_2.delay": "36",
      "REMINDER_DAY_2.delayUnit": "hours",
      "REMINDER_DAY_2.channels": "EMAIL,SMS",
      nudgeWindowStart: "10:00",
      feedbackOffer: "THANKS10 for 10% off",
    });
    const page = await load();

    expect(saved).toMatchObject({ intent: "cadence", outcome: { ok: true } });
    expect(page.settings.steps.READY_SMS.enabled).toBe(false);
    expect(page.settings.steps.REMINDER_DAY_2).toEqual({
      enabled: true,
      delayMinutes: 36 * 60,
      channels: ["EMAIL", "SMS"],
    });
    expect(page.settings.sendingWindows.NUDGE).toEqual({ start: "10:00", end: "20:00" });
    expect(page.savedBy).toBe("Staff member 1");
    expect(page.savedAt).not.toBeNull();
    expect((await readNotificationSettings(prisma, emulator.shop)).feedbackOffer).toBe("THANKS10 for 10% off");
    expect(await readNotificationSettings(prisma, neighbour)).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it("refuses a cadence with errors, one message per field, and keeps what was saved", async () => {
    await saveCadence({ feedbackOffer: "Saved before" });

    const refused = await saveCadence({
      "READY_SMS.delay": "soon",
      "CONFIRMATION_SMS.channels": "FAX",
      eventWindowEnd: "23:00",
      uncollectedDays: "0",
      feedbackOffer: "Not saved",
    });

    expect(refused).toEqual({
      intent: "cadence",
      outcome: {
        ok: false,
        errors: {
          "READY_SMS.delay": "Enter the delay as a number",
          uncollectedDays: "Enter 1 to 90 days",
          eventWindowEnd: "End at 21:00 or earlier",
          "CONFIRMATION_SMS.channels": "Choose how this message is sent",
        },
      },
    });
    expect((await load()).settings.feedbackOffer).toBe("Saved before");
  });

  it("lists the pickup orders auto-cancel would cancel, and turns it on only with that list confirmed", async () => {
    const longest = await seedReadyPickup(emulator.shop, 9);
    await seedReadyPickup(emulator.shop, 8);
    await seedReadyPickup(emulator.shop, 2);
    await seedReadyPickup(neighbour, 20);

    const page = await load();
    const unconfirmed = await saveCadence({ autoCancel: "true", uncollectedDays: "7" });
    const staleList = await saveCadence({ autoCancel: "true", uncollectedDays: "7", autoCancelConfirmedCount: "1" });
    const stillOff = await load();
    const confirmed = await saveCadence({ autoCancel: "true", uncollectedDays: "7", autoCancelConfirmedCount: "2" });

    expect(page.readyPickups.map((order) => [order.orderName, order.storeName])).toEqual([
      [longest, "Loop"],
      [expect.any(String), "Loop"],
      [expect.any(String), "Loop"],
    ]);
    expect(unconfirmed).toEqual({
      intent: "cadence",
      outcome: {
        ok: false,
        errors: { autoCancel: "Turning this on cancels 2 orders now: review the list below, then save again" },
      },
    });
    expect(staleList).toMatchObject({
      outcome: { ok: false, errors: { autoCancel: expect.stringContaining("changed (now 2 orders)") } },
    });
    expect(stillOff.settings.uncollected.autoCancel).toBe(false);
    expect(confirmed).toMatchObject({ outcome: { ok: true } });
    expect((await load()).settings.uncollected).toEqual({ autoCancel: true, days: 7 });
    // Saved on with the same days: nothing new to review.
    expect(await saveCadence({ autoCancel: "true", uncollectedDays: "7" })).toMatchObject({ outcome: { ok: true } });
  });

  it("seals the sender accounts' secrets, shows them masked only, and keeps them when left blank", async () => {
    const saved = await post(
      new URLSearchParams({
        intent: "senders",
        twilioAccountSid: ACCOUNT_SID,
        twilioAuthToken: AUTH_TOKEN,
        twilioMessagingServiceSid: "",
        smsHelpText: "Windy City: reply STOP to opt out",
        sendgridApiKey: SENDGRID_KEY,
        sendgridFromEmail: "orders@windy.example",
        sendgridFromName: "Windy City",
      }),
    );
    const page = await load();
    const blankSecrets = await post(
      new URLSearchParams({
        intent: "senders",
        twilioAccountSid: ACCOUNT_SID,
        sendgridFromEmail: "hello@windy.example",
      }),
    );
    const { shopTwilioAccount } = await import("~/services/notifications/sms/messaging-account.server");
    const { shopSendGridSender } = await import("~/services/notifications/send/shop-sendgrid-account.server");

    expect(saved).toEqual({ intent: "senders", outcome: { ok: true } });
    expect(page.senders).toEqual({
      twilio: {
        accountSid: ACCOUNT_SID,
        authTokenMasked: "…1a2b",
        authTokenUnreadable: false,
        messagingServiceSid: null,
        smsHelpText: "Windy City: reply STOP to opt out",
      },
      sendgrid: {
        apiKeyMasked: "…zz9f",
        apiKeyUnreadable: false,
        fromEmail: "orders@windy.example",
        fromName: "Windy City",
      },
    });
    expect(JSON.stringify(page)).not.toContain(AUTH_TOKEN);
    expect(JSON.stringify(page)).not.toContain(SENDGRID_KEY);
    const row = await prisma.shopMessagingAccount.findUniqueOrThrow({ where: { shop: emulator.shop } });
    expect(JSON.stringify(row)).not.toContain(AUTH_TOKEN);
    expect(blankSecrets).toEqual({ intent: "senders", outcome: { ok: true } });
    expect(await shopTwilioAccount(emulator.shop)).toMatchObject({ authToken: AUTH_TOKEN });
    expect(await shopSendGridSender(emulator.shop)).toEqual({
      apiKey: SENDGRID_KEY,
      from: { email: "hello@windy.example" },
    });
    expect(await prisma.shopMessagingAccount.count({ where: { shop: neighbour } })).toBe(0);
  });

  it("refuses a sender account without its secret and saves nothing", async () => {
    const refused = await post(new URLSearchParams({ intent: "senders", twilioAccountSid: ACCOUNT_SID }));

    expect(refused).toEqual({
      intent: "senders",
      outcome: { ok: false, errors: { twilioAuthToken: "Enter the Auth Token" } },
    });
    expect(await prisma.shopMessagingAccount.count({ where: { shop: emulator.shop } })).toBe(0);
  });

  it("answers a hostile post with a 4xx or field errors, never a save or a 500", async () => {
    expect(await statusOf(post(JSON.stringify({ intent: "cadence" }), { "Content-Type": "application/json" }))).toBe(
      400,
    );
    expect(await statusOf(post(new URLSearchParams({ intent: "delete-everything" })))).toBe(400);
    expect(await statusOf(post(new URLSearchParams()))).toBe(400);
    const proto = await saveCadence({
      "READY_SMS.channels": "__proto__",
      "__proto__.enabled": "true",
      uncollectedDays: "1e9",
    });
    expect(proto).toMatchObject({
      outcome: {
        ok: false,
        errors: {
          "READY_SMS.channels": "Choose how this message is sent",
          uncollectedDays: "Enter a whole number of days",
        },
      },
    });
    const huge = await saveCadence({ feedbackOffer: "x".repeat(100_000), "READY_SMS.delay": "9".repeat(400) });
    expect(huge).toMatchObject({ outcome: { ok: false } });
    expect(await prisma.notificationSettings.count({ where: { shop: emulator.shop } })).toBe(0);
  });
});

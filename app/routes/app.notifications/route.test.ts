import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { VENDOR_CREDENTIALS, type RunningEmulator } from "../../../dev/emulator/server";
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
  // The test sends go to the emulator's vendor sandboxes.
  process.env.TWILIO_API_URL = emulator.url;
  process.env.SENDGRID_API_URL = emulator.url;
  process.env.ONESIGNAL_API_URL = emulator.url;
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
    expect(page.senders).toEqual({ twilio: null, sendgrid: null, onesignal: null });
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
    expect((await load()).settings.uncollected).toEqual({
      autoCancel: true,
      days: 7,
      restock: true,
      refund: true,
      notifyCustomer: true,
    });
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
        sendgridReminderGroupId: "4101",
        sendgridFeedbackGroupId: "",
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
        reminderGroupId: 4101,
        feedbackGroupId: null,
      },
      onesignal: null,
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
      groups: { reminderGroupId: null, feedbackGroupId: null },
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

describe("the Notifications page's texts", () => {
  it("saves the shop's own texts, emails and logo, shows them back, and the sender reads them", async () => {
    const { readNotificationSettings } = await import("~/models/notification-plans.server");
    const text = "{{shopName}}: {{orderName}} is at your door!";

    const saved = await saveCadence({
      "DELIVERED_SMS.text": text,
      "email.FEEDBACK.subject": "Thanks, {{customerFirstName}}!",
      emailLogoUrl: "https://cdn.windy.example/logo.png",
    });
    const page = await load();

    expect(saved).toMatchObject({ intent: "cadence", outcome: { ok: true } });
    expect(page.settings.texts).toEqual({ DELIVERED_SMS: text });
    expect(page.settings.emailTemplates?.FEEDBACK?.subject).toBe("Thanks, {{customerFirstName}}!");
    expect(toCadenceForm(page.settings)["DELIVERED_SMS.text"]).toBe(text);
    expect(await readNotificationSettings(prisma, emulator.shop)).toMatchObject({
      texts: { DELIVERED_SMS: text },
      emailLogoUrl: "https://cdn.windy.example/logo.png",
    });
  });

  it("refuses bad wording with a message on each field, naming the unknown placeholders, and keeps what was saved", async () => {
    await saveCadence({ "DELIVERED_SMS.text": "{{shopName}}: saved before" });

    const refused = await saveCadence({
      "DELIVERED_SMS.text": "{{shopName}}: hi {{firstName}}",
      "READY_SMS.text": "{{shopName}}: ready",
      "email.DELAY.body": "Sorry {{name}}",
      emailLogoUrl: "javascript:alert(1)",
    });

    expect(refused).toMatchObject({
      intent: "cadence",
      outcome: {
        ok: false,
        errors: {
          "DELIVERED_SMS.text": expect.stringContaining("Unknown placeholder {{firstName}}"),
          "READY_SMS.text": expect.stringContaining('Keep "HELP" and "STOP"'),
          "email.DELAY.body": expect.stringContaining("Unknown placeholder {{name}}"),
          emailLogoUrl: "Enter the logo's https:// address",
        },
      },
    });
    expect((await load()).settings.texts).toEqual({ DELIVERED_SMS: "{{shopName}}: saved before" });
  });
});

describe("the Sender accounts card's OneSignal app and test sends", () => {
  const ONESIGNAL_APP_ID = "5eb5a37e-b458-11e3-ac11-000c2940e62c";
  const ONESIGNAL_KEY = "os_v2_app_the-shops-own-key-7c7c";
  const testSend = (vendor: string, to: string) =>
    post(new URLSearchParams({ intent: "test-sender", vendor, to })) as Promise<unknown>;
  /** What a test send answered: its status and what the card shows. */
  async function answerOf(vendor: string, to: string) {
    const answer = (await testSend(vendor, to)) as { data: { outcome: unknown }; init: { status: number } | null };
    return { status: answer.init?.status ?? 200, outcome: answer.data.outcome };
  }
  const accounts = () => import("~/services/notifications/sms/messaging-account.server");

  it("saves the OneSignal app with its key sealed, shows the key masked, and keeps it when left blank", async () => {
    const saved = await post(
      new URLSearchParams({ intent: "senders", onesignalAppId: ONESIGNAL_APP_ID, onesignalRestApiKey: ONESIGNAL_KEY }),
    );
    const blank = await post(new URLSearchParams({ intent: "senders", onesignalAppId: ONESIGNAL_APP_ID }));
    const page = await load();

    expect([saved, blank]).toEqual([
      { intent: "senders", outcome: { ok: true } },
      { intent: "senders", outcome: { ok: true } },
    ]);
    expect(page.senders.onesignal).toEqual({
      appId: ONESIGNAL_APP_ID,
      restApiKeyMasked: "…7c7c",
      restApiKeyUnreadable: false,
    });
    expect(JSON.stringify(page)).not.toContain(ONESIGNAL_KEY);
    expect(await (await accounts()).shopOneSignalAccount(emulator.shop)).toEqual({
      appId: ONESIGNAL_APP_ID,
      restApiKey: ONESIGNAL_KEY,
    });
  });

  it("refuses a OneSignal app id that is not one, or an app without its key, and saves nothing", async () => {
    const notAnId = await post(
      new URLSearchParams({ intent: "senders", onesignalAppId: "my-app", onesignalRestApiKey: ONESIGNAL_KEY }),
    );
    const noKey = await post(new URLSearchParams({ intent: "senders", onesignalAppId: ONESIGNAL_APP_ID }));
    expect(notAnId).toMatchObject({
      outcome: { ok: false, errors: { onesignalAppId: expect.stringContaining("App ID") } },
    });
    expect(noKey).toMatchObject({ outcome: { ok: false, errors: { onesignalRestApiKey: "Enter the REST API key" } } });
    expect(await prisma.shopMessagingAccount.count({ where: { shop: emulator.shop } })).toBe(0);
  });

  it("sends a test text, email and push from the shop's saved accounts and shows each vendor's id", async () => {
    const { saveShopTwilioAccount, saveShopOneSignalAccount } = await accounts();
    const { sealCredential } = await import("~/services/secrets/credentials-keys.server");
    await saveShopTwilioAccount(emulator.shop, {
      ...VENDOR_CREDENTIALS.twilio,
      messagingServiceSid: `MG${"c3".repeat(16)}`,
      smsHelpText: null,
    });
    await prisma.shopMessagingAccount.update({
      where: { shop: emulator.shop },
      data: {
        sendgridApiKeySealed: sealCredential(VENDOR_CREDENTIALS.sendgrid.apiKey),
        sendgridFromEmail: "orders@windy.example",
      },
    });
    await saveShopOneSignalAccount(emulator.shop, VENDOR_CREDENTIALS.push);

    const text = await answerOf("twilio", "(312) 555-0142");
    const email = await answerOf("sendgrid", "owner@windy.example");
    const push = await answerOf("onesignal", "merchant-phone");

    const sms = emulator.twilio.list().find((record) => record.resource.to === "+13125550142");
    expect(text).toEqual({ status: 200, outcome: expect.objectContaining({ ok: true, id: sms?.resource.sid }) });
    expect(email).toEqual({ status: 200, outcome: expect.objectContaining({ ok: true, vendor: "sendgrid" }) });
    expect(emulator.sendgrid.outbox().some((record) => record.to === "owner@windy.example")).toBe(true);
    const sentPush = emulator.push.list().find((record) => record.externalIds.includes("merchant-phone"));
    expect(push).toEqual({ status: 200, outcome: expect.objectContaining({ ok: true, id: sentPush?.id }) });
  });

  it("shows a refused key in the vendor's words, with no error page", async () => {
    const { saveShopOneSignalAccount } = await accounts();
    await saveShopOneSignalAccount(emulator.shop, { appId: VENDOR_CREDENTIALS.push.appId, restApiKey: "wrong-key" });

    expect(await answerOf("onesignal", "merchant-phone")).toEqual({
      status: 200,
      outcome: expect.objectContaining({
        ok: false,
        message: expect.stringContaining("OneSignal refused it: Access denied"),
      }),
    });
  });

  it("answers bad input with 400 and a message, and a test before any account is saved with what to do", async () => {
    expect(await answerOf("twilio", "not a phone")).toEqual({
      status: 400,
      outcome: expect.objectContaining({
        ok: false,
        badInput: true,
        message: expect.stringContaining("mobile number"),
      }),
    });
    expect(await answerOf("sendgrid", "nobody")).toMatchObject({ status: 400 });
    expect(await answerOf("onesignal", "")).toMatchObject({ status: 400 });
    expect(await answerOf("onesignal", "x".repeat(10_000))).toMatchObject({ status: 400 });
    expect(await answerOf("onesignal", "merchant-phone")).toEqual({
      status: 200,
      outcome: expect.objectContaining({ ok: false, message: "Save your OneSignal app first, then send a test" }),
    });
    expect(await statusOf(testSend("pigeon", "anyone"))).toBe(400);
    expect(await statusOf(post(new URLSearchParams({ intent: "test-sender", vendor: "twilio" })))).toBe(400);
  });
});

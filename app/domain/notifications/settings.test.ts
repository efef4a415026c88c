import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema, readStoredNotificationSettings } from "./settings";
import { CADENCE_STEP_KEYS, CADENCE_STEPS } from "./steps";

const HOUR = 60;
const DAY = 24 * HOUR;

function problems(input: unknown): string[] {
  const result = notificationSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("the cadence's steps", () => {
  it("lists each step once", () => {
    expect(CADENCE_STEPS.map((step) => step.key)).toEqual([...CADENCE_STEP_KEYS]);
  });

  it("never makes push a step's only default channel", () => {
    for (const step of CADENCE_STEPS) {
      expect(
        step.defaultChannels.some((channel) => channel !== "PUSH"),
        step.key,
      ).toBe(true);
    }
  });

  it("never offers email for news Shopify already emails", () => {
    const sameNews = CADENCE_STEPS.filter((step) => step.sameNewsAsShopify).map((step) => step.key);
    expect(sameNews).toEqual(["CONFIRMATION_SMS", "READY_SMS", "SHIPPED_SMS", "OUT_FOR_DELIVERY_SMS"]);
    for (const step of CADENCE_STEPS.filter((each) => each.sameNewsAsShopify)) {
      expect(step.allowedChannels, step.key).not.toContain("EMAIL");
    }
  });

  it("offers each step's default channels", () => {
    for (const step of CADENCE_STEPS) {
      for (const channel of step.defaultChannels) expect(step.allowedChannels, step.key).toContain(channel);
    }
  });
});

describe("notification settings", () => {
  it("defaults to the seed's cadence, every step on, auto-cancel off at 7 days", () => {
    const { steps, sendingWindows, uncollected, feedbackOffer } = DEFAULT_NOTIFICATION_SETTINGS;
    expect(steps.READY_SMS).toEqual({ enabled: true, delayMinutes: 0, channels: ["SMS"] });
    expect(steps.PICKUP_REMINDER_PUSH).toEqual({ enabled: true, delayMinutes: 2 * HOUR, channels: ["PUSH", "EMAIL"] });
    expect(steps.REMINDER_DAY_2.delayMinutes).toBe(2 * DAY);
    expect(steps.REMINDER_DAY_5.delayMinutes).toBe(5 * DAY);
    expect(steps.FEEDBACK_EMAIL).toEqual({ enabled: true, delayMinutes: 24 * HOUR, channels: ["EMAIL"] });
    expect(steps.EXPIRY_WARNING.delayMinutes).toBe(DAY);
    expect(Object.values(steps).every((step) => step.enabled)).toBe(true);
    expect(sendingWindows).toEqual({
      EVENT: { start: "08:00", end: "21:00" },
      NUDGE: { start: "09:00", end: "20:00" },
    });
    expect(uncollected).toEqual({ autoCancel: false, days: 7, restock: true, refund: true, notifyCustomer: true });
    expect(feedbackOffer).toBe("Rate us and get 10% off next time");
  });

  it("keeps the rest of a merchant's saved settings when one part no longer passes, naming the part", () => {
    const { settings, dropped } = readStoredNotificationSettings({
      feedbackOffer: "15% off your next order",
      uncollected: { autoCancel: true, days: 5 },
      // Saved before: a text with a placeholder since retired, and a channel since withdrawn.
      texts: { READY_SMS: "{{shopName}}: {{retired}} ready. Reply STOP to opt out, HELP for help." },
      steps: { READY_SMS: { channels: ["EMAIL"] }, REMINDER_DAY_2: { delayMinutes: 3 * DAY } },
    });
    expect(settings.feedbackOffer).toBe("15% off your next order");
    expect(settings.uncollected).toMatchObject({ autoCancel: true, days: 5 });
    expect(settings.steps.REMINDER_DAY_2.delayMinutes).toBe(3 * DAY);
    expect(settings.steps.READY_SMS).toEqual(DEFAULT_NOTIFICATION_SETTINGS.steps.READY_SMS);
    expect(settings.texts?.READY_SMS).toBeUndefined();
    expect(dropped).toEqual(expect.arrayContaining(["texts.READY_SMS", "steps.READY_SMS"]));
  });

  it("reads nothing stored, or something that is no settings, as the defaults", () => {
    expect(readStoredNotificationSettings(null)).toEqual({ settings: DEFAULT_NOTIFICATION_SETTINGS, dropped: [] });
    expect(readStoredNotificationSettings([1, 2])).toEqual({ settings: DEFAULT_NOTIFICATION_SETTINGS, dropped: ["*"] });
  });

  it("reads stored settings, a missing key taking its default", () => {
    expect(notificationSettingsSchema.parse({})).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const read = notificationSettingsSchema.parse({
      steps: { REMINDER_DAY_2: { delayMinutes: 3 * DAY }, FEEDBACK_EMAIL: { enabled: false } },
      sendingWindows: { NUDGE: { start: "10:00" } },
      uncollected: { autoCancel: true },
    });
    expect(read.steps.REMINDER_DAY_2).toEqual({ enabled: true, delayMinutes: 3 * DAY, channels: ["SMS", "EMAIL"] });
    expect(read.steps.FEEDBACK_EMAIL).toEqual({ enabled: false, delayMinutes: 24 * HOUR, channels: ["EMAIL"] });
    expect(read.steps.READY_SMS).toEqual(DEFAULT_NOTIFICATION_SETTINGS.steps.READY_SMS);
    expect(read.sendingWindows).toEqual({
      EVENT: { start: "08:00", end: "21:00" },
      NUDGE: { start: "10:00", end: "20:00" },
    });
    expect(read.uncollected).toEqual({ autoCancel: true, days: 7, restock: true, refund: true, notifyCustomer: true });
  });

  it("lets the merchant choose a step's channels among those it offers", () => {
    const read = notificationSettingsSchema.parse({ steps: { REMINDER_DAY_2: { channels: ["EMAIL", "SMS"] } } });
    expect(read.steps.REMINDER_DAY_2.channels).toEqual(["EMAIL", "SMS"]);
  });

  it.each([
    [
      "email for the ready message Shopify already emails",
      { steps: { READY_SMS: { channels: ["EMAIL"] } } },
      "steps.READY_SMS.channels: EMAIL is not offered for this message",
    ],
    [
      "push alone",
      { steps: { PICKUP_REMINDER_PUSH: { channels: ["PUSH"] } } },
      "steps.PICKUP_REMINDER_PUSH.channels: Push needs SMS or email as well",
    ],
    [
      "a channel twice",
      { steps: { REMINDER_DAY_5: { channels: ["SMS", "SMS"] } } },
      "steps.REMINDER_DAY_5.channels: A channel is listed twice",
    ],
    [
      "a negative delay",
      { steps: { REMINDER_DAY_2: { delayMinutes: -5 } } },
      "steps.REMINDER_DAY_2.delayMinutes: Too small: expected number to be >=0",
    ],
    [
      "an expiry warning not before the cancel",
      { steps: { EXPIRY_WARNING: { delayMinutes: 7 * DAY } } },
      "steps.EXPIRY_WARNING.delayMinutes: Warn before the order is cancelled, not after it was ready",
    ],
    [
      "a window opening before 08:00",
      { sendingWindows: { EVENT: { start: "07:00" } } },
      "sendingWindows.EVENT.start: Start at 08:00 or later",
    ],
    [
      "a window ending after 21:00",
      { sendingWindows: { NUDGE: { end: "22:00" } } },
      "sendingWindows.NUDGE.end: End at 21:00 or earlier",
    ],
    [
      "a window shorter than an hour",
      { sendingWindows: { NUDGE: { start: "12:00", end: "12:30" } } },
      "sendingWindows.NUDGE.end: Allow at least an hour of sending",
    ],
    [
      "a time that is not HH:MM",
      { sendingWindows: { NUDGE: { start: "9am" } } },
      "sendingWindows.NUDGE.start: Use a 24-hour time, HH:MM",
    ],
    [
      "auto-cancel after 0 days",
      { uncollected: { days: 0 } },
      "uncollected.days: Too small: expected number to be >=1",
    ],
  ])("refuses %s", (_name, input, problem) => {
    expect(problems(input)).toContain(problem);
  });

  it("refuses a step it does not know", () => {
    expect(problems({ steps: { BIRTHDAY_SMS: { enabled: true } } })).not.toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { fallbackReasonText, nextChannelAfter, type FallbackDecision } from "./fallback";
import type { ShopperReach } from "./schedule";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from "./settings";
import type { CadenceStepKey, NotificationChannel } from "./steps";

/** Reachable by text (consented) and email, no push subscription, Shopify not texting. */
const REACH: ShopperReach = {
  hasPhone: true,
  hasSmsConsent: true,
  smsOptedOut: false,
  hasEmail: true,
  hasPushSubscription: false,
  shopifyTextsShopper: false,
};

function withChannels(step: CadenceStepKey, channels: NotificationChannel[], enabled = true): NotificationSettings {
  return {
    ...DEFAULT_NOTIFICATION_SETTINGS,
    steps: { ...DEFAULT_NOTIFICATION_SETTINGS.steps, [step]: { enabled, delayMinutes: 0, channels } },
  };
}

const short = (decision: FallbackDecision) => (decision.channel ? decision.channel : `none: ${decision.reason}`);

describe("the channel a message falls back to", () => {
  it.each<[string, CadenceStepKey, NotificationChannel[] | null, NotificationChannel, Partial<ShopperReach>, string]>([
    ["an undeliverable day-2 reminder text goes by email", "REMINDER_DAY_2", null, "SMS", {}, "EMAIL"],
    ["a push reminder without a device goes by email", "PICKUP_REMINDER_PUSH", null, "PUSH", {}, "EMAIL"],
    [
      "channels the shopper cannot be reached on are passed over",
      "DELAY_NOTICE",
      ["PUSH", "SMS", "EMAIL"],
      "PUSH",
      { smsOptedOut: true },
      "EMAIL",
    ],
    [
      "a remembered undeliverable number is passed over",
      "DELAY_NOTICE",
      ["PUSH", "SMS", "EMAIL"],
      "PUSH",
      { smsUndeliverable: true },
      "EMAIL",
    ],
    ["no email on the order: none, saying so", "REMINDER_DAY_5", null, "SMS", { hasEmail: false }, "none: NO_EMAIL"],
    ["the last channel chosen: none", "CANCELLED_NOTICE", null, "EMAIL", {}, "none: NO_OTHER_CHANNEL"],
    ["a step with one channel: none", "DELIVERED_SMS", null, "SMS", {}, "none: NO_OTHER_CHANNEL"],
    [
      "channels before the one that failed were passed over already: not tried again",
      "REMINDER_DAY_2",
      ["EMAIL", "SMS"],
      "SMS",
      {},
      "none: NO_OTHER_CHANNEL",
    ],
    [
      "a channel no longer chosen: the merchant's channels, in their order",
      "REMINDER_DAY_2",
      ["EMAIL", "PUSH"],
      "SMS",
      {},
      "EMAIL",
    ],
    [
      "a ready push whose next channel Shopify texts already: none (never repeats Shopify)",
      "READY_SMS",
      ["PUSH", "SMS"],
      "PUSH",
      { shopifyTextsShopper: true },
      "none: SENT_BY_SHOPIFY",
    ],
    [
      "a ready push goes by text when Shopify does not text the shopper",
      "READY_SMS",
      ["PUSH", "SMS"],
      "PUSH",
      {},
      "SMS",
    ],
  ])("%s", (_, step, channels, failedChannel, reach, expected) => {
    const settings = channels ? withChannels(step, channels) : DEFAULT_NOTIFICATION_SETTINGS;
    expect(short(nextChannelAfter({ step, settings, failedChannel, reach: { ...REACH, ...reach } }))).toBe(expected);
  });

  it("never emails news Shopify emails itself (the confirmation, ready and shipping steps)", () => {
    // Settings that somehow list email for the ready step (saved before the rule): still not by email.
    const settings = withChannels("READY_SMS", ["SMS", "EMAIL"]);
    const decision = nextChannelAfter({ step: "READY_SMS", settings, failedChannel: "SMS", reach: REACH });
    expect(decision).toEqual({
      channel: null,
      reason: "SENT_BY_SHOPIFY",
      passedOver: [{ channel: "EMAIL", reason: "SENT_BY_SHOPIFY" }],
    });
  });

  it("a step turned off since it was planned goes no other way", () => {
    const settings = withChannels("REMINDER_DAY_2", ["SMS", "EMAIL"], false);
    expect(short(nextChannelAfter({ step: "REMINDER_DAY_2", settings, failedChannel: "SMS", reach: REACH }))).toBe(
      "none: STEP_OFF",
    );
  });

  it("says on the message what came of it", () => {
    const why = "Undeliverable by text: Landline or unreachable carrier (30006)";
    expect(fallbackReasonText(why, { channel: "EMAIL", passedOver: [] })).toBe(`${why} — sent by email instead`);
    expect(fallbackReasonText(why, { channel: null, reason: "NO_EMAIL", passedOver: [] })).toBe(
      `${why} — not sent another way: No email address on the order`,
    );
  });
});

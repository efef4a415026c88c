import { describe, expect, it } from "vitest";
import {
  recipientTimeZone,
  scheduleFor,
  type CadenceContext,
  type CadenceEvent,
  type CadencePlan,
  type ShopperReach,
} from "./schedule";
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema } from "./settings";
import { CADENCE_STEP_KEYS } from "./steps";

const CHICAGO = "America/Chicago";
const LOS_ANGELES = "America/Los_Angeles";
const NEW_YORK = "America/New_York";

/** Tuesday 10 November 2026, 10:00 in Chicago (CST, UTC−6), 08:00 in Los Angeles (PST, UTC−8). */
const AT = new Date("2026-11-10T16:00:00.000Z");

/** Reachable by SMS (consented) and email, no push subscription, Shopify not texting. */
const REACH: ShopperReach = {
  hasPhone: true,
  hasSmsConsent: true,
  smsOptedOut: false,
  hasEmail: true,
  hasPushSubscription: false,
  shopifyTextsShopper: false,
};

function pickupContext(overrides: Partial<CadenceContext> = {}): CadenceContext {
  return {
    deliveryMethod: "PICK_UP",
    locationId: "gid://shopify/Location/lincoln-park",
    storeTimeZone: CHICAGO,
    destinationTimeZone: null,
    shopTimeZone: NEW_YORK,
    reach: REACH,
    settings: DEFAULT_NOTIFICATION_SETTINGS,
    ...overrides,
  };
}

function deliveryContext(overrides: Partial<CadenceContext> = {}): CadenceContext {
  return pickupContext({
    deliveryMethod: "LOCAL_DELIVERY",
    storeTimeZone: CHICAGO,
    destinationTimeZone: LOS_ANGELES,
    ...overrides,
  });
}

const event = (type: Exclude<CadenceEvent["type"], "SHIPPED" | "OUT_FOR_DELIVERY">, at = AT): CadenceEvent => ({
  type,
  at,
});

/** The plan in short: "STEP CHANNEL sendAt" lines, skipped "STEP CHANNEL REASON", Shopify's "MESSAGE CHANNEL". */
function summary(plan: CadencePlan) {
  return {
    schedule: plan.schedule.map((message) => `${message.step} ${message.channel} ${message.sendAt.toISOString()}`),
    cancel: plan.cancel,
    skipped: plan.skipped.map((message) => `${message.step} ${message.channel} ${message.reason}`),
    shopifySends: plan.shopifySends.map((send) => `${send.message} ${send.channel}`),
  };
}

const settingsWith = (input: unknown) => notificationSettingsSchema.parse(input);

describe("what each order event schedules and cancels", () => {
  it("routed to a store: the confirmation SMS now; Shopify sends the confirmation email", () => {
    expect(summary(scheduleFor(event("ORDER_ROUTED_TO_STORE"), pickupContext()))).toEqual({
      schedule: ["CONFIRMATION_SMS SMS 2026-11-10T16:00:00.000Z"],
      cancel: [],
      skipped: [],
      shopifySends: ["ORDER_CONFIRMATION EMAIL"],
    });
  });

  it("picking started: nothing to send (the seed has no message for it)", () => {
    expect(summary(scheduleFor(event("PICKING_STARTED"), pickupContext()))).toEqual({
      schedule: [],
      cancel: [],
      skipped: [],
      shopifySends: [],
    });
  });

  it("ready for pickup: the ready SMS, the 2-hour reminder, days 2 and 5; cancels the delay notice", () => {
    expect(summary(scheduleFor(event("READY_FOR_PICKUP"), pickupContext()))).toEqual({
      schedule: [
        "READY_SMS SMS 2026-11-10T16:00:00.000Z",
        // No push subscription: the reminder goes by email instead.
        "PICKUP_REMINDER_PUSH EMAIL 2026-11-10T18:00:00.000Z",
        "REMINDER_DAY_2 SMS 2026-11-12T16:00:00.000Z",
        "REMINDER_DAY_5 SMS 2026-11-15T16:00:00.000Z",
      ],
      cancel: ["DELAY_NOTICE"],
      skipped: ["PICKUP_REMINDER_PUSH PUSH NO_PUSH_SUBSCRIPTION", "EXPIRY_WARNING SMS AUTO_CANCEL_OFF"],
      shopifySends: ["READY_FOR_PICKUP EMAIL"],
    });
  });

  it("ready for pickup, push subscribed and auto-cancel on: the push reminder and an expiry warning a day before", () => {
    const plan = scheduleFor(
      event("READY_FOR_PICKUP"),
      pickupContext({
        reach: { ...REACH, hasPushSubscription: true },
        settings: settingsWith({ uncollected: { autoCancel: true, days: 4 } }),
      }),
    );
    expect(summary(plan).schedule).toEqual([
      "READY_SMS SMS 2026-11-10T16:00:00.000Z",
      "PICKUP_REMINDER_PUSH PUSH 2026-11-10T18:00:00.000Z",
      "REMINDER_DAY_2 SMS 2026-11-12T16:00:00.000Z",
      "REMINDER_DAY_5 SMS 2026-11-15T16:00:00.000Z",
      "EXPIRY_WARNING SMS 2026-11-13T16:00:00.000Z",
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it("collected: the feedback email 24 hours on; cancels every reminder still waiting", () => {
    expect(summary(scheduleFor(event("COLLECTED"), pickupContext()))).toEqual({
      schedule: ["FEEDBACK_EMAIL EMAIL 2026-11-11T16:00:00.000Z"],
      cancel: [
        "CONFIRMATION_SMS",
        "READY_SMS",
        "PICKUP_REMINDER_PUSH",
        "REMINDER_DAY_2",
        "REMINDER_DAY_5",
        "EXPIRY_WARNING",
        "DELAY_NOTICE",
        "STORE_CHANGED",
      ],
      skipped: [],
      shopifySends: [],
    });
  });

  it("shipped: the shipped SMS in the destination's zone; Shopify's shipping confirmation when the fulfilment notifies", () => {
    const context = deliveryContext({ deliveryMethod: "SHIPPING" });
    const plan = scheduleFor({ type: "SHIPPED", at: AT, shopifyNotified: true }, context);
    expect(summary(plan)).toEqual({
      schedule: ["SHIPPED_SMS SMS 2026-11-10T16:00:00.000Z"],
      cancel: ["DELAY_NOTICE"],
      skipped: [],
      shopifySends: ["SHIPPING_CONFIRMATION EMAIL"],
    });
    expect(plan.schedule[0]?.timeZone).toBe(LOS_ANGELES);
    expect(scheduleFor({ type: "SHIPPED", at: AT, shopifyNotified: false }, context).shopifySends).toEqual([]);
  });

  it("out for delivery: its SMS; cancels a shipped SMS still waiting", () => {
    expect(
      summary(scheduleFor({ type: "OUT_FOR_DELIVERY", at: AT, shopifyNotified: true }, deliveryContext())),
    ).toEqual({
      schedule: ["OUT_FOR_DELIVERY_SMS SMS 2026-11-10T16:00:00.000Z"],
      cancel: ["DELAY_NOTICE", "SHIPPED_SMS"],
      skipped: [],
      shopifySends: ["OUT_FOR_DELIVERY EMAIL"],
    });
  });

  it("delivered: the delivered SMS and the feedback email 24 hours on", () => {
    expect(summary(scheduleFor(event("DELIVERED"), deliveryContext()))).toEqual({
      schedule: ["FEEDBACK_EMAIL EMAIL 2026-11-11T17:00:00.000Z", "DELIVERED_SMS SMS 2026-11-10T16:00:00.000Z"],
      cancel: ["DELAY_NOTICE", "SHIPPED_SMS", "OUT_FOR_DELIVERY_SMS"],
      skipped: [],
      shopifySends: [],
    });
  });

  it("running late: the delay notice now", () => {
    expect(summary(scheduleFor(event("RUNNING_LATE"), pickupContext()))).toEqual({
      schedule: ["DELAY_NOTICE SMS 2026-11-10T16:00:00.000Z"],
      cancel: [],
      skipped: [],
      shopifySends: [],
    });
  });

  it("uncollected for D days: cancels the reminders when auto-cancel is on, nothing when it is off", () => {
    const off = scheduleFor(event("UNCOLLECTED_DAYS"), pickupContext());
    expect(summary(off)).toEqual({ schedule: [], cancel: [], skipped: [], shopifySends: [] });
    const on = scheduleFor(
      event("UNCOLLECTED_DAYS"),
      pickupContext({ settings: settingsWith({ uncollected: { autoCancel: true } }) }),
    );
    expect(on.cancel).toEqual(["PICKUP_REMINDER_PUSH", "REMINDER_DAY_2", "REMINDER_DAY_5", "EXPIRY_WARNING"]);
    expect(on.schedule).toEqual([]);
  });

  it("cancelled: the cancellation notice; cancels everything else pending", () => {
    const plan = scheduleFor(event("CANCELLED"), pickupContext());
    expect(summary(plan).schedule).toEqual(["CANCELLED_NOTICE SMS 2026-11-10T16:00:00.000Z"]);
    expect(plan.cancel).toEqual(CADENCE_STEP_KEYS.filter((key) => key !== "CANCELLED_NOTICE"));
  });

  it("schedules only the steps of the order's delivery method", () => {
    expect(scheduleFor(event("READY_FOR_PICKUP"), deliveryContext()).schedule).toEqual([]);
    expect(scheduleFor({ type: "SHIPPED", at: AT, shopifyNotified: true }, pickupContext()).schedule).toEqual([]);
  });

  it("names the store and the recipient's zone on each message", () => {
    const [ready] = scheduleFor(event("READY_FOR_PICKUP"), pickupContext()).schedule;
    expect(ready).toEqual({
      step: "READY_SMS",
      channel: "SMS",
      kind: "EVENT",
      sendAt: AT,
      locationId: "gid://shopify/Location/lincoln-park",
      timeZone: CHICAGO,
      rescheduled: false,
    });
  });
});

describe("quiet hours in the cadence", () => {
  it("holds a ready SMS at 22:00 until 08:00 and the 2-hour nudge until 09:00, in the store's zone", () => {
    // 22:00 in Chicago.
    const plan = scheduleFor(event("READY_FOR_PICKUP", new Date("2026-11-11T04:00:00.000Z")), pickupContext());
    expect(summary(plan).schedule.slice(0, 2)).toEqual([
      "READY_SMS SMS 2026-11-11T14:00:00.000Z",
      "PICKUP_REMINDER_PUSH EMAIL 2026-11-11T15:00:00.000Z",
    ]);
  });

  it("follows the merchant's sending windows", () => {
    const settings = settingsWith({ sendingWindows: { NUDGE: { start: "09:00", end: "12:00" } } });
    // Collected at 13:00 Chicago: feedback due 13:00 the next day, past the window: the day after, 09:00.
    const plan = scheduleFor(event("COLLECTED", new Date("2026-11-10T19:00:00.000Z")), pickupContext({ settings }));
    expect(summary(plan).schedule).toEqual(["FEEDBACK_EMAIL EMAIL 2026-11-12T15:00:00.000Z"]);
  });

  it("uses the destination's zone for deliveries and the shop's when neither is known", () => {
    expect(recipientTimeZone(pickupContext())).toBe(CHICAGO);
    expect(recipientTimeZone(deliveryContext())).toBe(LOS_ANGELES);
    expect(recipientTimeZone(deliveryContext({ destinationTimeZone: null }))).toBe(CHICAGO);
    expect(recipientTimeZone(pickupContext({ storeTimeZone: null }))).toBe(NEW_YORK);
    expect(recipientTimeZone(deliveryContext({ destinationTimeZone: null, storeTimeZone: null }))).toBe(NEW_YORK);
  });
});

describe("a store change", () => {
  const pending = [
    // Due 10:00 Chicago (08:00 Los Angeles) on day 2.
    { step: "REMINDER_DAY_2", channel: "SMS", sendAt: new Date("2026-11-12T16:00:00.000Z") },
    // Held for Chicago's window: 09:00 Chicago is 07:00 in Los Angeles.
    { step: "PICKUP_REMINDER_PUSH", channel: "EMAIL", sendAt: new Date("2026-11-11T15:00:00.000Z") },
    { step: "DELAY_NOTICE", channel: "SMS", sendAt: new Date("2026-11-10T17:00:00.000Z") },
  ] as const;
  const movedToLosAngeles = pickupContext({
    locationId: "gid://shopify/Location/santa-monica",
    storeTimeZone: LOS_ANGELES,
    pending,
  });

  it("tells the shopper, and moves the waiting reminders to the new store and its zone's window", () => {
    const plan = scheduleFor(event("STORE_CHANGED"), movedToLosAngeles);
    expect(summary(plan)).toEqual({
      schedule: [
        // 08:00 in Los Angeles: inside the event window.
        "STORE_CHANGED SMS 2026-11-10T16:00:00.000Z",
        // 08:00 Los Angeles is before its nudge window: 09:00 there.
        "REMINDER_DAY_2 SMS 2026-11-12T17:00:00.000Z",
        "PICKUP_REMINDER_PUSH EMAIL 2026-11-11T17:00:00.000Z",
      ],
      cancel: ["DELAY_NOTICE"],
      skipped: [],
      shopifySends: [],
    });
    expect(plan.schedule.map((message) => [message.locationId, message.timeZone, message.rescheduled])).toEqual([
      ["gid://shopify/Location/santa-monica", LOS_ANGELES, false],
      ["gid://shopify/Location/santa-monica", LOS_ANGELES, true],
      ["gid://shopify/Location/santa-monica", LOS_ANGELES, true],
    ]);
  });

  it("never moves a waiting message earlier than it was planned", () => {
    // Los Angeles to Chicago: 09:00 in Los Angeles is already 11:00 in Chicago.
    const plan = scheduleFor(
      event("STORE_CHANGED"),
      pickupContext({
        pending: [{ step: "REMINDER_DAY_5", channel: "SMS", sendAt: new Date("2026-11-15T17:00:00.000Z") }],
      }),
    );
    expect(summary(plan).schedule).toContain("REMINDER_DAY_5 SMS 2026-11-15T17:00:00.000Z");
  });

  it("sends a message already due when the store changes at once, in the new zone's window", () => {
    // Planned for 07:00 Chicago the same morning (past), the change at 10:00 Chicago = 08:00 Los Angeles.
    const plan = scheduleFor(
      event("STORE_CHANGED"),
      pickupContext({
        storeTimeZone: LOS_ANGELES,
        pending: [{ step: "READY_SMS", channel: "SMS", sendAt: new Date("2026-11-10T13:00:00.000Z") }],
      }),
    );
    expect(summary(plan).schedule).toContain("READY_SMS SMS 2026-11-10T16:00:00.000Z");
  });
});

describe("consent and channels", () => {
  it.each([
    ["no SMS consent", { hasSmsConsent: false }, "NO_SMS_CONSENT"],
    ["no phone", { hasPhone: false }, "NO_PHONE"],
    ["a number that replied STOP", { smsOptedOut: true }, "SMS_OPTED_OUT"],
  ] as const)("schedules no SMS with %s: skipped with the reason", (_name, reach, reason) => {
    const plan = scheduleFor(event("READY_FOR_PICKUP"), pickupContext({ reach: { ...REACH, ...reach } }));
    expect(plan.schedule.filter((message) => message.channel === "SMS")).toEqual([]);
    expect(summary(plan).skipped).toEqual(
      expect.arrayContaining([`READY_SMS SMS ${reason}`, `REMINDER_DAY_2 SMS ${reason}`]),
    );
    // The reminders fall back to email; the ready SMS has no other channel (Shopify emails it).
    expect(summary(plan).schedule).toEqual(expect.arrayContaining(["REMINDER_DAY_2 EMAIL 2026-11-12T16:00:00.000Z"]));
    expect(plan.schedule.find((message) => message.step === "READY_SMS")).toBeUndefined();
  });

  it("skips a step on every channel the shopper cannot be reached on", () => {
    const plan = scheduleFor(
      event("RUNNING_LATE"),
      pickupContext({ reach: { ...REACH, hasSmsConsent: false, hasEmail: false } }),
    );
    expect(summary(plan)).toEqual({
      schedule: [],
      cancel: [],
      skipped: ["DELAY_NOTICE SMS NO_SMS_CONSENT", "DELAY_NOTICE EMAIL NO_EMAIL"],
      shopifySends: [],
    });
  });

  it("skips a step the merchant turned off", () => {
    const settings = settingsWith({ steps: { FEEDBACK_EMAIL: { enabled: false } } });
    expect(summary(scheduleFor(event("COLLECTED"), pickupContext({ settings }))).skipped).toEqual([
      "FEEDBACK_EMAIL EMAIL STEP_OFF",
    ]);
  });

  it("sends a step on the merchant's first channel the shopper has", () => {
    const settings = settingsWith({ steps: { REMINDER_DAY_2: { channels: ["EMAIL", "SMS"] } } });
    const plan = scheduleFor(event("READY_FOR_PICKUP"), pickupContext({ settings }));
    expect(summary(plan).schedule).toContain("REMINDER_DAY_2 EMAIL 2026-11-12T16:00:00.000Z");
  });
});

describe("Shopify's own messages", () => {
  const textedByShopify = { ...REACH, shopifyTextsShopper: true };

  it("never doubles Shopify's texts: the confirmation and ready SMS are skipped as sent by Shopify", () => {
    const confirmed = scheduleFor(event("ORDER_ROUTED_TO_STORE"), pickupContext({ reach: textedByShopify }));
    expect(summary(confirmed)).toEqual({
      schedule: [],
      cancel: [],
      skipped: ["CONFIRMATION_SMS SMS SENT_BY_SHOPIFY"],
      shopifySends: ["ORDER_CONFIRMATION EMAIL", "ORDER_CONFIRMATION SMS"],
    });
    const ready = scheduleFor(event("READY_FOR_PICKUP"), pickupContext({ reach: textedByShopify }));
    expect(summary(ready).skipped).toContain("READY_SMS SMS SENT_BY_SHOPIFY");
    expect(summary(ready).shopifySends).toEqual(["READY_FOR_PICKUP EMAIL", "READY_FOR_PICKUP SMS"]);
    // Shopify sends no reminders: the app's still go by SMS.
    expect(summary(ready).schedule).toContain("REMINDER_DAY_2 SMS 2026-11-12T16:00:00.000Z");
  });

  it("does not send the ready message by push either when Shopify has texted it", () => {
    const settings = settingsWith({ steps: { READY_SMS: { channels: ["SMS", "PUSH"] } } });
    const plan = scheduleFor(
      event("READY_FOR_PICKUP"),
      pickupContext({ settings, reach: { ...textedByShopify, hasPushSubscription: true } }),
    );
    expect(plan.schedule.find((message) => message.step === "READY_SMS")).toBeUndefined();
  });

  it("sends the shipped SMS itself when Shopify's fulfilment did not notify", () => {
    const plan = scheduleFor(
      { type: "SHIPPED", at: AT, shopifyNotified: false },
      deliveryContext({ deliveryMethod: "SHIPPING", reach: textedByShopify }),
    );
    expect(summary(plan).schedule).toEqual(["SHIPPED_SMS SMS 2026-11-10T16:00:00.000Z"]);
    expect(plan.shopifySends).toEqual([]);
  });

  it("never schedules an email for news Shopify emails", () => {
    for (const [type, context] of [
      ["ORDER_ROUTED_TO_STORE", pickupContext({ reach: { ...REACH, hasSmsConsent: false } })],
      ["READY_FOR_PICKUP", pickupContext({ reach: { ...REACH, hasSmsConsent: false } })],
    ] as const) {
      const plan = scheduleFor(event(type), context);
      const shopifyNews = plan.schedule.filter(
        (message) =>
          (message.step === "CONFIRMATION_SMS" || message.step === "READY_SMS") && message.channel === "EMAIL",
      );
      expect(shopifyNews).toEqual([]);
    }
  });
});

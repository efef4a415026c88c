/**
 * The customer notification cadence as data: the seed's BOPIS and same-day flow, each step with
 * the event that triggers it, its delay, its channels and whether it is an event message or a
 * nudge (which decides its quiet hours). Shopify's own messages are listed apart: the app never
 * sends them, it shows them in the order's timeline as "sent by Shopify".
 */

/** Prisma's NotificationChannel, value for value. */
export const NOTIFICATION_CHANNELS = ["SMS", "EMAIL", "PUSH"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * EVENT: news about the order (ready, delayed, moved), sent 08:00–21:00 local by default.
 * NUDGE: reminders, push and feedback, sent 09:00–20:00 local by default.
 */
export const MESSAGE_KINDS = ["EVENT", "NUDGE"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Prisma's OrderDeliveryMethod, value for value. */
export type DeliveryMethod = "PICK_UP" | "SHIPPING" | "LOCAL_DELIVERY";

export const CADENCE_EVENT_TYPES = [
  "ORDER_ROUTED_TO_STORE",
  "PICKING_STARTED",
  "READY_FOR_PICKUP",
  "COLLECTED",
  "SHIPPED",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "STORE_CHANGED",
  "RUNNING_LATE",
  "UNCOLLECTED_DAYS",
  "CANCELLED",
] as const;
export type CadenceEventType = (typeof CADENCE_EVENT_TYPES)[number];

export const CADENCE_STEP_KEYS = [
  "CONFIRMATION_SMS",
  "READY_SMS",
  "PICKUP_REMINDER_PUSH",
  "REMINDER_DAY_2",
  "REMINDER_DAY_5",
  "EXPIRY_WARNING",
  "FEEDBACK_EMAIL",
  "DELAY_NOTICE",
  "STORE_CHANGED",
  "SHIPPED_SMS",
  "OUT_FOR_DELIVERY_SMS",
  "DELIVERED_SMS",
  "CANCELLED_NOTICE",
] as const;
export type CadenceStepKey = (typeof CADENCE_STEP_KEYS)[number];

/**
 * What a step's delay counts from. EVENT: after the triggering event. AUTO_CANCEL: before the
 * uncollected order would be cancelled (the expiry warning), so it follows the merchant's D days.
 */
export type DelayAnchor = "EVENT" | "AUTO_CANCEL";

export interface CadenceStep {
  readonly key: CadenceStepKey;
  /** The events that schedule it. */
  readonly triggers: readonly CadenceEventType[];
  /** The delivery methods it applies to; other orders never see it. */
  readonly methods: readonly DeliveryMethod[];
  readonly kind: MessageKind;
  readonly anchor: DelayAnchor;
  readonly defaultDelayMinutes: number;
  /**
   * The channels it goes by, in order of preference: the first the shopper can be reached on is
   * used, one message per step.
   */
  readonly defaultChannels: readonly NotificationChannel[];
  /**
   * The channels a merchant may choose. Email is left out where Shopify already emails the
   * shopper for the same event, so the app can never duplicate it.
   */
  readonly allowedChannels: readonly NotificationChannel[];
  readonly defaultEnabled: boolean;
  /**
   * Shopify sends the same news on the same event (by email, and by SMS to shoppers who checked
   * out with a phone): the app's SMS is then skipped as sent by Shopify.
   */
  readonly sameNewsAsShopify: boolean;
  /** What the merchant's settings page says the step is. */
  readonly description: string;
}

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ALL_METHODS: readonly DeliveryMethod[] = ["PICK_UP", "SHIPPING", "LOCAL_DELIVERY"];
const DELIVERY_METHODS: readonly DeliveryMethod[] = ["SHIPPING", "LOCAL_DELIVERY"];
const SMS_OR_EMAIL: readonly NotificationChannel[] = ["SMS", "EMAIL"];

export const CADENCE_STEPS: readonly CadenceStep[] = [
  {
    key: "CONFIRMATION_SMS",
    triggers: ["ORDER_ROUTED_TO_STORE"],
    methods: ALL_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    // The seed's confirmation is "Email + SMS": Shopify sends the email.
    defaultChannels: ["SMS"],
    allowedChannels: ["SMS"],
    defaultEnabled: true,
    sameNewsAsShopify: true,
    description: "Order confirmed, being prepared at the store",
  },
  {
    key: "READY_SMS",
    triggers: ["READY_FOR_PICKUP"],
    methods: ["PICK_UP"],
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    // Shopify sends its own "ready for pickup" email.
    defaultChannels: ["SMS"],
    allowedChannels: ["SMS", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: true,
    description: "Ready for pickup, with the address and pickup window. Reply HELP for support",
  },
  {
    key: "PICKUP_REMINDER_PUSH",
    triggers: ["READY_FOR_PICKUP"],
    methods: ["PICK_UP"],
    kind: "NUDGE",
    anchor: "EVENT",
    defaultDelayMinutes: 2 * HOUR,
    // Push is never the only channel: shoppers without a subscription (iPhones outside a
    // Home-Screen app) get the reminder by email.
    defaultChannels: ["PUSH", "EMAIL"],
    allowedChannels: ["PUSH", "SMS", "EMAIL"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Don't forget your order at the store (2 hours after ready, if not collected)",
  },
  {
    key: "REMINDER_DAY_2",
    triggers: ["READY_FOR_PICKUP"],
    methods: ["PICK_UP"],
    kind: "NUDGE",
    anchor: "EVENT",
    defaultDelayMinutes: 2 * DAY,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Your order is still waiting (day 2)",
  },
  {
    key: "REMINDER_DAY_5",
    triggers: ["READY_FOR_PICKUP"],
    methods: ["PICK_UP"],
    kind: "NUDGE",
    anchor: "EVENT",
    defaultDelayMinutes: 5 * DAY,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Your order is still waiting (day 5)",
  },
  {
    key: "EXPIRY_WARNING",
    triggers: ["READY_FOR_PICKUP"],
    methods: ["PICK_UP"],
    kind: "NUDGE",
    anchor: "AUTO_CANCEL",
    // A day before the uncollected order is cancelled; only while auto-cancel is on.
    defaultDelayMinutes: 1 * DAY,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Collect by tomorrow or the order is cancelled and refunded",
  },
  {
    key: "FEEDBACK_EMAIL",
    triggers: ["COLLECTED", "DELIVERED"],
    methods: ALL_METHODS,
    kind: "NUDGE",
    anchor: "EVENT",
    defaultDelayMinutes: 24 * HOUR,
    defaultChannels: ["EMAIL"],
    allowedChannels: ["EMAIL", "SMS"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "How was your pickup? Rate us, with the merchant's offer",
  },
  {
    key: "DELAY_NOTICE",
    triggers: ["RUNNING_LATE"],
    methods: ALL_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Running late: the promised time passed and the order is not ready",
  },
  {
    key: "STORE_CHANGED",
    triggers: ["STORE_CHANGED"],
    methods: ["PICK_UP"],
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Your order moved to another store, with its address",
  },
  {
    key: "SHIPPED_SMS",
    triggers: ["SHIPPED"],
    methods: DELIVERY_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    // Shopify sends the shipping confirmation email (the fulfilment notifies the customer).
    defaultChannels: ["SMS"],
    allowedChannels: ["SMS", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: true,
    description: "Shipped from the store, with the tracking link",
  },
  {
    key: "OUT_FOR_DELIVERY_SMS",
    triggers: ["OUT_FOR_DELIVERY"],
    methods: DELIVERY_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    defaultChannels: ["SMS"],
    allowedChannels: ["SMS", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: true,
    description: "Out for delivery, with the driver and tracking link",
  },
  {
    key: "DELIVERED_SMS",
    triggers: ["DELIVERED"],
    methods: DELIVERY_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    defaultChannels: ["SMS"],
    allowedChannels: ["SMS", "EMAIL", "PUSH"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Delivered",
  },
  {
    key: "CANCELLED_NOTICE",
    triggers: ["CANCELLED"],
    methods: ALL_METHODS,
    kind: "EVENT",
    anchor: "EVENT",
    defaultDelayMinutes: 0,
    defaultChannels: SMS_OR_EMAIL,
    allowedChannels: ["SMS", "EMAIL"],
    defaultEnabled: true,
    sameNewsAsShopify: false,
    description: "Your order was cancelled (and refunded)",
  },
];

const STEPS_BY_KEY = new Map(CADENCE_STEPS.map((step) => [step.key, step]));

export function cadenceStep(key: CadenceStepKey): CadenceStep {
  const step = STEPS_BY_KEY.get(key);
  if (!step) throw new Error(`Unknown cadence step: ${key}`);
  return step;
}

export const SHOPIFY_MESSAGE_KEYS = [
  "ORDER_CONFIRMATION",
  "READY_FOR_PICKUP",
  "SHIPPING_CONFIRMATION",
  "OUT_FOR_DELIVERY",
] as const;
export type ShopifyMessageKey = (typeof SHOPIFY_MESSAGE_KEYS)[number];

export interface ShopifyMessage {
  readonly key: ShopifyMessageKey;
  readonly trigger: CadenceEventType;
  readonly methods: readonly DeliveryMethod[];
  /**
   * Shopify sends it only when the fulfilment asks it to notify the customer (the app's
   * fulfilments for shipped and out-for-delivery orders do).
   */
  readonly onlyWhenFulfilmentNotifies: boolean;
  readonly description: string;
}

/**
 * What Shopify sends by itself: always by email, and by SMS too to a shopper who checked out
 * with a phone. The order confirmation cannot be turned off; the ready email follows
 * fulfillmentOrderLineItemsPreparedForPickup.
 */
export const SHOPIFY_MESSAGES: readonly ShopifyMessage[] = [
  {
    key: "ORDER_CONFIRMATION",
    trigger: "ORDER_ROUTED_TO_STORE",
    methods: ALL_METHODS,
    onlyWhenFulfilmentNotifies: false,
    description: "Order confirmation",
  },
  {
    key: "READY_FOR_PICKUP",
    trigger: "READY_FOR_PICKUP",
    methods: ["PICK_UP"],
    onlyWhenFulfilmentNotifies: false,
    description: "Ready for pickup",
  },
  {
    key: "SHIPPING_CONFIRMATION",
    trigger: "SHIPPED",
    methods: DELIVERY_METHODS,
    onlyWhenFulfilmentNotifies: true,
    description: "Shipping confirmation",
  },
  {
    key: "OUT_FOR_DELIVERY",
    trigger: "OUT_FOR_DELIVERY",
    methods: ["LOCAL_DELIVERY"],
    onlyWhenFulfilmentNotifies: true,
    description: "Out for local delivery",
  },
];

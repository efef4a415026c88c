import { nextSendableAt } from "./quiet-hours";
import type { NotificationSettings } from "./settings";
import {
  CADENCE_STEP_KEYS,
  CADENCE_STEPS,
  cadenceStep,
  SHOPIFY_MESSAGES,
  type CadenceEventType,
  type CadenceStep,
  type CadenceStepKey,
  type DeliveryMethod,
  type MessageKind,
  type NotificationChannel,
  type ShopifyMessageKey,
} from "./steps";

/**
 * What an order event does to its customer messages: which steps to schedule (when, on which
 * channel, in which zone), which pending ones it makes pointless, which were not sent and why,
 * and what Shopify sends by itself. The caller writes one notification row per (order, step,
 * channel) from it, in the event's transaction.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface EventAt<Type extends CadenceEventType> {
  readonly type: Type;
  readonly at: Date;
}

export type CadenceEvent =
  | EventAt<"ORDER_ROUTED_TO_STORE">
  | EventAt<"PICKING_STARTED">
  | EventAt<"READY_FOR_PICKUP">
  | EventAt<"COLLECTED">
  | (EventAt<"SHIPPED"> & {
      /** The fulfilment asked Shopify to notify the customer (its shipping confirmation). */
      readonly shopifyNotified: boolean;
    })
  | (EventAt<"OUT_FOR_DELIVERY"> & { readonly shopifyNotified: boolean })
  | EventAt<"DELIVERED">
  /** The context's store and zone are the new store's. */
  | EventAt<"STORE_CHANGED">
  | EventAt<"RUNNING_LATE">
  | EventAt<"UNCOLLECTED_DAYS">
  | EventAt<"CANCELLED">;

/** How the shopper can be reached, as the order and the shop's records say. */
export interface ShopperReach {
  readonly hasPhone: boolean;
  /** A checkout phone, SMS marketing consent or a consent the app recorded. */
  readonly hasSmsConsent: boolean;
  /** The number texted STOP to this shop (or Twilio refused it with 21610). */
  readonly smsOptedOut: boolean;
  /** Twilio said texts can never reach the number (a landline, an invalid number …). */
  readonly smsUndeliverable?: boolean;
  readonly hasEmail: boolean;
  readonly hasPushSubscription: boolean;
  /** Shopify texts this shopper its own confirmation, ready and shipping messages. */
  readonly shopifyTextsShopper: boolean;
}

/** A message of the order still waiting to be sent (a SCHEDULED row). */
export interface PendingMessage {
  readonly step: CadenceStepKey;
  readonly channel: NotificationChannel;
  readonly sendAt: Date;
}

export interface CadenceContext {
  readonly deliveryMethod: DeliveryMethod;
  /** The store fulfilling the order (for pickup, where the shopper collects it), if any. */
  readonly locationId: string | null;
  readonly storeTimeZone: string | null;
  /** The delivery address's zone, when known. */
  readonly destinationTimeZone: string | null;
  readonly shopTimeZone: string;
  readonly reach: ShopperReach;
  readonly settings: NotificationSettings;
  /** The order's messages still waiting: a store change moves them to the new store's zone. */
  readonly pending?: readonly PendingMessage[];
}

export interface ScheduledMessage {
  readonly step: CadenceStepKey;
  readonly channel: NotificationChannel;
  readonly kind: MessageKind;
  readonly sendAt: Date;
  readonly locationId: string | null;
  readonly timeZone: string;
  /** A pending message moved (new store, new zone): update its row rather than add one. */
  readonly rescheduled: boolean;
}

export const SKIP_REASONS = {
  STEP_OFF: "Turned off in the notification settings",
  AUTO_CANCEL_OFF: "Uncollected orders are not cancelled automatically",
  SENT_BY_SHOPIFY: "Shopify texts this shopper the same news",
  NO_PHONE: "No phone number on the order",
  NO_SMS_CONSENT: "The shopper has not agreed to texts",
  SMS_OPTED_OUT: "The number replied STOP",
  SMS_UNDELIVERABLE: "Texts cannot reach this number (a landline or an invalid number)",
  NO_EMAIL: "No email address on the order",
  NO_PUSH_SUBSCRIPTION: "The shopper has not turned on push notifications",
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** A step (on a channel) not sent by decision: a SKIPPED row the order's timeline shows. */
export interface SkippedMessage {
  readonly step: CadenceStepKey;
  readonly channel: NotificationChannel;
  readonly reason: SkipReason;
}

/** A message Shopify sends by itself, for the order's timeline. */
export interface ShopifySend {
  readonly message: ShopifyMessageKey;
  readonly channel: NotificationChannel;
  readonly at: Date;
}

export interface CadencePlan {
  readonly schedule: readonly ScheduledMessage[];
  /** Steps whose pending messages (every channel) are cancelled. */
  readonly cancel: readonly CadenceStepKey[];
  readonly skipped: readonly SkippedMessage[];
  readonly shopifySends: readonly ShopifySend[];
}

const PICKUP_WAITING: readonly CadenceStepKey[] = [
  "PICKUP_REMINDER_PUSH",
  "REMINDER_DAY_2",
  "REMINDER_DAY_5",
  "EXPIRY_WARNING",
];

/** The pending steps each event makes pointless. */
function cancelledBy(event: CadenceEvent, settings: NotificationSettings): readonly CadenceStepKey[] {
  switch (event.type) {
    case "READY_FOR_PICKUP":
      return ["DELAY_NOTICE"];
    case "COLLECTED":
      return ["CONFIRMATION_SMS", "READY_SMS", ...PICKUP_WAITING, "DELAY_NOTICE", "STORE_CHANGED"];
    case "SHIPPED":
      return ["DELAY_NOTICE"];
    case "OUT_FOR_DELIVERY":
      return ["DELAY_NOTICE", "SHIPPED_SMS"];
    case "DELIVERED":
      return ["DELAY_NOTICE", "SHIPPED_SMS", "OUT_FOR_DELIVERY_SMS"];
    case "STORE_CHANGED":
      // The new store's promise replaces the old one's delay; the store-changed notice says so.
      return ["DELAY_NOTICE"];
    case "UNCOLLECTED_DAYS":
      // The order is about to be cancelled: its cancellation notice says the rest.
      return settings.uncollected.autoCancel ? PICKUP_WAITING : [];
    case "CANCELLED":
      return CADENCE_STEP_KEYS.filter((key) => key !== "CANCELLED_NOTICE");
    case "ORDER_ROUTED_TO_STORE":
    case "PICKING_STARTED":
    case "RUNNING_LATE":
      return [];
  }
}

/** The recipient's zone: the pickup store's for pickup, the destination's for delivery, else the shop's. */
export function recipientTimeZone(context: CadenceContext): string {
  const preferred = context.deliveryMethod === "PICK_UP" ? context.storeTimeZone : context.destinationTimeZone;
  return preferred ?? context.storeTimeZone ?? context.shopTimeZone;
}

/** Why the shopper cannot get `channel`, or null when they can. */
export function unreachableReason(channel: NotificationChannel, reach: ShopperReach): SkipReason | null {
  switch (channel) {
    case "SMS":
      if (!reach.hasPhone) return "NO_PHONE";
      if (reach.smsOptedOut) return "SMS_OPTED_OUT";
      if (reach.smsUndeliverable) return "SMS_UNDELIVERABLE";
      return reach.hasSmsConsent ? null : "NO_SMS_CONSENT";
    case "EMAIL":
      return reach.hasEmail ? null : "NO_EMAIL";
    case "PUSH":
      return reach.hasPushSubscription ? null : "NO_PUSH_SUBSCRIPTION";
  }
}

function shopifySendsFor(event: CadenceEvent, context: CadenceContext): ShopifySend[] {
  const notified = "shopifyNotified" in event ? event.shopifyNotified : true;
  return SHOPIFY_MESSAGES.filter(
    (message) =>
      message.trigger === event.type &&
      message.methods.includes(context.deliveryMethod) &&
      (!message.onlyWhenFulfilmentNotifies || notified),
  ).flatMap((message) => [
    { message: message.key, channel: "EMAIL" as const, at: event.at },
    ...(context.reach.shopifyTextsShopper ? [{ message: message.key, channel: "SMS" as const, at: event.at }] : []),
  ]);
}

interface StepOutcome {
  readonly scheduled: ScheduledMessage | null;
  readonly skipped: readonly SkippedMessage[];
}

/** When the step is due before quiet hours, or null when it is not to be sent at all. */
function dueAt(step: CadenceStep, event: CadenceEvent, context: CadenceContext): Date | null {
  const delay = context.settings.steps[step.key].delayMinutes * MINUTE;
  if (step.anchor === "EVENT") return new Date(event.at.getTime() + delay);
  const { autoCancel, days } = context.settings.uncollected;
  if (!autoCancel) return null;
  return new Date(Math.max(event.at.getTime(), autoCancelAt(event.at, days).getTime() - delay));
}

/**
 * One step for one event: on the first of its channels the shopper can be reached on, each
 * channel passed over recorded with its reason; Shopify's texts never doubled.
 */
function planStep(step: CadenceStep, event: CadenceEvent, context: CadenceContext, shopifyTexts: boolean): StepOutcome {
  const settings = context.settings.steps[step.key];
  const preferred = settings.channels[0] ?? step.defaultChannels[0] ?? "EMAIL";
  const notSent = (reason: SkipReason): StepOutcome => ({
    scheduled: null,
    skipped: [{ step: step.key, channel: preferred, reason }],
  });
  if (!settings.enabled) return notSent("STEP_OFF");
  const due = dueAt(step, event, context);
  if (!due) return notSent("AUTO_CANCEL_OFF");
  const skipped: SkippedMessage[] = [];
  for (const channel of settings.channels) {
    const reason =
      channel === "SMS" && shopifyTexts && step.sameNewsAsShopify
        ? "SENT_BY_SHOPIFY"
        : unreachableReason(channel, context.reach);
    if (reason) {
      skipped.push({ step: step.key, channel, reason });
      // Shopify has told the shopper already: another channel would repeat it.
      if (reason === "SENT_BY_SHOPIFY") return { scheduled: null, skipped };
      continue;
    }
    const timeZone = recipientTimeZone(context);
    const sendAt = nextSendableAt(due, step.kind, timeZone, context.settings.sendingWindows);
    const { locationId } = context;
    return {
      scheduled: { step: step.key, channel, kind: step.kind, sendAt, locationId, timeZone, rescheduled: false },
      skipped,
    };
  }
  return { scheduled: null, skipped };
}

/**
 * A store change moves the order's waiting messages to the new store and its zone. A message
 * never goes earlier than it was planned: the later of its planned time and the change, then
 * the new zone's window.
 */
function rescheduled(
  event: CadenceEvent,
  context: CadenceContext,
  cancelled: readonly CadenceStepKey[],
): ScheduledMessage[] {
  const timeZone = recipientTimeZone(context);
  return (context.pending ?? [])
    .filter((message) => !cancelled.includes(message.step) && message.step !== "STORE_CHANGED")
    .map((message) => {
      const { kind } = cadenceStep(message.step);
      const from = new Date(Math.max(message.sendAt.getTime(), event.at.getTime()));
      return {
        step: message.step,
        channel: message.channel,
        kind,
        sendAt: nextSendableAt(from, kind, timeZone, context.settings.sendingWindows),
        locationId: context.locationId,
        timeZone,
        rescheduled: true,
      };
    });
}

/** What `event` does to the order's customer messages. Pure: the event carries its time. */
export function scheduleFor(event: CadenceEvent, context: CadenceContext): CadencePlan {
  const shopifySends = shopifySendsFor(event, context);
  const shopifyTexts = shopifySends.some((send) => send.channel === "SMS");
  const cancel = cancelledBy(event, context.settings);
  const outcomes = CADENCE_STEPS.filter(
    (step) => step.triggers.includes(event.type) && step.methods.includes(context.deliveryMethod),
  ).map((step) => planStep(step, event, context, shopifyTexts));
  const schedule = outcomes.flatMap((outcome) => (outcome.scheduled ? [outcome.scheduled] : []));
  if (event.type === "STORE_CHANGED") schedule.push(...rescheduled(event, context, cancel));
  return { schedule, cancel, skipped: outcomes.flatMap((outcome) => outcome.skipped), shopifySends };
}

/** When an order ready at `readyAt` is cancelled as uncollected: `days` 24-hour days later. */
export function autoCancelAt(readyAt: Date, days: number): Date {
  return new Date(readyAt.getTime() + days * DAY);
}

import { MESSAGE_TEXT_FIELDS, toMessageTextsForm, type MessageTextField } from "./message-texts-form";
import type { NotificationSettings } from "./settings";
import {
  CADENCE_STEP_KEYS,
  cadenceStep,
  SHOPIFY_MESSAGES,
  type CadenceStepKey,
  type NotificationChannel,
  type ShopifyMessage,
} from "./steps";

/**
 * The Notifications page's forms as a browser posts them (every value a string) and the settings
 * as those forms show them. No schema here: the page's browser code imports this file, so zod
 * stays out of the browser; settings-form-parse.ts, which only the server imports, reads them.
 */

export const STEP_FIELD_PARTS = ["enabled", "delay", "delayUnit", "channels"] as const;
export type StepFieldPart = (typeof STEP_FIELD_PARTS)[number];
export type StepField = `${CadenceStepKey}.${StepFieldPart}`;

export const POLICY_FIELDS = [
  "eventWindowStart",
  "eventWindowEnd",
  "nudgeWindowStart",
  "nudgeWindowEnd",
  "feedbackOffer",
  "autoCancel",
  "uncollectedDays",
  "autoCancelRestock",
  "autoCancelRefund",
  "autoCancelNotifyCustomer",
  /** How many orders the merchant saw listed when turning auto-cancel on: saving "on" needs it. */
  "autoCancelConfirmedCount",
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

export type CadenceFormField = StepField | PolicyField | MessageTextField;
export type CadenceForm = Partial<Record<CadenceFormField, string>>;

export const stepField = (key: CadenceStepKey, part: StepFieldPart): StepField => `${key}.${part}`;

export const CADENCE_FORM_FIELDS: readonly CadenceFormField[] = [
  ...CADENCE_STEP_KEYS.flatMap((key) => STEP_FIELD_PARTS.map((part) => stepField(key, part))),
  ...POLICY_FIELDS,
  ...MESSAGE_TEXT_FIELDS,
];

export const DELAY_UNITS = ["minutes", "hours", "days"] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];
export const MINUTES_PER_UNIT: Readonly<Record<DelayUnit, number>> = { minutes: 1, hours: 60, days: 24 * 60 };

/** A delay in the largest unit it is a whole number of: 2880 minutes reads "2 days", 90 reads "90 minutes". */
export function delayInUnit(minutes: number): { value: string; unit: DelayUnit } {
  if (minutes > 0 && minutes % MINUTES_PER_UNIT.days === 0)
    return { value: String(minutes / MINUTES_PER_UNIT.days), unit: "days" };
  if (minutes > 0 && minutes % MINUTES_PER_UNIT.hours === 0)
    return { value: String(minutes / MINUTES_PER_UNIT.hours), unit: "hours" };
  return { value: String(minutes), unit: "minutes" };
}

/** A step's channels as one form value, in order of preference: "SMS,EMAIL". */
export const channelsValue = (channels: readonly NotificationChannel[]): string => channels.join(",");

const CHANNEL_NAMES: Readonly<Record<NotificationChannel, string>> = { SMS: "SMS", EMAIL: "email", PUSH: "push" };

export function channelsLabel(channels: readonly NotificationChannel[]): string {
  const [first, ...rest] = channels.map((channel) => CHANNEL_NAMES[channel]);
  const label = [first ?? "", ...rest.map((name) => `else ${name}`)].join(", ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The channel orders a step offers: each allowed channel alone, then each pair in either order
 * (the first the shopper can be reached on is used); push never alone.
 */
export function channelOptions(key: CadenceStepKey): { value: string; label: string }[] {
  const allowed = cadenceStep(key).allowedChannels;
  const orders: NotificationChannel[][] = [
    ...allowed.map((channel) => [channel]),
    ...allowed.flatMap((first) => allowed.filter((second) => second !== first).map((second) => [first, second])),
  ];
  return orders
    .filter((order) => order.some((channel) => channel !== "PUSH"))
    .map((order) => ({ value: channelsValue(order), label: channelsLabel(order) }));
}

export function toCadenceForm(settings: NotificationSettings): Required<CadenceForm> {
  const steps = Object.fromEntries(
    CADENCE_STEP_KEYS.flatMap((key) => {
      const step = settings.steps[key];
      const delay = delayInUnit(step.delayMinutes);
      return [
        [stepField(key, "enabled"), String(step.enabled)],
        [stepField(key, "delay"), delay.value],
        [stepField(key, "delayUnit"), delay.unit],
        [stepField(key, "channels"), channelsValue(step.channels)],
      ];
    }),
  ) as Record<StepField, string>; // every key: four parts of each step, mapped above.
  return {
    ...steps,
    eventWindowStart: settings.sendingWindows.EVENT.start,
    eventWindowEnd: settings.sendingWindows.EVENT.end,
    nudgeWindowStart: settings.sendingWindows.NUDGE.start,
    nudgeWindowEnd: settings.sendingWindows.NUDGE.end,
    feedbackOffer: settings.feedbackOffer,
    autoCancel: String(settings.uncollected.autoCancel),
    uncollectedDays: String(settings.uncollected.days),
    autoCancelRestock: String(settings.uncollected.restock),
    autoCancelRefund: String(settings.uncollected.refund),
    autoCancelNotifyCustomer: String(settings.uncollected.notifyCustomer),
    autoCancelConfirmedCount: "",
    ...toMessageTextsForm(settings),
  };
}

/** One entry of the page's timeline: a step the merchant sets, or a message Shopify sends itself. */
export type TimelineEntry = { kind: "STEP"; key: CadenceStepKey } | { kind: "SHOPIFY"; message: ShopifyMessage };

export interface TimelineSection {
  title: string;
  entries: readonly TimelineEntry[];
}

const step = (key: CadenceStepKey): TimelineEntry => ({ kind: "STEP", key });
function shopify(key: ShopifyMessage["key"]): TimelineEntry {
  const message = SHOPIFY_MESSAGES.find((candidate) => candidate.key === key);
  if (!message) throw new Error(`Unknown Shopify message: ${key}`);
  return { kind: "SHOPIFY", message };
}

/** The cadence in the order a shopper meets it; every step appears once. */
export const CADENCE_TIMELINE: readonly TimelineSection[] = [
  {
    title: "Pickup",
    entries: [
      shopify("ORDER_CONFIRMATION"),
      step("CONFIRMATION_SMS"),
      shopify("READY_FOR_PICKUP"),
      step("READY_SMS"),
      step("PICKUP_REMINDER_PUSH"),
      step("REMINDER_DAY_2"),
      step("REMINDER_DAY_5"),
      step("EXPIRY_WARNING"),
      step("FEEDBACK_EMAIL"),
    ],
  },
  {
    title: "Shipping and local delivery",
    entries: [
      shopify("SHIPPING_CONFIRMATION"),
      step("SHIPPED_SMS"),
      shopify("OUT_FOR_DELIVERY"),
      step("OUT_FOR_DELIVERY_SMS"),
      step("DELIVERED_SMS"),
    ],
  },
  {
    title: "When plans change",
    entries: [step("DELAY_NOTICE"), step("STORE_CHANGED"), step("CANCELLED_NOTICE")],
  },
];

export const SENDER_ACCOUNT_FIELDS = [
  "twilioAccountSid",
  "twilioAuthToken",
  "twilioMessagingServiceSid",
  "smsHelpText",
  "sendgridApiKey",
  "sendgridFromEmail",
  "sendgridFromName",
  "sendgridReminderGroupId",
  "sendgridFeedbackGroupId",
  "onesignalAppId",
  "onesignalRestApiKey",
] as const;
export type SenderAccountField = (typeof SENDER_ACCOUNT_FIELDS)[number];
export type SenderAccountsForm = Partial<Record<SenderAccountField, string>>;

/** The saved accounts as the page shows them: secrets only masked ("…1a2b"), never sent back. */
export interface SenderAccountsDisplay {
  twilio: {
    accountSid: string;
    authTokenMasked: string | null;
    authTokenUnreadable: boolean;
    messagingServiceSid: string | null;
    smsHelpText: string | null;
  } | null;
  sendgrid: {
    apiKeyMasked: string | null;
    apiKeyUnreadable: boolean;
    fromEmail: string | null;
    fromName: string | null;
    /** The shop's SendGrid unsubscribe groups for reminders and for feedback requests. */
    reminderGroupId?: number | null;
    feedbackGroupId?: number | null;
  } | null;
  /** Unset on pages saved before push: none. */
  onesignal?: {
    appId: string;
    restApiKeyMasked: string | null;
    restApiKeyUnreadable: boolean;
  } | null;
}

/** The form's starting values: the saved ones, secrets blank (blank keeps the saved secret). */
export function toSenderAccountsForm(saved: SenderAccountsDisplay): Required<SenderAccountsForm> {
  return {
    twilioAccountSid: saved.twilio?.accountSid ?? "",
    twilioAuthToken: "",
    twilioMessagingServiceSid: saved.twilio?.messagingServiceSid ?? "",
    smsHelpText: saved.twilio?.smsHelpText ?? "",
    sendgridApiKey: "",
    sendgridFromEmail: saved.sendgrid?.fromEmail ?? "",
    sendgridFromName: saved.sendgrid?.fromName ?? "",
    sendgridReminderGroupId: String(saved.sendgrid?.reminderGroupId ?? ""),
    sendgridFeedbackGroupId: String(saved.sendgrid?.feedbackGroupId ?? ""),
    onesignalAppId: saved.onesignal?.appId ?? "",
    onesignalRestApiKey: "",
  };
}

import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { NotificationChannel, NotificationStatus } from "@prisma/client";
import { formatDateTime } from "~/domain/date-time";
import { CADENCE_STEPS } from "~/domain/notifications";
import { SHOPIFY_STEP_PREFIX, shopifyMessageLabel } from "~/models/notification-plans.server";
import type { StoredMessage } from "~/models/notification-timeline.server";

/**
 * A customer message as the merchant's pages show it: what it says (the step), by which channel,
 * where it stands in words, and to whom, masked — staff see that a message went to the right
 * shopper without the page handing out the shopper's number or address.
 */

/** A Polaris badge tone; null for the plain badge. */
export type MessageTone = "info" | "success" | "critical" | "attention" | "warning" | null;

export interface MessageView {
  id: string;
  orderId: string;
  description: string;
  channel: NotificationChannel;
  channelLabel: string;
  status: NotificationStatus;
  /** "Scheduled for 2026-11-27 09:00 CST", "Failed — Unknown destination", "Sent by Shopify" … */
  statusLabel: string;
  tone: MessageTone;
  /** A note the status words leave out: who resent it, why it was cancelled. */
  note: string | null;
  /** When it was (or is to be) sent, in the store's zone or the shop's. */
  at: string;
  /** The same instant, ISO 8601, to order by. */
  atIso: string;
  /** Masked ("+1 •••• ••0123", "a•••@example.com"); null until the send chooses one. */
  recipient: string | null;
  sentByShopify: boolean;
  canResend: boolean;
}

const CHANNEL_LABELS: Record<NotificationChannel, string> = { SMS: "SMS", EMAIL: "Email", PUSH: "Push" };

const STEP_DESCRIPTIONS = new Map<string, string>(CADENCE_STEPS.map((step) => [step.key, step.description]));

export function stepDescription(step: string): string {
  if (step.startsWith(SHOPIFY_STEP_PREFIX)) return shopifyMessageLabel(step) ?? "Shopify's own message";
  return STEP_DESCRIPTIONS.get(step) ?? step;
}

const MASK = "•••";

/** Enough of the recipient to recognise it: country code and last four digits, an email's first letter and domain. */
export function maskRecipient(channel: NotificationChannel, recipient: string | null): string | null {
  if (!recipient) return null;
  if (channel === "EMAIL") {
    const at = recipient.lastIndexOf("@");
    if (at < 1) return MASK;
    return `${recipient.charAt(0)}${MASK}${recipient.slice(at)}`;
  }
  const lastFour = recipient.replace(/\D/g, "").slice(-4);
  if (channel === "PUSH") return `Device ${MASK}${recipient.slice(-4)}`;
  const countryCode = parsePhoneNumberFromString(recipient)?.countryCallingCode;
  return `${countryCode ? `+${countryCode} ` : ""}•••• ••${lastFour}`;
}

function statusWords(message: StoredMessage, at: string): { label: string; tone: MessageTone } {
  const because = (words: string) => (message.reason ? `${words} — ${message.reason}` : words);
  switch (message.status) {
    case "SCHEDULED":
      return { label: `Scheduled for ${at}`, tone: "info" };
    case "SENDING":
      return { label: "Sending", tone: "info" };
    case "SENT":
      return { label: "Sent", tone: "success" };
    case "DELIVERED":
      return { label: "Delivered", tone: "success" };
    case "FAILED":
      return { label: because("Failed"), tone: "critical" };
    case "UNKNOWN":
      return { label: "Sent? Being checked with the provider", tone: "attention" };
    case "CANCELLED":
      return { label: "Cancelled", tone: null };
    case "SKIPPED":
      return message.step.startsWith(SHOPIFY_STEP_PREFIX)
        ? { label: "Sent by Shopify", tone: null }
        : { label: because("Skipped"), tone: "warning" };
  }
}

/** The message's words, its time in `timeZone` (the store's, else the shop's). */
export function messageView(message: StoredMessage, timeZone: string, sentAnotherWay = false): MessageView {
  const when = message.deliveredAt ?? message.sentAt ?? message.sendAt;
  const at = formatDateTime(when, timeZone);
  const { label, tone } = statusWords(message, at);
  const saysWhy = message.status === "FAILED" || message.status === "SKIPPED";
  return {
    id: message.id,
    orderId: message.orderId,
    description: stepDescription(message.step),
    channel: message.channel,
    channelLabel: CHANNEL_LABELS[message.channel],
    status: message.status,
    statusLabel: label,
    tone,
    note: saysWhy ? null : message.reason,
    at,
    atIso: when.toISOString(),
    recipient: maskRecipient(message.channel, message.recipient),
    sentByShopify: message.step.startsWith(SHOPIFY_STEP_PREFIX),
    // A failed message that went by another channel since is not sent twice.
    canResend: message.status === "FAILED" && !sentAnotherWay,
  };
}

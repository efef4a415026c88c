import prisma from "~/db.server";
import { SKIP_REASONS } from "~/domain/notifications";
import type { SmsFacts, SmsTexts } from "~/domain/notifications/sms-text";
import type { NotificationToSend } from "~/models/notification-sending.server";
import { fallBackToNextChannel } from "../fallback.server";
import type { PushChannel, PushMessage } from "./push-channel";
import { pushTextFor } from "./push-text";

/**
 * The sending job's push: a row's message to the order's customer (their Shopify customer id is
 * their OneSignal external id), keyed by the row's id, so a push whose answer was lost is sent
 * again with the same key and reaches the shopper at most once. A shopper with no subscribed
 * device (or a shop without push any more) is told by the step's next channel instead.
 */

export const NO_PUSH_ACCOUNT = "Push is not set up: add your OneSignal app in Settings";
/** Tries at a push in doubt: each with the same idempotency key, so more tries never send it twice. */
export const MAX_PUSH_ATTEMPTS = 5;

export interface PreparedPush {
  kind: "PUSH";
  row: NotificationToSend;
  to: string;
  message: PushMessage;
  channel: PushChannel;
}

export type PushSendResult =
  | { status: "SENT"; providerMessageId: string }
  | { status: "FAILED"; reason: string }
  | { status: "UNKNOWN"; reason: string }
  /** The row was settled by the fallback (SKIPPED, and the next channel's row scheduled). */
  | { status: "FELL_BACK" };

/** Settles a push that cannot go (no customer id, no account, no device) by the step's next channel. */
async function fallBack(row: NotificationToSend, reason: string, now: Date): Promise<void> {
  await fallBackToNextChannel(prisma, { shop: row.shop, notificationId: row.id }, reason, now, { status: "SKIPPED" });
}

/**
 * The push a row sends, or null when it cannot go and was handed to the next channel (or has
 * no text: `noText` is then the skip reason the caller records).
 */
export async function preparePush(
  row: NotificationToSend,
  {
    customerId,
    channel,
    facts,
    texts,
    now,
  }: {
    customerId: string | null;
    channel: PushChannel | null;
    facts: SmsFacts;
    texts: SmsTexts | undefined;
    now: Date;
  },
): Promise<PreparedPush | { kind: "NO_TEXT" } | null> {
  if (!customerId) {
    await fallBack(row, SKIP_REASONS.NO_PUSH_SUBSCRIPTION, now);
    return null;
  }
  if (!channel) {
    await fallBack(row, NO_PUSH_ACCOUNT, now);
    return null;
  }
  const text = pushTextFor(row.step, facts, texts);
  if (!text) return { kind: "NO_TEXT" };
  return {
    kind: "PUSH",
    row,
    to: customerId,
    channel,
    message: { recipient: customerId, ...text, idempotencyKey: row.id },
  };
}

/** Sends a prepared push. Never throws a vendor error. */
export async function sendPush(send: PreparedPush, now: () => Date): Promise<PushSendResult> {
  const outcome = await send.channel.send(send.message);
  switch (outcome.kind) {
    case "SENT":
      return { status: "SENT", providerMessageId: outcome.id };
    case "NO_SUBSCRIBED_DEVICE":
      await fallBack(send.row, SKIP_REASONS.NO_PUSH_SUBSCRIPTION, now());
      return { status: "FELL_BACK" };
    case "REFUSED":
      return { status: "FAILED", reason: outcome.message };
    case "UNKNOWN":
      return {
        status: "UNKNOWN",
        reason: `${send.channel.service}'s answer was lost (${outcome.message}); it is sent again with the same key, which cannot send it twice`,
      };
  }
}

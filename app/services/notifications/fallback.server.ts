import type { NotificationChannel, NotificationStatus, Prisma, PrismaClient } from "@prisma/client";
import {
  CADENCE_STEP_KEYS,
  fallbackReasonText,
  nextChannelAfter,
  type CadenceStepKey,
  type NoFallbackReason,
} from "~/domain/notifications";
import {
  lockNotificationToFallBackFrom,
  recordNotificationNotDelivered,
  scheduleFallbackNotification,
} from "~/models/notification-fallbacks.server";
import { readNotificationSettings } from "~/models/notification-plans.server";
import { findOrderContact } from "~/models/order-contacts.server";
import { readShopperReach } from "./cadence.server";

/**
 * A message that could not reach the shopper (Twilio: undelivered to a landline; a number
 * remembered as one; a push with no subscribed device) goes by the step's next channel instead,
 * now: in one transaction, the message's row says why and what came of it ("Undeliverable by
 * text: … — sent by email instead") and the next channel's row is scheduled for `now`. That row
 * is keyed by (shop, order, step, channel), so a repeated callback falls back once.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export type FallbackOutcome =
  /** The step's message is scheduled on `channel` (row `notificationId`), due now. */
  | { kind: "FELL_BACK"; channel: NotificationChannel; notificationId: string }
  /** The order already had the step on `channel` (an earlier fallback, or the planner's row). */
  | { kind: "ALREADY_ON_CHANNEL"; channel: NotificationChannel }
  /** No other channel reaches the shopper; the row says why. */
  | { kind: "NO_FALLBACK"; reason: NoFallbackReason }
  /** The message reached the shopper, or was called off: nothing to fall back from. */
  | { kind: "NOT_NEEDED"; status: NotificationStatus }
  | { kind: "NOT_FOUND" };

export interface FallbackOptions {
  /**
   * What the message becomes when it is still on its way (SCHEDULED, SENDING, UNKNOWN): FAILED
   * (the vendor could not deliver it), or SKIPPED (not sent, by decision: a number known to be
   * undeliverable). A message already FAILED or SKIPPED keeps its status.
   */
  status?: "FAILED" | "SKIPPED";
  /** The vendor's error code, for the row. */
  errorCode?: string;
}

/** Nothing to fall back from: the shopper has it, or it was called off. */
const SETTLED: readonly NotificationStatus[] = ["SENT", "DELIVERED", "CANCELLED"];
const NOT_DELIVERED: readonly NotificationStatus[] = ["FAILED", "SKIPPED"];

const isCadenceStep = (step: string): step is CadenceStepKey => (CADENCE_STEP_KEYS as readonly string[]).includes(step);

function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

/**
 * Falls the notification back to its step's next channel. `reason`: why it could not reach the
 * shopper, in the order page's words ("Undeliverable by text: Landline or unreachable carrier (30006)").
 */
export async function fallBackToNextChannel(
  db: Db,
  { shop, notificationId }: { shop: string; notificationId: string },
  reason: string,
  now: Date,
  options: FallbackOptions = {},
): Promise<FallbackOutcome> {
  return inTransaction(db, async (tx) => {
    const row = await lockNotificationToFallBackFrom(tx, shop, notificationId);
    if (!row) return { kind: "NOT_FOUND" };
    if (SETTLED.includes(row.status)) return { kind: "NOT_NEEDED", status: row.status };
    const status = NOT_DELIVERED.includes(row.status) ? row.status : (options.status ?? "FAILED");
    const notDelivered = (text: string) =>
      recordNotificationNotDelivered(tx, shop, row.id, {
        status,
        reason: text,
        at: now,
        ...(options.errorCode !== undefined ? { errorCode: options.errorCode } : {}),
      });
    if (!isCadenceStep(row.step)) {
      // Shopify's own messages are rows for the timeline only: the app never sends them another way.
      await notDelivered(reason);
      return { kind: "NO_FALLBACK", reason: "NO_OTHER_CHANNEL" };
    }
    const [contact, settings] = await Promise.all([
      findOrderContact(tx, shop, row.orderId),
      readNotificationSettings(tx, shop),
    ]);
    const { reach } = await readShopperReach(tx, shop, contact);
    const decision = nextChannelAfter({ step: row.step, settings, failedChannel: row.channel, reach });
    await notDelivered(fallbackReasonText(reason, decision));
    if (!decision.channel) return { kind: "NO_FALLBACK", reason: decision.reason };
    const created = await scheduleFallbackNotification(tx, shop, {
      orderId: row.orderId,
      step: row.step,
      channel: decision.channel,
      locationId: row.locationId,
      sendAt: now,
    });
    return created
      ? { kind: "FELL_BACK", channel: decision.channel, notificationId: created }
      : { kind: "ALREADY_ON_CHANNEL", channel: decision.channel };
  });
}

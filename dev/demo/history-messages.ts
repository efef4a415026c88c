import type { StoreTaskKind, StoreTaskState } from "@prisma/client";
import { sqlExecute, type Db } from "~/db/sql.server";
import { smsNumberForOrder } from "~/domain/sms/phone-numbers";
import type { OrderContactInput } from "~/models/order-contacts.server";
import { planNotificationsForNewTask, planNotificationsForTaskState } from "~/services/notifications/cadence.server";
import { SeededRandom } from "../seeded-random";

/**
 * The customer messages of the demo's past orders. Who the shopper was (history-plan.ts plans
 * only what they bought) is drawn here, seeded by the order; the messages are planned by the
 * app's own cadence (cadence.server.ts) at each of the store's steps, exactly as the POS actions
 * plan them, with the shop's settings, quiet hours, skips and cancellations. Before each step and
 * at the history's end, those due by then are recorded as the sending job and the vendors' delivery
 * callbacks would have left them (delivered a few seconds after sending), so a later step cancels
 * only what was still waiting; no vendor is called: the Outbox holds only what is sent from now on. A message due after the end (a feedback email after a late
 * collection) stays scheduled, and the app sends it when it comes due, as it would have.
 */

/**
 * Of the shoppers: those who gave a phone as their checkout contact (Shopify texts them its own
 * confirmation and ready messages, so the app's same news is skipped), and those with a customer
 * account (reachable by push through the shop's OneSignal), of whom most keep a phone on it with
 * SMS marketing consent (the app texts them).
 */
const CHECKOUT_PHONE_SHARE = 0.35;
const ACCOUNT_SHARE = 0.5;
const ACCOUNT_PHONE_SHARE = 0.7;
/** Chicago and national area codes alike; the 555-01xx numbers are reserved for fiction. */
const AREA_CODES = ["312", "773", "212", "415", "213", "206", "617", "305", "512", "303"];

/** The shopper of a past order, as orders/create would have kept their contact; the same every run. */
export function historyContactOf(orderId: string): OrderContactInput {
  const sequence = Number(orderId) % 1_000_000;
  const random = new SeededRandom(0x5eedc0de ^ sequence);
  const phone = `+1${AREA_CODES[Math.floor(random.next() * AREA_CODES.length)]}5550${String(100 + (sequence % 100))}`;
  const checkoutPhone = random.next() < CHECKOUT_PHONE_SHARE;
  const account = random.next() < ACCOUNT_SHARE;
  const accountPhone = account && random.next() < ACCOUNT_PHONE_SHARE;
  return {
    orderId,
    email: `shopper${sequence}@example.com`,
    orderPhone: checkoutPhone ? phone : null,
    customerPhone: accountPhone ? phone : null,
    shippingPhone: null,
    billingPhone: null,
    smsMarketingConsent: accountPhone,
    customerId: account ? String(8_000_000_000 + sequence) : null,
  };
}

type Task = { orderId: string; locationId: string; kind: StoreTaskKind };

/** The store took the order: its confirmation (or, for a pickup routed away from the chosen store, the store-changed notice). */
export function planPastTaskCreated(tx: Db, shop: string, task: Task, at: Date): Promise<number> {
  return planNotificationsForNewTask(tx, shop, task, false, at);
}

/**
 * A past step of the task. Shopify is asked to notify the customer of a shipment or a delivery on
 * its way, as the POS's fulfilment does (associate-actions.server.ts, fulfillmentFor); a handover
 * at the counter notifies no one.
 */
export function planPastTaskStep(tx: Db, shop: string, task: Task, to: StoreTaskState, at: Date): Promise<number> {
  const shopifyNotified = to === "SHIPPED" || to === "OUT_FOR_DELIVERY";
  return planNotificationsForTaskState(tx, shop, task, to, at, shopifyNotified);
}

/** Seconds from a vendor accepting a message to its delivery callback, as the emulator's vendors take. */
const DELIVERED_AFTER_SECONDS = 4;

/**
 * The order's messages due before `end`, recorded as sent at their send time and delivered just
 * after, each to the address its channel uses (the phone the sending job would text, the email,
 * the customer's push id). Returns how many.
 */
export async function settlePastMessages(tx: Db, shop: string, contact: OrderContactInput, end: Date): Promise<number> {
  const sms = smsNumberForOrder(
    {
      order: { phone: contact.orderPhone },
      customer: { phone: contact.customerPhone },
      shippingAddress: { phone: contact.shippingPhone },
      billingAddress: { phone: contact.billingPhone },
    },
    "US",
  );
  return sqlExecute(
    tx,
    `UPDATE "Notification"
        SET "status" = 'DELIVERED', "attempts" = 1, "sentAt" = "sendAt",
            "deliveredAt" = "sendAt" + make_interval(secs => $6), "statusAt" = "sendAt" + make_interval(secs => $6),
            "recipient" = CASE "channel" WHEN 'SMS' THEN $4 WHEN 'EMAIL' THEN $5 ELSE $7 END, "updatedAt" = now()
      WHERE "shop" = $1 AND "orderId" = $2 AND "status" = 'SCHEDULED' AND "sendAt" < $3
        AND CASE "channel" WHEN 'SMS' THEN $4::text WHEN 'EMAIL' THEN $5::text ELSE $7::text END IS NOT NULL`,
    [
      shop,
      contact.orderId,
      end,
      sms?.phone ?? null,
      contact.email,
      DELIVERED_AFTER_SECONDS,
      contact.customerId ?? null,
    ],
  );
}

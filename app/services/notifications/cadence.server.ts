import type { StoreTaskEndedReason, StoreTaskKind, StoreTaskState } from "@prisma/client";
import type { Db } from "~/db/sql.server";
import { scheduleFor, type CadenceEvent, type DeliveryMethod, type ShopperReach } from "~/domain/notifications";
import { smsNumberForOrder } from "~/domain/sms/phone-numbers";
import { readCadenceInputs, readSmsStanding, type CadenceInputs } from "~/models/cadence-inputs.server";
import { applyCadencePlan } from "~/models/notification-plans.server";
import type { OrderContactFacts } from "~/models/order-contacts.server";
import { findOneSignalAccount } from "~/models/messaging-accounts.server";
import { timeZoneAt } from "~/integrations/time-zones/time-zone-at";
import { cadenceClock } from "./clock.server";

type Tx = Db;

/**
 * The customer cadence, driven by what happens to an order: in the transaction of the event
 * (a store task made ready, collected, shipped …), the order's messages are planned by the pure
 * cadence (app/domain/notifications) from the shopper's reach, the store's zone and the shop's
 * settings, and written as Notification rows, which the sending job sends when due.
 */

export interface OrderEventAtStore {
  orderId: string;
  /** The store the order is at (the pickup store, or the one shipping it). */
  locationId: string | null;
  deliveryMethod: DeliveryMethod;
  event: CadenceEvent;
}

/** US shops' numbers are read as US numbers when they carry no country code. */
const DEFAULT_PHONE_COUNTRY = "US";

/**
 * How the order's shopper can be reached, as its contact and the shop's records (opt-outs,
 * consents, numbers Twilio cannot text) say: what the planner plans with, and what a message
 * that could not go falls back by. `pushAccountReady` when already read (with the cadence's
 * inputs); otherwise the shop's OneSignal account is looked up.
 */
export async function readShopperReach(
  tx: Tx,
  shop: string,
  contact: OrderContactFacts | null,
  pushAccountReady?: boolean,
): Promise<{ reach: ShopperReach; phone: string | null }> {
  const sms = contact
    ? smsNumberForOrder(
        {
          order: { phone: contact.orderPhone },
          customer: { phone: contact.customerPhone },
          shippingAddress: { phone: contact.shippingPhone },
          billingAddress: { phone: contact.billingPhone },
        },
        DEFAULT_PHONE_COUNTRY,
      )
    : null;
  const standing = sms
    ? await readSmsStanding(tx, shop, sms.phone)
    : { optedOut: false, recordedConsent: false, undeliverable: false };
  // A phone given as the checkout's contact is the shopper asking for texts about this order;
  // Shopify then texts its own confirmation and ready messages too.
  const checkoutPhone = Boolean(contact?.orderPhone);
  // Whether the shopper has a subscribed device is known only when OneSignal is asked, at send
  // time: a push to a shopper without one falls back to the step's next channel then.
  const pushable =
    Boolean(contact?.customerId) && (pushAccountReady ?? (await findOneSignalAccount(tx, shop)) !== null);
  const reach: ShopperReach = {
    hasPhone: sms !== null,
    hasSmsConsent: checkoutPhone || Boolean(contact?.smsMarketingConsent) || standing.recordedConsent,
    smsOptedOut: standing.optedOut,
    smsUndeliverable: standing.undeliverable,
    hasEmail: Boolean(contact?.email),
    hasPushSubscription: pushable,
    shopifyTextsShopper: checkoutPhone,
  };
  return { reach, phone: sms?.phone ?? null };
}

/** Plans the order's messages for `event`; returns how many were newly scheduled. */
export async function planOrderNotifications(tx: Tx, shop: string, happened: OrderEventAtStore): Promise<number> {
  const inputs = await readCadenceInputs(tx, shop, happened);
  return planWithInputs(tx, shop, happened, inputs);
}

/** Plans from the cadence's inputs, read once (cadence-inputs.server.ts). */
async function planWithInputs(
  tx: Tx,
  shop: string,
  happened: OrderEventAtStore,
  inputs: CadenceInputs,
): Promise<number> {
  const { reach } = await readShopperReach(tx, shop, inputs.contact, inputs.pushAccountReady);
  // Where a delivery goes, as a time zone: its shopper's quiet hours are kept there.
  const destination = happened.deliveryMethod === "PICK_UP" ? null : inputs.destination;
  const plan = scheduleFor(happened.event, {
    deliveryMethod: happened.deliveryMethod,
    locationId: happened.locationId,
    storeTimeZone: inputs.storeTimeZone,
    destinationTimeZone: destination && timeZoneAt(destination.latitude, destination.longitude),
    shopTimeZone: inputs.shopTimeZone,
    reach,
    settings: inputs.settings,
    pending: inputs.pending,
  });
  return applyCadencePlan(tx, shop, happened.orderId, plan, happened.event.at);
}

const DELIVERY_METHOD_OF_TASK = {
  PICKUP: "PICK_UP",
  SHIP: "SHIPPING",
  LOCAL_DELIVERY: "LOCAL_DELIVERY",
} as const satisfies Record<StoreTaskKind, DeliveryMethod>;

/** The cadence event a store task's new state is, when it is one the shopper hears about. */
function cadenceEventOf(to: StoreTaskState, at: Date, shopifyNotified: boolean): CadenceEvent | null {
  switch (to) {
    case "PICKING":
      return { type: "PICKING_STARTED", at };
    case "READY":
      return { type: "READY_FOR_PICKUP", at };
    case "PICKED_UP":
      return { type: "COLLECTED", at };
    case "SHIPPED":
      return { type: "SHIPPED", at, shopifyNotified };
    case "OUT_FOR_DELIVERY":
      return { type: "OUT_FOR_DELIVERY", at, shopifyNotified };
    case "DELIVERED":
      return { type: "DELIVERED", at };
    default:
      return null;
  }
}

/**
 * A store task moved to `to` (in the transaction that moved it): the order's messages follow.
 * `shopifyNotified`: the fulfilment the move records asks Shopify to email the customer.
 */
export async function planNotificationsForTaskState(
  tx: Tx,
  shop: string,
  task: { orderId: string; locationId: string; kind: StoreTaskKind },
  to: StoreTaskState,
  at: Date,
  shopifyNotified = false,
): Promise<number> {
  // On the cadence's clock, so the demo's "+1 hour" moves the whole cadence alike (ADR 012).
  const event = cadenceEventOf(to, cadenceClock.at(at), shopifyNotified);
  if (!event) return 0;
  return planOrderNotifications(tx, shop, {
    orderId: task.orderId,
    locationId: task.locationId,
    deliveryMethod: DELIVERY_METHOD_OF_TASK[task.kind],
    event,
  });
}

/**
 * A store took the order (a task created by the fulfilment order's sync): the order's
 * confirmation, or, for a pickup that is not at the store the shopper chose (routing moved it, or
 * the store passed it on), the store-changed notice in the new store's zone.
 */
export async function planNotificationsForNewTask(
  tx: Tx,
  shop: string,
  task: { orderId: string; locationId: string; kind: StoreTaskKind },
  movedFromAnotherStore: boolean,
  at: Date,
): Promise<number> {
  const inputs = await readCadenceInputs(tx, shop, task);
  const chosenStore = task.kind === "PICKUP" ? inputs.chosenPickupLocationId : null;
  const changed =
    task.kind === "PICKUP" && (movedFromAnotherStore || (chosenStore !== null && chosenStore !== task.locationId));
  const happened: OrderEventAtStore = {
    orderId: task.orderId,
    locationId: task.locationId,
    deliveryMethod: DELIVERY_METHOD_OF_TASK[task.kind],
    event: changed
      ? { type: "STORE_CHANGED", at: cadenceClock.at(at) }
      : { type: "ORDER_ROUTED_TO_STORE", at: cadenceClock.at(at) },
  };
  return planWithInputs(tx, shop, happened, inputs);
}

/**
 * A task ended because of Shopify (its fulfilment order): a pickup marked collected in Shopify's
 * admin is collected for the shopper too; a cancelled order cancels every message still waiting.
 */
export async function planNotificationsForTaskEnd(
  tx: Tx,
  shop: string,
  task: { orderId: string; locationId: string; kind: StoreTaskKind },
  reason: StoreTaskEndedReason,
  at: Date,
): Promise<number> {
  const event: CadenceEvent | null =
    reason === "CANCELLED"
      ? { type: "CANCELLED", at: cadenceClock.at(at) }
      : reason === "FULFILLED_ELSEWHERE" && task.kind === "PICKUP"
        ? { type: "COLLECTED", at: cadenceClock.at(at) }
        : null;
  if (!event) return 0;
  return planOrderNotifications(tx, shop, {
    orderId: task.orderId,
    locationId: task.locationId,
    deliveryMethod: DELIVERY_METHOD_OF_TASK[task.kind],
    event,
  });
}

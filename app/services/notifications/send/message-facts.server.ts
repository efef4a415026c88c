import prisma from "~/db.server";
import type { CustomerEmailFacts } from "~/domain/email/render-customer-email";
import { trackingUrlFor } from "~/domain/notifications/tracking-links";
import { firstNameOf, hoursToday, readyByText } from "~/domain/pickup-pass/pickup-pass";
import { formatPickupCode, normalisePickupCode } from "~/domain/store-tasks/pickup-code";
import { latestShipmentsOf, type OrderShipment } from "~/models/order-shipments.server";
import type { PickupPassTask, PickupStore } from "~/models/pickup-pass.server";
import { pickupPassUrl } from "~/services/pickup-pass/pickup-pass-link.server";

/**
 * What a customer message says about its order, read when it is sent (not when it was planned:
 * the store, its hours and the pass are as they are now): the order's name, the store the
 * message is about (its own location, else the order's latest pickup), the pickup code and the
 * pickup pass link, and a shipped order's tracking link. Nothing of the shopper but a first name.
 */

export interface MessageFacts {
  orderName: string;
  firstName: string | null;
  store: { name: string; address: string | null; hours: string | null; mapUrl: string | null } | null;
  pickupPassUrl: string | null;
  pickupCode: string | null;
  readyBy: string | null;
  /** The carrier's tracking page of the order's latest shipment. */
  trackingUrl: string | null;
}

const NUMERIC_ORDER_ID = /^\d{1,20}$/;

function addressOf(store: PickupStore): string | null {
  const region = [store.provinceCode, store.zip].filter(Boolean).join(" ");
  const parts = [store.address1, store.city, region].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

function mapUrlOf(address: string | null): string | null {
  return address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}` : null;
}

/**
 * The facts of `notification`'s message from what its batch read: the order's pickup tasks
 * (oldest first) and the stores they and the message name.
 */
export function messageFactsFrom(
  notification: { shop: string; orderId: string; locationId: string | null },
  tasks: readonly PickupPassTask[],
  stores: ReadonlyMap<string, PickupStore>,
  now: Date,
  shipment?: OrderShipment,
): MessageFacts {
  const { shop, orderId } = notification;
  const latest = tasks.at(-1);
  const task = tasks.filter((candidate) => candidate.locationId === notification.locationId).at(-1) ?? latest;
  const locationId = notification.locationId ?? task?.locationId ?? null;
  const store = locationId ? stores.get(locationId) : undefined;
  const address = store ? addressOf(store) : null;
  const code = task ? normalisePickupCode(task.pickupCode) : null;
  return {
    orderName: latest?.orderName ?? (NUMERIC_ORDER_ID.test(orderId) ? `#${orderId}` : orderId),
    firstName: firstNameOf(latest?.customerName ?? null),
    store: store
      ? {
          name: store.name,
          address,
          hours: store.timeZone ? hoursToday(store.openingHours, store.timeZone, now) : null,
          mapUrl: mapUrlOf(address),
        }
      : null,
    // A pass exists for an order with a pickup at a store.
    pickupPassUrl: tasks.length > 0 && NUMERIC_ORDER_ID.test(orderId) ? pickupPassUrl({ shop, orderId }) : null,
    pickupCode: code ? formatPickupCode(code) : null,
    readyBy: task && store?.timeZone ? readyByText(task.dueAt, store.timeZone, now) : null,
    trackingUrl: shipment ? trackingUrlFor(shipment.carrier, shipment.trackingNumber) : null,
  };
}

export function emailFactsOf(
  facts: MessageFacts,
  shopName: string,
  offer: string | null,
  logoUrl: string | null = null,
): CustomerEmailFacts {
  return {
    shopName,
    logoUrl,
    customerFirstName: facts.firstName,
    orderName: facts.orderName,
    store: facts.store,
    previousStoreName: null,
    pickupPassUrl: facts.pickupPassUrl,
    pickupCode: facts.pickupCode,
    readyBy: facts.readyBy,
    offer,
  };
}

/** The steps whose text may carry a tracking link. */
const TRACKED_STEPS: ReadonlySet<string> = new Set(["SHIPPED_SMS", "OUT_FOR_DELIVERY_SMS"]);

/** The latest shipments of the orders among `rows` whose message may carry a tracking link (read only for those). */
export async function shipmentsForMessages(
  shop: string,
  rows: readonly { orderId: string; step: string }[],
): Promise<Map<string, OrderShipment>> {
  const orderIds = [...new Set(rows.filter((row) => TRACKED_STEPS.has(row.step)).map((row) => row.orderId))];
  return orderIds.length === 0 ? new Map() : latestShipmentsOf(prisma, shop, orderIds);
}

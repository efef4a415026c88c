import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { formatDateTime } from "~/domain/date-time";
import { pickupPromises, type CartLine, type PickupCandidate } from "~/domain/pickup-promise";
import type { RoutingLocation } from "~/domain/routing/types";
import {
  findOrderPickupPromise,
  recordOrderPickupPromise,
  type NewOrderPickupPromise,
  type OrderPickupPromise,
} from "~/models/order-pickup-promises.server";
import type { OrderFacts } from "~/models/routed-orders.server";
import { storeTasksOfOrder } from "~/models/store-tasks.server";
import { readShopPickupLocations } from "./cart-inputs.server";

/**
 * The promise a pickup order was given, kept with the order. The checkout does not hand its
 * promise over yet (no cart metafield is written), so it is worked out again by the same
 * function, for the store the shopper chose, as of the order's created_at, when routing first
 * decides the order, and recorded once; that store's pickup task is then due by its ready-by.
 */

/** Where the mirror has never heard of the chosen store (no profile): nothing can be promised there. */
const UNKNOWN_STORE_REASON = "Not one of the shop's pickup locations";

/**
 * Records the promise of a pickup order, in routing's decision transaction: `stock` is routing's
 * own view of the order's SKUs (mirror less other orders' reservations, exception holds), so the
 * promise and routing's PICKUP_STORE_CHANGED judge the same units. Only the first record counts.
 * Returns whether one was recorded now (false: not a pickup order, no SKU lines, or already held).
 */
export async function recordPickupOrderPromise(
  tx: Prisma.TransactionClient,
  shop: string,
  facts: OrderFacts,
  stock: readonly RoutingLocation[],
  storeMinUnits: number,
): Promise<boolean> {
  const locationId = facts.pickupLocationId;
  if (facts.deliveryMethod !== "PICK_UP" || locationId === null) return false;
  const promisedAt = facts.placedAt;
  // Opening hours, preparation and the orders each store had taken that day, as of the order.
  const { locations } = await readShopPickupLocations(tx, shop, promisedAt);
  const unitsAt = new Map(stock.map((location) => [location.id, location.stock]));
  const candidates = locations.map((location): PickupCandidate => ({
    ...location,
    available: unitsAt.get(location.id) ?? {},
    reserved: {},
  }));
  // An order's lines carry SKUs, and routing counts stock by SKU: the SKU stands for the item here.
  const cart = facts.lines.map((line): CartLine => ({ ...line, inventoryItemId: line.sku, title: line.sku }));
  const result = pickupPromises({
    cart,
    locations: candidates,
    storeMinUnits,
    shopper: null,
    now: promisedAt,
    only: [locationId],
  });
  if (!result.ok) return false;
  const [answer] = result.locations;
  const record: NewOrderPickupPromise = answer
    ? {
        orderId: facts.orderId,
        locationId,
        locationName: answer.name,
        status: answer.promise ? "PROMISED" : "UNAVAILABLE",
        readyBy: answer.promise?.readyBy ?? null,
        headline: answer.promise?.headline ?? null,
        note: answer.promise?.note ?? null,
        reason: answer.unavailable,
        promisedAt,
      }
    : {
        orderId: facts.orderId,
        locationId,
        locationName: locationId,
        status: "UNAVAILABLE",
        readyBy: null,
        headline: null,
        note: null,
        reason: UNKNOWN_STORE_REASON,
        promisedAt,
      };
  return recordOrderPickupPromise(tx, shop, record);
}

/**
 * When a pickup task for the order at `locationId` is due by the promise: its ready-by when the
 * order was promised there; null when it was not (no promise, the store could not serve the cart,
 * or the order was rerouted to another store), and the store's own rule applies.
 */
export async function promisedReadyBy(
  db: Prisma.TransactionClient,
  shop: string,
  orderId: string,
  locationId: string,
): Promise<Date | null> {
  const promise = await findOrderPickupPromise(db, shop, orderId);
  return promisedDueAt(promise, locationId);
}

export function promisedDueAt(promise: OrderPickupPromise | null, locationId: string): Date | null {
  if (!promise || promise.status !== "PROMISED" || promise.locationId !== locationId) return null;
  return promise.readyBy;
}

export interface OrderPromiseView {
  /** "Promised: Ready today by 4:00 PM at Lincoln Park", or why the chosen store could not promise it. */
  readonly summary: string;
  /** "Fully booked today", when the shopper was told why not sooner. */
  readonly note: string | null;
  /** When the order was placed, the instant the promise holds from, in the shop's zone. */
  readonly promisedAt: string;
  /** The latest pickup task's due time at the promised store, in the shop's zone; null without one. */
  readonly taskDueAt: string | null;
}

export function orderPromiseSummary(promise: OrderPickupPromise): string {
  if (promise.status === "PROMISED" && promise.headline) {
    return `Promised: ${promise.headline} at ${promise.locationName}`;
  }
  return `Nothing promised: ${promise.locationName} could not serve the order (${promise.reason ?? "no reason recorded"})`;
}

/** The order page's line about the promise; null for an order that was given none. */
export async function orderPromiseView(
  shop: string,
  orderId: string,
  timeZone: string,
): Promise<OrderPromiseView | null> {
  const promise = await findOrderPickupPromise(prisma, shop, orderId);
  if (!promise) return null;
  const tasks = await storeTasksOfOrder(prisma, shop, orderId);
  const dueAt = tasks.filter((task) => task.kind === "PICKUP" && task.locationId === promise.locationId).at(-1)?.dueAt;
  return {
    summary: orderPromiseSummary(promise),
    note: promise.note,
    promisedAt: formatDateTime(promise.promisedAt, timeZone),
    taskDueAt: dueAt ? formatDateTime(dueAt, timeZone) : null,
  };
}

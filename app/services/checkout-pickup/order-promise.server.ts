import type { Db } from "~/db/sql.server";
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
import { readPickupLocations } from "./cart-inputs.server";
import { checkoutPromiseOfOrder } from "./promise-token.server";

/**
 * The promise a pickup order was given, kept with the order, recorded once when routing first
 * decides the order; that store's pickup task is then due by its ready-by.
 *
 * - Shown at checkout (source CHECKOUT): the checkout extension wrote the promise it showed, signed
 *   by the app, to the cart's pickup_promise metafield, and Shopify copied it to the order. It is
 *   kept when the token verifies (promise-token.server.ts: this shop, the store the order is to be
 *   picked up at, given before the order and within two hours of it) and the store can still
 *   keep a promise as of the order's created_at: the shopper's own words and ready-by are recorded.
 * - Worked out when the order arrived (source ORDER_PLACED): without a token that holds (an
 *   accelerated checkout cannot write metafields; a product-page or non-Plus order has none), the
 *   same function works it out again for the chosen store as of the order's created_at. And when
 *   that recomputation finds the store cannot serve the cart, UNAVAILABLE is recorded whatever
 *   checkout said: routing moves the order, and no store works to a promise it cannot keep.
 */

/** Where the mirror has never heard of the chosen store (no profile): nothing can be promised there. */
const UNKNOWN_STORE_REASON = "Not one of the shop's pickup locations";

/**
 * Records the promise of a pickup order, in routing's decision transaction: `stock` is routing's
 * own view of the order's SKUs (mirror less other orders' reservations, exception holds), so the
 * promise and routing's PICKUP_STORE_CHANGED judge the same units. `promiseMetafield` is the
 * order's pickup_promise metafield value (null without one). Only the first record counts.
 * Returns whether one was recorded now (false: not a pickup order, no SKU lines, or already held).
 */
export async function recordPickupOrderPromise(
  tx: Db,
  shop: string,
  facts: OrderFacts,
  stock: readonly RoutingLocation[],
  storeMinUnits: number,
  promiseMetafield: string | null = null,
): Promise<boolean> {
  const locationId = facts.pickupLocationId;
  if (facts.deliveryMethod !== "PICK_UP" || locationId === null) return false;
  const promisedAt = facts.placedAt;
  // The chosen store's opening hours, preparation and the orders it had taken that day, as of the
  // order: its promise does not depend on any other store (what it would offer instead is not kept).
  const locations = await readPickupLocations(tx, shop, [locationId], promisedAt);
  const units = stock.find((location) => location.id === locationId)?.stock ?? {};
  const candidates = locations.map((location): PickupCandidate => ({ ...location, available: units, reserved: {} }));
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
  const shown = answer?.promise
    ? checkoutPromiseOfOrder(promiseMetafield, { shop, locationId, placedAt: promisedAt })
    : null;
  const record: NewOrderPickupPromise = answer
    ? {
        orderId: facts.orderId,
        locationId,
        locationName: answer.name,
        status: answer.promise ? "PROMISED" : "UNAVAILABLE",
        readyBy: shown?.readyBy ?? answer.promise?.readyBy ?? null,
        headline: shown?.headline ?? answer.promise?.headline ?? null,
        note: shown ? shown.note : (answer.promise?.note ?? null),
        reason: answer.unavailable,
        promisedAt,
        source: shown ? "CHECKOUT" : "ORDER_PLACED",
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
        source: "ORDER_PLACED",
      };
  return recordOrderPickupPromise(tx, shop, record);
}

/**
 * When a pickup task for the order at `locationId` is due by the promise: its ready-by when the
 * order was promised there; null when it was not (no promise, the store could not serve the cart,
 * or the order was rerouted to another store), and the store's own rule applies.
 */
export async function promisedReadyBy(db: Db, shop: string, orderId: string, locationId: string): Promise<Date | null> {
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
  /** Where the promise came from: "As shown at checkout", or "Worked out when the order arrived". */
  readonly origin: string;
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
    origin: promise.source === "CHECKOUT" ? "As shown at checkout" : "Worked out when the order arrived",
    note: promise.note,
    promisedAt: formatDateTime(promise.promisedAt, timeZone),
    taskDueAt: dueAt ? formatDateTime(dueAt, timeZone) : null,
  };
}

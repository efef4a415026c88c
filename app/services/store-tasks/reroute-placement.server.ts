import prisma from "~/db.server";
import { routeOrder } from "~/domain/routing";
import type { Assignment, RoutingLocation } from "~/domain/routing/types";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { engineRules } from "~/domain/routing-settings/settings";
import { requireNumericId, shopifyGid } from "~/domain/shopify-ids";
import {
  clearReflectedReservations,
  createReservations,
  lockSkusForRouting,
} from "~/models/inventory-reservations.server";
import {
  clearRerouteReservationsOnceLevelsSettle,
  markRerouteReservationsMoved,
  releaseUnmovedRerouteReservations,
  type RerouteReservationScope,
} from "~/models/reroute-reservations.server";
import { findOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { AdminApiUserError } from "~/shopify/admin-api-errors";
import type { AdminClient } from "~/shopify/admin-client.server";
import type { StoreTaskFulfillmentOrder } from "~/shopify/operations/fulfillment-order-for-store-task.server";
import { moveFulfillmentOrder } from "~/shopify/operations/fulfillment-order-move.server";
import { openFulfillmentOrder } from "~/shopify/operations/fulfillment-order-open.server";
import { routingLocationsFor } from "~/services/routing/routing-view.server";
import { currentRoutingSettings } from "~/services/routing-settings/settings.server";

/**
 * Where a store's lines go when they leave it (an exception, an escalation), and the moves that
 * take them there: the routing engine decides as the routing job does, from the same view of the
 * mirror, with the store left out, and the units it sends are reserved at their destination as a
 * routing decision's are (decision 006, app/models/reroute-reservations.server.ts); Shopify's
 * fulfilment order is then moved, whole or by line.
 */

/** As the routing job's decision transaction: it waits on the per-SKU locks of other decisions. */
const DECISION_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** Where the lines go and the reservations that hold their units there. */
export interface ReroutePlacement {
  assignments: Assignment[];
  reservations: RerouteReservationScope;
}

/**
 * Where the routing engine sends these lines of the fulfilment order alone, with the store they
 * are at left out (none of its stock counts); null when nowhere can take them. Decided under
 * the SKUs' routing locks, with the units reserved where they go in the same transaction, so a
 * concurrent reroute or routing decision sees them taken. An earlier attempt's reservations
 * whose move never happened are released first (`since`: when the task began).
 */
export async function decideElsewhere(
  shop: string,
  fo: StoreTaskFulfillmentOrder,
  affected: StoreTaskFulfillmentOrder["lineItems"],
  excludedLocationId: string,
  now: Date,
  since: Date,
): Promise<ReroutePlacement | null> {
  const facts = await findOrderFacts(prisma, shop, fo.orderId);
  if (!facts) return null;
  const lines = affected.flatMap((line) => (line.sku ? [{ sku: line.sku, quantity: line.remainingQuantity }] : []));
  if (lines.length !== affected.length) return null;
  const skus = [...new Set(lines.map((line) => line.sku))];
  const reservations: RerouteReservationScope = { orderId: fo.orderId, skus, since };
  const { settings } = await currentRoutingSettings(shop);
  return prisma.$transaction(async (tx) => {
    await lockSkusForRouting(tx, shop, skus);
    await releaseUnmovedRerouteReservations(tx, shop, reservations);
    const locations = await routingLocationsFor(tx, shop, skus, now);
    const without: RoutingLocation[] = locations.map((location) =>
      location.id === excludedLocationId ? { ...location, stock: {} } : location,
    );
    const { order } = engineOrderOfRecorded({ ...withDeliveryOf(fo, facts), lines }, settings, without);
    if (!order) return null;
    const decision = routeOrder({ order, locations: without, rules: engineRules(settings) });
    if (decision.status === "UNROUTABLE" || decision.assignments.length === 0) return null;
    if (decision.assignments.some((assignment) => assignment.locationId === excludedLocationId)) return null;
    await createReservations(
      tx,
      shop,
      fo.orderId,
      decision.assignments.flatMap((assignment) =>
        assignment.lines.map((line) => ({ locationId: assignment.locationId, sku: line.sku, quantity: line.quantity })),
      ),
    );
    return { assignments: [...decision.assignments], reservations };
  }, DECISION_TRANSACTION);
}

/**
 * A reroute's move is known done (its answer, or a read of the fulfilment order after an answer
 * was lost): its reservations count as committed by Shopify from then on, and clear once the
 * mirror shows it.
 */
export async function confirmRerouteMoved(shop: string, reservations: RerouteReservationScope): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await markRerouteReservationsMoved(tx, shop, reservations);
    await clearReflectedReservations(tx, shop, { orderId: reservations.orderId });
  });
  await prisma.$transaction((tx) => clearRerouteReservationsOnceLevelsSettle(tx, shop, reservations.orderId));
}

/**
 * The order's delivery as its fulfilment order says, when routing never learnt it (the order was
 * not routed by the app): a pickup order's store is where its fulfilment order is.
 */
function withDeliveryOf(fo: StoreTaskFulfillmentOrder, facts: OrderFacts): OrderFacts {
  if (facts.deliveryMethod !== null) return facts;
  if (fo.deliveryMethod === "PICK_UP") return { ...facts, deliveryMethod: "PICK_UP", pickupLocationId: fo.locationId };
  return { ...facts, deliveryMethod: fo.deliveryMethod === "LOCAL" ? "LOCAL_DELIVERY" : "SHIPPING" };
}

/**
 * Moves the affected lines where the engine sent them: the whole fulfilment order when they are
 * all of it and go to one place, else those line items. A fulfilment order with reported progress
 * is opened first (Shopify refuses to move it otherwise). Returns the fulfilment orders to sync
 * and whether it moved whole, or null when Shopify refused the first move (the lines then go on
 * hold). The placement's reservations follow: confirmed when moved, released when refused, left
 * for the next attempt when the job fails on the way.
 */
export async function moveLines(
  client: AdminClient,
  fo: StoreTaskFulfillmentOrder,
  affected: StoreTaskFulfillmentOrder["lineItems"],
  placement: ReroutePlacement,
): Promise<{ fulfillmentOrderIds: string[]; whole: boolean } | null> {
  const moved = await sendMoves(client, fo, affected, placement.assignments);
  if (moved) await confirmRerouteMoved(client.shop, placement.reservations);
  else {
    await prisma.$transaction((tx) => releaseUnmovedRerouteReservations(tx, client.shop, placement.reservations));
  }
  return moved;
}

async function sendMoves(
  client: AdminClient,
  fo: StoreTaskFulfillmentOrder,
  affected: StoreTaskFulfillmentOrder["lineItems"],
  assignments: readonly Assignment[],
): Promise<{ fulfillmentOrderIds: string[]; whole: boolean } | null> {
  if (fo.status === "IN_PROGRESS") await openFulfillmentOrder(client, fo.fulfillmentOrderId);
  const remaining = fo.lineItems.filter((line) => line.remainingQuantity > 0);
  const whole = assignments.length === 1 && remaining.every((line) => affected.includes(line));
  const touched = [fo.fulfillmentOrderId];
  const left = new Map(affected.map((line) => [line.lineItemId, line.remainingQuantity]));
  try {
    for (const assignment of assignments) {
      const lineItems = whole ? undefined : lineItemsFor(assignment, affected, left);
      const result = await moveFulfillmentOrder(client, {
        fulfillmentOrderId: shopifyGid("FulfillmentOrder", fo.fulfillmentOrderId),
        newLocationId: shopifyGid("Location", assignment.locationId),
        ...(lineItems ? { lineItems } : {}),
      });
      touched.push(requireNumericId(result.moved.id, "FulfillmentOrder"));
    }
  } catch (error) {
    if (error instanceof AdminApiUserError && touched.length === 1) return null;
    throw error;
  }
  return { fulfillmentOrderIds: touched, whole };
}

/** The fulfilment order line items (gids) and quantities carrying the assignment's units. */
function lineItemsFor(
  assignment: Assignment,
  affected: StoreTaskFulfillmentOrder["lineItems"],
  left: Map<string, number>,
): { id: string; quantity: number }[] {
  const items: { id: string; quantity: number }[] = [];
  for (const { sku, quantity } of assignment.lines) {
    let wanted = quantity;
    for (const line of affected) {
      const available = left.get(line.lineItemId) ?? 0;
      if (line.sku !== sku || available === 0 || wanted === 0) continue;
      const take = Math.min(available, wanted);
      items.push({ id: shopifyGid("FulfillmentOrderLineItem", line.lineItemId), quantity: take });
      left.set(line.lineItemId, available - take);
      wanted -= take;
    }
  }
  return items;
}

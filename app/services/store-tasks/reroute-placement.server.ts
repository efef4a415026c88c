import prisma from "~/db.server";
import { routeOrder } from "~/domain/routing";
import type { Assignment, RoutingLocation } from "~/domain/routing/types";
import { engineOrderOfRecorded } from "~/domain/routing-settings/recorded-order";
import { engineRules } from "~/domain/routing-settings/settings";
import { requireNumericId, shopifyGid } from "~/domain/shopify-ids";
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
 * mirror, with the store left out; Shopify's fulfilment order is then moved, whole or by line.
 */

/**
 * Where the routing engine sends these lines of the fulfilment order alone, with the store they
 * are at left out (none of its stock counts); null when nowhere can take them.
 */
export async function decideElsewhere(
  shop: string,
  fo: StoreTaskFulfillmentOrder,
  affected: StoreTaskFulfillmentOrder["lineItems"],
  excludedLocationId: string,
  now: Date,
): Promise<Assignment[] | null> {
  const facts = await findOrderFacts(prisma, shop, fo.orderId);
  if (!facts) return null;
  const lines = affected.flatMap((line) => (line.sku ? [{ sku: line.sku, quantity: line.remainingQuantity }] : []));
  if (lines.length !== affected.length) return null;
  const skus = [...new Set(lines.map((line) => line.sku))];
  const { settings } = await currentRoutingSettings(shop);
  const locations = await prisma.$transaction((tx) => routingLocationsFor(tx, shop, skus, now));
  const without: RoutingLocation[] = locations.map((location) =>
    location.id === excludedLocationId ? { ...location, stock: {} } : location,
  );
  const { order } = engineOrderOfRecorded({ ...withDeliveryOf(fo, facts), lines }, settings, without);
  if (!order) return null;
  const decision = routeOrder({ order, locations: without, rules: engineRules(settings) });
  if (decision.status === "UNROUTABLE" || decision.assignments.length === 0) return null;
  if (decision.assignments.some((assignment) => assignment.locationId === excludedLocationId)) return null;
  return [...decision.assignments];
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
 * hold).
 */
export async function moveLines(
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

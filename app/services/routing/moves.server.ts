import type { Prisma } from "@prisma/client";
import { clearReflectedReservations, markReservationsReflectedAfter } from "~/models/inventory-reservations.server";
import { confirmMove } from "~/models/routing-decisions.server";

/** Shopify's numeric id from a gid ("gid://shopify/Location/70000000001" → "70000000001"). */
export function numericIdOf(gidOrId: string): string {
  const match = /(\d+)$/.exec(gidOrId);
  return match?.[1] ?? gidOrId;
}

export function locationGid(locationId: string): string {
  return locationId.startsWith("gid://") ? locationId : `gid://shopify/Location/${locationId}`;
}

/**
 * fulfillment_orders/moved, in the webhook's transaction: a move the app made and whose
 * answer it lost is recorded as done, and the units it reserved at the destination count as
 * committed by Shopify from the move on (decision 006). Moves made by others change nothing
 * here.
 */
export async function reconcileMovedFulfillmentOrder(
  tx: Prisma.TransactionClient,
  shop: string,
  move: { fulfillmentOrderId: string; movedFulfillmentOrderId: string; destinationLocationId: string; at: Date },
): Promise<void> {
  const toLocationId = numericIdOf(move.destinationLocationId);
  const orderId = await confirmMove(tx, shop, {
    fulfillmentOrderId: move.fulfillmentOrderId,
    toLocationId,
    movedFulfillmentOrderId: move.movedFulfillmentOrderId,
  });
  if (orderId === null) return;
  await markReservationsReflectedAfter(tx, shop, orderId, toLocationId, move.at);
  await clearReflectedReservations(tx, shop, { orderId });
}

import type { Db } from "~/db/sql.server";
import { requireNumericId } from "~/domain/shopify-ids";
import { markReflectedAfterAndClear } from "~/models/inventory-reservations.server";
import { confirmMove } from "~/models/routing-decisions.server";

/**
 * fulfillment_orders/moved, in the webhook's transaction: a move the app made and whose
 * answer it lost is recorded as done, and the units it reserved at the destination count as
 * committed by Shopify from the move on (decision 006). Moves made by others change nothing
 * here. Returns whether the app had already recorded this move as done: its store-task syncs
 * were queued with that record.
 */
export async function reconcileMovedFulfillmentOrder(
  tx: Db,
  shop: string,
  move: { fulfillmentOrderId: string; movedFulfillmentOrderId: string; destinationLocationId: string; at: Date },
): Promise<{ recordedAlready: boolean }> {
  const toLocationId = requireNumericId(move.destinationLocationId, "Location");
  const held = await confirmMove(tx, shop, {
    fulfillmentOrderId: move.fulfillmentOrderId,
    toLocationId,
    movedFulfillmentOrderId: move.movedFulfillmentOrderId,
  });
  if (held === null) return { recordedAlready: false };
  await markReflectedAfterAndClear(tx, shop, held.orderId, toLocationId, move.at);
  return { recordedAlready: held.recordedAlready };
}

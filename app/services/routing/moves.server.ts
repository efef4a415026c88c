import type { Db } from "~/db/sql.server";
import { requireNumericId } from "~/domain/shopify-ids";
import { markReflectedAfterAndClear } from "~/models/inventory-reservations.server";
import { confirmMove } from "~/models/routing-decisions.server";

/**
 * fulfillment_orders/moved, in the webhook's transaction: a move the app made and whose
 * answer it lost (or has not had yet) is recorded as done, and the units it reserved at the
 * destination count as committed by Shopify from the move on (decision 006). Moves made by others
 * change nothing here. Returns whether routing brings the move's store tasks in step itself: it
 * had recorded this move as done (and its tasks with it), or is making it now (decision 045).
 */
export async function reconcileMovedFulfillmentOrder(
  tx: Db,
  shop: string,
  move: {
    fulfillmentOrderId: string;
    movedFulfillmentOrderId: string;
    /** The location it was moved from, when the webhook names it (a gid). */
    sourceLocationId: string | null;
    destinationLocationId: string;
    at: Date;
  },
): Promise<{ tasksFollowFromRouting: boolean }> {
  const toLocationId = requireNumericId(move.destinationLocationId, "Location");
  const held = await confirmMove(tx, shop, {
    fulfillmentOrderId: move.fulfillmentOrderId,
    fromLocationId: move.sourceLocationId === null ? null : requireNumericId(move.sourceLocationId, "Location"),
    toLocationId,
    movedFulfillmentOrderId: move.movedFulfillmentOrderId,
  });
  if (held === null) return { tasksFollowFromRouting: false };
  await markReflectedAfterAndClear(tx, shop, held.orderId, toLocationId, move.at);
  return { tasksFollowFromRouting: held.recordedAlready || held.routingUnderWay };
}

import type { AdminClient } from "../admin-client.server";
import type { CallCost, CostMeter } from "../cost-meter";
import { requireNoUserErrors } from "../user-errors";

/**
 * Moves a fulfilment order (or some of its line items) to another location. A mutation costs
 * a flat 10 points.
 *
 * Not repeated by the client when its answer is lost (timeout, network error, 500): the move
 * may have happened. The routing job re-reads the fulfilment order's location before moving
 * again, and treats "already there" as done.
 */
export const FULFILLMENT_ORDER_MOVE_MUTATION = `#graphql
  mutation FulfillmentOrderMove(
    $id: ID!
    $newLocationId: ID!
    $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  ) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {
      movedFulfillmentOrder {
        id
        assignedLocation {
          location {
            id
          }
        }
      }
      originalFulfillmentOrder {
        id
        status
      }
      remainingFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export interface FulfillmentOrderMoveInput {
  fulfillmentOrderId: string;
  newLocationId: string;
  /** Only these line items and quantities; all remaining ones when absent. */
  lineItems?: { id: string; quantity: number }[];
}

export interface FulfillmentOrderMoved {
  moved: { id: string; locationId: string | null };
  original: { id: string; status: string } | null;
  remaining: { id: string } | null;
  cost: CallCost;
}

/** Throws AdminApiUserError when Shopify refuses the move (e.g. the location lacks an item). */
export async function moveFulfillmentOrder(
  client: AdminClient,
  input: FulfillmentOrderMoveInput,
  options: { costMeter?: CostMeter } = {},
): Promise<FulfillmentOrderMoved> {
  const { data, cost } = await client.request(
    FULFILLMENT_ORDER_MOVE_MUTATION,
    {
      id: input.fulfillmentOrderId,
      newLocationId: input.newLocationId,
      ...(input.lineItems ? { fulfillmentOrderLineItems: input.lineItems } : {}),
    },
    options,
  );
  const payload = data.fulfillmentOrderMove;
  requireNoUserErrors(payload?.userErrors, "fulfillmentOrderMove");
  const moved = payload?.movedFulfillmentOrder;
  if (!moved) throw new Error(`fulfillmentOrderMove of ${input.fulfillmentOrderId} answered no moved fulfilment order`);
  return {
    moved: { id: moved.id, locationId: moved.assignedLocation.location?.id ?? null },
    original: payload.originalFulfillmentOrder
      ? { id: payload.originalFulfillmentOrder.id, status: payload.originalFulfillmentOrder.status }
      : null,
    remaining: payload.remainingFulfillmentOrder ? { id: payload.remainingFulfillmentOrder.id } : null,
    cost,
  };
}

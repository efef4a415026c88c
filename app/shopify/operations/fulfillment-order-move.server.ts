import type { AdminClient } from "../admin-client.server";
import type { CallCost, CostMeter } from "../cost-meter";
import { requireNoUserErrors } from "../user-errors";
import {
  storeTaskFulfillmentOrderOf,
  storeTaskLineItemOf,
  type StoreTaskFulfillmentOrder,
} from "./fulfillment-order-for-store-task.server";

/**
 * Moves a fulfilment order (or some of its line items) to another location. A mutation costs
 * a flat 10 points, whatever its answer selects.
 *
 * The moved fulfilment order comes back with what its store task needs (the fields
 * fulfillment-order-for-store-task.server.ts reads), so the routing job gives the destination its
 * task without reading it again (decision 045).
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
    $movedLineItemsFirst: Int!
  ) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {
      movedFulfillmentOrder {
        id
        status
        assignedLocation {
          location {
            id
          }
        }
        deliveryMethod {
          methodType
        }
        order {
          id
          name
          cancelledAt
          customer {
            firstName
            lastName
          }
        }
        lineItems(first: $movedLineItemsFirst) {
          pageInfo {
            hasNextPage
          }
          nodes {
            id
            totalQuantity
            remainingQuantity
            sku
            productTitle
            variantTitle
            image {
              url
            }
            variant {
              barcode
            }
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
  /**
   * How many line items the moved fulfilment order is expected to hold (the answer makes room for
   * that many, at most 50): more, when the move joined it to one already at the destination, leave
   * `moved.asStoreTask` null.
   */
  expectedMovedLineItems?: number;
}

/** Room for the moved fulfilment order's line items when the caller does not say (as the store-task read's page). */
const DEFAULT_MOVED_LINE_ITEMS = 25;
const MAX_MOVED_LINE_ITEMS = 50;

export interface FulfillmentOrderMoved {
  moved: {
    id: string;
    locationId: string | null;
    /** The moved fulfilment order as its store task needs it; null when its line items did not all come back. */
    asStoreTask: StoreTaskFulfillmentOrder | null;
  };
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
      movedLineItemsFirst: Math.min(
        MAX_MOVED_LINE_ITEMS,
        Math.max(1, Math.round(input.expectedMovedLineItems ?? DEFAULT_MOVED_LINE_ITEMS)),
      ),
    },
    options,
  );
  const payload = data.fulfillmentOrderMove;
  requireNoUserErrors(payload?.userErrors, "fulfillmentOrderMove");
  const moved = payload?.movedFulfillmentOrder;
  if (!moved) throw new Error(`fulfillmentOrderMove of ${input.fulfillmentOrderId} answered no moved fulfilment order`);
  return {
    moved: {
      id: moved.id,
      locationId: moved.assignedLocation.location?.id ?? null,
      asStoreTask: moved.lineItems.pageInfo.hasNextPage
        ? null
        : storeTaskFulfillmentOrderOf(moved, moved.lineItems.nodes.map(storeTaskLineItemOf)),
    },
    original: payload.originalFulfillmentOrder
      ? { id: payload.originalFulfillmentOrder.id, status: payload.originalFulfillmentOrder.status }
      : null,
    remaining: payload.remainingFulfillmentOrder ? { id: payload.remainingFulfillmentOrder.id } : null,
    cost,
  };
}

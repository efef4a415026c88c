import { shopifyGid } from "~/domain/shopify-ids";
import type { OrderInShopify } from "~/domain/notifications/uncollected-cancel";
import type { AdminClient } from "../admin-client.server";

/**
 * An order's cancellation and fulfilment state as Shopify has it now: what the uncollected-orders
 * sweep re-reads before cancelling, since the app's store task may be behind Shopify (a pickup
 * marked collected in the admin, an order the merchant cancelled).
 *
 * Cost: the order 1, the fulfilmentOrders connection 2 and per fulfilment order its node and
 * deliveryMethod 2, for 10 fulfilment orders: 23 points asked, the unused part refunded.
 */
export const ORDER_PICKUP_STATE_QUERY = `#graphql
  query UncollectedOrderPickupState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      fulfillmentOrders(first: 10) {
        nodes {
          status
          deliveryMethod {
            methodType
          }
        }
      }
    }
  }
`;

const REQUESTED_COST = 3 + 2 * 10;

/** Null when the shop has no such order. */
export async function fetchOrderPickupState(client: AdminClient, orderId: string): Promise<OrderInShopify | null> {
  const { data } = await client.request(
    ORDER_PICKUP_STATE_QUERY,
    { id: shopifyGid("Order", orderId) },
    { expectedCost: REQUESTED_COST },
  );
  const order = data.order;
  if (!order) return null;
  return {
    cancelledAt: order.cancelledAt ?? null,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    fulfillmentOrders: order.fulfillmentOrders.nodes.map((fo) => ({
      status: fo.status,
      deliveryMethod: fo.deliveryMethod?.methodType ?? null,
    })),
  };
}

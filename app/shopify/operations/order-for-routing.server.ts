import type { AdminClient } from "../admin-client.server";
import type { CostMeter } from "../cost-meter";
import { requireNumericId, shopifyGid } from "~/domain/shopify-ids";

/**
 * What routing needs from the Admin API about an order: which order a fulfilment order
 * belongs to (fulfillment_orders/order_routing_complete names only the fulfilment order),
 * and the order's facts when orders/create has not arrived yet (webhooks come out of order).
 */
export const FULFILLMENT_ORDER_ORDER_QUERY = `#graphql
  query FulfillmentOrderOrder($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      order {
        id
      }
    }
  }
`;

/** Null when the shop has no such fulfilment order. Returns the order's gid. */
export async function fetchOrderIdOfFulfillmentOrder(
  client: AdminClient,
  fulfillmentOrderId: string,
  options: { costMeter?: CostMeter } = {},
): Promise<string | null> {
  const { data } = await client.request(
    FULFILLMENT_ORDER_ORDER_QUERY,
    { id: fulfillmentOrderId },
    { expectedCost: 2, ...options },
  );
  return data.fulfillmentOrder?.order.id ?? null;
}

const LINE_ITEMS_FIRST = 50;

export const ORDER_FACTS_FOR_ROUTING_QUERY = `#graphql
  query OrderFactsForRouting($id: ID!, $lineItemsFirst: Int!) {
    order(id: $id) {
      id
      name
      createdAt
      cancelledAt
      confirmationNumber
      customer {
        id
      }
      shippingAddress {
        latitude
        longitude
      }
      shippingLine {
        title
        code
      }
      lineItems(first: $lineItemsFirst) {
        nodes {
          sku
          quantity
        }
      }
    }
  }
`;

export interface AdminOrderFacts {
  /** Numeric, as webhooks carry it. */
  orderId: string;
  name: string;
  placedAt: Date;
  cancelledAt: Date | null;
  customerId: string | null;
  confirmationNumber: string | null;
  latitude: number | null;
  longitude: number | null;
  shippingLine: { title: string | null; code: string | null } | null;
  lines: { sku: string; quantity: number }[];
}

/** Null when the shop has no such order. */
export async function fetchOrderFactsForRouting(
  client: AdminClient,
  orderId: string,
  options: { costMeter?: CostMeter } = {},
): Promise<AdminOrderFacts | null> {
  const { data } = await client.request(
    ORDER_FACTS_FOR_ROUTING_QUERY,
    { id: shopifyGid("Order", orderId), lineItemsFirst: LINE_ITEMS_FIRST },
    { expectedCost: 6 + LINE_ITEMS_FIRST, ...options },
  );
  const order = data.order;
  if (!order) return null;
  return {
    orderId: requireNumericId(order.id, "Order"),
    name: order.name,
    placedAt: new Date(order.createdAt as string),
    cancelledAt: order.cancelledAt ? new Date(order.cancelledAt as string) : null,
    customerId: order.customer ? requireNumericId(order.customer.id, "Customer") : null,
    confirmationNumber: order.confirmationNumber ?? null,
    latitude: order.shippingAddress?.latitude ?? null,
    longitude: order.shippingAddress?.longitude ?? null,
    shippingLine: order.shippingLine
      ? { title: order.shippingLine.title, code: order.shippingLine.code ?? null }
      : null,
    lines: order.lineItems.nodes.flatMap((line) => (line.sku ? [{ sku: line.sku, quantity: line.quantity }] : [])),
  };
}

import type { AdminClient } from "../admin-client.server";
import type { CallCost } from "../cost-meter";
import type { CostMeter } from "../cost-meter";

/**
 * An order's fulfilment orders as routing needs them: where each is assigned, how it is
 * delivered, what it holds and whether it may move.
 *
 * Cost: Shopify charges a connection 2 plus its page size times a node, before running the
 * query. A page of 1 fulfilment order with 10 line items requests 20 points, which covers
 * most orders; when a page comes back full the query is repeated with room for 10 fulfilment
 * orders of 50 line items (573 points requested, most refunded).
 */
export const FULFILLMENT_ORDERS_FOR_ROUTING_QUERY = `#graphql
  query FulfillmentOrdersForRouting($orderId: ID!, $fulfillmentOrdersFirst: Int!, $lineItemsFirst: Int!) {
    order(id: $orderId) {
      fulfillmentOrders(first: $fulfillmentOrdersFirst) {
        pageInfo {
          hasNextPage
        }
        nodes {
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
          supportedActions {
            action
          }
          lineItems(first: $lineItemsFirst) {
            pageInfo {
              hasNextPage
            }
            nodes {
              id
              sku
              inventoryItemId
              totalQuantity
              remainingQuantity
            }
          }
        }
      }
    }
  }
`;

export interface PageSizes {
  fulfillmentOrders: number;
  lineItems: number;
}

export const FIRST_PAGE_SIZES: PageSizes = { fulfillmentOrders: 1, lineItems: 10 };
export const FULL_PAGE_SIZES: PageSizes = { fulfillmentOrders: 10, lineItems: 50 };

/** Shopify's calculated cost of the query for these page sizes, for pacing before the first answer. */
export function requestedCostOf(sizes: PageSizes): number {
  const perLineItem = 1;
  // node 1 + assignedLocation 1 + its location 1 + deliveryMethod 1 + supportedActions 1 + lineItems connection 2
  const perFulfillmentOrder = 7 + sizes.lineItems * perLineItem;
  // order 1 + fulfillmentOrders connection 2
  return 3 + sizes.fulfillmentOrders * perFulfillmentOrder;
}

export interface RoutingLineItem {
  id: string;
  sku: string | null;
  inventoryItemId: string | null;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface RoutingFulfillmentOrder {
  id: string;
  status: string;
  locationId: string | null;
  deliveryMethod: string | null;
  supportedActions: string[];
  lineItems: RoutingLineItem[];
}

export interface FulfillmentOrdersForRouting {
  fulfillmentOrders: RoutingFulfillmentOrder[];
  /** False when even the full page sizes did not hold everything (more than 10 or 50). */
  complete: boolean;
  /** Every call this took (one, or two when the first page was full). */
  costs: CallCost[];
}

/** Null when the shop has no such order. */
export async function fetchFulfillmentOrdersForRouting(
  client: AdminClient,
  orderId: string,
  options: { costMeter?: CostMeter } = {},
): Promise<FulfillmentOrdersForRouting | null> {
  const costs: CallCost[] = [];
  for (const sizes of [FIRST_PAGE_SIZES, FULL_PAGE_SIZES]) {
    const { data, cost } = await client.request(
      FULFILLMENT_ORDERS_FOR_ROUTING_QUERY,
      { orderId, fulfillmentOrdersFirst: sizes.fulfillmentOrders, lineItemsFirst: sizes.lineItems },
      { expectedCost: requestedCostOf(sizes), ...options },
    );
    costs.push(cost);
    const connection = data.order?.fulfillmentOrders;
    if (!connection) return null;
    const complete =
      !connection.pageInfo.hasNextPage && connection.nodes.every((fo) => !fo.lineItems.pageInfo.hasNextPage);
    if (!complete && sizes !== FULL_PAGE_SIZES) continue;
    return {
      complete,
      costs,
      fulfillmentOrders: connection.nodes.map((fo) => ({
        id: fo.id,
        status: fo.status,
        locationId: fo.assignedLocation.location?.id ?? null,
        deliveryMethod: fo.deliveryMethod?.methodType ?? null,
        supportedActions: fo.supportedActions.map((supported) => supported.action),
        lineItems: fo.lineItems.nodes.map((line) => ({
          id: line.id,
          sku: line.sku ?? null,
          inventoryItemId: line.inventoryItemId ?? null,
          totalQuantity: line.totalQuantity,
          remainingQuantity: line.remainingQuantity,
        })),
      })),
    };
  }
  throw new Error("unreachable: the full page sizes always return");
}

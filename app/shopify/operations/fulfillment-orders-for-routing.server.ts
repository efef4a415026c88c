import type { AdminClient } from "../admin-client.server";
import type { CallCost } from "../cost-meter";
import type { CostMeter } from "../cost-meter";
import {
  storeTaskFulfillmentOrderOf,
  storeTaskLineItemOf,
  type StoreTaskFulfillmentOrder,
} from "./fulfillment-order-for-store-task.server";

/**
 * An order's fulfilment orders as routing needs them: where each is assigned, how it is
 * delivered, what it holds and whether it may move; and the pickup promise checkout showed the
 * shopper, when the checkout extension could write it (copied from the cart's metafield). With
 * what a store task needs besides (the order's name and customer, each item's title, image and
 * barcode), so a fulfilment order routing leaves where it is gets its store's task from this read
 * (decision 045).
 *
 * Cost: Shopify charges a connection 2 plus its page size times a node, before running the
 * query, and the bucket must hold that much. Most orders have one fulfilment order, and none
 * has more line items than the order, so the first page asks for one fulfilment order with
 * room for the order's line items (an order of 2 lines requests 13 points). When a page comes
 * back full the query is repeated with room for 10 fulfilment orders, or 50 line items, for
 * whichever was short.
 */
export const FULFILLMENT_ORDERS_FOR_ROUTING_QUERY = `#graphql
  query FulfillmentOrdersForRouting($orderId: ID!, $fulfillmentOrdersFirst: Int!, $lineItemsFirst: Int!) {
    order(id: $orderId) {
      id
      name
      cancelledAt
      customer {
        firstName
        lastName
      }
      checkoutPromise: metafield(namespace: "$app", key: "pickup_promise") {
        value
      }
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
      }
    }
  }
`;

export interface PageSizes {
  fulfillmentOrders: number;
  lineItems: number;
}

const MAX_PAGE_SIZES: PageSizes = { fulfillmentOrders: 10, lineItems: 50 };
/** Room for line items when the order's line count is not known. */
const DEFAULT_LINE_ITEMS = 10;

/** The first page: one fulfilment order, with room for the order's line items. */
export function firstPageSizes(expectedLineItems?: number): PageSizes {
  const lineItems = Math.round(expectedLineItems ?? DEFAULT_LINE_ITEMS);
  return { fulfillmentOrders: 1, lineItems: Math.min(MAX_PAGE_SIZES.lineItems, Math.max(1, lineItems)) };
}

/** The page to ask for after one that came back short: more of whatever was cut off. */
function nextPageSizes(sizes: PageSizes, cutOff: { fulfillmentOrders: boolean; lineItems: boolean }): PageSizes {
  return {
    fulfillmentOrders: cutOff.fulfillmentOrders ? MAX_PAGE_SIZES.fulfillmentOrders : sizes.fulfillmentOrders,
    lineItems: cutOff.lineItems ? MAX_PAGE_SIZES.lineItems : sizes.lineItems,
  };
}

/** Shopify's calculated cost of the query for these page sizes, for pacing before the first answer. */
export function requestedCostOf(sizes: PageSizes): number {
  // node 1 + image 1 + variant 1
  const perLineItem = 3;
  // node 1 + assignedLocation 1 + its location 1 + deliveryMethod 1 + supportedActions 1 + lineItems connection 2
  const perFulfillmentOrder = 7 + sizes.lineItems * perLineItem;
  // order 1 + customer 1 + its metafield 1 + fulfillmentOrders connection 2
  return 5 + sizes.fulfillmentOrders * perFulfillmentOrder;
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
  /** The fulfilment order as its store task needs it; null when its line items did not all come back. */
  asStoreTask: StoreTaskFulfillmentOrder | null;
}

export interface FulfillmentOrdersForRouting {
  fulfillmentOrders: RoutingFulfillmentOrder[];
  /** The order's pickup_promise metafield value (the app's signed token, unverified); null without one. */
  checkoutPromise: string | null;
  /** False when even the largest pages did not hold everything (more than 10 or 50). */
  complete: boolean;
  /** Every call this took (one, or more when a page came back full). */
  costs: CallCost[];
}

export interface FetchFulfillmentOrdersOptions {
  costMeter?: CostMeter;
  /** The order's line count, when known: the first page makes room for that many. */
  expectedLineItems?: number;
}

/** Null when the shop has no such order. */
export async function fetchFulfillmentOrdersForRouting(
  client: AdminClient,
  orderId: string,
  { expectedLineItems, ...options }: FetchFulfillmentOrdersOptions = {},
): Promise<FulfillmentOrdersForRouting | null> {
  const costs: CallCost[] = [];
  let sizes = firstPageSizes(expectedLineItems);
  for (;;) {
    const { data, cost } = await client.request(
      FULFILLMENT_ORDERS_FOR_ROUTING_QUERY,
      { orderId, fulfillmentOrdersFirst: sizes.fulfillmentOrders, lineItemsFirst: sizes.lineItems },
      { expectedCost: requestedCostOf(sizes), ...options },
    );
    costs.push(cost);
    const connection = data.order?.fulfillmentOrders;
    if (!connection) return null;
    const cutOff = {
      fulfillmentOrders: connection.pageInfo.hasNextPage,
      lineItems: connection.nodes.some((fo) => fo.lineItems.pageInfo.hasNextPage),
    };
    const complete = !cutOff.fulfillmentOrders && !cutOff.lineItems;
    const next = nextPageSizes(sizes, cutOff);
    if (!complete && (next.fulfillmentOrders !== sizes.fulfillmentOrders || next.lineItems !== sizes.lineItems)) {
      sizes = next;
      continue;
    }
    const order = data.order;
    return {
      complete,
      costs,
      checkoutPromise: order?.checkoutPromise?.value ?? null,
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
        asStoreTask:
          order && !fo.lineItems.pageInfo.hasNextPage
            ? storeTaskFulfillmentOrderOf({ ...fo, order }, fo.lineItems.nodes.map(storeTaskLineItemOf))
            : null,
      })),
    };
  }
}

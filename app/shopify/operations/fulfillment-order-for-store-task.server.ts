import { requireNumericId, shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import type { AdminOperationData } from "../admin-operations";
import type { CostMeter } from "../cost-meter";

/**
 * A fulfilment order as its store task needs it: where it is and in what status, how it is
 * delivered, whose order it is, and the items with what a picker scans and sees.
 *
 * Cost: the fulfilment order's objects (itself, assignedLocation, location, deliveryMethod,
 * order, customer) 6, the lineItems connection 2, and per line item its node, image and
 * variant 3. A page of 25 line items asks for 83 points; almost every fulfilment order fits in
 * one, and a longer one is read page by page.
 */
export const FULFILLMENT_ORDER_FOR_STORE_TASK_QUERY = `#graphql
  query FulfillmentOrderForStoreTask($id: ID!, $lineItemsFirst: Int!, $lineItemsAfter: String) {
    fulfillmentOrder(id: $id) {
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
      lineItems(first: $lineItemsFirst, after: $lineItemsAfter) {
        pageInfo {
          hasNextPage
          endCursor
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
  }
`;

const LINE_ITEMS_PER_PAGE = 25;
const REQUESTED_COST = 8 + 3 * LINE_ITEMS_PER_PAGE;

export interface StoreTaskLineItem {
  /** The fulfilment order line item's numeric id. */
  lineItemId: string;
  sku: string | null;
  barcode: string | null;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface StoreTaskFulfillmentOrder {
  /** Numeric ids, as the app's tables keep them. */
  fulfillmentOrderId: string;
  /** Shopify's FulfillmentOrderStatus: OPEN, IN_PROGRESS, SCHEDULED, ON_HOLD, CLOSED, CANCELLED, INCOMPLETE. */
  status: string;
  locationId: string | null;
  /** Shopify's DeliveryMethodType (PICK_UP, LOCAL, SHIPPING …); null when it has none. */
  deliveryMethod: string | null;
  orderId: string;
  orderName: string;
  orderCancelled: boolean;
  /** The customer's first and last name; null when the order names no one. */
  customerName: string | null;
  lineItems: StoreTaskLineItem[];
}

function fullName(customer: { firstName?: string | null; lastName?: string | null } | null | undefined) {
  const name = [customer?.firstName, customer?.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return name || null;
}

type FulfillmentOrderPage = AdminOperationData<typeof FULFILLMENT_ORDER_FOR_STORE_TASK_QUERY>["fulfillmentOrder"];
type FulfillmentOrderNode = NonNullable<FulfillmentOrderPage>;

/**
 * What Shopify answers for a fulfilment order's line item, in this query or in any other document
 * that selects the same fields (the move's answer, fulfillment-order-move.server.ts).
 */
export type StoreTaskLineItemNode = FulfillmentOrderNode["lineItems"]["nodes"][number];

export function storeTaskLineItemOf(line: StoreTaskLineItemNode): StoreTaskLineItem {
  return {
    lineItemId: requireNumericId(line.id, "FulfillmentOrderLineItem"),
    sku: line.sku || null,
    barcode: line.variant?.barcode || null,
    title: line.productTitle,
    variantTitle: line.variantTitle ?? null,
    imageUrl: line.image?.url ?? null,
    totalQuantity: line.totalQuantity,
    remainingQuantity: line.remainingQuantity,
  };
}

/** The fulfilment order as its store task needs it, from its fields as this query selects them and all its line items. */
export function storeTaskFulfillmentOrderOf(
  fo: Pick<FulfillmentOrderNode, "id" | "status" | "assignedLocation" | "deliveryMethod" | "order">,
  lineItems: StoreTaskLineItem[],
): StoreTaskFulfillmentOrder {
  const locationGid = fo.assignedLocation.location?.id;
  return {
    fulfillmentOrderId: requireNumericId(fo.id, "FulfillmentOrder"),
    status: fo.status,
    locationId: locationGid ? requireNumericId(locationGid, "Location") : null,
    deliveryMethod: fo.deliveryMethod?.methodType ?? null,
    orderId: requireNumericId(fo.order.id, "Order"),
    orderName: fo.order.name,
    orderCancelled: Boolean(fo.order.cancelledAt),
    customerName: fullName(fo.order.customer),
    lineItems,
  };
}

async function readPage(
  client: AdminClient,
  id: string,
  after: string | null,
  options: { costMeter?: CostMeter },
): Promise<FulfillmentOrderPage> {
  const { data } = await client.request(
    FULFILLMENT_ORDER_FOR_STORE_TASK_QUERY,
    { id, lineItemsFirst: LINE_ITEMS_PER_PAGE, lineItemsAfter: after },
    { expectedCost: REQUESTED_COST, ...options },
  );
  return data.fulfillmentOrder;
}

/** Null when the shop has no such fulfilment order. */
export async function fetchFulfillmentOrderForStoreTask(
  client: AdminClient,
  fulfillmentOrderId: string,
  options: { costMeter?: CostMeter } = {},
): Promise<StoreTaskFulfillmentOrder | null> {
  const id = shopifyGid("FulfillmentOrder", fulfillmentOrderId);
  const lineItems: StoreTaskLineItem[] = [];
  let after: string | null = null;
  for (;;) {
    const fo = await readPage(client, id, after, options);
    if (!fo) return null;
    lineItems.push(...fo.lineItems.nodes.map(storeTaskLineItemOf));
    const page = fo.lineItems.pageInfo;
    if (page.hasNextPage && page.endCursor) {
      after = page.endCursor;
      continue;
    }
    return storeTaskFulfillmentOrderOf(fo, lineItems);
  }
}

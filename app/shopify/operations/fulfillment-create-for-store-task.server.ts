import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Fulfils what remains of a store's fulfilment order when it leaves the store: handed over at
 * the counter, shipped, or taken by a local courier. A mutation costs a flat 10 points.
 *
 * Not repeated by the client when its answer is lost: the store-task effect job re-reads the
 * fulfilment order's remaining quantities and fulfils only what is still unfulfilled.
 */
export const STORE_TASK_FULFILLMENT_CREATE_MUTATION = `#graphql
  mutation StoreTaskFulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export interface StoreTaskFulfillment {
  /** Numeric. */
  fulfillmentOrderId: string;
  /** Shopify's shipping confirmation to the shopper. */
  notifyCustomer: boolean;
  trackingInfo?: { company?: string; number?: string; url?: string };
}

/** Returns the fulfilment's gid; throws AdminApiUserError when Shopify refuses. */
export async function createStoreTaskFulfillment(client: AdminClient, input: StoreTaskFulfillment): Promise<string> {
  const { data } = await client.request(STORE_TASK_FULFILLMENT_CREATE_MUTATION, {
    fulfillment: {
      // No line items named: every remaining unit of the fulfilment order.
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: shopifyGid("FulfillmentOrder", input.fulfillmentOrderId) }],
      notifyCustomer: input.notifyCustomer,
      ...(input.trackingInfo ? { trackingInfo: input.trackingInfo } : {}),
    },
  });
  const payload = data.fulfillmentCreate;
  requireNoUserErrors(payload?.userErrors, "fulfillmentCreate");
  if (!payload?.fulfillment) throw new Error(`fulfillmentCreate of ${input.fulfillmentOrderId} answered no fulfillment`);
  return payload.fulfillment.id;
}

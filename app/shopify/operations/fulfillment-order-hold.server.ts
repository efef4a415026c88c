import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Puts a whole fulfilment order on hold because no location has its items (2026-04,
 * INVENTORY_OUT_OF_STOCK), under the app's own handle so the merchant can tell the app's hold
 * from theirs. A mutation costs a flat 10 points.
 *
 * Not repeated by the client when its answer is lost: the reroute job re-reads the fulfilment
 * order and holds it only while it is not ON_HOLD already.
 */
export const FULFILLMENT_ORDER_HOLD_MUTATION = `#graphql
  mutation RerouteHoldFulfillmentOrder($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The app's hold handle: at most one such hold per fulfilment order. */
export const REROUTE_HOLD_HANDLE = "omniroute-out-of-stock";

/** Throws AdminApiUserError when Shopify refuses. */
export async function holdFulfillmentOrderOutOfStock(
  client: AdminClient,
  fulfillmentOrderId: string,
  reasonNotes: string,
): Promise<void> {
  const { data } = await client.request(FULFILLMENT_ORDER_HOLD_MUTATION, {
    id: shopifyGid("FulfillmentOrder", fulfillmentOrderId),
    fulfillmentHold: {
      reason: "INVENTORY_OUT_OF_STOCK",
      reasonNotes: reasonNotes.slice(0, 256),
      handle: REROUTE_HOLD_HANDLE,
      notifyMerchant: true,
    },
  });
  requireNoUserErrors(data.fulfillmentOrderHold?.userErrors, "fulfillmentOrderHold");
}

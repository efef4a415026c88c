import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Opens a fulfilment order again (2026-04): clears a progress report, which Shopify requires
 * before the fulfilment order can be moved. A mutation costs a flat 10 points.
 *
 * Not repeated by the client when its answer is lost: the reroute job re-reads the fulfilment
 * order's status and opens it only while it is still IN_PROGRESS.
 */
export const FULFILLMENT_ORDER_OPEN_MUTATION = `#graphql
  mutation RerouteOpenFulfillmentOrder($id: ID!) {
    fulfillmentOrderOpen(id: $id) {
      fulfillmentOrder {
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

/** Throws AdminApiUserError when Shopify refuses. */
export async function openFulfillmentOrder(client: AdminClient, fulfillmentOrderId: string): Promise<void> {
  const { data } = await client.request(FULFILLMENT_ORDER_OPEN_MUTATION, {
    id: shopifyGid("FulfillmentOrder", fulfillmentOrderId),
  });
  requireNoUserErrors(data.fulfillmentOrderOpen?.userErrors, "fulfillmentOrderOpen");
}

import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Marks a pickup fulfilment order's items ready for pickup; Shopify then sends the shopper its
 * own "ready for pickup" message. A mutation costs a flat 10 points.
 *
 * The 2026-04 schema has no field to read back whether a fulfilment order was prepared, so a
 * lost answer is settled by Shopify's own refusal of a second one: it answers
 * NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER and changes nothing (no second message).
 */
export const FULFILLMENT_ORDER_PREPARED_FOR_PICKUP_MUTATION = `#graphql
  mutation StoreTaskPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
    fulfillmentOrderLineItemsPreparedForPickup(input: $input) {
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export type PreparedForPickupOutcome = "PREPARED" | "ALREADY_PREPARED";

/** Throws AdminApiUserError for any other refusal (an invalid fulfilment order, a quantity). */
export async function markPreparedForPickup(
  client: AdminClient,
  fulfillmentOrderId: string,
): Promise<PreparedForPickupOutcome> {
  const { data } = await client.request(FULFILLMENT_ORDER_PREPARED_FOR_PICKUP_MUTATION, {
    input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: shopifyGid("FulfillmentOrder", fulfillmentOrderId) }] },
  });
  const userErrors = data.fulfillmentOrderLineItemsPreparedForPickup?.userErrors ?? [];
  if (userErrors.length > 0 && userErrors.every((error) => error.code === "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER")) {
    return "ALREADY_PREPARED";
  }
  requireNoUserErrors(userErrors, "fulfillmentOrderLineItemsPreparedForPickup");
  return "PREPARED";
}

import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";
import { requireNoUserErrors } from "../user-errors";

/**
 * Sets an item's available quantity at a location to 0 (inventorySetQuantities, 2026-04), only
 * if it still is `fromQuantity` (compare-and-swap: Shopify answers CHANGE_FROM_QUANTITY_STALE
 * otherwise). A mutation costs a flat 10 points.
 *
 * The idempotency key is mandatory as of 2026-04 (`@idempotent`, refused at run time without
 * it). The same key with the same input replays Shopify's first answer, so a send whose answer
 * was lost is safe to repeat: the client is told so, and re-sends it.
 */
export const INVENTORY_SET_AVAILABLE_ZERO_MUTATION = `#graphql
  mutation ExceptionSetStoreStockZero($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryAdjustmentGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface SetAvailableZero {
  locationId: string;
  inventoryItemId: string;
  /** The available quantity read just before; Shopify refuses the change if it has moved since. */
  fromQuantity: number;
  idempotencyKey: string;
  /** Why, for the merchant's inventory history: e.g. gid://omniroute/StoreTask/<id>. */
  referenceDocumentUri: string;
}

/**
 * "SET", or "STALE" when the quantity changed since it was read. Throws AdminApiUserError for
 * any other refusal.
 */
export async function setAvailableToZero(client: AdminClient, change: SetAvailableZero): Promise<"SET" | "STALE"> {
  const { data } = await client.request(
    INVENTORY_SET_AVAILABLE_ZERO_MUTATION,
    {
      idempotencyKey: change.idempotencyKey,
      input: {
        name: "available",
        // An associate found the item missing or damaged: the count Shopify holds was wrong.
        reason: "correction",
        referenceDocumentUri: change.referenceDocumentUri,
        quantities: [
          {
            inventoryItemId: shopifyGid("InventoryItem", change.inventoryItemId),
            locationId: shopifyGid("Location", change.locationId),
            quantity: 0,
            changeFromQuantity: change.fromQuantity,
          },
        ],
      },
    },
    { idempotent: true },
  );
  const userErrors = data.inventorySetQuantities?.userErrors;
  if (userErrors?.some((error) => error.code === "CHANGE_FROM_QUANTITY_STALE")) return "STALE";
  requireNoUserErrors(userErrors, "inventorySetQuantities");
  return "SET";
}

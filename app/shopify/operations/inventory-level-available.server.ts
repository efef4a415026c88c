import { shopifyGid } from "~/domain/shopify-ids";
import type { AdminClient } from "../admin-client.server";

/**
 * The available quantity of one item at one location, as Shopify holds it now: read right
 * before the store's stock of an item is set, and its value sent as the compare-and-swap guard
 * (`changeFromQuantity`). Null when the location does not stock the item.
 */
export const INVENTORY_LEVEL_AVAILABLE_QUERY = `#graphql
  query ExceptionInventoryLevelAvailable($locationId: ID!, $inventoryItemId: ID!) {
    location(id: $locationId) {
      inventoryLevel(inventoryItemId: $inventoryItemId) {
        quantities(names: ["available"]) {
          name
          quantity
        }
      }
    }
  }
`;

export async function fetchAvailableAtLocation(
  client: AdminClient,
  level: { locationId: string; inventoryItemId: string },
): Promise<number | null> {
  const { data } = await client.request(INVENTORY_LEVEL_AVAILABLE_QUERY, {
    locationId: shopifyGid("Location", level.locationId),
    inventoryItemId: shopifyGid("InventoryItem", level.inventoryItemId),
  });
  const quantities = data.location?.inventoryLevel?.quantities;
  if (!quantities) return null;
  return quantities.find((quantity) => quantity.name === "available")?.quantity ?? null;
}

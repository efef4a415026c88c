import { z } from "zod";
import { clearExceptionHoldsUpdatedBy } from "~/models/exception-holds.server";
import { clearReflectedReservations } from "~/models/inventory-reservations.server";
import { applyAvailableUpdate } from "~/models/inventory-levels.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { shopifyId } from "./shared-schemas";

const payload = z.object({
  inventory_item_id: shopifyId,
  location_id: shopifyId,
  // Null for an item whose inventory Shopify does not track.
  available: z.number().int().nullable(),
  updated_at: z.string().datetime({ offset: true }),
});

/**
 * inventory_levels/update: the mirror takes the new available quantity, in the webhook's
 * transaction, unless it holds a newer one (deliveries come late, twice and out of order).
 * Reservations at the location whose units the mirror now shows are cleared (decision 006), and
 * so is a store's exception hold of the item's SKU when the update came after it.
 */
export const inventoryLevelsUpdate: WebhookTopicHandler<typeof payload> = {
  topic: "INVENTORY_LEVELS_UPDATE",
  payload,
  async apply(tx, webhook) {
    const { available, inventory_item_id, location_id, updated_at } = webhook.payload;
    if (available === null) return;
    const applied = await applyAvailableUpdate(tx, webhook.shop, {
      locationId: location_id,
      inventoryItemId: inventory_item_id,
      available,
      sourceUpdatedAt: new Date(updated_at),
    });
    if (!applied) return;
    await clearReflectedReservations(tx, webhook.shop, { locationId: location_id });
    await clearExceptionHoldsUpdatedBy(tx, webhook.shop, {
      locationId: location_id,
      inventoryItemId: inventory_item_id,
      sourceUpdatedAt: new Date(updated_at),
    });
  },
};

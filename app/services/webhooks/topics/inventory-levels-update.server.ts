import { z } from "zod";
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
 */
export const inventoryLevelsUpdate: WebhookTopicHandler<typeof payload> = {
  topic: "INVENTORY_LEVELS_UPDATE",
  payload,
  async apply(tx, webhook) {
    const { available, inventory_item_id, location_id, updated_at } = webhook.payload;
    if (available === null) return;
    await applyAvailableUpdate(tx, webhook.shop, {
      locationId: location_id,
      inventoryItemId: inventory_item_id,
      available,
      sourceUpdatedAt: new Date(updated_at),
    });
  },
};

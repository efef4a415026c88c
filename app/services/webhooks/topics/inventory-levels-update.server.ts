import { z } from "zod";
import { sqlPool } from "~/db.server";
import { recordAndApplyLevelUpdate } from "~/models/inventory-level-webhooks.server";
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
 * inventory_levels/update: the mirror takes the new available quantity unless it holds a newer one
 * (deliveries come late, twice and out of order). Reservations at the location whose units the
 * mirror now shows are cleared (decision 006), and so is a store's exception hold of the item's
 * SKU when the update came after it. The busiest topic: recorded and applied in one statement.
 */
export const inventoryLevelsUpdate: WebhookTopicHandler<typeof payload> = {
  topic: "INVENTORY_LEVELS_UPDATE",
  payload,
  async recordAndApply(event, { available, inventory_item_id, location_id, updated_at }) {
    await recordAndApplyLevelUpdate(sqlPool, event, {
      locationId: location_id,
      inventoryItemId: inventory_item_id,
      available,
      sourceUpdatedAt: new Date(updated_at),
    });
  },
};

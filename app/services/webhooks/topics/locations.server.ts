import { z } from "zod";
import { applyLocationChange, recordLocationDeleted } from "~/models/locations.server";
import { enqueueLocationsSync } from "~/services/inventory/sync-triggers.server";
import type { WebhookTopicHandler } from "../receive-webhook.server";
import { shopifyId } from "./shared-schemas";

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value || null);

const locationPayload = z.object({
  id: shopifyId,
  name: z.string(),
  address1: optionalText,
  city: optionalText,
  zip: optionalText,
  province_code: optionalText,
  country_code: optionalText,
  active: z.boolean(),
  updated_at: z.string().datetime({ offset: true }),
});

/**
 * locations/create, /update, /activate, /deactivate: the mirror takes what the payload
 * carries (name, address, active) unless it holds something newer, and a locations sync is
 * queued for what it does not carry (coordinates, online fulfilment, local pickup) and to
 * give a new location its profile.
 */
function locationChange(topic: string): WebhookTopicHandler<typeof locationPayload> {
  return {
    topic,
    payload: locationPayload,
    async applyWithPrisma(tx, webhook) {
      const location = webhook.payload;
      const applied = await applyLocationChange(
        tx,
        webhook.shop,
        {
          locationId: location.id,
          name: location.name,
          address1: location.address1,
          city: location.city,
          zip: location.zip,
          provinceCode: location.province_code,
          countryCode: location.country_code,
          isActive: location.active,
          sourceUpdatedAt: new Date(location.updated_at),
        },
        webhook.triggeredAt,
      );
      if (applied) await enqueueLocationsSync(tx, webhook.shop);
    },
  };
}

export const locationsCreate = locationChange("LOCATIONS_CREATE");
export const locationsUpdate = locationChange("LOCATIONS_UPDATE");
export const locationsActivate = locationChange("LOCATIONS_ACTIVATE");
export const locationsDeactivate = locationChange("LOCATIONS_DEACTIVATE");

const deletePayload = z.object({ id: shopifyId });

/** locations/delete: the location becomes a tombstone and its stock leaves the mirror. */
export const locationsDelete: WebhookTopicHandler<typeof deletePayload> = {
  topic: "LOCATIONS_DELETE",
  payload: deletePayload,
  async applyWithPrisma(tx, webhook) {
    await recordLocationDeleted(tx, webhook.shop, webhook.payload.id, webhook.triggeredAt);
  },
};

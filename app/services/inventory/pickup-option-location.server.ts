import type { PrismaClient } from "@prisma/client";
import prisma from "~/db.server";
import { matchPickupOption, type PickupOptionPlace } from "~/domain/locations/pickup-option-match";
import { listPickupPlaces } from "~/models/pickup-locations.server";

export interface PickupOptionLocation {
  /** Shopify's numeric location id, as the mirror keys it. */
  locationId: string;
  name: string;
}

/**
 * The mirrored location a checkout pickup option stands for (checkout names it only by name
 * and address), among the shop's active pickup locations; null when none fits or the option
 * is unreadable. Renames and moves in Shopify reach the mirror through the locations webhooks.
 */
export async function locationForPickupOption(
  shop: string,
  option: PickupOptionPlace,
  db: PrismaClient = prisma,
): Promise<PickupOptionLocation | null> {
  const places = await listPickupPlaces(db, shop);
  const place = matchPickupOption(option, places);
  return place && { locationId: place.locationId, name: place.name };
}

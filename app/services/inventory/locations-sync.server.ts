import prisma from "~/db.server";
import {
  createMissingLocationProfiles,
  markLocationsDeletedExcept,
  upsertSyncedLocations,
  type SyncedLocation,
} from "~/models/locations.server";
import { LOCATIONS_FOR_MIRROR_QUERY } from "~/shopify/operations/inventory-mirror.server";
import type { LocationsForMirrorQuery } from "~/types/admin.generated";
import { numericIdOf } from "~/domain/shopify-ids";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { recordShopTimeZone } from "~/services/shop/shop-time-zone.server";

export interface LocationsSyncResult {
  locations: number;
  newProfiles: number;
  deleted: string[];
}

type LocationNode = LocationsForMirrorQuery["locations"]["nodes"][number];

function syncedLocationOf(node: LocationNode): SyncedLocation {
  const locationId = numericIdOf(node.id, "Location");
  if (!locationId) throw new Error(`Unexpected location id ${node.id}`);
  return {
    locationId,
    name: node.name,
    address1: node.address.address1 ?? null,
    city: node.address.city ?? null,
    provinceCode: node.address.provinceCode ?? null,
    zip: node.address.zip ?? null,
    countryCode: node.address.countryCode ?? null,
    latitude: node.address.latitude ?? null,
    longitude: node.address.longitude ?? null,
    isActive: node.isActive,
    fulfillsOnlineOrders: node.fulfillsOnlineOrders,
    pickupEnabled: node.localPickupSettingsV2 != null,
    pickupTime: node.localPickupSettingsV2?.pickupTime ?? null,
    sourceUpdatedAt: new Date(node.updatedAt),
  };
}

/**
 * Mirrors every location of the shop (a normal paged query: shops have tens of locations,
 * not thousands). A location seen for the first time gets a profile with defaults that make
 * it usable at once: a store if it offers local pickup, else a warehouse, in the shop's time
 * zone, always open until the merchant sets hours. Locations Shopify no longer returns are
 * marked deleted. The shop's own time zone is recorded too: the merchant's pages show dates in it.
 */
export async function syncLocations(shop: string, admin: AdminClient, now: () => Date): Promise<LocationsSyncResult> {
  const queriedAt = now();
  const locations: SyncedLocation[] = [];
  let timeZone = "UTC";
  let after: string | null = null;
  do {
    // Annotated: `after` is read from the page, which TypeScript cannot infer around the loop.
    const page: LocationsForMirrorQuery = (await admin.request(LOCATIONS_FOR_MIRROR_QUERY, { after })).data;
    timeZone = page.shop.ianaTimezone;
    locations.push(...page.locations.nodes.map(syncedLocationOf));
    after = page.locations.pageInfo.hasNextPage ? (page.locations.pageInfo.endCursor ?? null) : null;
  } while (after);

  return prisma.$transaction(async (tx) => {
    const syncedAt = now();
    await upsertSyncedLocations(tx, shop, locations, syncedAt);
    const newProfiles = await createMissingLocationProfiles(
      tx,
      shop,
      locations.map((location) => ({
        locationId: location.locationId,
        kind: location.pickupEnabled ? "STORE" : "WAREHOUSE",
        timeZone,
      })),
    );
    const seen = locations.map((location) => location.locationId);
    const deleted = await markLocationsDeletedExcept(tx, shop, seen, queriedAt);
    await recordShopTimeZone(shop, timeZone, tx);
    return { locations: locations.length, newProfiles, deleted };
  });
}

/** The locations sync as a job runs it: through the shop's own Admin client, by the current time. */
export async function runLocationsSync(shop: string): Promise<void> {
  await syncLocations(shop, adminClientForShop(shop), () => new Date());
}

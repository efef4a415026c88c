import prisma from "~/db.server";
import {
  searchLocationChoices,
  type LocationChoice,
  type LocationSearchResult,
  type LocationSearchScope,
} from "~/domain/locations/location-search";
import { listLiveLocations } from "~/models/locations.server";

/**
 * The shop's live locations as the location pickers search them. Read through the per-process
 * snapshot routing keeps (one version check when nothing changed), so a keystroke costs one
 * small statement, not a read of a national chain's 2,010 locations.
 */
async function locationChoices(shop: string): Promise<LocationChoice[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.map((location) => ({
    id: location.locationId,
    name: location.name,
    kind: location.profile?.kind ?? null,
    pickupEnabled: location.profile?.pickupEnabledOverride ?? location.pickupEnabled,
    placed: location.latitude !== null && location.longitude !== null && location.profile !== null,
  }));
}

export async function searchLocations(
  shop: string,
  query: string,
  scope: LocationSearchScope,
): Promise<LocationSearchResult> {
  return searchLocationChoices(await locationChoices(shop), query, scope);
}

/** The name a picker shows for its chosen location; null for an id the shop has no live location under. */
export async function liveLocationName(shop: string, locationId: string): Promise<string | null> {
  if (!locationId) return null;
  return (await locationChoices(shop)).find((choice) => choice.id === locationId)?.name ?? null;
}

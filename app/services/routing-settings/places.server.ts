import prisma from "~/db.server";
import { listLiveLocations } from "~/models/locations.server";

/** A location the settings page can place on the map: to try an order near, or to pick up at. */
export interface PlaceOption {
  id: string;
  name: string;
  kind: "STORE" | "WAREHOUSE";
  pickupEnabled: boolean;
  lat: number;
  lng: number;
}

/** The shop's live locations with coordinates and a profile. */
export async function listPlaces(shop: string): Promise<PlaceOption[]> {
  const locations = await listLiveLocations(prisma, shop);
  return locations.flatMap((location) =>
    location.latitude === null || location.longitude === null || !location.profile
      ? []
      : [
          {
            id: location.locationId,
            name: location.name,
            kind: location.profile.kind,
            pickupEnabled: location.profile.pickupEnabledOverride ?? location.pickupEnabled,
            lat: location.latitude,
            lng: location.longitude,
          },
        ],
  );
}

/** A location's name by its id; the id itself for a location no longer listed. */
export function namesOf(places: readonly PlaceOption[]): (id: string) => string {
  const names = new Map(places.map((place) => [place.id, place.name]));
  return (id) => names.get(id) ?? id;
}

import prisma from "~/db.server";
import { listLiveLocations } from "~/models/locations.server";
import { storesAttention } from "~/services/store-tasks/store-performance.server";
import { storeSettingsFor } from "~/services/store-tasks/store-settings.server";

/** The Dashboard's "Stores needing attention" card: stores with late or not-started orders now. */

export interface StoreNeedingAttention {
  locationId: string;
  name: string;
  late: number;
  notStarted: number;
}

/** Only the stores with something late or not started, in the Locations page's order; empty when none. */
export async function storesNeedingAttention(shop: string, now = new Date()): Promise<StoreNeedingAttention[]> {
  const stores = (await listLiveLocations(prisma, shop)).filter((location) => location.profile?.kind === "STORE");
  if (stores.length === 0) return [];
  const settings = await storeSettingsFor(shop);
  const attention = await storesAttention(
    shop,
    stores.map((store) => store.locationId),
    settings,
    now,
  );
  return stores.flatMap((store) => {
    const alerts = attention.get(store.locationId);
    const late = alerts?.late ?? 0;
    const notStarted = alerts?.notStarted.length ?? 0;
    return late > 0 || notStarted > 0 ? [{ locationId: store.locationId, name: store.name, late, notStarted }] : [];
  });
}

import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/sql.server";
import type { OpeningHours } from "~/domain/locations/opening-hours";
import type { PickupPlace } from "~/domain/locations/pickup-option-match";
import { knownShopifyPickupTime } from "~/domain/locations/shopify-pickup-time";
import type { CartLine, PickupCandidate } from "~/domain/pickup-promise";
import { DEFAULT_ROUTING_SETTINGS } from "~/domain/routing-settings/settings";
import { findExceptionHolds } from "~/models/exception-holds.server";
import { findStockOfItems } from "~/models/inventory-levels.server";
import { activeReservedUnits } from "~/models/inventory-reservations.server";
import { listLiveLocations, type LocationWithProfile } from "~/models/locations.server";
import { listPickupPlaces } from "~/models/pickup-locations.server";
import { latestRoutingSettings } from "~/models/routing-settings.server";
import { inventoryItemsOfVariants } from "~/models/variant-inventory-items.server";
import { ordersTakenToday } from "~/services/routing/orders-taken-today.server";

/**
 * Everything the pickup promise needs for one cart, read from the mirror in two parts. The shop's
 * part is the same for every cart and is read once per cache period (the locations with their
 * profiles, pickup places, routing settings, and the orders each location with a daily capacity
 * has taken today); at a national chain's 2,000 locations it is most of the work. The cart's part
 * is read per cart: its variants, then their stock, other orders' reservations and exception
 * holds. Stock is what routing sees (routing-view): reservations and holds are kept by SKU, so
 * they apply to the cart's items of that SKU.
 */

export interface CartQuantity {
  /** Shopify's numeric variant id. */
  readonly variantId: string;
  readonly quantity: number;
}

export type CartInputs =
  | { readonly ok: false; readonly unknownVariantIds: readonly string[] }
  | {
      readonly ok: true;
      readonly cart: readonly CartLine[];
      readonly candidates: readonly PickupCandidate[];
      readonly places: readonly PickupPlace[];
      readonly storeMinUnits: number;
    };

/** Hours that do not parse: routing counts such a location as never open, and so does the promise. */
const NEVER_OPEN: OpeningHours = {
  sunday: null,
  monday: null,
  tuesday: null,
  wednesday: null,
  thursday: null,
  friday: null,
  saturday: null,
};

/** A location as a pickup candidate before any cart: everything but its stock. */
export type LocationCandidate = Omit<PickupCandidate, "available" | "reserved">;

export interface ShopPickupLocations {
  /** When the shop's part was read: orders taken today are counted as of then. */
  readonly readAt: Date;
  readonly locations: readonly LocationCandidate[];
  readonly places: readonly PickupPlace[];
  readonly storeMinUnits: number;
}

type UnitsByLocation = Map<string, Record<string, number>>;

/** Shared by the many locations with none of a cart's items (most of a national chain's, per cart). */
const NO_UNITS: Readonly<Record<string, number>> = Object.freeze({});

function addUnits(into: UnitsByLocation, locationId: string, inventoryItemId: string, units: number): void {
  const record = into.get(locationId) ?? {};
  record[inventoryItemId] = (record[inventoryItemId] ?? 0) + units;
  into.set(locationId, record);
}

export async function readShopPickupLocations(db: Db, shop: string, now: Date): Promise<ShopPickupLocations> {
  const [live, places, settings] = await Promise.all([
    listLiveLocations(db, shop),
    listPickupPlaces(db, shop),
    latestRoutingSettings(db, shop),
  ]);
  return {
    readAt: now,
    locations: await locationCandidatesOf(db, shop, live, now),
    places,
    storeMinUnits: (settings?.settings ?? DEFAULT_ROUTING_SETTINGS).storeMinUnits,
  };
}

/**
 * The candidates among `locationIds` alone, as readShopPickupLocations gives them: what a pickup
 * order's promise needs for its one chosen store, without a national chain's 2,000 others.
 */
export async function readPickupLocations(
  db: Db,
  shop: string,
  locationIds: readonly string[],
  now: Date,
): Promise<LocationCandidate[]> {
  const wanted = new Set(locationIds);
  const live = (await listLiveLocations(db, shop)).filter((location) => wanted.has(location.locationId));
  return locationCandidatesOf(db, shop, live, now);
}

/** Live locations with a profile as candidates, with the orders each with a daily capacity has taken today. */
async function locationCandidatesOf(
  db: Db,
  shop: string,
  live: readonly LocationWithProfile[],
  now: Date,
): Promise<LocationCandidate[]> {
  const profiled = live.filter(
    (location): location is LocationWithProfile & { profile: NonNullable<LocationWithProfile["profile"]> } =>
      location.profile !== null,
  );
  const taken = await ordersTakenToday(
    db,
    shop,
    profiled
      .filter((location) => location.profile.dailyCapacity !== null)
      .map((location) => ({ id: location.locationId, timeZone: location.profile.timeZone })),
    now,
  );
  return profiled.map((location): LocationCandidate => ({
    id: location.locationId,
    name: location.name,
    address: [location.address1, location.city].filter(Boolean).join(", "),
    point:
      location.latitude === null || location.longitude === null
        ? null
        : { lat: location.latitude, lng: location.longitude },
    kind: location.profile.kind,
    timeZone: location.profile.timeZone,
    openingHours: location.profile.openingHours === "UNREADABLE" ? NEVER_OPEN : location.profile.openingHours,
    preparation: {
      merchantMinutes: location.profile.preparationMinutes,
      shopifyPickupTime: knownShopifyPickupTime(location.pickupTime),
    },
    orderCutoff: location.profile.pickupOrderCutoff,
    pickupEnabled: location.profile.pickupEnabledOverride ?? location.pickupEnabled,
    active: location.isActive && location.fulfillsOnlineOrders,
    dailyCapacity: location.profile.dailyCapacity,
    ordersTakenToday: taken.get(location.locationId) ?? 0,
  }));
}

export async function readCartInputs(
  db: Prisma.TransactionClient,
  shop: string,
  quantities: readonly CartQuantity[],
  now: Date,
  shopLocations: ShopPickupLocations,
): Promise<CartInputs> {
  const variants = await inventoryItemsOfVariants(
    db,
    shop,
    quantities.map((line) => line.variantId),
  );
  const unknownVariantIds = quantities.map((line) => line.variantId).filter((id) => !variants.has(id));
  if (unknownVariantIds.length > 0) return { ok: false, unknownVariantIds: [...new Set(unknownVariantIds)] };

  const cart: CartLine[] = quantities.flatMap((line) => {
    const variant = variants.get(line.variantId);
    return variant ? [{ ...variant, quantity: line.quantity }] : [];
  });
  const itemIds = [...new Set(cart.map((line) => line.inventoryItemId))];
  const itemsOfSku = new Map<string, string[]>();
  for (const line of cart) {
    if (line.sku !== null)
      itemsOfSku.set(line.sku, [...new Set([...(itemsOfSku.get(line.sku) ?? []), line.inventoryItemId])]);
  }
  const skus = [...itemsOfSku.keys()];
  const [stock, reserved, held] = await Promise.all([
    findStockOfItems(db, shop, itemIds),
    activeReservedUnits(db, shop, skus, now),
    findExceptionHolds(db, shop, skus),
  ]);

  const available: UnitsByLocation = new Map();
  // Oversold stock counts as none, as routing counts it.
  for (const level of stock) addUnits(available, level.locationId, level.inventoryItemId, Math.max(0, level.available));
  // An associate reported the SKU not found or damaged there: none until its next inventory update.
  for (const hold of held) {
    for (const itemId of itemsOfSku.get(hold.sku) ?? []) {
      const record = available.get(hold.locationId);
      if (record) record[itemId] = 0;
    }
  }
  const reservedUnits: UnitsByLocation = new Map();
  for (const line of reserved) {
    for (const itemId of itemsOfSku.get(line.sku) ?? [])
      addUnits(reservedUnits, line.locationId, itemId, line.quantity);
  }

  const candidates = shopLocations.locations.map((location) =>
    withStock(location, available.get(location.id) ?? NO_UNITS, reservedUnits.get(location.id) ?? NO_UNITS),
  );
  return {
    ok: true,
    cart,
    candidates,
    places: shopLocations.places,
    storeMinUnits: shopLocations.storeMinUnits,
  };
}

/**
 * The location with the cart's stock. Field by field, not by spreading: done for every location
 * of the shop per cart, and V8 copies a spread ~50 times slower (2,000 locations: 5 ms a cart).
 */
function withStock(
  location: LocationCandidate,
  available: PickupCandidate["available"],
  reserved: PickupCandidate["reserved"],
): PickupCandidate {
  return {
    id: location.id,
    name: location.name,
    address: location.address,
    point: location.point,
    kind: location.kind,
    timeZone: location.timeZone,
    openingHours: location.openingHours,
    preparation: location.preparation,
    orderCutoff: location.orderCutoff,
    pickupEnabled: location.pickupEnabled,
    active: location.active,
    dailyCapacity: location.dailyCapacity,
    ordersTakenToday: location.ordersTakenToday,
    available,
    reserved,
  };
}

import type { PrismaClient } from "@prisma/client";

/**
 * A shop's mirror for the checkout pickup tests: three Chicago stores offering pickup, open
 * 10:00–20:00 every day in America/Chicago, and a warehouse that does not; a tee, a cap and
 * socks only the warehouse has. Routing's default store minimum is 3 units.
 */

const DAILY = { open: "10:00", close: "20:00" };
export const OPEN_TEN_TO_EIGHT = {
  sunday: DAILY,
  monday: DAILY,
  tuesday: DAILY,
  wednesday: DAILY,
  thursday: DAILY,
  friday: DAILY,
  saturday: DAILY,
};

export const PICKUP_VARIANTS = {
  tee: { variantId: "101", gid: "gid://shopify/ProductVariant/101", inventoryItemId: "9001", sku: "TEE-M" },
  cap: { variantId: "102", gid: "gid://shopify/ProductVariant/102", inventoryItemId: "9002", sku: "CAP" },
  socks: { variantId: "103", gid: "gid://shopify/ProductVariant/103", inventoryItemId: "9003", sku: "SOCKS" },
} as const;

interface SeedLocation {
  locationId: string;
  name: string;
  address1: string;
  city: string;
  zip: string;
  lat: number;
  lng: number;
  kind: "STORE" | "WAREHOUSE";
  stock: Partial<Record<keyof typeof PICKUP_VARIANTS, number>>;
}

export const PICKUP_LOCATIONS = {
  wickerPark: {
    locationId: "1",
    name: "Wicker Park",
    address1: "1425 N Milwaukee Ave",
    city: "Chicago",
    zip: "60622",
    lat: 41.908,
    lng: -87.677,
    kind: "STORE",
    stock: { tee: 6, cap: 1 },
  },
  lincolnPark: {
    locationId: "2",
    name: "Lincoln Park",
    address1: "2240 N Clark St",
    city: "Chicago",
    zip: "60614",
    lat: 41.922,
    lng: -87.638,
    kind: "STORE",
    stock: { tee: 4, cap: 3 },
  },
  evanston: {
    locationId: "3",
    name: "Evanston",
    address1: "1700 Sherman Ave",
    city: "Evanston",
    zip: "60201",
    lat: 42.047,
    lng: -87.681,
    kind: "STORE",
    stock: { tee: 9, cap: 9 },
  },
  warehouse: {
    locationId: "4",
    name: "Warehouse",
    address1: "4000 S Ashland Ave",
    city: "Chicago",
    zip: "60609",
    lat: 41.82,
    lng: -87.665,
    kind: "WAREHOUSE",
    stock: { tee: 100, cap: 100, socks: 50 },
  },
} as const satisfies Record<string, SeedLocation>;

export type PickupLocationName = keyof typeof PICKUP_LOCATIONS;

/** The pickup option checkout shows for the location (name and address, no id). */
export function pickupOptionOf(name: PickupLocationName) {
  const { name: title, address1, city, zip } = PICKUP_LOCATIONS[name];
  return { name: title, address: { address1, city, zip, provinceCode: "IL", countryCode: "US" } };
}

export async function seedPickupShop(prisma: PrismaClient, shop: string): Promise<void> {
  const syncedAt = new Date();
  for (const [key, variant] of Object.entries(PICKUP_VARIANTS)) {
    await prisma.variantInventoryItem.create({
      data: {
        shop,
        variantId: variant.variantId,
        inventoryItemId: variant.inventoryItemId,
        sku: variant.sku,
        productTitle: key,
        variantTitle: "Default Title",
        syncedAt,
      },
    });
  }
  for (const location of Object.values(PICKUP_LOCATIONS) as SeedLocation[]) {
    await prisma.location.create({
      data: {
        shop,
        locationId: location.locationId,
        name: location.name,
        address1: location.address1,
        city: location.city,
        provinceCode: "IL",
        zip: location.zip,
        countryCode: "US",
        latitude: location.lat,
        longitude: location.lng,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: location.kind === "STORE",
        syncedAt,
        profile: {
          create: { kind: location.kind, timeZone: "America/Chicago", openingHours: OPEN_TEN_TO_EIGHT },
        },
      },
    });
    for (const [key, available] of Object.entries(location.stock)) {
      const variant = PICKUP_VARIANTS[key as keyof typeof PICKUP_VARIANTS];
      await prisma.inventoryLevel.create({
        data: {
          shop,
          locationId: location.locationId,
          inventoryItemId: variant.inventoryItemId,
          sku: variant.sku,
          available,
          sourceUpdatedAt: syncedAt,
        },
      });
    }
  }
}

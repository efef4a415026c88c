import type { PrismaClient } from "@prisma/client";

export interface MirroredLocation {
  locationId: string;
  name: string;
  kind: "STORE" | "WAREHOUSE";
  lat: number;
  lng: number;
  stock: Record<string, number>;
}

/** Puts locations, their default profiles and their stock in a shop's inventory mirror. */
export async function seedMirror(prisma: PrismaClient, shop: string, locations: MirroredLocation[]): Promise<void> {
  for (const location of locations) {
    await prisma.location.create({
      data: {
        shop,
        locationId: location.locationId,
        name: location.name,
        latitude: location.lat,
        longitude: location.lng,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: location.kind === "STORE",
        syncedAt: new Date(),
        profile: { create: { kind: location.kind, timeZone: "America/Chicago" } },
      },
    });
    for (const [index, [sku, available]] of Object.entries(location.stock).entries()) {
      await prisma.inventoryLevel.create({
        data: {
          shop,
          locationId: location.locationId,
          inventoryItemId: String(900 + index),
          sku,
          available,
          sourceUpdatedAt: new Date(),
        },
      });
    }
  }
}

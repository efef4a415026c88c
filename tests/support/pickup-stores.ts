import type { PrismaClient } from "@prisma/client";

/**
 * Test support: a shop's pickup store as the customer messages name it (Lincoln Park, 2001 N
 * Clark St, Chicago), with its profile's time zone, which decides the messages' quiet hours.
 */
export async function seedLincolnParkStore(
  prisma: PrismaClient,
  shop: string,
  locationId: string,
  timeZone = "America/Chicago",
): Promise<void> {
  await prisma.location.create({
    data: {
      shop,
      locationId,
      name: "Lincoln Park",
      address1: "2001 N Clark St",
      city: "Chicago",
      provinceCode: "IL",
      zip: "60614",
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      syncedAt: new Date(),
      profile: { create: { kind: "STORE", timeZone } },
    },
  });
}

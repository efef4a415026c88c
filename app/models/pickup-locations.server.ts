import type { Prisma } from "@prisma/client";
import type { PickupPlace } from "~/domain/locations/pickup-option-match";

type Db = Prisma.TransactionClient;

/**
 * The shop's locations a shopper can pick up from, with the name and address checkout shows
 * for them: live in Shopify, active, and offering pickup (the merchant's profile override
 * first, else Shopify's local pickup setting, as routing reads it).
 */
export async function listPickupPlaces(db: Db, shop: string): Promise<PickupPlace[]> {
  const rows = await db.location.findMany({
    where: { shop, deletedAt: null, isActive: true },
    select: {
      locationId: true,
      name: true,
      address1: true,
      city: true,
      zip: true,
      countryCode: true,
      pickupEnabled: true,
      profile: { select: { pickupEnabledOverride: true } },
    },
    orderBy: { locationId: "asc" },
  });
  return rows
    .filter((row) => row.profile?.pickupEnabledOverride ?? row.pickupEnabled)
    .map(({ locationId, name, address1, city, zip, countryCode }) => ({
      locationId,
      name,
      address1,
      city,
      zip,
      countryCode,
    }));
}

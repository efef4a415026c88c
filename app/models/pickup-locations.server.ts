import type { PickupPlace } from "~/domain/locations/pickup-option-match";
import { sqlRows, type Db } from "~/db/sql.server";

/**
 * The shop's locations a shopper can pick up from, with the name and address checkout shows
 * for them: live in Shopify, active, and offering pickup (the merchant's profile override
 * first, else Shopify's local pickup setting, as routing reads it).
 */
export function listPickupPlaces(db: Db, shop: string): Promise<PickupPlace[]> {
  return sqlRows<PickupPlace>(
    db,
    `SELECT l."locationId", l."name", l."address1", l."city", l."zip", l."countryCode"
       FROM "Location" l
       LEFT JOIN "LocationProfile" p ON p."shop" = l."shop" AND p."locationId" = l."locationId"
      WHERE l."shop" = $1 AND l."deletedAt" IS NULL AND l."isActive"
        AND COALESCE(p."pickupEnabledOverride", l."pickupEnabled")
      ORDER BY l."locationId" ASC`,
    [shop],
  );
}

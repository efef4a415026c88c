import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { canonicalTimeZone } from "~/domain/locations/hours-form";
import { findShopTimeZone, saveShopTimeZone } from "~/models/shop-installations.server";

/**
 * The shop's time zone, in which the app shows dates to the merchant. The locations sync reads
 * it from Shopify (shop.ianaTimezone) and records it here.
 */

/**
 * Records the shop's time zone. A zone this runtime does not know is not recorded (dates stay in
 * the zone held before, or UTC), since every date on the merchant's pages is formatted in it.
 * Returns whether it was recorded.
 */
export async function recordShopTimeZone(
  shop: string,
  timeZone: string,
  db: Prisma.TransactionClient = prisma,
): Promise<boolean> {
  const known = canonicalTimeZone(timeZone);
  if (known === null) return false;
  return saveShopTimeZone(db, shop, known);
}

/** The zone to show the shop's dates in: its own, or UTC until the locations sync has read it. */
export function shopTimeZone(shop: string): Promise<string> {
  return findShopTimeZone(prisma, shop);
}

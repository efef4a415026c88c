import type { PrismaClient } from "@prisma/client";
import prisma from "~/db.server";
import { pickupPromises } from "~/domain/pickup-promise";
import { promiseJson } from "~/services/checkout-pickup/availability-answer";
import {
  readCartInputs,
  readShopPickupLocations,
  type ShopPickupLocations,
} from "~/services/checkout-pickup/cart-inputs.server";
import { AVAILABILITY_CACHE_MS } from "~/services/checkout-pickup/availability.server";
import { ExpiringCache } from "~/services/checkout-pickup/expiring-cache";
import type { ProductPickupAnswer } from "./product-pickup-answer";
import { pickupStoresForShopper } from "./pickup-stores-for-shopper";
import type { ProductPickupQuery } from "./product-pickup-query";
import { usZipPoint, type ZipPointLookup } from "./zip-point.server";

/**
 * The product page's pickup availability (themes of shops not on Plus, through the App Proxy):
 * for the selected variant and quantity, the stores offering pickup nearest the shopper's ZIP,
 * each with the promise checkout would give a one-line cart there (the same readers and the same
 * pickupPromises), so the product page, checkout and routing agree.
 */

export type ProductPickupOutcome =
  | { ok: true; answer: ProductPickupAnswer }
  | { ok: false; refusal: { status: 404; code: "UNKNOWN_VARIANT"; message: string; field: "variantId" } };

/** Many product pages of one shop share its locations: read once per checkout cache period. */
const SHOP_CACHE_ENTRIES = 100;

export type ProductPickupCache = ExpiringCache<Promise<ShopPickupLocations>>;

export function createProductPickupCache(): ProductPickupCache {
  return new ExpiringCache(AVAILABILITY_CACHE_MS, SHOP_CACHE_ENTRIES);
}

const processCache = createProductPickupCache();

export interface ProductPickupContext {
  now?: Date;
  db?: PrismaClient;
  cache?: ProductPickupCache;
  zipPoint?: ZipPointLookup;
}

function shopLocations(cache: ProductPickupCache, db: PrismaClient, shop: string, now: Date) {
  const hit = cache.get(shop, now);
  if (hit) return hit;
  const pending = readShopPickupLocations(db, shop, now);
  cache.set(shop, pending, now);
  // A failed read is not kept: the next page asks again.
  pending.catch(() => cache.delete(shop));
  return pending;
}

export async function productPickupAvailability(
  shop: string,
  query: ProductPickupQuery,
  { now = new Date(), db = prisma, cache = processCache, zipPoint = usZipPoint }: ProductPickupContext = {},
): Promise<ProductPickupOutcome> {
  const [locations, shopper] = await Promise.all([
    shopLocations(cache, db, shop, now),
    query.zip ? zipPoint(query.zip) : Promise.resolve(null),
  ]);
  const inputs = await readCartInputs(
    db,
    shop,
    [{ variantId: query.variantId, quantity: query.quantity }],
    now,
    locations,
  );
  if (!inputs.ok) {
    return {
      ok: false,
      refusal: {
        status: 404,
        code: "UNKNOWN_VARIANT",
        field: "variantId",
        message: "The shop has no such variant (or it is not synced yet)",
      },
    };
  }
  const stores = pickupStoresForShopper(inputs.candidates, shopper, query.limit);
  const result = pickupPromises({
    cart: inputs.cart,
    locations: stores,
    storeMinUnits: inputs.storeMinUnits,
    shopper,
    now,
  });
  const answered = result.ok ? result.locations : [];
  return {
    ok: true,
    answer: {
      zip: query.zip,
      sortedBy: shopper ? "DISTANCE" : "NAME",
      message: messageFor(query.zip, shopper !== null, answered.length),
      stores: answered.map((location) => {
        const { alternatives: _alternatives, ...promise } = promiseJson(location);
        return {
          id: location.locationId,
          name: location.name,
          address: location.address,
          distanceMiles: location.milesFromShopper,
          ...promise,
        };
      }),
    },
  };
}

function messageFor(zip: string | null, located: boolean, stores: number): string | null {
  if (stores === 0) return "No store offers pickup yet.";
  if (zip && !located) return `We couldn't find ZIP code ${zip}, so stores are listed by name.`;
  return null;
}

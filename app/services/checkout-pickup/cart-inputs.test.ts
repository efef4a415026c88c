import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  PICKUP_LOCATIONS,
  PICKUP_VARIANTS,
  pickupOptionOf,
  seedPickupShop,
} from "../../../tests/support/checkout-pickup";
import { uniqueShop } from "../../../tests/support/shops";
import { createAvailabilityCache, pickupAvailability } from "./availability.server";
import { readPickupLocations, readShopPickupLocations } from "./cart-inputs.server";

/**
 * The preparation time and order cut-off the promise is given per store: the merchant's minutes,
 * else Shopify's "Usually ready in …" as mirrored; the merchant's pickup order cut-off.
 */

// Monday 30 November 2026, 10:00 in Chicago: Wicker Park (open 10:00–20:00) has just opened.
const NOW = new Date("2026-11-30T16:00:00Z");
const WICKER_PARK = PICKUP_LOCATIONS.wickerPark.locationId;

async function wickerParkShop(settings: {
  pickupTime: string | null;
  preparationMinutes?: number | null;
  pickupOrderCutoff?: string | null;
}): Promise<string> {
  const shop = uniqueShop();
  await seedPickupShop(prisma, shop);
  const where = { shop_locationId: { shop, locationId: WICKER_PARK } };
  await prisma.location.update({ where, data: { pickupTime: settings.pickupTime } });
  await prisma.locationProfile.update({
    where,
    data: {
      preparationMinutes: settings.preparationMinutes ?? null,
      pickupOrderCutoff: settings.pickupOrderCutoff ?? null,
    },
  });
  return shop;
}

async function wickerParkPromise(shop: string) {
  const outcome = await pickupAvailability(
    shop,
    { lines: [{ variantId: PICKUP_VARIANTS.tee.gid, quantity: 1 }], option: pickupOptionOf("wickerPark") },
    { now: NOW, cache: createAvailabilityCache() },
  );
  if (!outcome.ok) throw new Error("the availability was refused");
  return outcome.answer.promise;
}

describe("a store's preparation time and cut-off in the pickup promise", () => {
  it("takes Shopify's 'Usually ready in 4 hours' as 4 hours of opening time when the merchant sets no minutes", async () => {
    const shop = await wickerParkShop({ pickupTime: "FOUR_HOURS" });

    expect(await wickerParkPromise(shop)).toMatchObject({
      status: "AVAILABLE",
      readyBy: "2026-11-30T20:00:00.000Z",
      headline: "Ready today by 2:00 PM",
    });
  });

  it("takes the merchant's own minutes over Shopify's setting", async () => {
    const shop = await wickerParkShop({ pickupTime: "FOUR_HOURS", preparationMinutes: 30 });

    expect(await wickerParkPromise(shop)).toMatchObject({ readyBy: "2026-11-30T16:30:00.000Z" });
  });

  it("starts an order placed after the store's pickup cut-off at its next opening", async () => {
    const shop = await wickerParkShop({ pickupTime: "FOUR_HOURS", pickupOrderCutoff: "09:30" });

    // Tuesday 10:00 opening, four opening hours later: 14:00 CST.
    expect(await wickerParkPromise(shop)).toMatchObject({
      status: "AVAILABLE",
      readyBy: "2026-12-01T20:00:00.000Z",
      note: "Order by 9:30 AM for same-day pickup",
    });
  });

  it("gives Shopify's setting to the promise only when it is one the promise knows", async () => {
    const known = await wickerParkShop({ pickupTime: "TWO_HOURS", pickupOrderCutoff: "15:00" });
    const unknown = await wickerParkShop({ pickupTime: "NEXT_WEEK_PERHAPS" });

    const preparationOf = async (shop: string) =>
      (await readShopPickupLocations(prisma, shop, NOW)).locations.find((location) => location.id === WICKER_PARK);
    expect(await preparationOf(known)).toMatchObject({
      preparation: { merchantMinutes: null, shopifyPickupTime: "TWO_HOURS" },
      orderCutoff: "15:00",
    });
    expect(await preparationOf(unknown)).toMatchObject({
      preparation: { merchantMinutes: null, shopifyPickupTime: null },
      orderCutoff: null,
    });
    // The default hour.
    expect(await wickerParkPromise(unknown)).toMatchObject({ readyBy: "2026-11-30T17:00:00.000Z" });
  });
});

describe("the pickup locations a pickup order's promise reads", () => {
  it("are the named stores alone, each as the shop's whole list gives it, and nothing of another shop", async () => {
    const shop = await wickerParkShop({ pickupTime: "TWO_HOURS", preparationMinutes: 45, pickupOrderCutoff: "15:00" });
    const other = await wickerParkShop({ pickupTime: "FOUR_HOURS" });
    const whole = (await readShopPickupLocations(prisma, shop, NOW)).locations;
    expect(whole.length).toBeGreaterThan(1);

    const named = await readPickupLocations(prisma, shop, [WICKER_PARK], NOW);

    expect(named).toEqual(whole.filter((location) => location.id === WICKER_PARK));
    expect(named[0]).toMatchObject({ preparation: { merchantMinutes: 45 }, orderCutoff: "15:00" });
    expect(await readPickupLocations(prisma, shop, ["999999999"], NOW)).toEqual([]);
    expect((await readPickupLocations(prisma, other, [WICKER_PARK], NOW))[0]).toMatchObject({
      preparation: { merchantMinutes: null, shopifyPickupTime: "FOUR_HOURS" },
    });
  });
});

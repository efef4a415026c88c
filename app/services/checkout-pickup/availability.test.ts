import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  PICKUP_LOCATIONS,
  PICKUP_VARIANTS,
  pickupOptionOf,
  seedPickupShop,
  type PickupLocationName,
} from "../../../tests/support/checkout-pickup";
import { uniqueShop } from "../../../tests/support/shops";
import type { AvailabilityBody } from "./availability-input";
import { AVAILABILITY_CACHE_MS, createAvailabilityCache, pickupAvailability } from "./availability.server";
import { openCheckoutPromise } from "./promise-token.server";

// Monday 10:00 in Chicago: the stores open now, and prepare a pickup order in the default hour.
const NOW = new Date("2026-11-30T16:00:00Z");

type Variant = keyof typeof PICKUP_VARIANTS;

function ask(lines: Partial<Record<Variant, number>>, at: PickupLocationName): AvailabilityBody {
  return {
    lines: Object.entries(lines).map(([variant, quantity]) => ({
      variantId: PICKUP_VARIANTS[variant as Variant].gid,
      quantity,
    })),
    option: pickupOptionOf(at),
  };
}

async function pickupShop(): Promise<string> {
  const shop = uniqueShop();
  await seedPickupShop(prisma, shop);
  return shop;
}

/** The app's client, counting the model queries made through it. */
function countingDb(): { db: PrismaClient; queries: () => number } {
  let queries = 0;
  const db = new Proxy(prisma, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof property === "string" && !property.startsWith("$") && typeof value === "object" && value !== null) {
        queries += 1;
      }
      return value;
    },
  });
  return { db, queries: () => queries };
}

const fresh = () => ({ now: NOW, cache: createAvailabilityCache() });

describe("pickup availability at checkout", () => {
  it("promises a store that has the whole cart: its units in stock and when it will be ready", async () => {
    const shop = await pickupShop();

    const outcome = await pickupAvailability(shop, ask({ tee: 2 }, "wickerPark"), fresh());

    expect(outcome).toEqual({
      ok: true,
      answer: {
        location: { id: PICKUP_LOCATIONS.wickerPark.locationId, name: "Wicker Park" },
        promise: {
          status: "AVAILABLE",
          readyBy: "2026-11-30T17:00:00.000Z",
          headline: "Ready today by 11:00 AM",
          note: null,
          unitsInStock: 6,
          shortfall: null,
          alternatives: [],
          promiseToken: expect.any(String) as unknown,
        },
        message: null,
      },
    });
  });

  it("signs an available promise for the extension to hand on: shop, store, ready-by and text as shown, and when", async () => {
    const shop = await pickupShop();

    const outcome = await pickupAvailability(shop, ask({ tee: 2 }, "wickerPark"), fresh());

    const token = outcome.ok ? outcome.answer.promise?.promiseToken : null;
    expect(openCheckoutPromise(token)).toEqual({
      shop,
      locationId: PICKUP_LOCATIONS.wickerPark.locationId,
      readyBy: new Date("2026-11-30T17:00:00.000Z"),
      headline: "Ready today by 11:00 AM",
      note: null,
      issuedAt: NOW,
    });
    expect(openCheckoutPromise(token, "another-app-secret")).toBeNull();
  });

  it("signs nothing for a store that cannot take the cart", async () => {
    const shop = await pickupShop();

    const outcome = await pickupAvailability(shop, ask({ tee: 1, cap: 1 }, "wickerPark"), fresh());

    expect(outcome.ok && outcome.answer.promise).toMatchObject({ status: "PARTIAL", promiseToken: null });
  });

  it("says which items a store lacks and names the nearest stores that have the whole cart", async () => {
    const shop = await pickupShop();

    const outcome = await pickupAvailability(shop, ask({ tee: 1, cap: 1 }, "wickerPark"), fresh());

    expect(outcome.ok && outcome.answer.promise).toMatchObject({
      status: "PARTIAL",
      readyBy: null,
      shortfall: "Only 1 of 2 items in stock here",
      alternatives: [
        {
          locationId: "2",
          name: "Lincoln Park",
          distanceMiles: expect.closeTo(2.2, 1),
          headline: "Ready today by 11:00 AM",
        },
        { locationId: "3", name: "Evanston", headline: "Ready today by 11:00 AM" },
      ],
    });
  });

  it("offers nothing where no store has the items, not even the warehouse that does not do pickup", async () => {
    const shop = await pickupShop();

    const outcome = await pickupAvailability(shop, ask({ socks: 1 }, "lincolnPark"), fresh());

    expect(outcome.ok && outcome.answer.promise).toMatchObject({
      status: "UNAVAILABLE",
      shortfall: "Not in stock here",
      alternatives: [],
    });
  });

  it("counts units other orders' reservations hold as gone", async () => {
    const shop = await pickupShop();
    await prisma.inventoryReservation.create({
      data: { shop, orderId: "5001", locationId: "1", sku: PICKUP_VARIANTS.tee.sku, quantity: 4, createdAt: NOW },
    });

    const outcome = await pickupAvailability(shop, ask({ tee: 1 }, "wickerPark"), fresh());

    // 6 less 4 reserved leaves 2, under the store minimum of 3.
    expect(outcome.ok && outcome.answer.promise).toMatchObject({
      status: "UNAVAILABLE",
      alternatives: [{ name: "Lincoln Park" }, { name: "Evanston" }],
    });
  });

  it("promises tomorrow at a store whose daily capacity today is taken", async () => {
    const shop = await pickupShop();
    await prisma.locationProfile.update({
      where: { shop_locationId: { shop, locationId: "1" } },
      data: { dailyCapacity: 1 },
    });
    // Routing gave it one order this morning (09:30 in Chicago), as its daily counter holds.
    await prisma.locationDailyOrders.create({
      data: { shop, locationId: "1", day: new Date("2026-11-30T00:00:00Z"), orders: 1 },
    });

    const outcome = await pickupAvailability(shop, ask({ tee: 1 }, "wickerPark"), fresh());

    expect(outcome.ok && outcome.answer.promise).toMatchObject({
      status: "AVAILABLE",
      headline: "Ready tomorrow from 11:00 AM",
      note: "Fully booked today",
    });
  });

  it("refuses variants the shop does not have, naming them", async () => {
    const shop = await pickupShop();
    const body = ask({ tee: 1 }, "wickerPark");
    body.lines.push({ variantId: "gid://shopify/ProductVariant/999", quantity: 1 });

    const outcome = await pickupAvailability(shop, body, fresh());

    expect(outcome).toEqual({
      ok: false,
      refusal: {
        status: 422,
        code: "UNKNOWN_VARIANTS",
        field: "lines",
        message: "The shop has no such variant (or it is not synced yet): gid://shopify/ProductVariant/999",
      },
    });
  });

  it("treats another shop's variants as unknown", async () => {
    const shop = await pickupShop();
    const stranger = uniqueShop();

    const outcome = await pickupAvailability(stranger, ask({ tee: 1 }, "wickerPark"), fresh());

    expect(outcome.ok).toBe(false);
    expect(await pickupAvailability(shop, ask({ tee: 1 }, "wickerPark"), fresh())).toMatchObject({ ok: true });
  });

  it("answers no location, not an error, for an option that is none of the shop's pickup locations", async () => {
    const shop = await pickupShop();
    const body = { ...ask({ tee: 1 }, "wickerPark"), option: pickupOptionOf("warehouse") };

    const outcome = await pickupAvailability(shop, body, fresh());

    expect(outcome).toEqual({
      ok: true,
      answer: {
        location: null,
        promise: null,
        message: "This pickup option is not one of the shop's pickup locations",
      },
    });
  });

  it("reads a cart once for every pickup option of one checkout, and again once the cache expires", async () => {
    const shop = await pickupShop();
    const { db, queries } = countingDb();
    const cache = createAvailabilityCache();

    const first = await pickupAvailability(shop, ask({ tee: 1, cap: 1 }, "wickerPark"), { now: NOW, db, cache });
    const afterFirst = queries();
    const sameCartOtherOption = await pickupAvailability(shop, ask({ cap: 1, tee: 1 }, "evanston"), {
      now: new Date(NOW.getTime() + 1_000),
      db,
      cache,
    });
    const again = await pickupAvailability(shop, ask({ tee: 1, cap: 1 }, "wickerPark"), {
      now: new Date(NOW.getTime() + 2_000),
      db,
      cache,
    });

    expect(afterFirst).toBeGreaterThan(0);
    expect(queries()).toBe(afterFirst);
    expect(again).toEqual(first);
    expect(sameCartOtherOption.ok && sameCartOtherOption.answer.promise?.status).toBe("AVAILABLE");

    await pickupAvailability(shop, ask({ tee: 1, cap: 1 }, "wickerPark"), {
      now: new Date(NOW.getTime() + AVAILABILITY_CACHE_MS),
      db,
      cache,
    });
    // Read again; the shop's locations may come from listLiveLocations' own snapshot (checked by
    // a version statement, not counted here), so the second read can cost less than the first.
    expect(queries()).toBeGreaterThan(afterFirst);
  });

  it("reads the shop's locations once for every cart of the shop while the cache lasts, and only the new cart's stock", async () => {
    const shop = await pickupShop();
    const { db, queries } = countingDb();
    const cache = createAvailabilityCache();

    await pickupAvailability(shop, ask({ tee: 1 }, "wickerPark"), { now: NOW, db, cache });
    const firstCart = queries();
    const otherCart = await pickupAvailability(shop, ask({ cap: 1 }, "evanston"), {
      now: new Date(NOW.getTime() + 1_000),
      db,
      cache,
    });
    const secondCart = queries() - firstCart;

    expect(otherCart.ok && otherCart.answer.promise?.status).toBe("AVAILABLE");
    expect(secondCart).toBeGreaterThan(0);
    expect(secondCart).toBeLessThan(firstCart);
  });
});

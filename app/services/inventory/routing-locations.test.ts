import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import type { LocationWithProfile } from "~/models/locations.server";
import { toRoutingLocations } from "./routing-locations.server";

const SHOP = "mapper.myshopify.com";
const NOON_WEDNESDAY_CHICAGO = new Date("2026-11-25T18:00:00Z");

function location(
  overrides: Partial<LocationWithProfile> = {},
  profile: Partial<NonNullable<LocationWithProfile["profile"]>> = {},
): LocationWithProfile {
  const locationId = overrides.locationId ?? "1";
  return {
    shop: SHOP,
    locationId,
    name: "Lincoln Park",
    address1: null,
    city: "Chicago",
    provinceCode: "IL",
    zip: null,
    countryCode: "US",
    latitude: 41.92,
    longitude: -87.64,
    isActive: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: true,
    pickupTime: "ONE_HOUR",
    sourceUpdatedAt: null,
    deletedAt: null,
    syncedAt: new Date(),
    ...overrides,
    profile: {
      shop: SHOP,
      locationId,
      kind: "STORE",
      labourCostPerOrder: new Prisma.Decimal("3.00"),
      shippingBaseCost: new Prisma.Decimal("5.50"),
      shippingCostPerMile: new Prisma.Decimal("0.05"),
      dailyCapacity: 40,
      openingHours: null,
      timeZone: "America/Chicago",
      pickupEnabledOverride: null,
      preparationMinutes: null,
      sameDayCutoff: null,
      pickupOrderCutoff: null,
      storeEmail: null,
      updatedAt: new Date(),
      ...profile,
    },
  };
}

describe("the routing engine's locations from the mirror", () => {
  it("maps a location, its profile and its stock onto RoutingLocation", () => {
    const [mapped] = toRoutingLocations(
      [location()],
      [
        { locationId: "1", sku: "TEE-M", available: 4 },
        { locationId: "2", sku: "TEE-M", available: 9 },
      ],
      NOON_WEDNESDAY_CHICAGO,
    );
    expect(mapped).toEqual({
      id: "1",
      kind: "STORE",
      lat: 41.92,
      lng: -87.64,
      active: true,
      isOpen: true,
      pickupEnabled: true,
      stock: { "TEE-M": 4 },
      labourCostPerOrder: 3,
      shipping: { base: 5.5, perMile: 0.05 },
      dailyCapacity: 40,
    });
  });

  it("counts oversold stock as none, adds up items sharing a SKU and skips levels without a SKU", () => {
    const [mapped] = toRoutingLocations(
      [location()],
      [
        { locationId: "1", sku: "TEE-M", available: -2 },
        { locationId: "1", sku: "CAP", available: 2 },
        { locationId: "1", sku: "CAP", available: 3 },
        { locationId: "1", sku: null, available: 50 },
      ],
      NOON_WEDNESDAY_CHICAGO,
    );
    expect(mapped?.stock).toEqual({ "TEE-M": 0, CAP: 5 });
  });

  it("leaves out a location without coordinates or profile", () => {
    const noCoordinates = location({ locationId: "2", latitude: null });
    const noProfile = { ...location({ locationId: "3" }), profile: null };
    expect(toRoutingLocations([noCoordinates, noProfile], [], NOON_WEDNESDAY_CHICAGO)).toEqual([]);
  });

  it("takes the merchant's pickup override, inactive or offline-only locations as inactive, and hours as open or closed", () => {
    const closedWednesdays = {
      monday: null,
      tuesday: null,
      wednesday: null,
      thursday: null,
      friday: null,
      saturday: null,
      sunday: null,
    };
    const mapped = toRoutingLocations(
      [
        location({ locationId: "1" }, { pickupEnabledOverride: false, openingHours: closedWednesdays }),
        location({ locationId: "2", fulfillsOnlineOrders: false }, { dailyCapacity: null }),
        location({ locationId: "3" }, { openingHours: "UNREADABLE" }),
      ],
      [],
      NOON_WEDNESDAY_CHICAGO,
    );
    expect(mapped.map(({ id, pickupEnabled, active, isOpen }) => ({ id, pickupEnabled, active, isOpen }))).toEqual([
      { id: "1", pickupEnabled: false, active: true, isOpen: false },
      { id: "2", pickupEnabled: true, active: false, isOpen: true },
      { id: "3", pickupEnabled: true, active: true, isOpen: false },
    ]);
    expect(mapped[1]).not.toHaveProperty("dailyCapacity");
  });

  it("reads each location's hours on its own zone's clock", () => {
    const nineToFive = { open: "09:00", close: "17:00" };
    const weekdays = {
      monday: nineToFive,
      tuesday: nineToFive,
      wednesday: nineToFive,
      thursday: nineToFive,
      friday: nineToFive,
      saturday: null,
      sunday: null,
    };
    // 16:30 in Chicago is 17:30 in New York and 14:30 in Los Angeles.
    const halfPastFourInChicago = new Date("2026-11-25T22:30:00Z");
    const mapped = toRoutingLocations(
      ["America/Chicago", "America/New_York", "America/Los_Angeles", "America/Chicago"].map((timeZone, index) =>
        location({ locationId: String(index + 1) }, { openingHours: weekdays, timeZone }),
      ),
      [],
      halfPastFourInChicago,
    );
    expect(mapped.map((routable) => routable.isOpen)).toEqual([true, false, true, true]);
  });

  it("takes reserved units off the stock (never below none), zeroes held SKUs and counts today's orders where there is a capacity", () => {
    const mapped = toRoutingLocations(
      [
        location({ locationId: "1" }),
        location({ locationId: "2" }, { dailyCapacity: null }),
        location({ locationId: "3" }),
      ],
      [
        { locationId: "1", sku: "TEE-M", available: 5 },
        { locationId: "1", sku: "CAP", available: 2 },
        { locationId: "2", sku: "TEE-M", available: 3 },
      ],
      NOON_WEDNESDAY_CHICAGO,
      {
        reserved: [
          { locationId: "1", sku: "TEE-M", quantity: 2 },
          { locationId: "1", sku: "TEE-M", quantity: 1 },
          { locationId: "2", sku: "TEE-M", quantity: 7 },
          { locationId: "3", sku: "CAP", quantity: 1 },
        ],
        held: [{ locationId: "1", sku: "CAP" }],
        assignedToday: new Map([["1", 12]]),
      },
    );
    expect(
      mapped.map(({ id, stock, dailyCapacity, assignedToday }) => ({ id, stock, dailyCapacity, assignedToday })),
    ).toEqual([
      { id: "1", stock: { "TEE-M": 2, CAP: 0 }, dailyCapacity: 40, assignedToday: 12 },
      { id: "2", stock: { "TEE-M": 0 }, dailyCapacity: undefined, assignedToday: undefined },
      { id: "3", stock: { CAP: 0 }, dailyCapacity: 40, assignedToday: 0 },
    ]);
    expect(mapped[1]).not.toHaveProperty("assignedToday");
  });

  it("gives every call, and a location listed twice, stock of its own, and keeps the shared parts unwritable", () => {
    const mirrored = [location({ locationId: "1" })];
    const levels = [{ locationId: "1", sku: "TEE-M", available: 4 }];
    const [first] = toRoutingLocations(mirrored, levels, NOON_WEDNESDAY_CHICAGO);
    (first!.stock as Record<string, number>)["TEE-M"] = 0;
    const [again] = toRoutingLocations(mirrored, levels, NOON_WEDNESDAY_CHICAGO);
    expect(again?.stock).toEqual({ "TEE-M": 4 });

    const [one, two] = toRoutingLocations([mirrored[0]!, mirrored[0]!], levels, NOON_WEDNESDAY_CHICAGO);
    expect(one?.stock).not.toBe(two?.stock);
    expect(two?.stock).toEqual({ "TEE-M": 4 });
    expect(Object.isFrozen(one?.shipping)).toBe(true);
  });
});

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
});

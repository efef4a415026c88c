import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { chicago } from "../../../dev/scenarios/chicago";
import { uniqueShop } from "../../../tests/support/shops";
import { createMissingLocationProfiles, recordLocationDeleted, upsertSyncedLocations } from "~/models/locations.server";
import { locationForPickupOption } from "./pickup-option-location.server";

const SYNCED_AT = new Date("2026-11-30T03:00:00Z");
const CHICAGO = chicago().locations;

/** Mirrors the chicago scenario's locations for a new shop, as the locations sync would. */
async function chicagoShop(): Promise<string> {
  const shop = uniqueShop();
  await prisma.$transaction(async (tx) => {
    await upsertSyncedLocations(
      tx,
      shop,
      CHICAGO.map((location) => ({
        locationId: String(location.id),
        name: location.name,
        address1: location.address.address1,
        city: location.address.city,
        provinceCode: location.address.provinceCode,
        zip: location.address.zip,
        countryCode: location.address.countryCode,
        latitude: location.address.latitude,
        longitude: location.address.longitude,
        isActive: location.isActive,
        fulfillsOnlineOrders: location.fulfillsOnlineOrders,
        pickupEnabled: location.pickupEnabled,
        pickupTime: location.pickupEnabled ? "ONE_HOUR" : null,
        sourceUpdatedAt: SYNCED_AT,
      })),
      SYNCED_AT,
    );
    await createMissingLocationProfiles(
      tx,
      shop,
      CHICAGO.map((location) => ({
        locationId: String(location.id),
        kind: location.kind,
        timeZone: "America/Chicago",
      })),
    );
  });
  return shop;
}

function chicagoLocation(name: string) {
  const location = CHICAGO.find((candidate) => candidate.name === name);
  if (!location) throw new Error(`no ${name} in the chicago scenario`);
  return location;
}

/** The option checkout shows for a chicago location. */
function optionFor(name: string) {
  const { address } = chicagoLocation(name);
  return {
    name,
    address: {
      address1: address.address1,
      city: address.city,
      zip: address.zip,
      provinceCode: address.provinceCode,
      countryCode: address.countryCode,
    },
  };
}

describe("the location of a checkout pickup option", () => {
  it("is the chicago store at the option's address", async () => {
    const shop = await chicagoShop();

    for (const name of ["Wicker Park", "Lincoln Park", "Schaumburg", "Old Orchard"]) {
      expect(await locationForPickupOption(shop, optionFor(name))).toEqual({
        locationId: String(chicagoLocation(name).id),
        name,
      });
    }
  });

  it("is found with the address written differently", async () => {
    const shop = await chicagoShop();
    const option = { name: "", address: { address1: "2240 North Clark Street", zip: "60614-2201", countryCode: "us" } };

    expect(await locationForPickupOption(shop, option)).toMatchObject({ name: "Lincoln Park" });
  });

  it("is none for a location without pickup (the warehouse), or one deactivated or deleted", async () => {
    const shop = await chicagoShop();
    await prisma.location.updateMany({
      where: { shop, locationId: String(chicagoLocation("Hyde Park").id) },
      data: { isActive: false },
    });
    await prisma.$transaction((tx) =>
      recordLocationDeleted(tx, shop, String(chicagoLocation("Evanston").id), SYNCED_AT),
    );

    for (const name of ["Bolingbrook Distribution Center", "Hyde Park", "Evanston"]) {
      expect(await locationForPickupOption(shop, optionFor(name))).toBeNull();
    }
  });

  it("follows the merchant's pickup override over Shopify's setting", async () => {
    const shop = await chicagoShop();
    await prisma.locationProfile.updateMany({
      where: { shop, locationId: String(chicagoLocation("Bolingbrook Distribution Center").id) },
      data: { pickupEnabledOverride: true },
    });
    await prisma.locationProfile.updateMany({
      where: { shop, locationId: String(chicagoLocation("Naperville").id) },
      data: { pickupEnabledOverride: false },
    });

    expect(await locationForPickupOption(shop, optionFor("Bolingbrook Distribution Center"))).toMatchObject({
      name: "Bolingbrook Distribution Center",
    });
    expect(await locationForPickupOption(shop, optionFor("Naperville"))).toBeNull();
  });

  it("is never another shop's location", async () => {
    await chicagoShop();

    expect(await locationForPickupOption(uniqueShop(), optionFor("Lincoln Park"))).toBeNull();
  });

  it("is none, without throwing, for hostile options", async () => {
    const shop = await chicagoShop();
    const hostile = [
      {},
      { name: "", address: {} },
      { name: "Lincoln Park".repeat(500) },
      { name: "Lincoln Park", address: { address1: "x".repeat(5_000) } },
      { name: "\u0000\u202e🏬", address: { address1: "Ω≈ç√", zip: "💥" } },
      { name: '\'; DROP TABLE "Location"; --' },
    ];

    for (const option of hostile) expect(await locationForPickupOption(shop, option)).toBeNull();
    expect(await prisma.location.count({ where: { shop } })).toBe(CHICAGO.length);
  });
});

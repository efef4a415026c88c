import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import {
  applyLocationChange,
  createMissingLocationProfiles,
  findLiveLocation,
  listLiveLocations,
  recordLocationDeleted,
  updateLocationProfiles,
  upsertSyncedLocations,
  type LocationChange,
  type SyncedLocation,
} from "./locations.server";

const READ_AT = new Date("2026-11-30T12:00:00.123Z");
const SYNCED_AT = new Date("2026-11-30T12:00:05.456Z");

function synced(index: number, overrides: Partial<SyncedLocation> = {}): SyncedLocation {
  return {
    locationId: String(90_000 + index),
    name: `Store ${index}`,
    address1: `${index} State St`,
    city: "Chicago",
    provinceCode: "IL",
    zip: "60601",
    countryCode: "US",
    latitude: Number((41.88 + index / 10_000).toFixed(4)),
    longitude: -87.63,
    isActive: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: index % 2 === 0,
    pickupTime: index % 2 === 0 ? "TWO_HOURS" : null,
    sourceUpdatedAt: READ_AT,
    ...overrides,
  };
}

/** What a locations/update webhook says of the location: no coordinates, no pickup settings. */
function webhookChangeOf(location: SyncedLocation): LocationChange {
  const { locationId, name, address1, city, provinceCode, zip, countryCode, isActive, sourceUpdatedAt } = location;
  return { locationId, name, address1, city, provinceCode, zip, countryCode, isActive, sourceUpdatedAt };
}

describe("the locations sync's write", () => {
  it("writes a national chain's locations in batches, each value as read", async () => {
    const shop = uniqueShop();
    const locations = Array.from({ length: 1_201 }, (_, index) => synced(index));

    const written = await prisma.$transaction((tx) => upsertSyncedLocations(tx, shop, locations, SYNCED_AT));

    expect(written).toBe(1_201);
    const stored = await prisma.location.findMany({ where: { shop }, orderBy: { locationId: "asc" } });
    expect(stored).toHaveLength(1_201);
    expect(stored[7]).toMatchObject({
      ...locations[7],
      sourceUpdatedAt: READ_AT,
      syncedAt: SYNCED_AT,
      deletedAt: null,
    });
  });

  it("keeps what a later webhook wrote, and never brings a deleted location back", async () => {
    const shop = uniqueShop();
    await upsertSyncedLocations(prisma, shop, [synced(1), synced(2)], SYNCED_AT);
    const newer = new Date(READ_AT.getTime() + 60_000);
    await upsertSyncedLocations(
      prisma,
      shop,
      [synced(1, { name: "Renamed by a webhook", sourceUpdatedAt: newer })],
      newer,
    );
    await recordLocationDeleted(prisma, shop, synced(2).locationId, newer);

    const written = await upsertSyncedLocations(
      prisma,
      shop,
      [synced(1, { name: "Stale read" }), synced(2, { name: "Stale read" })],
      SYNCED_AT,
    );

    expect(written).toBe(0);
    const names = await prisma.location.findMany({
      where: { shop },
      orderBy: { locationId: "asc" },
      select: { name: true },
    });
    expect(names.map((row) => row.name)).toEqual(["Renamed by a webhook", "Store 2"]);
  });

  it("follows Shopify's pickup time as each sync reads it, and a locations webhook leaves it alone", async () => {
    const shop = uniqueShop();
    const store = synced(2, { pickupTime: "FOUR_HOURS" });
    await upsertSyncedLocations(prisma, shop, [store], SYNCED_AT);
    const pickupOf = () =>
      prisma.location.findUniqueOrThrow({
        where: { shop_locationId: { shop, locationId: store.locationId } },
        select: { name: true, pickupEnabled: true, pickupTime: true },
      });
    expect(await pickupOf()).toEqual({ name: "Store 2", pickupEnabled: true, pickupTime: "FOUR_HOURS" });

    // locations/update carries no pickup settings: what the sync read stays.
    const renamedAt = new Date(READ_AT.getTime() + 60_000);
    const renamed = webhookChangeOf({ ...store, name: "Store 2 (renamed)", sourceUpdatedAt: renamedAt });
    expect(await applyLocationChange(prisma, shop, renamed, renamedAt)).toBe(true);
    expect(await pickupOf()).toEqual({ name: "Store 2 (renamed)", pickupEnabled: true, pickupTime: "FOUR_HOURS" });

    // The merchant turns local pickup off in Shopify; the next sync reads no pickup time.
    const offAt = new Date(READ_AT.getTime() + 120_000);
    await upsertSyncedLocations(
      prisma,
      shop,
      [{ ...store, name: "Store 2 (renamed)", pickupEnabled: false, pickupTime: null, sourceUpdatedAt: offAt }],
      offAt,
    );
    expect(await pickupOf()).toEqual({ name: "Store 2 (renamed)", pickupEnabled: false, pickupTime: null });
  });

  it("records a location a webhook announces first with no pickup until the sync reads it", async () => {
    const shop = uniqueShop();
    const change = webhookChangeOf(synced(4));
    await applyLocationChange(prisma, shop, change, SYNCED_AT);
    expect(
      await prisma.location.findUniqueOrThrow({
        where: { shop_locationId: { shop, locationId: change.locationId } },
        select: { pickupEnabled: true, pickupTime: true },
      }),
    ).toEqual({ pickupEnabled: false, pickupTime: null });
  });
});

describe("the live locations as routing reads them", () => {
  async function shopWithStores(): Promise<string> {
    const shop = uniqueShop();
    await upsertSyncedLocations(prisma, shop, [synced(1), synced(2), synced(3)], SYNCED_AT);
    await createMissingLocationProfiles(
      prisma,
      shop,
      [1, 2, 3].map((index) => ({ locationId: synced(index).locationId, kind: "STORE", timeZone: "America/Chicago" })),
    );
    return shop;
  }
  const summary = async (shop: string) =>
    (await listLiveLocations(prisma, shop)).map((location) => ({
      id: location.locationId,
      name: location.name,
      capacity: location.profile?.dailyCapacity ?? null,
    }));

  it("reads again whatever another writer changed since: a webhook, a deletion, a profile save", async () => {
    const shop = await shopWithStores();
    expect((await summary(shop)).map((location) => location.name)).toEqual(["Store 1", "Store 2", "Store 3"]);

    const renamedAt = new Date(READ_AT.getTime() + 60_000);
    await applyLocationChange(
      prisma,
      shop,
      webhookChangeOf({ ...synced(1), name: "Store 1 (renamed)", sourceUpdatedAt: renamedAt }),
      renamedAt,
    );
    expect((await summary(shop)).map((location) => location.name)).toEqual(["Store 1 (renamed)", "Store 2", "Store 3"]);

    await recordLocationDeleted(prisma, shop, synced(2).locationId, renamedAt);
    expect((await summary(shop)).map((location) => location.id)).toEqual([synced(1).locationId, synced(3).locationId]);

    // A write that bypasses this module (as another process's would) is seen all the same.
    await prisma.$executeRaw`UPDATE "LocationProfile" SET "dailyCapacity" = 7 WHERE "shop" = ${shop} AND "locationId" = ${synced(3).locationId}`;
    expect((await summary(shop)).find((location) => location.id === synced(3).locationId)?.capacity).toBe(7);
  });

  it("sees, inside a transaction, what that transaction wrote, and outside it only once committed", async () => {
    const shop = await shopWithStores();
    await summary(shop);
    await prisma
      .$transaction(async (tx) => {
        await tx.locationProfile.updateMany({ where: { shop }, data: { dailyCapacity: 3 } });
        expect((await listLiveLocations(tx, shop)).map((location) => location.profile?.dailyCapacity)).toEqual([
          3, 3, 3,
        ]);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect((await summary(shop)).map((location) => location.capacity)).toEqual([null, null, null]);
  });

  it("gives each caller its own list", async () => {
    const shop = await shopWithStores();
    const first = await listLiveLocations(prisma, shop);
    first.pop();
    expect(await listLiveLocations(prisma, shop)).toHaveLength(3);
  });
});

describe("a bulk edit of location profiles", () => {
  const AT = new Date("2026-12-01T09:30:00.250Z");

  async function chainOf(shop: string, count: number): Promise<string[]> {
    const locations = Array.from({ length: count }, (_, index) => synced(index));
    await prisma.$transaction((tx) => upsertSyncedLocations(tx, shop, locations, SYNCED_AT));
    await createMissingLocationProfiles(
      prisma,
      shop,
      locations.map(({ locationId }) => ({ locationId, kind: "STORE", timeZone: "America/Chicago" })),
    );
    return locations.map(({ locationId }) => locationId);
  }

  const profiles = (shop: string) =>
    prisma.locationProfile.findMany({ where: { shop }, orderBy: { locationId: "asc" } });

  it("sets the labour cost of every selected location in one statement, and no other", async () => {
    const shop = uniqueShop();
    const ids = await chainOf(shop, 5);

    expect(
      await updateLocationProfiles(prisma, shop, [ids[0]!, ids[2]!, ids[0]!], { labourCostPerOrder: 2.5 }, AT),
    ).toBe(2);

    const after = await profiles(shop);
    expect(after.map((profile) => profile.labourCostPerOrder.toNumber())).toEqual([2.5, 3, 2.5, 3, 3]);
    expect(after.map((profile) => profile.updatedAt.getTime() === AT.getTime())).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    // Only the labour cost: the pickup override and the other costs are as they were.
    expect(after.map((profile) => profile.pickupEnabledOverride)).toEqual([null, null, null, null, null]);
    expect(after[0]!.shippingBaseCost.toNumber()).toBe(5);
  });

  it("sets the pickup override on, off, or back to following Shopify", async () => {
    const shop = uniqueShop();
    const ids = await chainOf(shop, 3);
    await updateLocationProfiles(prisma, shop, ids, { pickupEnabledOverride: false }, AT);
    await updateLocationProfiles(prisma, shop, [ids[1]!], { pickupEnabledOverride: true }, AT);
    expect((await profiles(shop)).map((profile) => profile.pickupEnabledOverride)).toEqual([false, true, false]);

    await updateLocationProfiles(prisma, shop, ids.slice(0, 2), { pickupEnabledOverride: null }, AT);
    const after = await profiles(shop);
    expect(after.map((profile) => profile.pickupEnabledOverride)).toEqual([null, null, false]);
    expect(after.map((profile) => profile.labourCostPerOrder.toNumber())).toEqual([3, 3, 3]);
  });

  it("changes nothing, in either shop, when one id is another shop's or unknown", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    const mine = await chainOf(shop, 2);
    await chainOf(other, 4);
    // The other shop's chain is longer: this id is its location, not this shop's.
    const theirsOnly = String(90_003);
    const before = [await profiles(shop), await profiles(other)];

    expect(await updateLocationProfiles(prisma, shop, [...mine, theirsOnly], { labourCostPerOrder: 9 }, AT)).toBe(0);
    expect(await updateLocationProfiles(prisma, shop, [...mine, "424242"], { pickupEnabledOverride: true }, AT)).toBe(
      0,
    );
    expect([await profiles(shop), await profiles(other)]).toEqual(before);
  });

  it("writes a national chain's 2,000 profiles at once", async () => {
    const shop = uniqueShop();
    const ids = await chainOf(shop, 2_000);
    expect(await updateLocationProfiles(prisma, shop, ids, { labourCostPerOrder: 1.75 }, AT)).toBe(2_000);
    const costs = await prisma.locationProfile.groupBy({
      by: ["labourCostPerOrder"],
      where: { shop },
      _count: true,
    });
    expect(costs.map((group) => [group.labourCostPerOrder.toNumber(), group._count])).toEqual([[1.75, 2_000]]);
  });
});

describe("one live location as its edit page reads it", () => {
  it("finds the shop's location with its profile, and not another shop's or a deleted one", async () => {
    const shop = uniqueShop();
    await prisma.$transaction((tx) => upsertSyncedLocations(tx, shop, [synced(1), synced(2)], SYNCED_AT));
    await createMissingLocationProfiles(prisma, shop, [
      { locationId: synced(1).locationId, kind: "WAREHOUSE", timeZone: "America/Denver" },
    ]);
    await recordLocationDeleted(prisma, shop, synced(2).locationId, SYNCED_AT);

    const found = await findLiveLocation(prisma, shop, synced(1).locationId);
    expect([found?.name, found?.profile?.kind, found?.profile?.timeZone, found?.profile?.openingHours]).toEqual([
      "Store 1",
      "WAREHOUSE",
      "America/Denver",
      null,
    ]);
    expect(await findLiveLocation(prisma, shop, synced(2).locationId)).toBeNull();
    expect(await findLiveLocation(prisma, uniqueShop(), synced(1).locationId)).toBeNull();
  });
});

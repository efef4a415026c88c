import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { sqlRows } from "~/db/sql.server";
import { uniqueShop } from "../../tests/support/shops";
import { LIVE_LOCATIONS_VERSION_SQL } from "./locations.server";

/** The triggers of decision 046 keep a version per shop of its Location and LocationProfile rows. */

const AT = new Date("2026-12-02T22:00:00.000Z");

async function versionOf(shop: string): Promise<string> {
  const [row] = await sqlRows<{ version: string }>(sqlPool, LIVE_LOCATIONS_VERSION_SQL, [shop]);
  return row!.version;
}

async function addStore(shop: string, locationId: string): Promise<void> {
  await prisma.location.create({
    data: {
      shop,
      locationId,
      name: `Store ${locationId}`,
      isActive: true,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      syncedAt: AT,
      profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
    },
  });
}

describe("a shop's locations version", () => {
  it("is 'none' until the shop's locations are first written", async () => {
    expect(await versionOf(uniqueShop())).toBe("none");
  });

  it("moves on with every insert, update and delete of its locations or profiles, whatever writes them", async () => {
    const shop = uniqueShop();
    const seen: string[] = [await versionOf(shop)];
    const expectNew = async () => {
      const version = await versionOf(shop);
      expect(seen).not.toContain(version);
      seen.push(version);
    };
    const where = { shop_locationId: { shop, locationId: "1001" } };

    await addStore(shop, "1001");
    await expectNew();
    await prisma.location.update({ where, data: { name: "Renamed" } });
    await expectNew();
    await prisma.locationProfile.update({ where, data: { dailyCapacity: 12 } });
    await expectNew();
    await prisma.$executeRaw`UPDATE "LocationProfile" SET "preparationMinutes" = 30 WHERE "shop" = ${shop}`;
    await expectNew();
    await prisma.locationProfile.delete({ where });
    await expectNew();
    await prisma.location.delete({ where });
    await expectNew();
    expect(seen).toHaveLength(7);
  });

  it("stays as it was when nothing of the shop's locations was written: reads, its stock, another shop", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    await addStore(shop, "1001");
    const before = await versionOf(shop);

    await prisma.location.findMany({ where: { shop } });
    await prisma.inventoryLevel.create({
      data: { shop, locationId: "1001", inventoryItemId: "4700", sku: "TEE", available: 3, sourceUpdatedAt: AT },
    });
    await addStore(other, "1001");
    await prisma.location.updateMany({ where: { shop: other }, data: { name: "Theirs" } });
    // An update that matches no row of the shop is no write of it.
    await prisma.location.updateMany({ where: { shop, locationId: "missing" }, data: { name: "Nobody" } });

    expect(await versionOf(shop)).toBe(before);
  });

  it("is not brought back by erasing the shop's locations after its version", async () => {
    const shop = uniqueShop();
    await addStore(shop, "1001");
    await addStore(shop, "1002");

    await prisma.$transaction(async (tx) => {
      await tx.locationsVersion.deleteMany({ where: { shop } });
      await tx.locationProfile.deleteMany({ where: { shop } });
      await tx.location.deleteMany({ where: { shop } });
    });

    expect(await prisma.locationsVersion.count({ where: { shop } })).toBe(0);
    expect(await versionOf(shop)).toBe("none");
  });

  it("moves back with a transaction that rolls back, to a version that was never given out twice", async () => {
    const shop = uniqueShop();
    await addStore(shop, "1001");
    const before = await versionOf(shop);
    let inside = "";

    await prisma
      .$transaction(async (tx) => {
        await tx.location.updateMany({ where: { shop }, data: { name: "Not kept" } });
        const [row] = await tx.$queryRawUnsafe<{ version: string }[]>(LIVE_LOCATIONS_VERSION_SQL, shop);
        inside = row!.version;
        throw new Error("roll back");
      })
      .catch(() => undefined);

    expect(inside).not.toBe(before);
    expect(await versionOf(shop)).toBe(before);
    await prisma.location.updateMany({ where: { shop }, data: { name: "Kept" } });
    expect([before, inside]).not.toContain(await versionOf(shop));
  });
});

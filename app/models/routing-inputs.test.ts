import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { findExceptionHolds } from "./exception-holds.server";
import { findStockOfSkus } from "./inventory-levels.server";
import { activeReservedUnits, RESERVATION_TTL_MS } from "./inventory-reservations.server";
import { listLiveLocations } from "./locations.server";
import { readRoutingInputs } from "./routing-inputs.server";

const NOW = new Date("2026-12-02T18:00:00.000Z");
const [TEE, CAP, MUG] = ["TEE-M", "CAP", "MUG"];

/** Two locations stocking three SKUs, reservations (live, cleared, expired, the order's own) and a hold. */
async function seedShop(): Promise<string> {
  const shop = uniqueShop();
  for (const locationId of ["1001", "1002"]) {
    await prisma.location.create({
      data: {
        shop,
        locationId,
        name: `Store ${locationId}`,
        isActive: true,
        fulfillsOnlineOrders: true,
        pickupEnabled: true,
        syncedAt: NOW,
        profile: { create: { kind: "STORE", timeZone: "America/Chicago" } },
      },
    });
    for (const [index, sku] of [TEE, CAP, MUG].entries()) {
      await prisma.inventoryLevel.create({
        data: { shop, locationId, inventoryItemId: `470000${index}`, sku, available: 5 + index, sourceUpdatedAt: NOW },
      });
    }
  }
  const reserve = (orderId: string, sku: string, quantity: number, extra: object = {}) =>
    prisma.inventoryReservation.create({
      data: { shop, orderId, locationId: "1001", sku, quantity, createdAt: NOW, ...extra },
    });
  await reserve("1", TEE, 2);
  await reserve("2", TEE, 1);
  await reserve("3", CAP, 1, { clearedAt: NOW });
  await reserve("4", CAP, 4, { createdAt: new Date(NOW.getTime() - RESERVATION_TTL_MS - 1) });
  await reserve("5", CAP, 3);
  await prisma.exceptionHold.create({
    data: { shop, locationId: "1002", sku: TEE, taskId: "00000000-0000-4000-8000-000000000001", heldSince: NOW },
  });
  return shop;
}

const bySkuAndPlace = <Row extends { locationId: string; sku: string }>(rows: Row[]) =>
  [...rows].sort((a, b) => `${a.sku}/${a.locationId}`.localeCompare(`${b.sku}/${b.locationId}`));

describe("routing's inputs, read in one statement", () => {
  it("are what the stock, reservation and hold readers give for these SKUs, with the locations' version", async () => {
    const shop = await seedShop();
    const skus = [TEE, CAP];

    const inputs = await readRoutingInputs(sqlPool, shop, skus, NOW, "2");

    expect(bySkuAndPlace(inputs.stock)).toEqual(bySkuAndPlace(await findStockOfSkus(sqlPool, shop, skus)));
    expect(inputs.stock).toHaveLength(4);
    // Order 2's own units are left out; cleared and expired ones do not count.
    expect(bySkuAndPlace(inputs.reserved)).toEqual([
      { locationId: "1001", sku: CAP, quantity: 3 },
      { locationId: "1001", sku: TEE, quantity: 2 },
    ]);
    expect(bySkuAndPlace(inputs.reserved)).toEqual(
      bySkuAndPlace(await activeReservedUnits(sqlPool, shop, skus, NOW, "2")),
    );
    expect(inputs.held).toEqual(await findExceptionHolds(sqlPool, shop, skus));
    expect(inputs.held).toEqual([{ locationId: "1002", sku: TEE }]);
    expect(inputs.locationsVersion).toMatch(/^\d+$/);
  });

  it("give a new locations' version when a location changes, and the same one when nothing did", async () => {
    const shop = await seedShop();
    const before = (await readRoutingInputs(sqlPool, shop, [TEE], NOW)).locationsVersion;
    expect((await readRoutingInputs(sqlPool, shop, [TEE], NOW)).locationsVersion).toBe(before);
    await listLiveLocations(sqlPool, shop);

    await prisma.location.update({
      where: { shop_locationId: { shop, locationId: "1002" } },
      data: { name: "Renamed" },
    });

    expect((await readRoutingInputs(sqlPool, shop, [TEE], NOW)).locationsVersion).not.toBe(before);
  });

  it("are empty for another shop, and for no SKUs", async () => {
    const shop = await seedShop();

    expect(await readRoutingInputs(sqlPool, uniqueShop(), [TEE, CAP], NOW)).toEqual({
      locationsVersion: "none",
      stock: [],
      reserved: [],
      held: [],
    });
    expect(await readRoutingInputs(sqlPool, shop, [], NOW)).toMatchObject({ stock: [], reserved: [], held: [] });
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { findStockOfItems } from "./inventory-levels.server";

describe("the stock of inventory items", () => {
  it("is each level of the items asked, at every location, and only the shop's own", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    const store = { name: "Store", kind: "STORE" as const, lat: 41.9, lng: -87.6 };
    await seedMirror(prisma, shop, [
      { ...store, locationId: "1", stock: { TEE: 4, CAP: 2 } },
      { ...store, locationId: "2", stock: { TEE: 0 } },
    ]);
    await seedMirror(prisma, other, [{ ...store, locationId: "1", stock: { TEE: 50 } }]);

    // seedMirror numbers a location's items 900, 901, … in the order given.
    const levels = await findStockOfItems(prisma, shop, ["900"]);

    expect(levels.sort((a, b) => a.locationId.localeCompare(b.locationId))).toEqual([
      { locationId: "1", inventoryItemId: "900", available: 4 },
      { locationId: "2", inventoryItemId: "900", available: 0 },
    ]);
    expect(await findStockOfItems(prisma, shop, [])).toEqual([]);
  });
});

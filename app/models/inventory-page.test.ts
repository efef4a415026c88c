import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { stockOf } from "~/domain/routing/eligibility";
import { readInventoryPageQuery, type InventoryPageQuery } from "~/domain/inventory/inventory-page-query";
import { unitsRoutingCounts } from "~/domain/inventory/sellable-for-routing";
import { routingLocationsFor } from "~/services/routing/routing-view.server";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { findInventoryCells } from "./inventory-page.server";

const NOW = new Date("2026-11-30T15:00:00Z");
const OPTIONS = { storeMinUnits: 3, now: NOW, limit: 100 };

function query(search: string): InventoryPageQuery {
  const reading = readInventoryPageQuery(new URLSearchParams(search));
  if (!reading.ok) throw new Error(reading.error);
  return reading.query;
}

/**
 * A shop with a warehouse and two stores. seedMirror numbers a location's items 900, 901, … in
 * the order given, so the catalogue below names items by that numbering.
 */
async function seedShop(): Promise<string> {
  const shop = uniqueShop();
  await seedMirror(prisma, shop, [
    { locationId: "10", name: "Warehouse", kind: "WAREHOUSE", lat: 41.8, lng: -87.9, stock: { TEE: 40, CAP: 0 } },
    { locationId: "20", name: "Loop", kind: "STORE", lat: 41.88, lng: -87.63, stock: { TEE: 5, CAP: 0 } },
    { locationId: "30", name: "Wicker Park", kind: "STORE", lat: 41.91, lng: -87.68, stock: { TEE: 2, CAP: -1 } },
  ]);
  await prisma.variantInventoryItem.createMany({
    data: [
      { variantId: "1", inventoryItemId: "900", sku: "TEE", productTitle: "Merino Tee", variantTitle: "M" },
      { variantId: "2", inventoryItemId: "901", sku: "CAP", productTitle: "Wool Cap", variantTitle: "One size" },
    ].map((variant) => ({ shop, ...variant, barcode: `400${variant.variantId}`, syncedAt: NOW })),
  });
  return shop;
}

const keys = (cells: readonly { sku: string; locationId: string }[]) => cells.map((c) => `${c.sku}@${c.locationId}`);

describe("the Inventory page's cells", () => {
  it("are the shop's own levels only, by SKU then location, with the catalogue's names", async () => {
    const shop = await seedShop();
    await seedShop();

    const cells = await findInventoryCells(prisma, shop, query(""), OPTIONS);

    expect(keys(cells)).toEqual(["CAP@10", "CAP@20", "CAP@30", "TEE@10", "TEE@20", "TEE@30"]);
    expect(cells[3]).toMatchObject({
      productTitle: "Merino Tee",
      variantTitle: "M",
      barcode: "4001",
      locationName: "Warehouse",
      kind: "WAREHOUSE",
      routable: true,
      available: 40,
      reserved: 0,
      held: false,
    });
  });

  it("are found by SKU, product title or barcode, with LIKE's wildcards taken literally", async () => {
    const shop = await seedShop();

    expect(keys(await findInventoryCells(prisma, shop, query("q=tee"), OPTIONS))).toEqual([
      "TEE@10",
      "TEE@20",
      "TEE@30",
    ]);
    expect(keys(await findInventoryCells(prisma, shop, query("q=wool"), OPTIONS))).toEqual([
      "CAP@10",
      "CAP@20",
      "CAP@30",
    ]);
    expect(keys(await findInventoryCells(prisma, shop, query("q=4002"), OPTIONS))).toEqual([
      "CAP@10",
      "CAP@20",
      "CAP@30",
    ]);
    expect(await findInventoryCells(prisma, shop, query("q=%25"), OPTIONS)).toEqual([]);
    expect(await findInventoryCells(prisma, shop, query("q=_"), OPTIONS)).toEqual([]);
  });

  it("are filtered by location, by 'below the store minimum' and by 'out of stock everywhere'", async () => {
    const shop = await seedShop();

    expect(keys(await findInventoryCells(prisma, shop, query("location=20"), OPTIONS))).toEqual(["CAP@20", "TEE@20"]);
    // Stores only: the warehouse's CAP is at 0 but a warehouse has no minimum.
    expect(keys(await findInventoryCells(prisma, shop, query("below=1"), OPTIONS))).toEqual([
      "CAP@20",
      "CAP@30",
      "TEE@30",
    ]);
    expect(keys(await findInventoryCells(prisma, shop, query("empty=1"), OPTIONS))).toEqual([
      "CAP@10",
      "CAP@20",
      "CAP@30",
    ]);
  });

  it("count reservations and holds against the store minimum as routing does", async () => {
    const shop = await seedShop();
    await prisma.inventoryReservation.createMany({
      data: [
        { shop, orderId: "1", locationId: "20", sku: "TEE", quantity: 2, createdAt: new Date(NOW.getTime() - 60_000) },
        // Expired (older than a day) and cleared reservations hold nothing.
        {
          shop,
          orderId: "2",
          locationId: "20",
          sku: "TEE",
          quantity: 9,
          createdAt: new Date(NOW.getTime() - 2 * 86_400_000),
        },
        { shop, orderId: "3", locationId: "20", sku: "TEE", quantity: 9, clearedAt: NOW },
      ],
    });
    const other = uniqueShop();
    await prisma.inventoryReservation.create({
      data: { shop: other, orderId: "4", locationId: "20", sku: "TEE", quantity: 5 },
    });

    const [tee] = await findInventoryCells(prisma, shop, query("location=20&q=TEE"), OPTIONS);
    expect(tee).toMatchObject({ available: 5, reserved: 2, held: false });
    // 5 − 2 = 3 units is not below a minimum of 3, but is below 4.
    expect(keys(await findInventoryCells(prisma, shop, query("location=20&below=1"), OPTIONS))).toEqual(["CAP@20"]);
    expect(
      keys(await findInventoryCells(prisma, shop, query("location=20&below=1"), { ...OPTIONS, storeMinUnits: 4 })),
    ).toEqual(["CAP@20", "TEE@20"]);

    await prisma.exceptionHold.create({
      data: { shop, locationId: "20", sku: "TEE", taskId: crypto.randomUUID(), heldSince: NOW },
    });
    expect(keys(await findInventoryCells(prisma, shop, query("location=20&below=1"), OPTIONS))).toEqual([
      "CAP@20",
      "TEE@20",
    ]);
  });

  it("show each level with the units the routing view counts there", async () => {
    const shop = await seedShop();
    await prisma.inventoryReservation.create({
      data: { shop, orderId: "1", locationId: "10", sku: "TEE", quantity: 7 },
    });
    await prisma.exceptionHold.create({
      data: { shop, locationId: "20", sku: "TEE", taskId: crypto.randomUUID(), heldSince: NOW },
    });

    const cells = await findInventoryCells(prisma, shop, query(""), { ...OPTIONS, now: new Date() });
    const view = await routingLocationsFor(prisma, shop, ["TEE", "CAP"], new Date());

    for (const cell of cells) {
      const location = view.find((candidate) => candidate.id === cell.locationId)!;
      expect(unitsRoutingCounts(cell), `${cell.sku} at ${cell.locationId}`).toBe(stockOf(location, cell.sku));
    }
    expect(unitsRoutingCounts(cells.find((c) => c.sku === "TEE" && c.locationId === "10")!)).toBe(33);
  });

  it("page by keyset under every sort, each row once", async () => {
    const shop = await seedShop();
    for (const sort of ["sku", "-sku", "available", "-available"] as const) {
      const all = await findInventoryCells(prisma, shop, query(`sort=${sort}`), OPTIONS);
      const paged = [];
      let after: InventoryPageQuery["after"] = null;
      for (;;) {
        const page = await findInventoryCells(
          prisma,
          shop,
          { ...query(`sort=${sort}`), after },
          { ...OPTIONS, limit: 4 },
        );
        paged.push(...page);
        if (page.length < 4) break;
        after = page.at(-1)!;
      }
      expect(keys(paged), sort).toEqual(keys(all));
      expect(all).toHaveLength(6);
    }
    const byAvailable = await findInventoryCells(prisma, shop, query("sort=-available"), OPTIONS);
    expect(byAvailable.map((cell) => cell.available)).toEqual([40, 5, 2, 0, 0, -1]);
  });
});

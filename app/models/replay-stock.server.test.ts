import { describe, expect, it } from "vitest";
import prisma, { sqlPool } from "~/db.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { SqlTransaction } from "~/db/sql.server";
import { seedMirror } from "../../tests/support/mirror";
import { uniqueShop } from "../../tests/support/shops";
import { findStockOfSkus } from "./inventory-levels.server";
import { buildStockTable, stockMapsOf } from "~/domain/routing/stock-table";
import { readShopStockText, stockRowsOfSkus } from "./replay-stock.server";

/** The levels as stock maps by location, added up as the replay's table adds them. */
async function findStockMapsOfSkus(shop: string, skus: string[]): Promise<Map<string, Record<string, number>>> {
  const rows = stockRowsOfSkus(await inSqlTransaction((tx) => readShopStockText(tx, shop)), skus);
  return stockMapsOf(buildStockTable([...rows.keys()].sort(), skus, rows));
}

describe("stock rows of many SKUs for the replay's snapshot", () => {
  const store = { name: "Store", kind: "STORE" as const, lat: 41.9, lng: -87.6 };

  it("gives each location's units of the SKUs asked, oversold as none, and only the shop's own", async () => {
    const shop = uniqueShop();
    const other = uniqueShop();
    await seedMirror(prisma, shop, [
      { ...store, locationId: "1", stock: { TEE: 4, CAP: 2, MUG: -3 } },
      { ...store, locationId: "2", stock: { TEE: 0 } },
      { ...store, locationId: "3", stock: { MUG: 7 } },
    ]);
    await seedMirror(prisma, other, [{ ...store, locationId: "1", stock: { TEE: 50 } }]);

    const maps = await findStockMapsOfSkus(shop, ["TEE", "MUG"]);

    expect(Object.fromEntries(maps)).toEqual({ "1": { TEE: 4, MUG: 0 }, "2": { TEE: 0 }, "3": { MUG: 7 } });
    expect(stockRowsOfSkus(await inSqlTransaction((tx) => readShopStockText(tx, shop)), []).size).toBe(0);
  });

  it("reads in one backend with its own memory for the aggregate, leaving the connection's settings as they were", async () => {
    const shop = uniqueShop();
    await seedMirror(prisma, shop, [{ ...store, locationId: "1", stock: { TEE: 4 } }]);
    const setting = async (db: { query: typeof sqlPool.query }, name: string) =>
      (await db.query<{ value: string }>(`SELECT current_setting($1) AS value`, [name])).rows[0]!.value;
    const client = await sqlPool.connect();
    try {
      const before = await setting(client, "work_mem");
      await client.query("BEGIN");
      const tx = new SqlTransaction(client);
      expect((await readShopStockText(tx, shop)).map((row) => row.locationId)).toEqual(["1"]);
      expect(await setting(client, "work_mem")).toBe("64MB");
      expect(await setting(client, "max_parallel_workers_per_gather")).toBe("0");
      await client.query("COMMIT");
      expect(await setting(client, "work_mem")).toBe(before);
    } finally {
      client.release();
    }
  });

  it("adds up two items sharing a SKU at a location, as the routing view does, whatever characters the SKUs hold", async () => {
    const shop = uniqueShop();
    await seedMirror(prisma, shop, [{ ...store, locationId: "1", stock: { TEE: 4, CAP: 2 } }]);
    await prisma.inventoryLevel.create({
      data: { shop, locationId: "1", inventoryItemId: "777", sku: "TEE", available: 5, sourceUpdatedAt: new Date() },
    });
    await prisma.inventoryLevel.create({
      data: { shop, locationId: "1", inventoryItemId: "778", sku: "TEE", available: -2, sourceUpdatedAt: new Date() },
    });

    // A SKU holding the lists' separator (unit separator, U+001F) and one holding a comma.
    await seedMirror(prisma, shop, [{ ...store, locationId: "2", stock: { "A\u001FB": 3, "C,D": 4, TEE: 1 } }]);
    const asked = ["TEE", "CAP", "A\u001FB", "C,D"];

    const maps = await findStockMapsOfSkus(shop, asked);

    expect(maps.get("1")).toEqual({ TEE: 9, CAP: 2 });
    expect(maps.get("2")).toEqual({ "A\u001FB": 3, "C,D": 4, TEE: 1 });
    // The same figures as the routing view's rows, added up per location and SKU.
    const rows = (await findStockOfSkus(sqlPool, shop, asked)).filter((row) => row.locationId === "1");
    const summed: Record<string, number> = {};
    for (const row of rows) summed[row.sku] = (summed[row.sku] ?? 0) + Math.max(0, row.available);
    expect(maps.get("1")).toEqual(summed);
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import { binLocationsFor, saveBinLocation } from "./item-bin-locations.server";

const MONDAY = new Date("2026-11-30T15:00:00Z");
const TUESDAY = new Date("2026-12-01T15:00:00Z");

describe("where items are kept in a store", () => {
  it("are given for the SKUs asked, at that store of that shop only", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    await saveBinLocation(prisma, shop, {
      locationId: "501",
      sku: "TEE-M",
      code: "Aisle 4, Bin 12",
      source: "MERCHANT",
      confirmedAt: MONDAY,
    });
    await saveBinLocation(prisma, shop, {
      locationId: "502",
      sku: "CAP",
      code: "A1",
      source: "MERCHANT",
      confirmedAt: MONDAY,
    });
    await saveBinLocation(prisma, other, {
      locationId: "501",
      sku: "CAP",
      code: "B2",
      source: "MERCHANT",
      confirmedAt: MONDAY,
    });

    const bins = await binLocationsFor(prisma, shop, "501", ["TEE-M", "CAP", "TEE-M"]);

    expect([...bins]).toEqual([["TEE-M", { code: "Aisle 4, Bin 12", source: "MERCHANT", confirmedAt: MONDAY }]]);
    expect(await binLocationsFor(prisma, shop, "501", [])).toEqual(new Map());
  });

  it('take the latest word, a picker\'s "found it at" included', async () => {
    const shop = uniqueShop();
    await saveBinLocation(prisma, shop, {
      locationId: "501",
      sku: "TEE-M",
      code: "A4-12",
      source: "MERCHANT",
      confirmedAt: MONDAY,
    });
    await saveBinLocation(prisma, shop, {
      locationId: "501",
      sku: "TEE-M",
      code: "A5-03",
      source: "PICKER",
      confirmedAt: TUESDAY,
    });

    expect((await binLocationsFor(prisma, shop, "501", ["TEE-M"])).get("TEE-M")).toEqual({
      code: "A5-03",
      source: "PICKER",
      confirmedAt: TUESDAY,
    });
  });
});

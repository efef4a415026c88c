import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../../tests/support/shops";
import {
  inventoryItemsOfVariants,
  removeVariantsNotSeenSince,
  upsertSyncedVariants,
  type SyncedVariant,
} from "./variant-inventory-items.server";

const MONDAY = new Date("2026-11-30T03:00:00Z");
const TUESDAY = new Date("2026-12-01T03:00:00Z");

const tee: SyncedVariant = {
  variantId: "40001",
  inventoryItemId: "50001",
  sku: "TEE-M",
  productTitle: "Lake Tee",
  variantTitle: "M",
  barcode: "4006381333931",
};
const cap: SyncedVariant = {
  variantId: "40002",
  inventoryItemId: "50002",
  sku: null,
  productTitle: "Cap",
  variantTitle: "Default Title",
  barcode: null,
};

describe("the mirror's variant to inventory item mapping", () => {
  it("answers the variants asked about, named for people, each once", async () => {
    const shop = uniqueShop();
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, [tee, cap], MONDAY));

    const items = await inventoryItemsOfVariants(prisma, shop, ["40001", "40002", "40001", "49999"]);

    expect(items).toEqual(
      new Map([
        ["40001", { inventoryItemId: "50001", sku: "TEE-M", title: "Lake Tee - M" }],
        ["40002", { inventoryItemId: "50002", sku: null, title: "Cap" }],
      ]),
    );
    expect(await inventoryItemsOfVariants(prisma, shop, [])).toEqual(new Map());
  });

  it("never answers with another shop's variants, even under the same id", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, other, [tee, cap], MONDAY));
    await prisma.$transaction((tx) =>
      upsertSyncedVariants(tx, shop, [{ ...tee, inventoryItemId: "60001", sku: "MINE" }], MONDAY),
    );

    const items = await inventoryItemsOfVariants(prisma, shop, ["40001", "40002"]);

    expect(items).toEqual(new Map([["40001", { inventoryItemId: "60001", sku: "MINE", title: "Lake Tee - M" }]]));
  });

  it("takes a later sync's inventory item, SKU and titles for a variant already held", async () => {
    const shop = uniqueShop();
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, [tee], MONDAY));
    const changed = { ...tee, inventoryItemId: "50099", sku: "TEE-M-2", variantTitle: "Medium" };

    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, [changed], TUESDAY));

    expect((await inventoryItemsOfVariants(prisma, shop, ["40001"])).get("40001")).toEqual({
      inventoryItemId: "50099",
      sku: "TEE-M-2",
      title: "Lake Tee - Medium",
    });
  });

  it("drops, after a sync, only that shop's variants the sync did not see", async () => {
    const [shop, other] = [uniqueShop(), uniqueShop()];
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, [tee, cap], MONDAY));
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, other, [cap], MONDAY));
    await prisma.$transaction((tx) => upsertSyncedVariants(tx, shop, [tee], TUESDAY));

    expect(await prisma.$transaction((tx) => removeVariantsNotSeenSince(tx, shop, TUESDAY))).toBe(1);

    expect([...(await inventoryItemsOfVariants(prisma, shop, ["40001", "40002"])).keys()]).toEqual(["40001"]);
    expect([...(await inventoryItemsOfVariants(prisma, other, ["40002"])).keys()]).toEqual(["40002"]);
  });
});

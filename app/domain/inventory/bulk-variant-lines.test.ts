import { describe, expect, it } from "vitest";
import { BulkLineError } from "./bulk-inventory-lines";
import { readBulkVariantLine, variantDisplayTitle } from "./bulk-variant-lines";

const line = (record: unknown) => JSON.stringify(record);

describe("reading a line of the catalogue's bulk result", () => {
  it("gives the variant's numeric ids, SKU, titles and barcode", () => {
    const read = readBulkVariantLine(
      line({
        id: "gid://shopify/ProductVariant/40001",
        title: "M / Blue",
        sku: "TEE-M-BLU",
        barcode: "4006381333931",
        product: { title: "Lake Tee" },
        inventoryItem: { id: "gid://shopify/InventoryItem/50001" },
      }),
    );
    expect(read).toEqual({
      kind: "variant",
      variant: {
        variantId: "40001",
        inventoryItemId: "50001",
        sku: "TEE-M-BLU",
        productTitle: "Lake Tee",
        variantTitle: "M / Blue",
        barcode: "4006381333931",
      },
    });
  });

  it("holds no SKU or barcode where Shopify sends an empty one", () => {
    const read = readBulkVariantLine(
      line({
        id: "gid://shopify/ProductVariant/1",
        title: "Default Title",
        sku: "",
        barcode: null,
        product: { title: "Gift card" },
        inventoryItem: { id: "gid://shopify/InventoryItem/2" },
      }),
    );
    expect(read).toMatchObject({ variant: { sku: null, barcode: null } });
  });

  it("skips blank lines", () => {
    expect(readBulkVariantLine("  ")).toEqual({ kind: "blank" });
  });

  it.each([
    ["not JSON", "{", /Not JSON/],
    ["an array", "[]", /Not a JSON object/],
    ["another resource", line({ id: "gid://shopify/Product/1" }), /not a product variant/],
    [
      "a variant without its item",
      line({ id: "gid://shopify/ProductVariant/1", inventoryItem: null }),
      /inventory item/,
    ],
  ])("refuses %s", (_case, text, message) => {
    expect(() => readBulkVariantLine(text)).toThrow(BulkLineError);
    expect(() => readBulkVariantLine(text)).toThrow(message);
  });
});

describe("a variant's display title", () => {
  it("joins product and variant titles as Shopify's displayName does", () => {
    expect(variantDisplayTitle("Lake Tee", "M / Blue")).toBe("Lake Tee - M / Blue");
  });

  it("is the product's title alone for a product's only (default) variant", () => {
    expect(variantDisplayTitle("Gift card", "Default Title")).toBe("Gift card");
    expect(variantDisplayTitle("Gift card", "")).toBe("Gift card");
  });
});

import { describe, expect, it } from "vitest";
import { csvText, inventoryCsvHeaderLine, inventoryCsvLine } from "./inventory-csv";

describe("the inventory CSV", () => {
  it("has a header and one line per cell, numbers as digits", () => {
    expect(inventoryCsvHeaderLine()).toBe(
      "SKU,Product,Variant,Barcode,Location,Location ID,Kind,Available,Reserved by open orders,Sellable for routing\r\n",
    );
    expect(
      inventoryCsvLine({
        sku: "TEE-M",
        productTitle: "Merino Tee",
        variantTitle: "M",
        barcode: null,
        locationName: "Loop",
        locationId: "20",
        kind: "STORE",
        available: 1234,
        reserved: 2,
        sellable: 1232,
      }),
    ).toBe("TEE-M,Merino Tee,M,,Loop,20,Store,1234,2,1232\r\n");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvText('Tee, "classic"\nfit')).toBe('"Tee, ""classic""\nfit"');
  });

  it("keeps a spreadsheet from reading catalogue text as a formula", () => {
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText("+1")).toBe("'+1");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});

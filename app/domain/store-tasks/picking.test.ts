import { describe, expect, it } from "vitest";
import {
  confirmLineManually,
  isFullyPicked,
  medianSeconds,
  pickingRefusal,
  pickProgress,
  pickSeconds,
  sameBarcode,
  sameSku,
  scanAccuracy,
  scanCode,
  tallyScan,
  type ScanTally,
} from "./picking";
import type { PickLine } from "./types";

const shirt: PickLine = {
  lineItemId: "11",
  sku: "SHIRT-M",
  barcode: "036000291452",
  title: "Linen Shirt",
  variantTitle: "M",
  quantity: 2,
  picked: 0,
};
const beanie: PickLine = {
  lineItemId: "12",
  sku: "beanie-grey",
  barcode: null,
  title: "Wool Beanie",
  variantTitle: "Default Title",
  quantity: 1,
  picked: 0,
};

describe("matching a scanned code", () => {
  it("matches a GTIN however many leading zeros the scanner gives it", () => {
    // UPC-A as printed, as an EAN-13 with its leading 0, as a GTIN-14.
    expect(sameBarcode("036000291452", "0036000291452")).toBe(true);
    expect(sameBarcode("0036000291452", "036000291452")).toBe(true);
    expect(sameBarcode("036000291452", "00036000291452")).toBe(true);
    expect(sameBarcode("96385074", "0000096385074")).toBe(true);
  });

  it("does not match different GTINs or codes that are not GTINs by padding", () => {
    expect(sameBarcode("036000291452", "4036000291452")).toBe(false);
    expect(sameBarcode("036000291452", "036000291453")).toBe(false);
    // Ten digits is no GTIN: only an exact match counts.
    expect(sameBarcode("0123456789", "123456789")).toBe(false);
    expect(sameBarcode(null, "036000291452")).toBe(false);
  });

  it("matches other barcodes exactly, case included", () => {
    expect(sameBarcode("AbC-123", "AbC-123")).toBe(true);
    expect(sameBarcode("AbC-123", "ABC-123")).toBe(false);
    expect(sameBarcode(" AbC-123 ", "AbC-123")).toBe(true);
  });

  it("matches a SKU trimmed and whatever its case", () => {
    expect(sameSku(" Beanie-Grey ", "BEANIE-GREY")).toBe(true);
    expect(sameSku("beanie-grey", "beanie-gray")).toBe(false);
    expect(sameSku(null, "")).toBe(false);
    expect(sameSku("", "")).toBe(false);
  });
});

describe("picking by scanning", () => {
  it("picks one unit of the line whose barcode matches, leaving the given lines as they were", () => {
    const lines = [shirt, beanie];
    const result = scanCode(lines, "0036000291452\r\n");
    expect(result).toMatchObject({ outcome: "PICKED", matchedBy: "BARCODE", line: { lineItemId: "11", picked: 1 } });
    if (result.outcome !== "PICKED") return;
    expect(result.lines.map((line) => line.picked)).toEqual([1, 0]);
    expect(lines[0]?.picked).toBe(0);
  });

  it("falls back to the SKU when no barcode matches", () => {
    expect(scanCode([shirt, beanie], " BEANIE-GREY ")).toMatchObject({
      outcome: "PICKED",
      matchedBy: "SKU",
      line: { lineItemId: "12", picked: 1 },
    });
  });

  it("prefers a line's barcode over another line's SKU", () => {
    const skuLooksLikeBarcode = { ...beanie, sku: "036000291452" };
    expect(scanCode([skuLooksLikeBarcode, shirt], "036000291452")).toMatchObject({
      outcome: "PICKED",
      line: { lineItemId: "11" },
    });
  });

  it("picks by repeated scans up to the quantity, then refuses the next one", () => {
    let lines: readonly PickLine[] = [shirt];
    for (let scan = 0; scan < 2; scan++) {
      const result = scanCode(lines, "036000291452");
      if (result.outcome !== "PICKED") throw new Error(`scan ${scan} did not pick`);
      lines = result.lines;
    }
    expect(isFullyPicked(lines)).toBe(true);
    expect(scanCode(lines, "036000291452")).toEqual({
      outcome: "OVER_PICKED",
      line: { ...shirt, picked: 2 },
      message: "All 2 of Linen Shirt (M) are already picked",
    });
    expect(scanCode([{ ...beanie, picked: 1 }], "beanie-grey")).toMatchObject({
      outcome: "OVER_PICKED",
      message: "Wool Beanie is already picked",
    });
  });

  it("fills lines of the same variant one after the other", () => {
    const again = { ...shirt, lineItemId: "13", quantity: 1 };
    const lines = [{ ...shirt, picked: 2 }, again];
    expect(scanCode(lines, "036000291452")).toMatchObject({ outcome: "PICKED", line: { lineItemId: "13", picked: 1 } });
    expect(
      scanCode(
        [
          { ...shirt, picked: 2 },
          { ...again, picked: 1 },
        ],
        "036000291452",
      ),
    ).toMatchObject({
      outcome: "OVER_PICKED",
      message: "All 3 of Linen Shirt (M) are already picked",
    });
  });

  it("names a wrong item the shop knows, matched as lines are", () => {
    const catalogue = new Map([
      ["4006381333931", "Wool Scarf (Grey)"],
      ["SOCK-1", "Cotton Socks"],
    ]);
    expect(scanCode([shirt, beanie], "04006381333931", catalogue)).toEqual({
      outcome: "WRONG_ITEM",
      message: "That's Wool Scarf (Grey): it is not on this order",
      itemName: "Wool Scarf (Grey)",
    });
    expect(scanCode([shirt, beanie], "sock-1", catalogue)).toMatchObject({ itemName: "Cotton Socks" });
  });

  it("says an unknown code is not on the order", () => {
    expect(scanCode([shirt, beanie], "999999999999")).toEqual({
      outcome: "WRONG_ITEM",
      message: "This item is not on this order",
      itemName: null,
    });
  });

  it("says a line moved away by an exception is no longer on the order", () => {
    const movedAway = { ...beanie, exception: "NOT_FOUND" as const, takenOff: true };
    expect(scanCode([shirt, movedAway], "beanie-grey")).toEqual({
      outcome: "WRONG_ITEM",
      message: "Wool Beanie was moved to another store: it is no longer on this order",
      itemName: "Wool Beanie",
    });
  });

  it("asks for another scan when nothing was read", () => {
    expect(scanCode([shirt], " \r\n")).toEqual({
      outcome: "EMPTY",
      message: "Nothing was read: scan again or type the code",
    });
  });

  it("counts progress in units over the lines still here", () => {
    const lines = [{ ...shirt, picked: 1 }, beanie, { ...beanie, lineItemId: "14", takenOff: true }];
    expect(pickProgress(lines)).toEqual({ picked: 1, total: 3 });
    expect(isFullyPicked(lines)).toBe(false);
    expect(
      isFullyPicked([
        { ...shirt, picked: 2 },
        { ...beanie, takenOff: true },
      ]),
    ).toBe(true);
  });
});

describe("confirming a line without a scan", () => {
  it("adds the units with a reason", () => {
    const result = confirmLineManually([shirt, beanie], "11", 2, "LABEL_UNREADABLE");
    expect(result).toMatchObject({ ok: true, line: { lineItemId: "11", picked: 2 } });
    if (result.ok) expect(result.lines.map((line) => line.picked)).toEqual([2, 0]);
  });

  it("needs a reason", () => {
    expect(confirmLineManually([shirt], "11", 1, undefined)).toEqual({
      ok: false,
      code: "INVALID",
      field: "reason",
      message: "Choose why the item is confirmed without scanning it",
    });
  });

  it("takes from 1 to what is left to pick", () => {
    const half = [{ ...shirt, quantity: 3, picked: 1 }];
    expect(confirmLineManually(half, "11", 2, "NO_BARCODE").ok).toBe(true);
    for (const quantity of [0, 3, 1.5, -1, Number.NaN]) {
      expect(confirmLineManually(half, "11", quantity, "NO_BARCODE")).toEqual({
        ok: false,
        code: "INVALID",
        field: "quantity",
        message: "Enter a quantity from 1 to 2: 2 of Linen Shirt (M) are left to pick",
      });
    }
    expect(confirmLineManually([{ ...shirt, picked: 1 }], "11", 2, "SCANNER_BROKEN")).toMatchObject({
      ok: false,
      message: "Only 1 Linen Shirt (M) is left to pick: enter 1",
    });
  });

  it("refuses a line that is complete or not on the order", () => {
    expect(confirmLineManually([{ ...shirt, picked: 2 }], "11", 1, "NO_BARCODE")).toEqual({
      ok: false,
      code: "OVER_PICKED",
      field: "quantity",
      message: "All 2 of Linen Shirt (M) are already picked",
    });
    expect(confirmLineManually([shirt], "99", 1, "NO_BARCODE")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(confirmLineManually([{ ...shirt, takenOff: true }], "11", 1, "NO_BARCODE")).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: "That item is not on this order",
    });
  });
});

describe("when a task takes scans", () => {
  it("takes them while new or being picked", () => {
    expect(pickingRefusal({ kind: "PICKUP", state: "NEW" })).toBeNull();
    expect(pickingRefusal({ kind: "SHIP", state: "PICKING" })).toBeNull();
  });

  it("says why not otherwise", () => {
    expect(pickingRefusal({ kind: "PICKUP", state: "PACKED" })).toBe("This order is already packed");
    expect(pickingRefusal({ kind: "PICKUP", state: "READY" })).toBe("This order is already ready for pickup");
    expect(pickingRefusal({ kind: "PICKUP", state: "CANCELLED", endedReason: "MOVED_AWAY" })).toBe(
      "This order was moved to another location",
    );
    expect(pickingRefusal({ kind: "SHIP", state: "EXCEPTION" })).toBe(
      "This order is waiting for its missing item to be moved to another store",
    );
  });
});

describe("scan accuracy and pick time", () => {
  it("counts right scans against all scans; a manual confirmation or an empty read is no scan", () => {
    const outcomes = ["PICKED", "PICKED", "WRONG_ITEM", "OVER_PICKED", "EMPTY", "PICKED"] as const;
    const tally = outcomes.reduce<ScanTally>((sum, outcome) => tallyScan(sum, outcome), {
      rightScans: 0,
      wrongScans: 0,
    });
    expect(tally).toEqual({ rightScans: 3, wrongScans: 2 });
    expect(scanAccuracy(tally)).toBe(0.6);
    expect(scanAccuracy({ rightScans: 0, wrongScans: 0 })).toBeNull();
  });

  it("times a pick from the first scan to packed, in seconds", () => {
    const firstScan = new Date("2026-11-27T15:00:00.000Z");
    expect(pickSeconds(firstScan, new Date("2026-11-27T15:05:59.600Z"))).toBe(360);
    expect(pickSeconds(firstScan, null)).toBeNull();
    expect(pickSeconds(null, firstScan)).toBeNull();
    expect(pickSeconds(firstScan, new Date("2026-11-27T14:59:58.000Z"))).toBe(0);
  });

  it("takes the median of pick times", () => {
    expect(medianSeconds([])).toBeNull();
    expect(medianSeconds([400, 200, 300])).toBe(300);
    expect(medianSeconds([400, 200, 300, 100])).toBe(250);
    expect(medianSeconds([361, 360])).toBe(361);
  });
});

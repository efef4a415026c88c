import { describe, expect, it } from "vitest";
import { BIN_IMPORT_MAX_ROWS, readBinImport, readItemLocationCode } from "./bin-locations-csv";

const STORES = [
  { locationId: "101", name: "Loop" },
  { locationId: "102", name: "Evanston" },
];

describe("reading the merchant's bin file", () => {
  it("reads every row by store name or id, with quoted bins that hold commas", () => {
    const csv = [
      "location,sku,bin",
      'Loop,TEE-M,"Aisle 4, Bin 12"',
      "loop ,CAP, A1 ",
      "102,TEE-M,Back room",
      "gid://shopify/Location/102,CAP,B2",
      "",
    ].join("\r\n");

    expect(readBinImport(csv, STORES)).toEqual({
      ok: true,
      rows: [
        { line: 2, locationId: "101", sku: "TEE-M", code: "Aisle 4, Bin 12" },
        { line: 3, locationId: "101", sku: "CAP", code: "A1" },
        { line: 4, locationId: "102", sku: "TEE-M", code: "Back room" },
        { line: 5, locationId: "102", sku: "CAP", code: "B2" },
      ],
    });
  });

  it("takes the columns in any order and ignores a spreadsheet's byte-order mark", () => {
    const reading = readBinImport("\uFEFFSKU,Bin,Location\nTEE-M,A1,Loop\n", STORES);

    expect(reading).toEqual({ ok: true, rows: [{ line: 2, locationId: "101", sku: "TEE-M", code: "A1" }] });
  });

  it("refuses the whole file with each wrong row's line number and reason", () => {
    const csv = [
      "location,sku,bin",
      "Loop,TEE-M,A1",
      "Skokie,TEE-M,A1",
      "Loop,,A1",
      "Loop,CAP,",
      "Loop,TEE-M,B9",
      'Loop,HAT,"A1',
      "Loop,HAT",
      `Loop,HAT,${"x".repeat(65)}`,
    ].join("\n");

    expect(readBinImport(csv, STORES)).toEqual({
      ok: false,
      moreErrors: 0,
      errors: [
        { line: 3, message: '"Skokie" is not one of your stores' },
        { line: 4, message: "The SKU is empty" },
        { line: 5, message: "Enter where the item is, for example Aisle 4, Bin 12" },
        { line: 6, message: "This store and SKU are already on line 2" },
        { line: 7, message: "A quote is not closed on this line" },
        { line: 8, message: "Expected 3 values, found 2" },
        { line: 9, message: "Keep where the item is to 64 characters" },
      ],
    });
  });

  it("asks for the id when two stores share the name", () => {
    const reading = readBinImport("location,sku,bin\nLoop,TEE,A1\n", [...STORES, { locationId: "103", name: "Loop" }]);

    expect(reading).toEqual({
      ok: false,
      moreErrors: 0,
      errors: [{ line: 2, message: 'Two stores are named "Loop": use the store\'s id instead' }],
    });
  });

  it("needs the header line and at least one row", () => {
    expect(readBinImport("Loop,TEE,A1\n", STORES)).toMatchObject({
      ok: false,
      errors: [{ line: 1, message: "The first line must name the columns: location,sku,bin" }],
    });
    expect(readBinImport("  \n", STORES)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(readBinImport("location,sku,bin\n", STORES)).toMatchObject({
      ok: false,
      errors: [{ message: "The file has no rows after its first line" }],
    });
  });

  it(`refuses a file of more than ${BIN_IMPORT_MAX_ROWS} rows`, () => {
    const rows = Array.from({ length: BIN_IMPORT_MAX_ROWS + 1 }, (_, index) => `Loop,SKU-${index},A1`);

    const reading = readBinImport(["location,sku,bin", ...rows].join("\n"), STORES);

    expect(reading).toEqual({
      ok: false,
      moreErrors: 0,
      errors: [{ line: BIN_IMPORT_MAX_ROWS + 2, message: "The file has more than 5,000 rows: split it" }],
    });
  });

  it("lists the first 50 errors and counts the rest", () => {
    const rows = Array.from({ length: 70 }, (_, index) => `Nowhere,SKU-${index},A1`);

    const reading = readBinImport(["location,sku,bin", ...rows].join("\n"), STORES);

    expect(reading.ok).toBe(false);
    if (!reading.ok) expect([reading.errors.length, reading.moreErrors]).toEqual([50, 20]);
  });
});

describe("reading where a picker found an item", () => {
  it("keeps the case and makes runs of spaces one", () => {
    expect(readItemLocationCode("  Aisle 4,   Bin 12\n")).toEqual({ ok: true, value: "Aisle 4, Bin 12" });
  });

  it("refuses an empty place, one that starts with punctuation, and one too long", () => {
    expect(readItemLocationCode(" ").ok).toBe(false);
    expect(readItemLocationCode("-A1")).toEqual({ ok: false, message: "Start with a letter or a digit" });
    expect(readItemLocationCode("A".repeat(65)).ok).toBe(false);
  });
});

describe("the size of the merchant's file", () => {
  it("refuses more than 1 MB as a whole, without a line", () => {
    const csv = `location,sku,bin\n${"Loop,TEE,A1\n".repeat(100_000)}`;

    expect(readBinImport(csv, STORES)).toEqual({
      ok: false,
      moreErrors: 0,
      errors: [{ line: null, message: "The file is larger than 1 MB: split it" }],
    });
  });
});

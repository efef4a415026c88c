import { describe, expect, it } from "vitest";
import { BulkLineError, JsonlLineSplitter, readBulkInventoryLine } from "./bulk-inventory-lines";

const LOCATION = "gid://shopify/Location/70000000001";

function levelLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: "gid://shopify/InventoryLevel/70000000001?inventory_item_id=111",
    updatedAt: "2026-11-27T05:00:00Z",
    item: { id: "gid://shopify/InventoryItem/111", sku: "TEE-M" },
    quantities: [
      { name: "available", quantity: 5 },
      { name: "committed", quantity: 2 },
      { name: "on_hand", quantity: 7 },
    ],
    __parentId: LOCATION,
    ...overrides,
  });
}

describe("reading the inventory mirror's bulk JSONL", () => {
  it("reads a top-level line as a location", () => {
    expect(readBulkInventoryLine(JSON.stringify({ id: LOCATION }))).toEqual({
      kind: "location",
      locationId: "70000000001",
    });
  });

  it("reads a nested line as a level of the location named by __parentId", () => {
    expect(readBulkInventoryLine(levelLine())).toEqual({
      kind: "level",
      level: {
        locationId: "70000000001",
        inventoryItemId: "111",
        sku: "TEE-M",
        available: 5,
        committed: 2,
        onHand: 7,
        updatedAt: "2026-11-27T05:00:00Z",
      },
    });
  });

  it("keeps the parent from __parentId, not from the level's own id", () => {
    const line = readBulkInventoryLine(levelLine({ __parentId: "gid://shopify/Location/42" }));
    expect(line.kind === "level" && line.level.locationId).toBe("42");
  });

  it("reads an item without a SKU as a level with a null SKU", () => {
    const line = readBulkInventoryLine(levelLine({ item: { id: "gid://shopify/InventoryItem/9", sku: "" } }));
    expect(line.kind === "level" && line.level.sku).toBeNull();
  });

  it("leaves committed and on hand null when the line does not carry them", () => {
    const line = readBulkInventoryLine(levelLine({ quantities: [{ name: "available", quantity: -2 }] }));
    expect(line).toMatchObject({ kind: "level", level: { available: -2, committed: null, onHand: null } });
  });

  it("skips blank lines", () => {
    expect(readBulkInventoryLine("  ")).toEqual({ kind: "blank" });
  });

  it.each([
    ["a line that is not JSON", "{not json"],
    ["a nested line whose parent is not a location", levelLine({ __parentId: "gid://shopify/Product/1" })],
    ["a top-level line that is not a location", JSON.stringify({ id: "gid://shopify/Product/1" })],
    ["a level without its available quantity", levelLine({ quantities: [{ name: "on_hand", quantity: 1 }] })],
    ["a level without its item", levelLine({ item: null })],
    ["a level without updatedAt", levelLine({ updatedAt: undefined })],
  ])("refuses %s", (_label, line) => {
    expect(() => readBulkInventoryLine(line)).toThrow(BulkLineError);
  });
});

describe("cutting a text stream into JSONL lines", () => {
  it("joins a line split across chunks and returns the unterminated last line at the end", () => {
    const splitter = new JsonlLineSplitter();
    const lines = [...splitter.push('{"a":1}\n{"b"'), ...splitter.push(':2}\r\n{"c":3}'), ...splitter.end()];
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("returns nothing more at the end when the text ended with a newline", () => {
    const splitter = new JsonlLineSplitter();
    expect(splitter.push("x\n")).toEqual(["x"]);
    expect(splitter.end()).toEqual([]);
  });
});

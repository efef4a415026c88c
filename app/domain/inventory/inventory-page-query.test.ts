import { describe, expect, it } from "vitest";
import { decodeInventoryCursor, encodeInventoryCursor, readInventoryPageQuery } from "./inventory-page-query";

const base64url = (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const read = (search: string) => readInventoryPageQuery(new URLSearchParams(search));
const key = { available: 7, sku: 'TEE-Ü "M"', locationId: "20", inventoryItemId: "900" };

describe("the Inventory page's query", () => {
  it("is everything, by SKU, when the URL has no parameters", () => {
    expect(read("")).toEqual({
      ok: true,
      query: {
        search: null,
        locationId: null,
        belowStoreMinimum: false,
        outOfStockEverywhere: false,
        sort: "sku",
        after: null,
      },
    });
  });

  it("reads a search, a location, both filters and a sort", () => {
    expect(read("q=%20tee%20&location=71000000011&below=1&empty=1&sort=-available")).toEqual({
      ok: true,
      query: {
        search: "tee",
        locationId: "71000000011",
        belowStoreMinimum: true,
        outOfStockEverywhere: true,
        sort: "-available",
        after: null,
      },
    });
  });

  it.each([
    ["a sort it does not offer", "sort=price"],
    ["a location that is not a Shopify id", "location=gid://shopify/Location/1"],
    ["a filter that is neither on nor off", "below=maybe"],
    ["a repeated parameter", "q=a&q=b"],
    ["a search longer than 100 characters", `q=${"x".repeat(101)}`],
    ["a NUL in the search", "q=a%00b"],
    ["a cursor it never handed out", "cursor=garbage!"],
    ["a cursor of another sort", `sort=available&cursor=${encodeInventoryCursor("sku", key)}`],
    ["a cursor with a forged key", `cursor=${base64url(JSON.stringify(["sku", 1.5, "a", "b", "c"]))}`],
  ])("refuses %s", (_, search) => {
    expect(read(search).ok).toBe(false);
  });

  it("hands out cursors that read back as the key they were made from", () => {
    const cursor = encodeInventoryCursor("-available", key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInventoryCursor(cursor, "-available")).toEqual(key);
    expect(read(`sort=-available&cursor=${cursor}`)).toMatchObject({ ok: true, query: { after: key } });
  });
});

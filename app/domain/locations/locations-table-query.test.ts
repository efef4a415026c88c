import { describe, expect, it } from "vitest";
import {
  decodeLocationsCursor,
  encodeLocationsCursor,
  isNarrowed,
  locationsTableSearch,
  NO_LIMIT_SORT_VALUE,
  readLocationsTableQuery,
} from "./locations-table-query";

const read = (query: string) => readLocationsTableQuery(new URLSearchParams(query));

describe("the Locations table's query", () => {
  it("reads an empty URL as every location by name", () => {
    expect(read("")).toEqual({
      ok: true,
      query: {
        search: null,
        kind: null,
        pickup: null,
        routesOrders: null,
        hasCapacity: null,
        sort: "name",
        after: null,
      },
    });
  });

  it("reads the search, each filter and the sort", () => {
    const reading = read("q=%20Loop%20&kind=warehouse&pickup=off&routes=yes&capacity=no&sort=-capacity");
    expect(reading).toEqual({
      ok: true,
      query: {
        search: "Loop",
        kind: "WAREHOUSE",
        pickup: false,
        routesOrders: true,
        hasCapacity: false,
        sort: "-capacity",
        after: null,
      },
    });
    expect(reading.ok && isNarrowed(reading.query)).toBe(true);
    const plain = read("sort=-name");
    expect(plain.ok && isNarrowed(plain.query)).toBe(false);
  });

  it("round-trips a cursor for its own sort, names in any script included", () => {
    const key = { capacity: NO_LIMIT_SORT_VALUE, name: "Zürich – Bahnhofstraße 🏬", locationId: "71000000042" };
    const cursor = encodeLocationsCursor("-capacity", key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(read(`sort=-capacity&cursor=${cursor}`)).toMatchObject({ ok: true, query: { after: key } });
  });

  it("refuses a cursor handed out for another sort", () => {
    const cursor = encodeLocationsCursor("name", { capacity: 10, name: "Loop", locationId: "1" });
    expect(read(`sort=-name&cursor=${cursor}`)).toEqual({
      ok: false,
      error: "The page cursor is not one this page handed out",
    });
  });

  it.each([
    ["garbage", "not base64!"],
    ["JSON that is no key", Buffer.from('{"a":1}').toString("base64url")],
    ["a negative capacity", Buffer.from('["name",-1,"Loop","1"]').toString("base64url")],
    ["a capacity past the limit", Buffer.from('["name",2147483648,"Loop","1"]').toString("base64url")],
    ["a location id that is none", Buffer.from('["name",1,"Loop","gid://x"]').toString("base64url")],
    ["a NUL in the name", Buffer.from('["name",1,"Lo\\u0000op","1"]').toString("base64url")],
    ["bytes that are not UTF-8", Buffer.from([0x5b, 0xff, 0xfe]).toString("base64url")],
    ["a huge cursor", "A".repeat(2_001)],
  ])("refuses %s as a cursor", (_, cursor) => {
    expect(decodeLocationsCursor(cursor, "name")).toBeNull();
    expect(read(`cursor=${encodeURIComponent(cursor)}`).ok).toBe(false);
  });

  it.each([
    ["a repeated parameter", "kind=store&kind=warehouse"],
    ["an unknown kind", "kind=shed"],
    ["an unknown pickup filter", "pickup=maybe"],
    ["an unknown routes filter", "routes=1"],
    ["an unknown capacity filter", "capacity=lots"],
    ["an unknown sort", "sort=city"],
    ["a search too long", `q=${"x".repeat(101)}`],
    ["a search with a NUL", "q=a%00b"],
  ])("refuses %s", (_, query) => {
    expect(read(query)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe("the link back to the Locations table", () => {
  const back = (query: string) => locationsTableSearch(new URLSearchParams(query));

  it("keeps the table's search, filters and sort, and nothing else the URL carries", () => {
    expect(back("q=Oak%20Park&kind=store&pickup=on&sort=-capacity&embedded=1&host=abc&shop=x.myshopify.com")).toBe(
      "?q=Oak+Park&kind=store&pickup=on&sort=-capacity",
    );
  });

  it("keeps the page the merchant was on", () => {
    const cursor = encodeLocationsCursor("name", { capacity: 20, name: "Evanston", locationId: "12" });
    expect(back(`cursor=${encodeURIComponent(cursor)}`)).toBe(`?cursor=${encodeURIComponent(cursor)}`);
  });

  it.each([
    ["no query", ""],
    ["only the admin's own parameters", "embedded=1&locale=en"],
    ["a filter the table refuses", "kind=castle&q=Oak"],
    ["a search too long to be typed", `q=${"a".repeat(101)}`],
    ["a forged cursor", "cursor=garbage"],
  ])("is the table's first page for %s", (_, query) => {
    expect(back(query)).toBe("");
  });
});

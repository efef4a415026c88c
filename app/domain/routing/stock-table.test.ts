import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../dev/seeded-random";
import { routeWithIndex } from "./engine/route-order";
import { NativeRouter } from "./native/native-routing";
import { prepareNetwork } from "./network-index";
import { buildStockTable, stockMapsOf, stockTableOf, tableUnits } from "./stock-table";
import { HOME } from "./test-fixtures";
import type { RoutingLocation, RoutingOrder } from "./types";

const SKUS = ["A", "B", "C", "D", "E", "F"];

function network(random: () => number): RoutingLocation[] {
  return Array.from({ length: 30 }, (_, n): RoutingLocation => {
    const isStore = n >= 3;
    const stock: Record<string, number> = {};
    for (const sku of SKUS) if (random() < 0.7) stock[sku] = Math.floor(random() * (isStore ? 8 : 40));
    return {
      id: `L${n}`,
      kind: isStore ? "STORE" : "WAREHOUSE",
      lat: HOME.lat + (random() - 0.5) * (isStore ? 0.4 : 6),
      lng: HOME.lng + (random() - 0.5) * (isStore ? 0.4 : 6),
      active: random() < 0.95,
      isOpen: random() < 0.8,
      pickupEnabled: true,
      stock,
      labourCostPerOrder: isStore ? 4 : 2,
      shipping: isStore ? { base: 5, perMile: 0.05 } : { base: 6, perMile: 0.003 },
    };
  });
}

function orders(random: () => number, count: number): RoutingOrder[] {
  return Array.from({ length: count }, (_, n): RoutingOrder => {
    const skus = [...SKUS].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
    return {
      id: `O${n}`,
      placedAt: "2026-11-20T15:00:00Z",
      deliveryMethod: "SHIPPING",
      serviceLevel: random() < 0.3 ? "SAME_DAY" : "STANDARD",
      destination: { lat: HOME.lat + (random() - 0.5) * 0.3, lng: HOME.lng + (random() - 0.5) * 0.3 },
      lines: skus.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) })),
    };
  });
}

describe("stock table", () => {
  it("adds up a SKU listed twice at a location, then applies the edits in order", () => {
    const table = buildStockTable(
      ["S1", "S2", "W"],
      ["A", "B"],
      new Map([
        ["S1", { skuIds: [0, 1, 0], units: [2, 5, 3] }],
        ["W", { skuIds: [1], units: [9] }],
        ["GONE", { skuIds: [0], units: [4] }],
      ]),
      [
        { locationId: "S1", sku: "A", op: "take", units: 7 },
        { locationId: "S1", sku: "A", op: "add", units: 2 },
        { locationId: "S1", sku: "B", op: "zero", units: 0 },
        { locationId: "S2", sku: "C", op: "add", units: 4 },
        { locationId: "W", sku: "A", op: "take", units: 1 },
        { locationId: "GONE", sku: "A", op: "add", units: 1 },
      ],
    );
    // A: 2 + 3 = 5, less 7 (no lower than 0), plus 2. A level written by an edit is listed, as in a map.
    expect(Object.fromEntries(stockMapsOf(table))).toEqual({
      S1: { A: 2, B: 0 },
      S2: { C: 4 },
      W: { B: 9, A: 0 },
    });
    expect(tableUnits(table, "S1", "A")).toBe(2);
    expect(tableUnits(table, "S2", "A")).toBeUndefined();
    expect(tableUnits(table, "GONE", "A")).toBeUndefined();
  });

  it("holds exactly the locations' maps it is built from", () => {
    const locations = network(mulberry32(7));
    const table = stockTableOf(locations);
    expect(Object.fromEntries(stockMapsOf(table))).toEqual(
      Object.fromEntries(locations.map((location) => [location.id, location.stock])),
    );
    for (const location of locations) {
      for (const sku of [...SKUS, "Z"]) expect(tableUnits(table, location.id, sku)).toBe(location.stock[sku]);
    }
  });

  it("prepares routers that decide exactly as routers prepared from the maps", () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const locations = network(random);
      const table = stockTableOf(locations);
      const noMaps = locations.map((location) => ({ ...location, stock: {} }));
      const stream = orders(random, 60);
      for (const storeMinUnits of [0, 3]) {
        const fromMaps = prepareNetwork(locations, { storeMinUnits, radiusMiles: 10 });
        const fromTable = prepareNetwork(noMaps, { storeMinUnits, radiusMiles: 10 }, table);
        const nativeFromMaps = new NativeRouter(locations, { stock: "own", storeMinUnits });
        const nativeFromTable = new NativeRouter(noMaps, { stock: "own", storeMinUnits, stockTable: table });
        for (const order of stream) {
          expect(routeWithIndex(fromTable, order).assignments).toEqual(routeWithIndex(fromMaps, order).assignments);
          expect(nativeFromTable.route(order)).toEqual(nativeFromMaps.route(order));
        }
      }
    }
  });
});

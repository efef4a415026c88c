import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../dev/seeded-random";
import { routeOrderBaseline } from "./baseline";
import { routeWithIndex } from "./engine/route-order";
import { prepareNetwork } from "./network-index";
import { indexedUnits, setIndexedUnits } from "./network-stock";
import { HOME } from "./test-fixtures";
import type { DeliveryMethod, RoutingLocation, RoutingOrder } from "./types";

const SKUS = ["A", "B", "C", "D", "E", "F"];

function network(random: () => number): RoutingLocation[] {
  return Array.from({ length: 40 }, (_, n): RoutingLocation => {
    const isStore = n >= 4;
    const stock: Record<string, number> = {};
    for (const sku of SKUS) if (random() < 0.8) stock[sku] = Math.floor(random() * (isStore ? 8 : 40));
    return {
      id: `L${String(n).padStart(2, "0")}`,
      kind: isStore ? "STORE" : "WAREHOUSE",
      lat: HOME.lat + (random() - 0.5) * (isStore ? 0.4 : 6),
      lng: HOME.lng + (random() - 0.5) * (isStore ? 0.4 : 6),
      active: random() < 0.95,
      isOpen: random() < 0.8,
      pickupEnabled: random() < 0.9,
      stock,
      labourCostPerOrder: isStore ? 4 : 2,
      shipping: isStore ? { base: 5, perMile: 0.05 } : { base: 6, perMile: 0.003 },
    };
  });
}

function stream(random: () => number, locations: readonly RoutingLocation[], count: number): RoutingOrder[] {
  const methods: DeliveryMethod[] = ["SHIPPING", "SHIPPING", "LOCAL_DELIVERY", "PICK_UP"];
  return Array.from({ length: count }, (_, n): RoutingOrder => {
    const deliveryMethod = methods[Math.floor(random() * methods.length)]!;
    const chosen = locations[4 + Math.floor(random() * (locations.length - 4))]!;
    const lineCount = 1 + Math.floor(random() * 3);
    const skus = [...SKUS].sort(() => random() - 0.5).slice(0, lineCount);
    return {
      id: `O${n}`,
      placedAt: "2024-07-01T10:00:00Z",
      deliveryMethod,
      serviceLevel: random() < 0.3 ? "SAME_DAY" : "STANDARD",
      ...(deliveryMethod === "PICK_UP" ? { pickupLocationId: chosen.id } : {}),
      destination:
        deliveryMethod === "PICK_UP"
          ? { lat: chosen.lat, lng: chosen.lng }
          : { lat: HOME.lat + (random() - 0.5) * 0.3, lng: HOME.lng + (random() - 0.5) * 0.3 },
      lines: skus.map((sku) => ({ sku, quantity: random() < 0.8 ? 1 : 2 })),
    };
  });
}

describe("taking stock from a prepared network", () => {
  it("routes a depleting stream exactly as a network prepared afresh, and the baseline, would", () => {
    for (const lookAhead of [false, true]) {
      const random = mulberry32(lookAhead ? 7 : 11);
      const locations = network(random);
      const rules = { storeMinUnits: 3, radiusMiles: 10, lookAhead };
      const index = prepareNetwork(locations, rules);
      for (const streamOrder of stream(random, locations, 300)) {
        const decision = routeWithIndex(index, streamOrder);
        const fresh = routeWithIndex(prepareNetwork(locations, rules), streamOrder);
        expect(JSON.stringify(decision)).toBe(JSON.stringify(fresh));
        expect(JSON.stringify(decision)).toBe(
          JSON.stringify(routeOrderBaseline({ order: streamOrder, locations, rules })),
        );
        for (const assignment of decision.assignments) {
          const stock = locations.find((location) => location.id === assignment.locationId)!.stock as Record<
            string,
            number
          >;
          for (const line of assignment.lines) {
            stock[line.sku] = stock[line.sku]! - line.quantity;
            expect(setIndexedUnits(index, assignment.locationId, line.sku, stock[line.sku]!)).toBe(true);
            expect(indexedUnits(index, assignment.locationId, line.sku)).toBe(stock[line.sku]);
          }
        }
      }
    }
  });

  it("refuses to add units, and reports a SKU the location does not list", () => {
    const index = prepareNetwork([{ ...network(mulberry32(3))[0]!, id: "W", stock: { A: 5 } }], { storeMinUnits: 3 });
    expect(() => setIndexedUnits(index, "W", "A", 6)).toThrow(/only decrease/);
    expect(setIndexedUnits(index, "W", "B", 0)).toBe(false);
    expect(setIndexedUnits(index, "NOWHERE", "A", 0)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ShopifyEmulator } from "../emulator/shopify/index";
import { CHICAGO_SHOP_DOMAIN, NATIONAL_SHOP_DOMAIN, scenarios } from "./index";
import { NATIONAL_SKU_COUNT, NATIONAL_STORE_COUNT, stateOfZip } from "./national";
import { ean13, isValidEan13 } from "./random";
import type { Scenario } from "./types";

function skusOf(scenario: Scenario): string[] {
  return scenario.products.flatMap((p) => p.variants.map((v) => v.sku));
}

describe("EAN-13", () => {
  it("computes the GS1 check digit", () => {
    expect(ean13("400638133393")).toBe("4006381333931");
    expect(isValidEan13("4006381333931")).toBe(true);
    expect(isValidEan13("4006381333932")).toBe(false);
  });
});

describe("chicago scenario", () => {
  const scenario = scenarios.chicago();

  it("is one warehouse and twelve stores around Chicago, ranked warehouse first", () => {
    expect(scenario.shop).toMatchObject({
      domain: CHICAGO_SHOP_DOMAIN,
      ianaTimezone: "America/Chicago",
      currency: "USD",
    });
    expect(scenario.locations.filter((l) => l.kind === "WAREHOUSE")).toHaveLength(1);
    expect(scenario.locations.filter((l) => l.kind === "STORE")).toHaveLength(12);
    for (const l of scenario.locations) {
      expect(l.address.latitude).toBeGreaterThan(41.5);
      expect(l.address.latitude).toBeLessThan(42.2);
      expect(l.address.longitude).toBeGreaterThan(-88.3);
      expect(l.address.longitude).toBeLessThan(-87.5);
    }
    expect([...scenario.locations].sort((a, b) => a.rank - b.rank)[0]?.kind).toBe("WAREHOUSE");
    expect(scenario.locations.find((l) => l.kind === "STORE")?.profile).toMatchObject({
      labourCostPerOrder: 3,
      shipping: { base: 5.5, perMile: 0.05 },
    });
  });

  it("has a few hundred unique SKUs with valid EAN-13 barcodes", () => {
    const skus = skusOf(scenario);
    expect(skus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus).toContain("TEE-BLK-M");
    expect(scenario.products.flatMap((p) => p.variants).every((v) => isValidEan13(v.barcode))).toBe(true);
  });

  it("stocks the warehouse deeply and leaves some store lines under 3 units", () => {
    const warehouse = scenario.locations.find((l) => l.kind === "WAREHOUSE");
    const atWarehouse = scenario.inventory.filter((s) => s.locationId === warehouse?.id);
    expect(atWarehouse.length).toBeGreaterThan(skusOf(scenario).length * 0.9);
    const storeLines = scenario.inventory.filter((s) => s.locationId !== warehouse?.id);
    const low = storeLines.filter((s) => s.available < 3).length;
    expect(low / storeLines.length).toBeGreaterThan(0.15);
    expect(low / storeLines.length).toBeLessThan(0.4);
  });

  it("is the same on every build", () => {
    expect(scenarios.chicago()).toEqual(scenario);
  });

  it("loads into the emulator and routes a shipping order to the warehouse", () => {
    const emulator = new ShopifyEmulator({ apiKey: "k", apiSecret: "s" });
    emulator.loadScenario(CHICAGO_SHOP_DOMAIN, scenarios.chicago());
    const order = emulator.placeOrder(CHICAGO_SHOP_DOMAIN, {
      lines: [{ sku: "HOODIE-BLK-L", quantity: 1 }],
      deliveryMethod: "SHIPPING",
      shippingAddress: {
        address1: "1 W Madison St",
        city: "Chicago",
        provinceCode: "IL",
        zip: "60602",
        countryCode: "US",
        latitude: 41.882,
        longitude: -87.628,
      },
    });
    const warehouse = scenario.locations.find((l) => l.kind === "WAREHOUSE");
    const stocked = scenario.inventory.some(
      (s) => s.locationId === warehouse?.id && s.sku === "HOODIE-BLK-L" && s.available > 0,
    );
    expect(order.fulfillmentOrders).toHaveLength(1);
    if (stocked) expect(order.fulfillmentOrders[0]?.locationId).toBe(`gid://shopify/Location/${warehouse?.id}`);
  });
});

describe("national scenario", () => {
  const scenario = scenarios.national();

  it("has 2,000 stores at real ZIP positions, ten warehouses and 20,000 SKUs", () => {
    expect(scenario.shop.domain).toBe(NATIONAL_SHOP_DOMAIN);
    const stores = scenario.locations.filter((l) => l.kind === "STORE");
    expect(stores).toHaveLength(NATIONAL_STORE_COUNT);
    expect(scenario.locations.filter((l) => l.kind === "WAREHOUSE")).toHaveLength(10);
    expect(new Set(scenario.locations.map((l) => l.id)).size).toBe(scenario.locations.length);
    const states = new Set(stores.map((s) => s.address.provinceCode));
    expect(states.size).toBeGreaterThan(40);
    const skus = skusOf(scenario);
    expect(skus).toHaveLength(NATIONAL_SKU_COUNT);
    expect(new Set(skus).size).toBe(NATIONAL_SKU_COUNT);
  });

  it("stocks each store sparsely: a few hundred SKUs", () => {
    const perLocation = new Map<number, number>();
    for (const s of scenario.inventory) perLocation.set(s.locationId, (perLocation.get(s.locationId) ?? 0) + 1);
    const store = scenario.locations.find((l) => l.kind === "STORE");
    expect(perLocation.get(store?.id ?? -1)).toBe(240);
  });

  it("labels ZIP codes with their state", () => {
    expect(stateOfZip("60601").code).toBe("IL");
    expect(stateOfZip("10001").code).toBe("NY");
    expect(stateOfZip("94105").code).toBe("CA");
  });

  // How long building and loading take is measured by bench/scenarios.bench.ts, not here.
  it("loads into the emulator and builds identically each time", () => {
    const emulator = new ShopifyEmulator({ apiKey: "k", apiSecret: "s" });
    emulator.loadScenario(NATIONAL_SHOP_DOMAIN, scenario);
    expect(emulator.shops()).toEqual([NATIONAL_SHOP_DOMAIN]);
    const again = scenarios.national();
    expect(again.inventory.length).toBe(scenario.inventory.length);
    expect(again.inventory.slice(-50)).toEqual(scenario.inventory.slice(-50));
    expect(again.locations).toEqual(scenario.locations);
  });
});

import { describe, expect, it } from "vitest";
import { cheapestWarehouseParcel, warehouseOnlyCost, type WarehouseRate } from "./warehouse-only-cost";

// Bolingbrook: $5.00 a parcel, 5¢ a mile, $3.00 labour. Loop: $4.00, 5¢ a mile, $3.50 labour.
const BOLINGBROOK: WarehouseRate = {
  lat: 41.7,
  lng: -88.07,
  shippingBase: 5,
  shippingPerMile: 0.05,
  labourCostPerOrder: 3,
};
const LOOP: WarehouseRate = {
  lat: 41.88,
  lng: -87.63,
  shippingBase: 4,
  shippingPerMile: 0.05,
  labourCostPerOrder: 3.5,
};

describe("the warehouse-only cost of an order", () => {
  it("prices one parcel from the cheapest warehouse with the engine's cost function", () => {
    // At Bolingbrook's door: $5.00 + $3.00 there, against Loop's $7.50 plus ~25 miles.
    expect(cheapestWarehouseParcel({ lat: 41.7, lng: -88.07 }, [BOLINGBROOK, LOOP])).toBe(8);
    // At Loop's door: $4.00 + $3.50, against Bolingbrook's $8.00 plus ~25 miles.
    expect(cheapestWarehouseParcel({ lat: 41.88, lng: -87.63 }, [BOLINGBROOK, LOOP])).toBe(7.5);
  });

  it("takes the cheapest full warehouse the trace names, which knew the stock, before pricing one", () => {
    expect(warehouseOnlyCost(11.25, { lat: 41.88, lng: -87.63 }, [BOLINGBROOK, LOOP])).toBe(11.25);
  });

  it("prices from the destination when the trace names no warehouse", () => {
    expect(warehouseOnlyCost(null, { lat: 41.88, lng: -87.63 }, [BOLINGBROOK, LOOP])).toBe(7.5);
  });

  it("cannot tell without a destination or without a warehouse", () => {
    expect(warehouseOnlyCost(null, null, [BOLINGBROOK])).toBeNull();
    expect(warehouseOnlyCost(null, { lat: 41.88, lng: -87.63 }, [])).toBeNull();
  });
});

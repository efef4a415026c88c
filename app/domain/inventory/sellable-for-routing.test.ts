import { describe, expect, it } from "vitest";
import { sellableForRouting, unitsRoutingCounts } from "./sellable-for-routing";

const store = { kind: "STORE" as const, routable: true, available: 5, reserved: 0, held: false };

describe("sellable for routing", () => {
  it("is every unit at a store holding at least the store minimum", () => {
    expect(sellableForRouting(store, 3)).toBe(5);
    expect(sellableForRouting({ ...store, available: 3 }, 3)).toBe(3);
  });

  it("is nothing at a store below the store minimum, as the engine never depletes a store", () => {
    expect(sellableForRouting({ ...store, available: 2 }, 3)).toBe(0);
  });

  it("takes reserved units off before the minimum is tested", () => {
    expect(sellableForRouting({ ...store, available: 5, reserved: 2 }, 3)).toBe(3);
    expect(sellableForRouting({ ...store, available: 5, reserved: 3 }, 3)).toBe(0);
  });

  it("ignores the store minimum at a warehouse", () => {
    expect(sellableForRouting({ ...store, kind: "WAREHOUSE", available: 1 }, 3)).toBe(1);
  });

  it("is nothing where routing does not look: an inactive or unplaced location, or one without a profile", () => {
    expect(sellableForRouting({ ...store, routable: false }, 0)).toBe(0);
    expect(sellableForRouting({ ...store, kind: null }, 0)).toBe(0);
  });

  it("is nothing for a SKU held after an associate's exception", () => {
    expect(sellableForRouting({ ...store, held: true }, 0)).toBe(0);
  });

  it("counts oversold stock as none and never goes below zero", () => {
    expect(unitsRoutingCounts({ available: -4, reserved: 0, held: false })).toBe(0);
    expect(unitsRoutingCounts({ available: 2, reserved: 5, held: false })).toBe(0);
    expect(sellableForRouting({ ...store, kind: "WAREHOUSE", available: -1 }, 0)).toBe(0);
  });
});

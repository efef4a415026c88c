import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_SETTINGS, engineRules, serviceLevelFor } from "./settings";

describe("routing settings", () => {
  it("start from the seed's figures: 3 units, 10 miles, $2.50 over the warehouse, splits allowed", () => {
    expect(engineRules(DEFAULT_ROUTING_SETTINGS)).toEqual({
      storeMinUnits: 3,
      radiusMiles: 10,
      maxExtraCostOverWarehouse: 2.5,
      allowSplit: true,
    });
  });
});

describe("the service level of an order", () => {
  it("is same-day for local delivery, whatever the shipping line says", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "LOCAL_DELIVERY", { title: "Standard" })).toBe("SAME_DAY");
  });

  it("follows the first rule found in the shipping line's title or code, ignoring case", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "UPS Express Saver" })).toBe("NEXT_DAY");
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "Courier", code: "SAME-DAY" })).toBe(
      "SAME_DAY",
    );
  });

  it("falls back to the default when no rule matches or there is no shipping line", () => {
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "SHIPPING", { title: "Ground" })).toBe("STANDARD");
    expect(serviceLevelFor(DEFAULT_ROUTING_SETTINGS, "PICK_UP", null)).toBe("STANDARD");
  });
});

import { describe, expect, it } from "vitest";
import { scenarios } from "../scenarios";
import { checkoutStandInConfig, nearestPickupOptions, PICKUP_OPTIONS_SHOWN } from "./config";

describe("the Checkout stand-in's config", () => {
  const scenario = scenarios.chicago();
  const config = checkoutStandInConfig(scenario);

  it("offers pickup at the shop's active pickup-enabled stores only, never the warehouse", () => {
    const names = config.pickupOptions.map((option) => option.name);
    expect(names).toContain("Wicker Park");
    expect(names).not.toContain("Bolingbrook Distribution Center");
    const expected = scenario.locations.filter((location) => location.isActive && location.pickupEnabled);
    expect(config.pickupOptions).toHaveLength(expected.length);
  });

  it("describes each option by the address Shopify holds for its location", () => {
    const lincolnPark = config.pickupOptions.find((option) => option.name === "Lincoln Park");
    expect(lincolnPark?.address).toEqual({
      address1: "2240 N Clark St",
      city: "Chicago",
      zip: "60614",
      provinceCode: "IL",
      countryCode: "US",
    });
  });

  it("sells every variant of the scenario by its variant GID", () => {
    const variants = scenario.products.flatMap((product) => product.variants);
    expect(config.products).toHaveLength(variants.length);
    expect(config.products[0]?.variantId).toBe(`gid://shopify/ProductVariant/${variants[0]?.id}`);
  });

  it("lists the nearest pickup locations first, from the shopper's address", () => {
    const wickerParkShopper = config.shopperAddresses.find((address) => address.label.startsWith("Wicker Park"));
    if (!wickerParkShopper) throw new Error("the demo has a shopper in Wicker Park");
    const shown = nearestPickupOptions(config.pickupOptions, wickerParkShopper);
    expect(shown).toHaveLength(PICKUP_OPTIONS_SHOWN);
    expect(shown[0]?.name).toBe("Wicker Park");
    const distances = shown.map((option) => option.distanceMiles);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

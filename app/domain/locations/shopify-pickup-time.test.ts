import { describe, expect, it } from "vitest";
import { knownShopifyPickupTime, preparationTimeHelp } from "./shopify-pickup-time";

describe("Shopify's local pickup time as the mirror holds it", () => {
  it("is known only when it is one of Shopify's choices", () => {
    expect([
      knownShopifyPickupTime("FOUR_HOURS"),
      knownShopifyPickupTime("NEXT_WEEK"),
      knownShopifyPickupTime(null),
    ]).toEqual(["FOUR_HOURS", null, null]);
  });

  it("is named in the preparation time's help as Shopify's admin words it", () => {
    expect(preparationTimeHelp("ONE_HOUR")).toBe(
      "Minutes of opening time to get a pickup order ready. Leave empty to follow Shopify: Usually ready in 1 hour.",
    );
    expect(preparationTimeHelp("TWO_TO_FOUR_DAYS")).toContain("Shopify: Usually ready in 2-4 days.");
    expect(preparationTimeHelp(null)).toContain(
      "Leave empty for 60 minutes: Shopify has no pickup time for this location.",
    );
    expect(preparationTimeHelp("SOMETHING_NEW")).toContain("Leave empty for 60 minutes");
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_PREPARATION_MINUTES } from "../store-tasks/timers";
import { OPENING_MINUTES_PER_STORE_DAY, preparationMinutesOf } from "./preparation";

describe("a location's preparation time", () => {
  it("is the merchant's own setting first, even when Shopify says otherwise", () => {
    expect(preparationMinutesOf({ merchantMinutes: 25, shopifyPickupTime: "FOUR_HOURS" })).toBe(25);
    expect(preparationMinutesOf({ merchantMinutes: 0, shopifyPickupTime: "FOUR_HOURS" })).toBe(0);
  });

  it("else follows Shopify's local pickup time, day-long ones as store days at the far end of the range", () => {
    const of = (pickupTime: string) => preparationMinutesOf({ merchantMinutes: null, shopifyPickupTime: pickupTime });
    expect(of("ONE_HOUR")).toBe(60);
    expect(of("TWO_HOURS")).toBe(120);
    expect(of("FOUR_HOURS")).toBe(240);
    expect(of("TWENTY_FOUR_HOURS")).toBe(OPENING_MINUTES_PER_STORE_DAY);
    expect(of("TWO_TO_FOUR_DAYS")).toBe(4 * OPENING_MINUTES_PER_STORE_DAY);
    expect(of("FIVE_OR_MORE_DAYS")).toBe(5 * OPENING_MINUTES_PER_STORE_DAY);
  });

  it("else takes the default: no Shopify setting, a custom one, or one this app does not know yet", () => {
    for (const shopifyPickupTime of [null, "CUSTOM", "THREE_WEEKS", "constructor"]) {
      expect(preparationMinutesOf({ merchantMinutes: null, shopifyPickupTime })).toBe(DEFAULT_PREPARATION_MINUTES);
    }
  });

  it("ignores a merchant setting that is not a number of minutes", () => {
    expect(preparationMinutesOf({ merchantMinutes: -5, shopifyPickupTime: "TWO_HOURS" })).toBe(120);
    expect(preparationMinutesOf({ merchantMinutes: Number.NaN, shopifyPickupTime: null })).toBe(60);
  });
});

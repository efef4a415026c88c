import { describe, expect, it } from "vitest";
import { checkInRefusal, isOverCheckInLimit, normaliseSpot, parseCheckInForm } from "./check-in";

/** The shopper's "I'm here": what they may type, how often, and when it is refused. */

describe("the I'm here form", () => {
  it("takes the store and an optional spot or car", () => {
    expect(parseCheckInForm({ locationId: "70000000001", spot: "  Red Honda  " })).toEqual({
      ok: true,
      values: { locationId: "70000000001", spot: "Red Honda" },
    });
    expect(parseCheckInForm({ locationId: "1", spot: "" })).toEqual({
      ok: true,
      values: { locationId: "1", spot: null },
    });
    expect(parseCheckInForm({ locationId: "1" })).toEqual({ ok: true, values: { locationId: "1", spot: null } });
  });

  it("refuses a spot over 60 characters, counting characters rather than code units", () => {
    expect(parseCheckInForm({ locationId: "1", spot: "x".repeat(61) })).toMatchObject({
      ok: false,
      errors: { spot: expect.stringContaining("60 characters") },
    });
    expect(parseCheckInForm({ locationId: "1", spot: "🚗".repeat(60) })).toMatchObject({ ok: true });
  });

  it("refuses a store that is not a Shopify location id", () => {
    for (const locationId of [undefined, "", "abc", "1; DROP TABLE", "1".repeat(21), "-1"]) {
      expect(parseCheckInForm({ locationId, spot: "4" })).toEqual({
        ok: false,
        errors: { locationId: "Choose the store you are at" },
      });
    }
  });
});

describe("the spot as an associate reads it", () => {
  it("does not repeat the word spot the POS already shows", () => {
    expect(normaliseSpot("Spot 4")).toBe("4");
    expect(normaliseSpot("spot #12")).toBe("12");
    expect(normaliseSpot("SPOT: B7")).toBe("B7");
    expect(normaliseSpot("#4")).toBe("4");
    expect(normaliseSpot("Spotted in the red car")).toBe("Spotted in the red car");
  });

  it("puts line breaks and tabs on one line and drops invisible characters that could reorder it", () => {
    expect(normaliseSpot("Blue\r\nVolvo\t\u0000 estate")).toBe("Blue Volvo estate");
    expect(normaliseSpot("car \u202eadroH")).toBe("car adroH");
    expect(normaliseSpot("<b>4</b>")).toBe("<b>4</b>");
  });
});

describe("how often a shopper can say they are here", () => {
  it("takes five in the window and refuses the sixth", () => {
    expect(isOverCheckInLimit(4)).toBe(false);
    expect(isOverCheckInLimit(5)).toBe(true);
  });
});

describe("when I'm here is refused", () => {
  it("is taken while any of the order's pickups at that store is still to collect", () => {
    expect(checkInRefusal(["READY"])).toBeNull();
    expect(checkInRefusal(["COLLECTED", "PREPARING"])).toBeNull();
  });

  it("says why not: not at that store, already collected, moved, or cancelled", () => {
    expect(checkInRefusal([])).toMatchObject({ reason: "NOT_HERE" });
    expect(checkInRefusal(["COLLECTED"])).toEqual({
      reason: "COLLECTED",
      message: "This order has already been collected",
    });
    expect(checkInRefusal(["MOVED"])).toMatchObject({ reason: "MOVED", message: expect.stringMatching(/moved/) });
    expect(checkInRefusal(["CANCELLED", "COLLECTED"])).toMatchObject({ reason: "CANCELLED" });
  });
});

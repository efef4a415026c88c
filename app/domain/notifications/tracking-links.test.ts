import { describe, expect, it } from "vitest";
import { trackingUrlFor } from "./tracking-links";

describe("a shipped order's tracking link", () => {
  it("is the carrier's tracking page for the carriers stores ship with most, however the associate typed the name", () => {
    expect(trackingUrlFor("UPS", "1Z999AA10123456784")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(trackingUrlFor(" usps ", "9400100000000000000000")).toBe(
      "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000",
    );
    expect(trackingUrlFor("FedEx", "123456789012")).toBe("https://www.fedex.com/fedextrack/?trknbr=123456789012");
    expect(trackingUrlFor("Canada  Post", "1234")).toMatch(/^https:\/\/www\.canadapost-postescanada\.ca\/.*1234$/);
  });

  it("puts the number in the address safely", () => {
    expect(trackingUrlFor("UPS", "1Z 99&x=1")).toBe("https://www.ups.com/track?tracknum=1Z%2099%26x%3D1");
  });

  it("is not guessed for a carrier the app does not know, nor without a number", () => {
    expect(trackingUrlFor("Bob's Couriers", "42")).toBeNull();
    expect(trackingUrlFor("UPS", null)).toBeNull();
    expect(trackingUrlFor(null, "42")).toBeNull();
  });
});

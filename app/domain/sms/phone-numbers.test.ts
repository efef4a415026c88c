import { describe, expect, it } from "vitest";
import { smsNumberForOrder, toE164 } from "./phone-numbers";

describe("toE164", () => {
  it.each([
    ["(312) 555-0123", "US", "+13125550123"],
    ["312.555.0123", "us", "+13125550123"],
    ["+1 312 555 0123", null, "+13125550123"],
    ["+44 20 7946 0958", "US", "+442079460958"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["  +13125550123  ", undefined, "+13125550123"],
  ])("reads %j in %s as %s", (raw, country, expected) => {
    expect(toE164(raw, country)).toBe(expected);
  });

  it.each([
    ["", "US"],
    [null, "US"],
    ["12345", "US"],
    ["not a phone", "US"],
    ["(312) 555-0123", null],
    ["(312) 555-0123", "ZZ"],
    ["+1 312 555 0123 4567 8901", "US"],
    ["9".repeat(200), "US"],
  ])("refuses %j in %s", (raw, country) => {
    expect(toE164(raw, country)).toBeNull();
  });
});

describe("the number to text for an order", () => {
  it("prefers the order's phone, then the customer's, the shipping address's and the billing address's", () => {
    const all = {
      order: { phone: "312-555-0101" },
      customer: { phone: "312-555-0102" },
      shippingAddress: { phone: "312-555-0103", countryCode: "US" },
      billingAddress: { phone: "312-555-0104", countryCode: "US" },
    };
    expect(smsNumberForOrder(all, "US")).toEqual({ phone: "+13125550101", source: "ORDER" });
    expect(smsNumberForOrder({ ...all, order: { phone: null } }, "US")).toEqual({
      phone: "+13125550102",
      source: "CUSTOMER",
    });
    expect(smsNumberForOrder({ ...all, order: { phone: "bad" }, customer: { phone: "" } }, "US")).toEqual({
      phone: "+13125550103",
      source: "SHIPPING_ADDRESS",
    });
    expect(smsNumberForOrder({ billingAddress: all.billingAddress }, null)).toEqual({
      phone: "+13125550104",
      source: "BILLING_ADDRESS",
    });
  });

  it("reads an address's phone in the address's country, others in the shop's", () => {
    expect(smsNumberForOrder({ shippingAddress: { phone: "020 7946 0958", countryCode: "GB" } }, "US")).toEqual({
      phone: "+442079460958",
      source: "SHIPPING_ADDRESS",
    });
    expect(smsNumberForOrder({ order: { phone: "020 7946 0958" } }, "GB")?.phone).toBe("+442079460958");
  });

  it("finds no number when none is valid", () => {
    expect(smsNumberForOrder({}, "US")).toBeNull();
    expect(smsNumberForOrder({ order: { phone: "555" }, customer: { phone: "x" } }, "US")).toBeNull();
  });
});

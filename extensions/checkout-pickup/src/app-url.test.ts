import { describe, expect, it } from "vitest";
import { appApiUrl, availabilityUrl, checkoutPassUrl, customerAccountPassUrl } from "./app-url";

describe("where the availability API is", () => {
  it("is under the app URL the extension was built with", () => {
    expect(availabilityUrl("https://omniroute.example.com/")).toBe(
      "https://omniroute.example.com/api/checkout/pickup-availability",
    );
  });

  it("is the app's own path when no app URL was built in", () => {
    expect(availabilityUrl("")).toBe("/api/checkout/pickup-availability");
  });
});

describe("where the pickup pass API is", () => {
  it("is the checkout endpoint for the thank-you page", () => {
    expect(checkoutPassUrl("https://omniroute.example.com")).toBe(
      "https://omniroute.example.com/api/checkout/pickup-pass",
    );
  });

  it("is the customer account endpoint for the order status page", () => {
    expect(customerAccountPassUrl("https://omniroute.example.com/")).toBe(
      "https://omniroute.example.com/api/customer-account/pickup-pass",
    );
  });

  it("is the app's own path when no app URL was built in", () => {
    expect(checkoutPassUrl(undefined)).toBe("/api/checkout/pickup-pass");
    expect(customerAccountPassUrl("")).toBe("/api/customer-account/pickup-pass");
  });
});

describe("an app URL with a path", () => {
  it("drops the app URL's trailing slashes once", () => {
    expect(appApiUrl("/api/x", "https://omniroute.example.com//")).toBe("https://omniroute.example.com/api/x");
  });
});

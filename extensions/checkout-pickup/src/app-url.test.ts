import { describe, expect, it } from "vitest";
import { availabilityUrl } from "./app-url";

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

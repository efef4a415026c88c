import { describe, expect, it } from "vitest";
import { timeZoneAt } from "./time-zone-at";

describe("the time zone at a delivery address", () => {
  it.each([
    [41.8781, -87.6298, "America/Chicago"],
    [34.0522, -118.2437, "America/Los_Angeles"],
    [33.4484, -112.074, "America/Phoenix"],
    [40.7128, -74.006, "America/New_York"],
    [21.3069, -157.8583, "Pacific/Honolulu"],
    [51.5072, -0.1276, "Europe/London"],
  ])("finds %f, %f in %s", (latitude, longitude, zone) => {
    expect(timeZoneAt(latitude, longitude)).toBe(zone);
  });

  it("finds Indiana's Central-time corner apart from the rest of the state", () => {
    expect(timeZoneAt(41.5934, -87.3464)).toBe("America/Chicago"); // Gary
    expect(timeZoneAt(39.7684, -86.1581)).toBe("America/Indiana/Indianapolis");
  });

  it.each([
    [Number.NaN, 0],
    [91, 0],
    [0, 181],
  ])("has no zone for %f, %f", (latitude, longitude) => {
    expect(timeZoneAt(latitude, longitude)).toBeNull();
  });
});

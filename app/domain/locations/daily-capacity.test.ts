import { describe, expect, it } from "vitest";
import { capacityDayOf } from "./daily-capacity";

describe("the day a location's daily capacity counts against", () => {
  it("turns at local midnight in the location's time zone", () => {
    // 05:59 UTC on 27 November is 23:59 on the 26th in Chicago; 06:00 UTC is its midnight.
    expect(capacityDayOf(new Date("2026-11-27T05:59:59Z"), "America/Chicago")).toBe("2026-11-26");
    expect(capacityDayOf(new Date("2026-11-27T06:00:00Z"), "America/Chicago")).toBe("2026-11-27");
    // The same instant is already the 27th in London.
    expect(capacityDayOf(new Date("2026-11-27T05:59:59Z"), "Europe/London")).toBe("2026-11-27");
  });

  it("keeps the date on the days the clocks change", () => {
    // 8 March 2026: Chicago springs forward at 02:00; 1 November 2026 it falls back at 02:00.
    expect(capacityDayOf(new Date("2026-03-08T05:59:00Z"), "America/Chicago")).toBe("2026-03-07");
    expect(capacityDayOf(new Date("2026-03-08T06:00:00Z"), "America/Chicago")).toBe("2026-03-08");
    expect(capacityDayOf(new Date("2026-03-09T04:59:00Z"), "America/Chicago")).toBe("2026-03-08");
    expect(capacityDayOf(new Date("2026-11-01T04:59:00Z"), "America/Chicago")).toBe("2026-10-31");
    expect(capacityDayOf(new Date("2026-11-02T05:59:00Z"), "America/Chicago")).toBe("2026-11-01");
  });

  it("writes the date as PostgreSQL's date type reads it", () => {
    expect(capacityDayOf(new Date("0999-01-05T12:00:00Z"), "UTC")).toBe("0999-01-05");
  });
});

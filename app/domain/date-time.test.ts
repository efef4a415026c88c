import { describe, expect, it } from "vitest";
import { formatDateTime } from "./date-time";

describe("formatDateTime", () => {
  it("prints an instant in UTC to the minute, as the pages always have", () => {
    expect(formatDateTime(new Date("2026-11-27T15:04:59.999Z"), "UTC")).toBe("2026-11-27 15:04 UTC");
    expect(formatDateTime("2026-11-27T15:04:00.000Z", "UTC")).toBe("2026-11-27 15:04 UTC");
  });

  it("prints Chicago's standard time in winter and daylight time in summer", () => {
    expect(formatDateTime(new Date("2026-01-15T18:30:00Z"), "America/Chicago")).toBe("2026-01-15 12:30 CST");
    expect(formatDateTime(new Date("2026-07-15T18:30:00Z"), "America/Chicago")).toBe("2026-07-15 13:30 CDT");
  });

  it("follows the clock change to the minute, and moves the date across midnight", () => {
    // 2026-03-08 02:00 CST the clocks went forward to 03:00 CDT.
    expect(formatDateTime(new Date("2026-03-08T07:59:00Z"), "America/Chicago")).toBe("2026-03-08 01:59 CST");
    expect(formatDateTime(new Date("2026-03-08T08:00:00Z"), "America/Chicago")).toBe("2026-03-08 03:00 CDT");
    expect(formatDateTime(new Date("2026-11-27T03:15:00Z"), "America/Chicago")).toBe("2026-11-26 21:15 CST");
  });

  it("prints midnight as 00, not 24", () => {
    expect(formatDateTime(new Date("2026-11-27T00:00:00Z"), "UTC")).toBe("2026-11-27 00:00 UTC");
  });

  it("refuses a zone the runtime does not know", () => {
    expect(() => formatDateTime(new Date("2026-11-27T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

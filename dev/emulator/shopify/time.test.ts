import { describe, expect, it } from "vitest";
import { graphqlTime, restTime } from "./time";

describe("emulator timestamps", () => {
  it("writes REST and webhook times in the shop's zone with its offset, summer and winter alike", () => {
    expect(restTime("2026-07-01T14:30:05.123Z", "America/Chicago")).toBe("2026-07-01T09:30:05-05:00");
    expect(restTime("2026-01-15T14:30:05.000Z", "America/Chicago")).toBe("2026-01-15T08:30:05-06:00");
    expect(restTime("2026-01-15T14:30:05.000Z", "UTC")).toBe("2026-01-15T14:30:05+00:00");
  });

  it("keeps each zone's formatting apart when zones alternate", () => {
    const instant = "2026-03-10T23:59:59.000Z";
    const times = ["America/New_York", "Asia/Kolkata", "America/New_York", "Asia/Kolkata"].map((zone) =>
      restTime(instant, zone),
    );
    expect(times).toEqual([
      "2026-03-10T19:59:59-04:00",
      "2026-03-11T05:29:59+05:30",
      "2026-03-10T19:59:59-04:00",
      "2026-03-11T05:29:59+05:30",
    ]);
  });

  it("writes GraphQL DateTimes in UTC to the second", () => {
    expect(graphqlTime(new Date("2026-07-01T14:30:05.123Z"))).toBe("2026-07-01T14:30:05Z");
  });
});

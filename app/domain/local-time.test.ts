import { describe, expect, it } from "vitest";
import { addDays, instantAt, localClock, localDateOf, minuteOfDay, weekdayOf } from "./local-time";

const CHICAGO = "America/Chicago";
const BERLIN = "Europe/Berlin";

const at = (date: { year: number; month: number; day: number }, minute: number, zone: string) =>
  instantAt(date, minute, zone).toISOString();

describe("wall-clock times in a location's zone", () => {
  it("finds the instant of a local time", () => {
    expect(at({ year: 2026, month: 11, day: 27 }, 9 * 60, CHICAGO)).toBe("2026-11-27T15:00:00.000Z");
    expect(at({ year: 2026, month: 7, day: 1 }, 9 * 60, CHICAGO)).toBe("2026-07-01T14:00:00.000Z");
    expect(at({ year: 2026, month: 6, day: 1 }, 10 * 60, "Asia/Kolkata")).toBe("2026-06-01T04:30:00.000Z");
    expect(at({ year: 2026, month: 6, day: 1 }, 10 * 60, "UTC")).toBe("2026-06-01T10:00:00.000Z");
  });

  it("takes a time the spring change skips as the clock shows it, an hour on", () => {
    // Chicago, 8 March 2026: 02:00 CST becomes 03:00 CDT.
    expect(at({ year: 2026, month: 3, day: 8 }, 90, CHICAGO)).toBe("2026-03-08T07:30:00.000Z");
    expect(at({ year: 2026, month: 3, day: 8 }, 150, CHICAGO)).toBe("2026-03-08T08:30:00.000Z");
    expect(at({ year: 2026, month: 3, day: 8 }, 180, CHICAGO)).toBe("2026-03-08T08:00:00.000Z");
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(at({ year: 2026, month: 3, day: 29 }, 150, BERLIN)).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes a time the autumn change repeats at its first occurrence", () => {
    // Chicago, 1 November 2026: 01:00–02:00 happens in CDT, then again in CST.
    expect(at({ year: 2026, month: 11, day: 1 }, 90, CHICAGO)).toBe("2026-11-01T06:30:00.000Z");
    expect(at({ year: 2026, month: 11, day: 1 }, 150, CHICAGO)).toBe("2026-11-01T08:30:00.000Z");
    // Berlin, 25 October 2026: 02:00–03:00 happens in CEST, then again in CET.
    expect(at({ year: 2026, month: 10, day: 25 }, 150, BERLIN)).toBe("2026-10-25T00:30:00.000Z");
  });

  it("runs past midnight into the next day", () => {
    expect(at({ year: 2026, month: 12, day: 31 }, 24 * 60 + 120, CHICAGO)).toBe("2027-01-01T08:00:00.000Z");
  });

  it("knows the local date and weekday of an instant", () => {
    expect(localDateOf(new Date("2026-11-28T03:00:00Z"), CHICAGO)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(localDateOf(new Date("2026-11-28T06:00:00Z"), CHICAGO)).toEqual({ year: 2026, month: 11, day: 28 });
    expect(weekdayOf({ year: 2026, month: 11, day: 27 })).toBe("friday");
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe("sunday");
  });

  it("gives each zone its own clock when zones are asked in turn at one instant, and moves on with the next second", () => {
    const instant = new Date("2026-11-28T05:59:59.900Z");
    for (let round = 0; round < 2; round += 1) {
      expect(localClock(instant, CHICAGO)).toEqual({ weekday: "friday", minute: 23 * 60 + 59 });
      expect(localClock(instant, BERLIN)).toEqual({ weekday: "saturday", minute: 6 * 60 + 59 });
    }
    // 100 ms later is the next second: midnight in Chicago, not the second before held over.
    expect(localClock(new Date(instant.getTime() + 100), CHICAGO)).toEqual({ weekday: "saturday", minute: 0 });
    expect(localDateOf(new Date(instant.getTime() + 100), CHICAGO)).toEqual({ year: 2026, month: 11, day: 28 });
  });

  it("counts days across months and years", () => {
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it("reads a time of day", () => {
    expect(minuteOfDay("00:00")).toBe(0);
    expect(minuteOfDay("16:30")).toBe(990);
    expect(minuteOfDay("24:00")).toBeNull();
    expect(minuteOfDay("9:00")).toBeNull();
  });
});

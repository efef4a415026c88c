import { describe, expect, it } from "vitest";
import { isOpenAt, type OpeningHours } from "./opening-hours";

const STORE: OpeningHours = {
  monday: { open: "10:00", close: "21:00" },
  tuesday: { open: "10:00", close: "21:00" },
  wednesday: { open: "10:00", close: "21:00" },
  thursday: { open: "10:00", close: "21:00" },
  friday: { open: "10:00", close: "02:00" },
  saturday: { open: "10:00", close: "21:00" },
  sunday: null,
};
const CHICAGO = "America/Chicago";

describe("whether a location is open", () => {
  it("is open inside the day's window in the location's time zone, closed outside it", () => {
    // Wednesday 2026-11-25 10:30 in Chicago is 16:30 UTC.
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-25T16:30:00Z"))).toBe(true);
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-25T15:59:00Z"))).toBe(false);
    // 21:00 is closing time: closed.
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-26T03:00:00Z"))).toBe(false);
  });

  it("is closed all day on a day without hours", () => {
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-29T18:00:00Z"))).toBe(false);
  });

  it("stays open past midnight when the close is before the open, into the next day", () => {
    // Saturday 01:30 in Chicago, Friday's window runs to 02:00.
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-28T07:30:00Z"))).toBe(true);
    expect(isOpenAt(STORE, CHICAGO, new Date("2026-11-28T08:30:00Z"))).toBe(false);
  });

  it("is always open when no hours are set", () => {
    expect(isOpenAt(null, CHICAGO, new Date("2026-11-29T08:00:00Z"))).toBe(true);
  });
});

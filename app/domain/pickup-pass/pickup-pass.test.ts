import { describe, expect, it } from "vitest";
import type { OpeningHours } from "../locations/opening-hours";
import {
  clockTime,
  firstNameOf,
  hoursToday,
  passIsLive,
  passStatusOf,
  readyByText,
  type PassLifeFacts,
} from "./pickup-pass";

/** What the shopper's pass says of each pickup, and how long it keeps opening. */

const CHICAGO = "America/Chicago";
// Friday 27 November 2026, 10:00 in Chicago (CST, UTC−6).
const NOW = new Date("2026-11-27T16:00:00Z");
const DAY = 24 * 60 * 60_000;

describe("a pickup's status on the pass", () => {
  it("is preparing while the store works on it, ready once ready, collected once handed over", () => {
    for (const state of ["NEW", "PICKING", "PACKED", "STAGED", "EXCEPTION"] as const) {
      expect(passStatusOf({ state, endedReason: null })).toBe("PREPARING");
    }
    expect(passStatusOf({ state: "READY", endedReason: null })).toBe("READY");
    expect(passStatusOf({ state: "PICKED_UP", endedReason: null })).toBe("COLLECTED");
  });

  it("tells a move to another store, a cancellation, and a pickup marked done in Shopify apart", () => {
    expect(passStatusOf({ state: "CANCELLED", endedReason: "MOVED_AWAY" })).toBe("MOVED");
    expect(passStatusOf({ state: "CANCELLED", endedReason: "CANCELLED" })).toBe("CANCELLED");
    expect(passStatusOf({ state: "CANCELLED", endedReason: "CLOSED" })).toBe("CANCELLED");
    expect(passStatusOf({ state: "CANCELLED", endedReason: "FULFILLED_ELSEWHERE" })).toBe("COLLECTED");
  });
});

describe("how long a pass opens", () => {
  const ended = (daysAgo: number, values: Partial<PassLifeFacts> = {}): PassLifeFacts => ({
    state: "PICKED_UP",
    endedReason: null,
    completedAt: new Date(NOW.getTime() - daysAgo * DAY),
    endedAt: null,
    updatedAt: new Date(NOW.getTime() - daysAgo * DAY),
    ...values,
  });

  it("opens while a pickup is still to collect, however old", () => {
    expect(passIsLive([ended(400, { state: "READY", completedAt: null })], NOW)).toBe(true);
  });

  it("opens for 30 days after the order's last pickup ended, then no more", () => {
    expect(passIsLive([ended(29)], NOW)).toBe(true);
    expect(passIsLive([ended(30)], NOW)).toBe(false);
    // A store that moved it on long ago does not end the pass of the store that has it now.
    expect(passIsLive([ended(90), ended(2)], NOW)).toBe(true);
  });

  it("counts a cancelled pickup from when it ended", () => {
    const cancelled = { state: "CANCELLED", endedReason: "CANCELLED", completedAt: null } as const;
    expect(passIsLive([ended(31, { ...cancelled, endedAt: new Date(NOW.getTime() - 10 * DAY) })], NOW)).toBe(true);
    expect(passIsLive([ended(10, { ...cancelled, endedAt: new Date(NOW.getTime() - 31 * DAY) })], NOW)).toBe(false);
  });

  it("is not there for an order with no pickup", () => {
    expect(passIsLive([], NOW)).toBe(false);
  });
});

describe("what the pass shows of the customer", () => {
  it("is the first name only", () => {
    expect(firstNameOf("Ana María de la Cruz")).toBe("Ana");
    expect(firstNameOf("  Ada  ")).toBe("Ada");
    expect(firstNameOf(null)).toBeNull();
    expect(firstNameOf("   ")).toBeNull();
  });
});

describe("the store's hours today", () => {
  const week = (friday: OpeningHours["friday"]): OpeningHours => ({
    sunday: null,
    monday: { open: "10:00", close: "21:00" },
    tuesday: { open: "10:00", close: "21:00" },
    wednesday: { open: "10:00", close: "21:00" },
    thursday: { open: "10:00", close: "21:00" },
    friday,
    saturday: { open: "09:30", close: "18:00" },
  });

  it("are the day's window in the store's zone, as a US shopper reads times", () => {
    expect(hoursToday(week({ open: "08:00", close: "21:30" }), CHICAGO, NOW)).toBe("8:00 AM – 9:30 PM");
    // 03:00 UTC on Saturday is still Friday evening in Chicago.
    expect(hoursToday(week({ open: "08:00", close: "21:30" }), CHICAGO, new Date("2026-11-28T03:00:00Z"))).toBe(
      "8:00 AM – 9:30 PM",
    );
  });

  it("say closed today, open 24 hours without hours, and nothing when the hours cannot be read", () => {
    expect(hoursToday(week(null), CHICAGO, NOW)).toBe("Closed today");
    expect(hoursToday(null, CHICAGO, NOW)).toBe("Open 24 hours");
    expect(hoursToday("UNREADABLE", CHICAGO, NOW)).toBeNull();
  });

  it("read midnight and noon as a clock does", () => {
    expect(clockTime("00:00")).toBe("12:00 AM");
    expect(clockTime("12:05")).toBe("12:05 PM");
    expect(clockTime("23:59")).toBe("11:59 PM");
  });
});

describe("when the order will be ready", () => {
  it("says today, tomorrow, or the date, in the store's zone", () => {
    expect(readyByText(new Date("2026-11-27T22:00:00Z"), CHICAGO, NOW)).toBe("4:00 PM today");
    // 01:30 UTC on Saturday is Friday 7:30 PM in Chicago: still today.
    expect(readyByText(new Date("2026-11-28T01:30:00Z"), CHICAGO, NOW)).toBe("7:30 PM today");
    expect(readyByText(new Date("2026-11-28T16:30:00Z"), CHICAGO, NOW)).toBe("10:30 AM tomorrow");
    expect(readyByText(new Date("2026-11-30T16:30:00Z"), CHICAGO, NOW)).toBe("Mon, Nov 30, 10:30 AM");
  });

  it("says nothing once the time has passed, or when there is none", () => {
    expect(readyByText(new Date("2026-11-27T15:59:00Z"), CHICAGO, NOW)).toBeNull();
    expect(readyByText(null, CHICAGO, NOW)).toBeNull();
  });
});

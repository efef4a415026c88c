import { describe, expect, it } from "vitest";
import { leaderboardPeriodOf, leaderboardPeriodStart } from "./leaderboard-period";

// 00:30 on 27 November in Chicago (CST, UTC−6), while UTC's 27th is six and a half hours old.
const JUST_AFTER_CHICAGO_MIDNIGHT = new Date("2026-11-27T06:30:00Z");

describe("the leaderboard's period", () => {
  it("reads the periods the Stores page offers", () => {
    expect(leaderboardPeriodOf("today")).toBe("today");
    expect(leaderboardPeriodOf("7d")).toBe("7d");
    expect(leaderboardPeriodOf("30d")).toBe("30d");
  });

  it("takes anything else for today, the page's default", () => {
    for (const asked of [null, undefined, "", "7D", "week", "7", " 7d", "__proto__", "toString"]) {
      expect(leaderboardPeriodOf(asked)).toBe("today");
    }
  });

  it("starts today at midnight in the shop's zone, not UTC's", () => {
    expect(leaderboardPeriodStart("today", JUST_AFTER_CHICAGO_MIDNIGHT, "America/Chicago")).toEqual(
      new Date("2026-11-27T06:00:00Z"),
    );
    expect(leaderboardPeriodStart("today", JUST_AFTER_CHICAGO_MIDNIGHT, "UTC")).toEqual(
      new Date("2026-11-27T00:00:00Z"),
    );
  });

  it("starts 7 days at midnight six days before today, and 30 days twenty-nine days before, across the clock change", () => {
    expect(leaderboardPeriodStart("7d", JUST_AFTER_CHICAGO_MIDNIGHT, "America/Chicago")).toEqual(
      new Date("2026-11-21T06:00:00Z"),
    );
    // 29 October is still summer time in Chicago (CDT, UTC−5).
    expect(leaderboardPeriodStart("30d", JUST_AFTER_CHICAGO_MIDNIGHT, "America/Chicago")).toEqual(
      new Date("2026-10-29T05:00:00Z"),
    );
  });
});

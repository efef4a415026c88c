import { describe, expect, it } from "vitest";
import { dayBoundaries, rangeQuery, readAnalyticsRange } from "./date-range";

const TODAY = { year: 2026, month: 11, day: 30 };
const read = (query: string) => readAnalyticsRange(new URLSearchParams(query), TODAY);

describe("the Analytics page's date range", () => {
  it("is the last 30 days, today included, when the query says nothing", () => {
    expect(read("")).toEqual({
      ok: true,
      range: { from: { year: 2026, month: 11, day: 1 }, to: TODAY, days: 30, preset: 30 },
    });
  });

  it("reads the 7 and 90 day presets", () => {
    expect(read("days=7")).toMatchObject({ ok: true, range: { from: { month: 11, day: 24 }, days: 7, preset: 7 } });
    expect(read("days=90")).toMatchObject({ ok: true, range: { from: { month: 9, day: 2 }, days: 90, preset: 90 } });
  });

  it("reads a custom range with both ends included, across a month end", () => {
    expect(read("from=2026-10-30&to=2026-11-02")).toEqual({
      ok: true,
      range: { from: { year: 2026, month: 10, day: 30 }, to: { year: 2026, month: 11, day: 2 }, days: 4, preset: null },
    });
    expect(read("from=2026-11-30&to=2026-11-30")).toMatchObject({ ok: true, range: { days: 1 } });
  });

  it.each([
    ["a preset that is not offered", "days=5", "Choose the last 7, 30 or 90 days"],
    ["a preset that is not a number", "days=%3Cscript%3E", "Choose the last 7, 30 or 90 days"],
    [
      "a preset and a custom range at once",
      "days=7&from=2026-11-01&to=2026-11-02",
      "Choose either a preset (days) or a custom range (from and to), not both",
    ],
    ["a start without an end", "from=2026-11-01", "A custom range needs both a start and an end date"],
    [
      "a date that does not exist",
      "from=2026-02-30&to=2026-03-01",
      "Enter the start date as YYYY-MM-DD, like 2026-11-01",
    ],
    [
      "an end that is not a date",
      `from=2026-11-01&to=${"9".repeat(5000)}`,
      "Enter the end date as YYYY-MM-DD, like 2026-11-30",
    ],
    ["a start after the end", "from=2026-11-10&to=2026-11-01", "The start date must be on or before the end date"],
    ["an end after today", "from=2026-11-01&to=2026-12-01", "The range cannot end after today (2026-11-30)"],
    ["more than 366 days", "from=2025-11-28&to=2026-11-30", "Choose a range of at most 366 days"],
  ])("refuses %s with a sentence to show", (_what, query, error) => {
    expect(read(query)).toEqual({ ok: false, error });
  });

  it("accepts exactly 366 days", () => {
    expect(read("from=2025-11-30&to=2026-11-30")).toMatchObject({ ok: true, range: { days: 366 } });
  });

  it("starts each day at the shop's midnight, the day the clocks go back lasting 25 hours", () => {
    const range = read("from=2026-11-01&to=2026-11-02");
    if (!range.ok) throw new Error(range.error);
    expect(dayBoundaries(range.range, "America/Chicago").map((at) => at.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-02T06:00:00.000Z",
      "2026-11-03T06:00:00.000Z",
    ]);
  });

  it("writes the query that reopens the range", () => {
    const preset = read("days=7");
    const custom = read("from=2026-11-01&to=2026-11-02");
    if (!preset.ok || !custom.ok) throw new Error("unreadable");
    expect(rangeQuery(preset.range)).toBe("days=7");
    expect(rangeQuery(custom.range)).toBe("from=2026-11-01&to=2026-11-02");
  });
});

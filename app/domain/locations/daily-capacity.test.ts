import { describe, expect, it } from "vitest";
import { assignedToday, startOfLocalDay } from "./daily-capacity";

describe("orders a location took today", () => {
  it("starts the day at local midnight in the location's time zone", () => {
    // 15:30 UTC on 27 November is 09:30 in Chicago; its day began at 06:00 UTC.
    expect(startOfLocalDay(new Date("2026-11-27T15:30:45.500Z"), "America/Chicago").toISOString()).toBe(
      "2026-11-27T06:00:00.000Z",
    );
    // 03:00 UTC on 28 November is still the 27th in Chicago.
    expect(startOfLocalDay(new Date("2026-11-28T03:00:00Z"), "America/Chicago").toISOString()).toBe(
      "2026-11-27T06:00:00.000Z",
    );
  });

  it("counts each decision that assigned the location since its day began, once", () => {
    const dayStarts = new Map([
      ["loop", new Date("2026-11-27T06:00:00Z")],
      ["wicker", new Date("2026-11-27T06:00:00Z")],
    ]);
    const counts = assignedToday(
      [
        { decidedAt: new Date("2026-11-27T05:59:00Z"), locationIds: ["loop"] },
        { decidedAt: new Date("2026-11-27T07:00:00Z"), locationIds: ["loop", "loop"] },
        { decidedAt: new Date("2026-11-27T08:00:00Z"), locationIds: ["loop", "wicker"] },
        { decidedAt: new Date("2026-11-27T09:00:00Z"), locationIds: ["warehouse"] },
      ],
      dayStarts,
    );
    expect(Object.fromEntries(counts)).toEqual({ loop: 2, wicker: 1 });
  });
});

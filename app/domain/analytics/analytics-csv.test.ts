import { describe, expect, it } from "vitest";
import { ANALYTICS_CSV_HEADER, analyticsCsv } from "./analytics-csv";
import { analyticsFigures } from "./fulfilment-metrics";

/** The CSV of one shipped order from a store whose name a spreadsheet could misread. */

const figures = analyticsFigures({
  orders: [
    {
      orderId: "1",
      placedAt: new Date("2026-11-01T10:00:00Z"),
      decidedAt: new Date("2026-11-01T10:00:00Z"),
      deliveryMethod: "SHIPPING",
      status: "ROUTED",
      parcels: [{ locationId: "7", cost: 7.655, distanceMiles: 12.345 }],
      warehouseOnlyCost: 9.1,
    },
  ],
  tasks: [],
  locations: [{ locationId: "7", name: '=Loop, "North"', kind: "STORE" }],
  dayStarts: [new Date("2026-11-01T00:00:00Z"), new Date("2026-11-02T00:00:00Z")],
  now: new Date("2026-11-02T00:00:00Z"),
  uncollectedDays: 7,
});

describe("the Analytics CSV", () => {
  const lines = analyticsCsv(figures.total, figures.locations).split("\r\n");

  it("writes a header, the total and each location, figures as a spreadsheet reads them and blanks for shares of nothing", () => {
    expect(lines[0]).toBe(ANALYTICS_CSV_HEADER.join(","));
    expect(lines[1]).toBe(
      // $7.655 is 766 cents; 9.10 − 7.66 = 1.44 saved; nothing collected, picked or known within 24 h.
      "All locations,,,1,0,0.00,1,100.00,0,0,,0,0.00,0,0.00,1,7.66,9.10,1.44,1,12.35,0,,0,,0,0,",
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
  });

  it("quotes a location name with a comma or quotes, and defuses one that starts like a formula", () => {
    expect(lines[2]?.startsWith(`"'=Loop, ""North""",7,Store,1,`)).toBe(true);
  });
});

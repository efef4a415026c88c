import { describe, expect, it } from "vitest";
import { compareWithLiveRules } from "./try-comparison";

const LOOP = { id: "1", name: "Loop" };
const WICKER = { id: "3", name: "Wicker Park" };
const WAREHOUSE = { id: "2", name: "Bolingbrook warehouse" };

describe("a recent order's draft decision next to the live rules'", () => {
  it("says where the order went, and that the draft sends it elsewhere than the live rules would", () => {
    const comparison = compareWithLiveRules({
      orderName: "#1001",
      timeZone: "UTC",
      recorded: {
        status: "ROUTED",
        locations: [LOOP],
        decidedAt: new Date("2026-11-27T15:04:59Z"),
        settingsVersion: 2,
      },
      live: { status: "ROUTED", locations: [LOOP], settingsVersion: 3 },
      draft: { status: "ROUTED", locations: [WAREHOUSE] },
    });
    expect(comparison).toEqual({
      changed: true,
      sentences: [
        "When #1001 was routed (2026-11-27 15:04 UTC), the rules then in force (version 2) sent it to Loop.",
        "Against today's stock, the live rules (version 3) would send it to Loop; the draft rules send it to Bolingbrook warehouse.",
      ],
    });
  });

  it("tells when the order was routed in the shop's time zone", () => {
    const comparison = compareWithLiveRules({
      orderName: "#1001",
      timeZone: "America/Chicago",
      recorded: {
        status: "ROUTED",
        locations: [LOOP],
        decidedAt: new Date("2026-11-27T15:04:59Z"),
        settingsVersion: 2,
      },
      live: { status: "ROUTED", locations: [LOOP], settingsVersion: 2 },
      draft: { status: "ROUTED", locations: [LOOP] },
    });
    expect(comparison.sentences[0]).toBe(
      "When #1001 was routed (2026-11-27 09:04 CST), the rules then in force (version 2) sent it to Loop.",
    );
  });

  it("says so when the draft changes nothing, and when the order was never routed", () => {
    const comparison = compareWithLiveRules({
      orderName: "#1002",
      timeZone: "UTC",
      recorded: null,
      live: { status: "SPLIT", locations: [LOOP, WICKER], settingsVersion: null },
      draft: { status: "SPLIT", locations: [LOOP, WICKER] },
    });
    expect(comparison).toEqual({
      changed: false,
      sentences: [
        "#1002 has not been routed yet.",
        "Against today's stock, the draft rules send it split between Loop and Wicker Park, as the live rules (the recommended defaults) would.",
      ],
    });
  });

  it("counts an order the draft can no longer route as a change", () => {
    const comparison = compareWithLiveRules({
      orderName: "#1003",
      timeZone: "UTC",
      recorded: {
        status: "UNROUTABLE",
        locations: [],
        decidedAt: new Date("2026-11-27T15:00:00Z"),
        settingsVersion: null,
      },
      live: { status: "ROUTED", locations: [WAREHOUSE], settingsVersion: null },
      draft: { status: "UNROUTABLE", locations: [] },
    });
    expect(comparison.changed).toBe(true);
    expect(comparison.sentences[0]).toContain("sent it nowhere (it could not be routed)");
    expect(comparison.sentences[1]).toContain("the draft rules send it nowhere (it cannot be routed)");
  });
});

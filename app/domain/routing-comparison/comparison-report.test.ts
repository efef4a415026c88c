import { describe, expect, it } from "vitest";
import { haversineMiles } from "../routing/geo";
import { DEFAULT_ROUTING_RULES } from "../routing/rules";
import { HOME, milesNorth, store, warehouse } from "../routing/test-fixtures";
import type { RoutingLocation } from "../routing/types";
import { replay, snapshotOf, type RecordedRouting, type ReplayRouter } from "../routing-replay/replay";
import { DEFAULT_ROUTING_SETTINGS } from "../routing-settings/settings";
import { buildComparisonReport, MAX_LISTED_CHANGES, type ComparisonInput, type RouterRole } from "./comparison-report";
import { lastDaysRange } from "./comparison-range";
import { sameSettings } from "./same-settings";

// Two stores near HOME with thin shelves (4 units), a warehouse far away with plenty.
const NEAR = store("S1", { ...milesNorth(2), stock: { A: 4, B: 4 }, dailyCapacity: 2 });
const OTHER = store("S2", { ...milesNorth(5), stock: { A: 4, B: 4 } });
const DEPOT = warehouse("W1", { ...milesNorth(40), stock: { A: 500, B: 500 } });
const SNAPSHOT: readonly RoutingLocation[] = [NEAR, OTHER, DEPOT];
const TIME_ZONE = "America/Chicago";
const NAMES: Record<string, string> = { S1: "Loop", S2: "Wicker Park", W1: "Bolingbrook" };

/** Shipped orders of one unit, `perDay` a day from Nov 1 (Chicago), at 23:30 local on the last of each day. */
function history(count: number, perDay = 3): RecordedRouting[] {
  return Array.from({ length: count }, (_, n) => {
    const day = Math.floor(n / perDay);
    // 23:30 in Chicago (CDT until Nov 1 02:00, then CST: UTC−6) is 05:30 UTC the next day.
    const at = new Date(Date.UTC(2026, 10, 2 + day, 5, 30 + (n % perDay)));
    const destination = milesNorth(n % 3, HOME);
    return {
      facts: {
        orderId: String(1000 + n),
        placedAt: at,
        deliveryMethod: "SHIPPING",
        pickupLocationId: null,
        shippingLineTitle: "Standard",
        shippingLineCode: null,
        latitude: destination.lat,
        longitude: destination.lng,
        lines: [{ sku: n % 2 ? "A" : "B", quantity: 1 }],
      },
      decision: {
        deliveryMethod: "SHIPPING",
        serviceLevel: "STANDARD",
        status: "ROUTED",
        assignments: [],
        decidedAt: at,
      },
    };
  });
}

function inputFor(recorded: readonly RecordedRouting[], draftMinimum: number): ComparisonInput {
  const routers: [RouterRole, ReplayRouter, number][] = [
    ["LIVE", { kind: "OMNIROUTE", name: "Live rules", rules: { ...DEFAULT_ROUTING_RULES, storeMinUnits: 3 } }, 3],
    [
      "DRAFT",
      { kind: "OMNIROUTE", name: "Draft rules", rules: { ...DEFAULT_ROUTING_RULES, storeMinUnits: draftMinimum } },
      draftMinimum,
    ],
    ["NATIVE", { kind: "NATIVE", name: "Shopify native routing" }, 3],
    ["GREEDY", { kind: "GREEDY", name: "Nearest location first" }, 3],
  ];
  const range = lastDaysRange(new Date("2026-11-30T18:00:00Z"), TIME_ZONE);
  return {
    recorded,
    snapshot: SNAPSHOT,
    results: routers.map(([role, router, minimum]) => ({
      role,
      result: replay(recorded, snapshotOf(SNAPSHOT), router, { storeMinUnits: minimum, radiusMiles: 10 }),
    })),
    liveMatchesRecorded: 0,
    locationName: (id) => NAMES[id] ?? id,
    orderName: (id) => `#${id}`,
    timeZone: TIME_ZONE,
    firstDay: range.firstDay,
    lastDay: range.lastDay,
  };
}

describe("the comparison report", () => {
  it("has a column per router whose store shipments and distance follow from the replayed orders", () => {
    const input = inputFor(history(12), 5);
    const report = buildComparisonReport(input);
    expect(report.columns.map((column) => [column.role, column.router])).toEqual([
      ["LIVE", "Live rules"],
      ["DRAFT", "Draft rules"],
      ["NATIVE", "Shopify native routing"],
      ["GREEDY", "Nearest location first"],
    ]);
    const [live, draft] = report.columns;
    // A minimum of 5 with 4 units on each store shelf: the draft ships everything from the warehouse.
    expect(live!.storeShipments).toBeGreaterThan(0);
    expect(draft!.storeShipments).toBe(0);
    expect(draft!.distanceMiles).toBeCloseTo(
      input.recorded.reduce(
        (sum, entry) => sum + haversineMiles({ lat: entry.facts.latitude!, lng: entry.facts.longitude! }, DEPOT),
        0,
      ),
      6,
    );
  });

  it("counts each order on its day in the shop's time zone, every day of the range shown", () => {
    const report = buildComparisonReport(inputFor(history(12), 5));
    expect(report.days).toHaveLength(30);
    expect(report.days[0]).toMatchObject({ date: "2026-11-01", label: "Nov 1" });
    expect(report.days.at(-1)).toMatchObject({ date: "2026-11-30", label: "Nov 30" });
    // 05:30 UTC on Nov 2 is 23:30 on Nov 1 in Chicago: three orders a day from Nov 1 to Nov 4.
    expect(report.days.slice(0, 5).map((day) => day.orders)).toEqual([3, 3, 3, 3, 0]);
    const [live] = report.columns;
    expect(report.days.reduce((sum, day) => sum + day.liveStoreShipments, 0)).toBe(live!.storeShipments);
    expect(report.days.reduce((sum, day) => sum + day.draftStoreShipments, 0)).toBe(0);
  });

  it("lists the orders the draft sends elsewhere, named, with both decisions and the cost change", () => {
    const report = buildComparisonReport(inputFor(history(12), 5));
    const [live] = report.columns;
    expect(report.changedOrders.total).toBe(live!.storeShipments);
    const [first] = report.changedOrders.listed;
    expect(first!.name).toBe(`#${first!.orderId}`);
    expect(first!.live.locations.map((location) => location.name)).not.toContain("Bolingbrook");
    expect(first!.draft.locations).toEqual([{ id: "W1", name: "Bolingbrook", units: 1 }]);
    expect(first!.costChange).toBeCloseTo(first!.draft.cost - first!.live.cost, 9);
  });

  it("keeps at most MAX_LISTED_CHANGES changed orders but counts them all", () => {
    // Stores restocked deep enough to serve every live order; the draft's minimum is out of reach.
    const deep = SNAPSHOT.map((location) =>
      location.kind === "STORE" ? { ...location, stock: { A: 5000, B: 5000 } } : location,
    );
    const recorded = history(MAX_LISTED_CHANGES + 30, 10);
    const input = inputFor(recorded, 6000);
    const report = buildComparisonReport({
      ...input,
      snapshot: deep,
      results: input.results.map(({ role }, index) => ({
        role,
        result: replay(
          recorded,
          snapshotOf(deep),
          index === 1
            ? { kind: "OMNIROUTE", name: "Draft rules", rules: { ...DEFAULT_ROUTING_RULES, storeMinUnits: 6000 } }
            : { kind: "OMNIROUTE", name: "Live rules", rules: DEFAULT_ROUTING_RULES },
          { storeMinUnits: 3, radiusMiles: 10 },
        ),
      })),
    });
    expect(report.changedOrders.total).toBe(MAX_LISTED_CHANGES + 30);
    expect(report.changedOrders.listed).toHaveLength(MAX_LISTED_CHANGES);
  });

  it("puts the locations whose load changes most first, with their capacity", () => {
    const report = buildComparisonReport(inputFor(history(12), 5));
    const depot = report.locations.find((location) => location.locationId === "W1")!;
    expect(report.locations[0]!.locationId).toBe("W1");
    expect(depot.draft.orders).toBe(12);
    expect(report.locations.find((location) => location.locationId === "S1")).toMatchObject({
      name: "Loop",
      kind: "STORE",
      dailyCapacity: 2,
      draft: { orders: 0, units: 0 },
    });
  });

  it("is refused without both the live and the draft replay", () => {
    const input = inputFor(history(3), 5);
    expect(() =>
      buildComparisonReport({ ...input, results: input.results.filter(({ role }) => role !== "DRAFT") }),
    ).toThrow(/live and draft/);
  });
});

describe("the last 30 days of a shop", () => {
  it("start at midnight in the shop's zone 29 days before today and end now", () => {
    const now = new Date("2026-11-30T03:00:00Z"); // Nov 29, 21:00 in Chicago
    const range = lastDaysRange(now, TIME_ZONE);
    expect(range.lastDay).toEqual({ year: 2026, month: 11, day: 29 });
    expect(range.firstDay).toEqual({ year: 2026, month: 10, day: 31 });
    // Oct 31 is still daylight time in Chicago (UTC−5).
    expect(range.from.toISOString()).toBe("2026-10-31T05:00:00.000Z");
    expect(range.to).toBe(now);
  });
});

describe("whether two settings are the same rules", () => {
  it("ignores the order of keys, as JSON read back from the database has them, but not of the shipping rules", () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_ROUTING_SETTINGS).reverse(),
    ) as typeof DEFAULT_ROUTING_SETTINGS;
    expect(sameSettings(reordered, DEFAULT_ROUTING_SETTINGS)).toBe(true);
    expect(sameSettings({ ...DEFAULT_ROUTING_SETTINGS, storeMinUnits: 5 }, DEFAULT_ROUTING_SETTINGS)).toBe(false);
    const swapped = {
      ...DEFAULT_ROUTING_SETTINGS,
      shippingMethodRules: [...DEFAULT_ROUTING_SETTINGS.shippingMethodRules].reverse(),
    };
    expect(sameSettings(swapped, DEFAULT_ROUTING_SETTINGS)).toBe(false);
  });
});

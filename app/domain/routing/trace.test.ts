import { describe, expect, it } from "vitest";
import { routeOrder } from "./engine/route-order";
import { lines, request, store, warehouse } from "./test-fixtures";
import { TRACE_NEARBY_LIMIT } from "./stage-outcomes";
import type { LocationTrace, RoutingDecision, TraceStage } from "./types";

function stage(decision: RoutingDecision, name: TraceStage["stage"]): TraceStage {
  const found = decision.trace.stages.find((candidate) => candidate.stage === name);
  if (found === undefined) throw new Error(`no ${name} stage`);
  return found;
}

function entry(traced: TraceStage, locationId: string): LocationTrace {
  const found = traced.locations.find((candidate) => candidate.locationId === locationId);
  if (found === undefined) throw new Error(`${locationId} is not in the ${traced.stage} stage`);
  return found;
}

describe("routing trace", () => {
  it("records each failed rule of a location with the values it compared", () => {
    const decision = routeOrder(
      request({ serviceLevel: "SAME_DAY", lines: lines(["TEE-M", 1], ["CAP", 4]) }, [
        store("WP", {
          milesAway: 1,
          stock: { "TEE-M": 2, CAP: 3 },
          dailyCapacity: 10,
          assignedToday: 10,
          isOpen: false,
        }),
        warehouse("W", { milesAway: 60, stock: { "TEE-M": 9, CAP: 9 } }),
      ]),
    );
    expect(entry(stage(decision, "SAME_DAY"), "WP")).toEqual({
      locationId: "WP",
      kind: "STORE",
      distanceMiles: 1,
      cost: 9.05,
      verdicts: [
        { rule: "ACTIVE", active: true, pass: true },
        { rule: "CAPACITY", assignedToday: 10, dailyCapacity: 10, pass: false },
        { rule: "STORE_MIN_UNITS", sku: "TEE-M", available: 2, minimum: 3, pass: false },
        { rule: "STOCK", sku: "CAP", requested: 4, available: 3, pass: false },
        { rule: "ALL_LINES_SERVABLE", servableLines: 0, totalLines: 2, pass: false },
        { rule: "OPEN", isOpen: false, pass: false },
        { rule: "RADIUS", distanceMiles: 1, radiusMiles: 10, pass: true },
      ],
      outcome: "LOST",
      reason: "OVER_CAPACITY",
    });
  });

  it("records the store-versus-warehouse cost comparison on the nearby store", () => {
    const decision = routeOrder(
      request({}, [
        store("S", { milesAway: 4, stock: { "TEE-M": 9 } }),
        warehouse("W", { milesAway: 500, stock: { "TEE-M": 9 } }),
      ]),
    );
    const shipping = stage(decision, "SHIPPING");
    expect(entry(shipping, "S")).toMatchObject({
      outcome: "CHOSEN",
      reason: "STORE_WITHIN_COST_THRESHOLD",
      verdicts: expect.arrayContaining([
        { rule: "COST_VS_WAREHOUSE", storeCost: 9.2, warehouseCost: 9.5, maxExtra: 2.5, pass: true },
      ]),
    });
    expect(entry(shipping, "W")).toMatchObject({ outcome: "LOST", reason: "STORE_PREFERRED" });
  });

  it("says why each runner-up lost", () => {
    const decision = routeOrder(
      request({ serviceLevel: "SAME_DAY" }, [
        store("NEAR", { milesAway: 1, stock: { "TEE-M": 9 } }),
        store("FAR", { milesAway: 2, stock: { "TEE-M": 9 } }),
      ]),
    );
    const sameDay = stage(decision, "SAME_DAY");
    expect(sameDay.locations.map((traced) => [traced.locationId, traced.outcome, traced.reason])).toEqual([
      ["NEAR", "CHOSEN", "NEAREST_ELIGIBLE_STORE"],
      ["FAR", "LOST", "FARTHER"],
    ]);
  });

  it(`lists only the ${TRACE_NEARBY_LIMIT} nearest locations that could not take part, nearest first`, () => {
    const emptyStores = Array.from({ length: 8 }, (_, i) => store(`EMPTY-${i}`, { milesAway: 8 - i }));
    const decision = routeOrder(
      request({}, [...emptyStores, warehouse("W", { milesAway: 300, stock: { "TEE-M": 9 } })]),
    );
    const listed = stage(decision, "SHIPPING").locations.map((traced) => traced.locationId);
    expect(listed).toEqual(["EMPTY-7", "EMPTY-6", "EMPTY-5", "W"]);
  });

  it("records the chosen pickup store's verdicts and the stages in the order they ran", () => {
    const decision = routeOrder(
      request({ deliveryMethod: "PICK_UP", pickupLocationId: "CHOSEN" }, [
        store("CHOSEN", { stock: { "TEE-M": 9 }, pickupEnabled: false }),
        store("NEXT", { milesAway: 2, stock: { "TEE-M": 9 } }),
      ]),
    );
    expect(decision.trace.stages.map((traced) => traced.stage)).toEqual(["PICK_UP"]);
    expect(entry(stage(decision, "PICK_UP"), "CHOSEN")).toMatchObject({
      outcome: "LOST",
      reason: "PICKUP_DISABLED",
      verdicts: expect.arrayContaining([{ rule: "PICKUP_ENABLED", pickupEnabled: false, pass: false }]),
    });

    const fallback = routeOrder(
      request({ serviceLevel: "SAME_DAY" }, [warehouse("W", { milesAway: 30, stock: { "TEE-M": 9 } })]),
    );
    expect(fallback.trace.stages.map((traced) => `${traced.stage}:${traced.result}`)).toEqual([
      "SAME_DAY:NO_ELIGIBLE_STORE",
      "SHIPPING:WAREHOUSE",
    ]);
  });
});

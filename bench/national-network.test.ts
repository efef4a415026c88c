import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RoutingOrder } from "../app/domain/routing/types";
import {
  buildNationalLocations,
  buildNationalOrders,
  buildQualityStream,
  NATIONAL_MIX,
  rollDelivery,
} from "./national-network";

const sha256 = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const summary = (order: RoutingOrder): string =>
  `${order.id} ${order.placedAt} ${order.deliveryMethod} ${order.serviceLevel} ${order.pickupLocationId ?? "-"} ` +
  `${order.destination.lat},${order.destination.lng} ${order.lines.map((line) => `${line.sku}×${line.quantity}`).join(" ")}`;

// A small network (the streams only need its stores) keeps the tests quick.
const locations = buildNationalLocations({ seed: 7, locationCount: 220, warehouseCount: 20, skuCount: 2000 });

describe("the delivery roll", () => {
  it("splits the national mix at exactly 0.5, 0.65, 0.75 and 0.85, with one draw", () => {
    let draws = 0;
    const rolled = (roll: number): string => {
      const delivery = rollDelivery(() => (draws++, roll), NATIONAL_MIX);
      return `${delivery.deliveryMethod} ${delivery.serviceLevel}`;
    };
    const rolls = [0, 0.4999999999999999, 0.5, 0.6499999999999999, 0.65, 0.7499999999999999, 0.75, 0.85, 0.99];
    expect(rolls.map(rolled)).toEqual([
      "SHIPPING STANDARD",
      "SHIPPING STANDARD",
      "SHIPPING NEXT_DAY",
      "SHIPPING NEXT_DAY",
      "SHIPPING SAME_DAY",
      "SHIPPING SAME_DAY",
      "LOCAL_DELIVERY SAME_DAY",
      "PICK_UP STANDARD",
      "PICK_UP STANDARD",
    ]);
    expect(draws).toBe(rolls.length);
  });
});

// The routing and replay benches' figures were measured on these streams: a change to any draw
// shows here. Change the pinned values only when a stream is meant to change.
describe("the national case's orders (bench/routing.bench.ts)", () => {
  const orders = buildNationalOrders(locations, { seed: 3, count: 5000, linesPerOrder: 3, skuCount: 2000 });

  it("starts with the same orders for the same seed: pickups at random stores, then shipments near metros", () => {
    expect(orders.slice(0, 4).map(summary)).toEqual([
      "#100000 2024-06-01T08:15:00Z PICK_UP STANDARD S0002 41.9762,-87.48196 SKU-00269×1 SKU-00445×1 SKU-00579×1",
      "#100001 2024-06-02T09:15:00Z PICK_UP STANDARD S0004 40.53182,-85.00428 SKU-00000×2 SKU-00002×1 SKU-00344×1",
      "#100002 2024-06-03T10:15:00Z SHIPPING STANDARD - 32.77875,-97.04937 SKU-00237×1 SKU-00062×1 SKU-00001×2",
      "#100003 2024-06-04T11:15:00Z SHIPPING STANDARD - 46.35486,-95.42371 SKU-00000×4 SKU-01291×1 SKU-00323×1",
    ]);
  });

  it("is byte-identical, all 5,000 orders, to the stream the benchmark figures were measured on", () => {
    expect(sha256(orders)).toBe("142e498bd6eb0377f62e7fbc09518f01a01470aeeb772c9f3cc6e29e8b86f202");
  });
});

describe("the replay's quality stream (bench/replay.bench.ts)", () => {
  const orders = buildQualityStream(locations, { seed: 11, count: 5000, skuCount: 2000 });

  it("starts with the same orders for the same seed: shipments near metros, a pickup at the store nearest home", () => {
    expect(orders.slice(0, 4).map(summary)).toEqual([
      "#Q000000 2024-07-01T08:15:00Z SHIPPING STANDARD - 37.59664,-122.1779 SKU-00015×1 SKU-00000×1",
      "#Q000001 2024-07-01T09:15:00Z SHIPPING STANDARD - 42.55808,-71.02062 SKU-00090×2 SKU-00010×1 SKU-00001×1 SKU-00103×1 SKU-01802×1",
      "#Q000002 2024-07-01T10:15:00Z SHIPPING STANDARD - 37.66425,-122.06254 SKU-00000×4",
      "#Q000003 2024-07-01T11:15:00Z PICK_UP STANDARD S0044 37.69227,-122.22406 SKU-00038×1",
    ]);
  });

  it("is byte-identical, all 5,000 orders, to the stream the benchmark figures were measured on", () => {
    expect(sha256(orders)).toBe("e62b22dab1248a4f48b494c4662e9ced5853c1cd0f03a11116c7178780f8a7db");
  });
});

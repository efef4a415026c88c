import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineMiles, toRadians } from "./geo";
import { prepareNetwork } from "./network-index";
import { maxQueryRanges, storeRangesNear } from "./store-grid";
import { store } from "./test-fixtures";

const pointArb = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
});

/** Points near a chosen centre, so plenty of them fall inside the radius. */
function pointsNear(center: { lat: number; lng: number }): fc.Arbitrary<{ lat: number; lng: number }[]> {
  return fc.array(
    fc
      .record({ dLat: fc.double({ min: -3, max: 3, noNaN: true }), dLng: fc.double({ min: -6, max: 6, noNaN: true }) })
      .map(({ dLat, dLng }) => ({
        lat: Math.max(-90, Math.min(90, center.lat + dLat)),
        lng: ((((center.lng + dLng + 180) % 360) + 360) % 360) - 180,
      })),
    { maxLength: 60 },
  );
}

describe("store grid", () => {
  it("returns every store within the radius, including across the antimeridian and near the poles", () => {
    const centers = fc.oneof(
      pointArb,
      fc.constantFrom(
        { lat: 0, lng: 179.99 },
        { lat: 10, lng: -179.95 },
        { lat: 89.9, lng: 12 },
        { lat: -89.95, lng: -40 },
      ),
    );
    fc.assert(
      fc.property(
        centers.chain((center) =>
          fc.tuple(fc.constant(center), pointsNear(center), fc.constantFrom(0, 1, 10, 50, 200, 5000)),
        ),
        ([center, points, radiusMiles]) => {
          const locations = points.map((point, i) => store(`S${i}`, { lat: point.lat, lng: point.lng }));
          const index = prepareNetwork(locations, { radiusMiles });
          const ranges = new Int32Array(maxQueryRanges(index.grid) * 2);
          const count = storeRangesNear(index.grid, center.lat, center.lng, toRadians(center.lat), radiusMiles, ranges);
          const found = new Set<string>();
          for (let r = 0; r < count; r++) {
            for (let position = ranges[2 * r]!; position < ranges[2 * r + 1]!; position++)
              found.add(index.ids[position]!);
          }
          for (const location of locations) {
            if (haversineMiles(center, location) <= radiusMiles) expect(found.has(location.id)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("skips stores in cells far outside the radius", () => {
    const near = store("NEAR", { milesAway: 1 });
    const far = store("FAR", { lat: 10, lng: 10 });
    const index = prepareNetwork([near, far], { radiusMiles: 10 });
    const ranges = new Int32Array(maxQueryRanges(index.grid) * 2);
    const count = storeRangesNear(index.grid, near.lat, near.lng, toRadians(near.lat), 10, ranges);
    const found: string[] = [];
    for (let r = 0; r < count; r++) for (let p = ranges[2 * r]!; p < ranges[2 * r + 1]!; p++) found.push(index.ids[p]!);
    expect(found).toEqual(["NEAR"]);
  });
});

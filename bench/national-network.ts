// A deterministic, national-sized routing case: ~2,000 locations clustered around US metros,
// 20,000 SKUs with sparse, popularity-skewed stock, and 10-line orders with a mix of delivery
// methods. The same seed always gives the same case.
import type {
  DeliveryMethod,
  GeoPoint,
  OrderLine,
  RoutingLocation,
  RoutingOrder,
  RoutingRules,
  ServiceLevel,
} from "../app/domain/routing/types";

export type Random = () => number;

import { mulberry32 } from "../dev/seeded-random";

function between(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

function integerBelow(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

function gaussian(random: Random): number {
  // Box–Muller; 1 - random() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export interface Metro {
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  /** Roughly the metro's population in millions. */
  readonly weight: number;
}

export const METROS: readonly Metro[] = [
  { name: "New York", lat: 40.71, lng: -74.01, weight: 19.5 },
  { name: "Los Angeles", lat: 34.05, lng: -118.24, weight: 13 },
  { name: "Chicago", lat: 41.88, lng: -87.63, weight: 9.4 },
  { name: "Dallas", lat: 32.78, lng: -96.8, weight: 7.6 },
  { name: "Houston", lat: 29.76, lng: -95.37, weight: 7.1 },
  { name: "Washington", lat: 38.91, lng: -77.04, weight: 6.3 },
  { name: "Philadelphia", lat: 39.95, lng: -75.17, weight: 6.2 },
  { name: "Miami", lat: 25.76, lng: -80.19, weight: 6.1 },
  { name: "Atlanta", lat: 33.75, lng: -84.39, weight: 6.1 },
  { name: "Boston", lat: 42.36, lng: -71.06, weight: 4.9 },
  { name: "Phoenix", lat: 33.45, lng: -112.07, weight: 4.9 },
  { name: "San Francisco", lat: 37.77, lng: -122.42, weight: 4.7 },
  { name: "Riverside", lat: 33.95, lng: -117.4, weight: 4.6 },
  { name: "Detroit", lat: 42.33, lng: -83.05, weight: 4.3 },
  { name: "Seattle", lat: 47.61, lng: -122.33, weight: 4 },
  { name: "Minneapolis", lat: 44.98, lng: -93.27, weight: 3.7 },
  { name: "San Diego", lat: 32.72, lng: -117.16, weight: 3.3 },
  { name: "Tampa", lat: 27.95, lng: -82.46, weight: 3.2 },
  { name: "Denver", lat: 39.74, lng: -104.99, weight: 3 },
  { name: "St. Louis", lat: 38.63, lng: -90.2, weight: 2.8 },
  { name: "Baltimore", lat: 39.29, lng: -76.61, weight: 2.8 },
  { name: "Charlotte", lat: 35.23, lng: -80.84, weight: 2.7 },
  { name: "Orlando", lat: 28.54, lng: -81.38, weight: 2.7 },
  { name: "San Antonio", lat: 29.42, lng: -98.49, weight: 2.6 },
  { name: "Portland", lat: 45.52, lng: -122.68, weight: 2.5 },
  { name: "Sacramento", lat: 38.58, lng: -121.49, weight: 2.4 },
  { name: "Pittsburgh", lat: 40.44, lng: -79.99, weight: 2.3 },
  { name: "Austin", lat: 30.27, lng: -97.74, weight: 2.3 },
  { name: "Las Vegas", lat: 36.17, lng: -115.14, weight: 2.3 },
  { name: "Cincinnati", lat: 39.1, lng: -84.51, weight: 2.2 },
  { name: "Kansas City", lat: 39.1, lng: -94.58, weight: 2.2 },
  { name: "Columbus", lat: 39.96, lng: -83.0, weight: 2.1 },
  { name: "Indianapolis", lat: 39.77, lng: -86.16, weight: 2.1 },
  { name: "Cleveland", lat: 41.5, lng: -81.69, weight: 2 },
  { name: "Nashville", lat: 36.16, lng: -86.78, weight: 2 },
  { name: "Milwaukee", lat: 43.04, lng: -87.91, weight: 1.6 },
  { name: "Raleigh", lat: 35.78, lng: -78.64, weight: 1.4 },
  { name: "Oklahoma City", lat: 35.47, lng: -97.52, weight: 1.4 },
  { name: "Salt Lake City", lat: 40.76, lng: -111.89, weight: 1.3 },
  { name: "Memphis", lat: 35.15, lng: -90.05, weight: 1.3 },
  { name: "New Orleans", lat: 29.95, lng: -90.07, weight: 1.3 },
  { name: "Omaha", lat: 41.26, lng: -95.93, weight: 0.95 },
  { name: "Albuquerque", lat: 35.08, lng: -106.65, weight: 0.9 },
  { name: "Boise", lat: 43.62, lng: -116.2, weight: 0.8 },
];

const WAREHOUSE_HUBS: readonly (readonly [number, number])[] = [
  [39.53, -119.81],
  [34.06, -117.65],
  [33.45, -112.07],
  [32.9, -97.04],
  [29.9, -95.4],
  [33.64, -84.43],
  [35.04, -89.98],
  [38.17, -85.74],
  [39.71, -86.29],
  [39.9, -82.88],
  [41.78, -88.2],
  [40.27, -76.88],
  [40.52, -74.41],
  [39.27, -76.69],
  [35.2, -80.95],
  [28.43, -81.31],
  [39.77, -104.87],
  [40.7, -112.0],
  [47.38, -122.23],
  [39.1, -94.7],
];

/** Continental US, for rural stores and addresses. */
const RURAL_BOX = { latLow: 30, latHigh: 48, lngLow: -122, lngHigh: -72 } as const;

export interface NationalOptions {
  readonly seed: number;
  readonly locationCount: number;
  readonly warehouseCount: number;
  readonly skuCount: number;
  /** Mean units of a SKU on a store's shelf (exponential); 18 when absent. */
  readonly storeUnitsMean?: number;
  /** Most units of a SKU a warehouse holds (uniform from 1); 200 when absent. */
  readonly warehouseUnitsMax?: number;
}

export const NATIONAL: NationalOptions = {
  seed: 20_240_601,
  locationCount: 2000,
  warehouseCount: 20,
  skuCount: 20_000,
};

export const NATIONAL_RULES: RoutingRules = {
  storeMinUnits: 3,
  radiusMiles: 10,
  maxExtraCostOverWarehouse: 2.5,
  allowSplit: true,
};

export function skuName(rank: number): string {
  return `SKU-${String(rank).padStart(5, "0")}`;
}

function pickMetro(random: Random, cumulativeWeights: readonly number[]): Metro {
  const target = random() * cumulativeWeights[cumulativeWeights.length - 1]!;
  const index = cumulativeWeights.findIndex((cumulative) => cumulative >= target);
  return METROS[Math.max(0, index)]!;
}

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

/** How far (one standard deviation, in degrees of latitude) a metro's points spread: more for bigger metros. */
export function metroSpreadDegrees(metro: Metro): number {
  return 0.08 + 0.035 * Math.sqrt(metro.weight);
}

/** A point near a metro, spread more for bigger metros; sometimes a rural point instead. */
function placeNear(random: Random, metroWeights: readonly number[], ruralShare: number): { lat: number; lng: number } {
  if (random() < ruralShare) {
    return {
      lat: between(random, RURAL_BOX.latLow, RURAL_BOX.latHigh),
      lng: between(random, RURAL_BOX.lngLow, RURAL_BOX.lngHigh),
    };
  }
  const metro = pickMetro(random, metroWeights);
  const spread = metroSpreadDegrees(metro);
  return {
    lat: metro.lat + gaussian(random) * spread,
    lng: metro.lng + (gaussian(random) * spread) / Math.cos((metro.lat * Math.PI) / 180),
  };
}

/** Units on hand, exponentially distributed: many small counts, so the store minimum matters. */
function storeUnits(random: Random, mean: number): number {
  return Math.floor(-Math.log(1 - random()) * mean);
}

export function buildNationalLocations(options: NationalOptions = NATIONAL): RoutingLocation[] {
  const random = mulberry32(options.seed);
  const metroWeights = cumulative(METROS.map((metro) => metro.weight));
  const locations: RoutingLocation[] = [];
  const storeUnitsMean = options.storeUnitsMean ?? 18;
  const warehouseUnitsMax = options.warehouseUnitsMax ?? 200;

  for (let w = 0; w < options.warehouseCount; w++) {
    const hub = WAREHOUSE_HUBS[w % WAREHOUSE_HUBS.length]!;
    const stock: Record<string, number> = {};
    for (let rank = 0; rank < options.skuCount; rank++) {
      const carried = random() < (rank < 3000 ? 0.97 : 0.75);
      if (carried) stock[skuName(rank)] = random() < 0.04 ? 0 : 1 + integerBelow(random, warehouseUnitsMax);
    }
    locations.push({
      id: `W${String(w + 1).padStart(2, "0")}`,
      kind: "WAREHOUSE",
      lat: round(hub[0] + gaussian(random) * 0.05, 5),
      lng: round(hub[1] + gaussian(random) * 0.05, 5),
      active: w !== 7,
      isOpen: true,
      pickupEnabled: false,
      stock,
      labourCostPerOrder: round(between(random, 1.2, 2.2), 2),
      shipping: { base: round(between(random, 5.5, 8), 2), perMile: round(between(random, 0.002, 0.004), 4) },
    });
  }

  const storeCount = options.locationCount - options.warehouseCount;
  for (let s = 0; s < storeCount; s++) {
    const { lat, lng } = placeNear(random, metroWeights, 0.08);
    const stock: Record<string, number> = {};
    const coreSize = 250 + integerBelow(random, 450);
    for (let rank = 0; rank < coreSize; rank++) {
      if (random() < 0.97) stock[skuName(rank)] = storeUnits(random, storeUnitsMean);
    }
    const tailSize = 100 + integerBelow(random, 300);
    for (let t = 0; t < tailSize; t++) {
      stock[skuName(coreSize + integerBelow(random, options.skuCount - coreSize))] = storeUnits(random, storeUnitsMean);
    }
    const hasCapacityLimit = random() < 0.3;
    const dailyCapacity = 20 + integerBelow(random, 60);
    locations.push({
      id: `S${String(s + 1).padStart(4, "0")}`,
      kind: "STORE",
      lat: round(lat, 5),
      lng: round(lng, 5),
      active: random() < 0.97,
      isOpen: random() < 0.75,
      pickupEnabled: random() < 0.85,
      stock,
      labourCostPerOrder: round(between(random, 3, 5), 2),
      shipping: { base: round(between(random, 5, 7), 2), perMile: round(between(random, 0.02, 0.06), 4) },
      ...(hasCapacityLimit ? { dailyCapacity, assignedToday: integerBelow(random, dailyCapacity + 8) } : {}),
    });
  }
  return locations;
}

/** Samples SKU ranks with probability ∝ 1 / (rank + 1)^exponent over the first `size` ranks. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
  }

  sample(random: Random): number {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface OrderMixOptions {
  readonly seed: number;
  readonly count: number;
  readonly linesPerOrder: number;
  readonly skuCount: number;
}

/** Shares of a stream's orders by how each is delivered; they add up to 1. */
export interface DeliveryMix {
  readonly standard: number;
  readonly nextDay: number;
  readonly sameDayShipping: number;
  readonly localDelivery: number;
  readonly pickup: number;
}

/** The national case's mix, which the replay's quality stream shares. */
export const NATIONAL_MIX: DeliveryMix = {
  standard: 0.5,
  nextDay: 0.15,
  sameDayShipping: 0.1,
  localDelivery: 0.1,
  pickup: 0.15,
};

export interface Delivery {
  readonly deliveryMethod: DeliveryMethod;
  readonly serviceLevel: ServiceLevel;
}

/**
 * How an order is delivered, from one draw. Local delivery is same-day by nature, so it says so; a
 * pickup is standard. The thresholds are running sums in this order (for NATIONAL_MIX exactly 0.5,
 * 0.65, 0.75 and 0.85 in floating point): summing otherwise could move a draw across a threshold
 * and change the benchmarks' streams.
 */
export function rollDelivery(random: Random, mix: DeliveryMix): Delivery {
  const roll = random();
  const nextDayBelow = mix.standard + mix.nextDay;
  const sameDayBelow = nextDayBelow + mix.sameDayShipping;
  const localBelow = sameDayBelow + mix.localDelivery;
  if (roll < mix.standard) return { deliveryMethod: "SHIPPING", serviceLevel: "STANDARD" };
  if (roll < nextDayBelow) return { deliveryMethod: "SHIPPING", serviceLevel: "NEXT_DAY" };
  if (roll < sameDayBelow) return { deliveryMethod: "SHIPPING", serviceLevel: "SAME_DAY" };
  if (roll < localBelow) return { deliveryMethod: "LOCAL_DELIVERY", serviceLevel: "SAME_DAY" };
  return { deliveryMethod: "PICK_UP", serviceLevel: "STANDARD" };
}

/** Lines the store has on its shelf at or above the usual store minimum, or null if too few. */
export function basketFromShelf(
  random: Random,
  store: RoutingLocation,
  lineCount: number,
  quantity: () => number,
): OrderLine[] | null {
  const onShelf = Object.keys(store.stock).filter((sku) => (store.stock[sku] ?? 0) >= 4);
  if (onShelf.length < lineCount) return null;
  const chosen = new Set<string>();
  while (chosen.size < lineCount) chosen.add(onShelf[integerBelow(random, onShelf.length)]!);
  return [...chosen].map((sku) => ({ sku, quantity: quantity() }));
}

/** Lines per order in the quality streams: mostly small baskets, at most 6 (as the optimum's small instances need). */
const LINE_COUNT_WEIGHTS: readonly number[] = [0.4, 0.25, 0.15, 0.1, 0.06, 0.04];

/** What a stream draws an order's basket with; every draw comes from the stream's one `random`. */
interface OrderBaskets {
  /** 1 to 6 lines, fewer more likely. */
  lineCount(): number;
  forPickup(store: RoutingLocation, lines: number): OrderLine[];
  forShipment(serviceLevel: ServiceLevel, lines: number): OrderLine[];
}

/**
 * Every stream's baskets: a line's units (mostly one), and distinct SKUs from one of two
 * popularity samplers, everyday items most stores carry or the whole catalogue, whose long tail
 * only warehouses reliably have.
 */
function orderBaskets(random: Random, skuCount: number): OrderBaskets {
  const everyday = new ZipfSampler(Math.min(400, skuCount), 1.1);
  const longTail = new ZipfSampler(skuCount, 1.0);
  const lineWeights = cumulative(LINE_COUNT_WEIGHTS);
  const quantity = (): number => {
    const roll = random();
    return roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3 + integerBelow(random, 2);
  };
  const basket = (sampler: ZipfSampler, lines: number): OrderLine[] => {
    const ranks = new Set<number>();
    while (ranks.size < lines) ranks.add(sampler.sample(random));
    return [...ranks].map((rank) => ({ sku: skuName(rank), quantity: quantity() }));
  };
  return {
    lineCount: () => {
      const target = random() * lineWeights[lineWeights.length - 1]!;
      return (
        1 +
        Math.max(
          0,
          lineWeights.findIndex((weight) => weight >= target),
        )
      );
    },
    forPickup: (store, lines) => {
      // Most shoppers pick up what their store shows as available; some baskets it cannot fill.
      const fromShelf = random() < 0.75 ? basketFromShelf(random, store, lines, quantity) : null;
      return fromShelf ?? basket(everyday, lines);
    },
    forShipment: (serviceLevel, lines) => {
      // Same-day orders are mostly everyday items a nearby store can fill; slower ones half from the long tail.
      const everydayShare = serviceLevel === "SAME_DAY" ? 0.8 : 0.5;
      return basket(random() < everydayShare ? everyday : longTail, lines);
    },
  };
}

interface OrderHeader {
  readonly id: string;
  readonly placedAt: string;
}

/** A pickup at `store`: checkout sends the store as the destination. */
function pickupOrder(baskets: OrderBaskets, header: OrderHeader, store: RoutingLocation, lines: number): RoutingOrder {
  return {
    id: header.id,
    placedAt: header.placedAt,
    deliveryMethod: "PICK_UP",
    serviceLevel: "STANDARD",
    pickupLocationId: store.id,
    destination: { lat: store.lat, lng: store.lng },
    lines: baskets.forPickup(store, lines),
  };
}

function shippedOrder(
  baskets: OrderBaskets,
  header: OrderHeader,
  delivery: Delivery,
  destination: GeoPoint,
  lines: number,
): RoutingOrder {
  return {
    id: header.id,
    placedAt: header.placedAt,
    deliveryMethod: delivery.deliveryMethod,
    serviceLevel: delivery.serviceLevel,
    destination,
    lines: baskets.forShipment(delivery.serviceLevel, lines),
  };
}

function roundedPoint(point: GeoPoint): GeoPoint {
  return { lat: round(point.lat, 5), lng: round(point.lng, 5) };
}

/**
 * Orders in NATIONAL_MIX: 50% standard shipping, 15% next-day, 10% same-day shipping, 10% local
 * delivery and 15% pickup at a store. Some baskets are everyday items most stores carry; others
 * reach into the long tail that only warehouses reliably have.
 */
export function buildNationalOrders(locations: readonly RoutingLocation[], options: OrderMixOptions): RoutingOrder[] {
  const random = mulberry32(options.seed ^ 0x9e3779b9);
  const metroWeights = cumulative(METROS.map((metro) => metro.weight));
  const baskets = orderBaskets(random, options.skuCount);
  const stores = locations.filter((location) => location.kind === "STORE");
  const orders: RoutingOrder[] = [];

  for (let n = 0; n < options.count; n++) {
    const delivery = rollDelivery(random, NATIONAL_MIX);
    const header = {
      id: `#${100_000 + n}`,
      placedAt: `2024-06-${String(1 + (n % 28)).padStart(2, "0")}T${String(8 + (n % 12)).padStart(2, "0")}:15:00Z`,
    };
    if (delivery.deliveryMethod === "PICK_UP") {
      const store = stores[integerBelow(random, stores.length)]!;
      orders.push(pickupOrder(baskets, header, store, options.linesPerOrder));
    } else {
      const destination = roundedPoint(placeNear(random, metroWeights, 0.06));
      orders.push(shippedOrder(baskets, header, delivery, destination, options.linesPerOrder));
    }
  }
  return orders;
}

/** What sets one quality stream apart from another. */
export interface HomeStreamOptions<Home extends GeoPoint> {
  readonly count: number;
  readonly skuCount: number;
  readonly mix: DeliveryMix;
  /** Starts every order id, so that one stream's orders are not taken for another's. */
  readonly idPrefix: string;
  /** Where the next shopper lives. */
  readonly drawHome: (random: Random) => Home;
  /** The store a shopper at `home` collects a pickup from. */
  readonly pickupStoreFor: (home: Home) => RoutingLocation;
  /** Where a shipment to a shopper at `home` goes. */
  readonly shipTo: (home: Home) => GeoPoint;
}

/**
 * The quality streams' orders, each placed by a shopper at home: a pickup at the store chosen for
 * that home, anything else shipped there; 1 to 6 lines; placed in order over 1–30 July, as the
 * benches that replay them stock shelves for a month.
 */
export function buildOrdersFromHomes<Home extends GeoPoint>(
  random: Random,
  stream: HomeStreamOptions<Home>,
): RoutingOrder[] {
  const baskets = orderBaskets(random, stream.skuCount);
  const orders: RoutingOrder[] = [];
  for (let n = 0; n < stream.count; n++) {
    const delivery = rollDelivery(random, stream.mix);
    const day = 1 + Math.floor((n * 30) / stream.count);
    const header = {
      id: `${stream.idPrefix}${String(n).padStart(6, "0")}`,
      placedAt: `2024-07-${String(day).padStart(2, "0")}T${String(8 + (n % 12)).padStart(2, "0")}:15:00Z`,
    };
    const home = stream.drawHome(random);
    const lines = baskets.lineCount();
    orders.push(
      delivery.deliveryMethod === "PICK_UP"
        ? pickupOrder(baskets, header, stream.pickupStoreFor(home), lines)
        : shippedOrder(baskets, header, delivery, stream.shipTo(home), lines),
    );
  }
  return orders;
}

export interface QualityStreamOptions {
  readonly seed: number;
  readonly count: number;
  readonly skuCount: number;
}

/**
 * The replay's stream (bench/replay.bench.ts): the national case's delivery mix, with every order
 * placed where people live — shipping addresses around metros by population, and a pickup
 * shopper's store the one nearest to such an address, so that busy stores see busy demand.
 */
export function buildQualityStream(
  locations: readonly RoutingLocation[],
  options: QualityStreamOptions,
): RoutingOrder[] {
  const random = mulberry32(options.seed ^ 0x5bd1e995);
  const metroWeights = cumulative(METROS.map((metro) => metro.weight));
  // Checkout offers pickup only at active stores that take pickups.
  const stores = locations.filter((location) => location.kind === "STORE" && location.active && location.pickupEnabled);
  // An equirectangular gap, not haversine miles: another measure could pick another store at a
  // near-tie and so change the replay's stream.
  const nearestStore = (point: GeoPoint): RoutingLocation => {
    let best = stores[0]!;
    let bestGap = Number.POSITIVE_INFINITY;
    const cosLat = Math.cos((point.lat * Math.PI) / 180);
    for (const store of stores) {
      const gap = (store.lat - point.lat) ** 2 + ((store.lng - point.lng) * cosLat) ** 2;
      if (gap < bestGap) {
        bestGap = gap;
        best = store;
      }
    }
    return best;
  };

  return buildOrdersFromHomes(random, {
    count: options.count,
    skuCount: options.skuCount,
    mix: NATIONAL_MIX,
    idPrefix: "#Q",
    drawHome: (random) => placeNear(random, metroWeights, 0.06),
    pickupStoreFor: nearestStore,
    shipTo: roundedPoint,
  });
}

// Builders for routing tests: locations placed at exact distances from a destination, so a test
// can say "a store 4 miles north" and mean it.
import { EARTH_RADIUS_MILES, toDegrees } from "./geo";
import type { GeoPoint, OrderLine, RoutingLocation, RoutingOrder, RoutingRequest, RoutingRules } from "./types";

/** The destination every fixture is measured from (Chicago's Loop). */
export const HOME: GeoPoint = { lat: 41.88, lng: -87.63 };

/** A point this many miles due north of `from` (along a meridian, so exactly that far). */
export function milesNorth(miles: number, from: GeoPoint = HOME): GeoPoint {
  return { lat: from.lat + toDegrees(miles / EARTH_RADIUS_MILES), lng: from.lng };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type LocationOverrides = Partial<Mutable<RoutingLocation>> & { milesAway?: number };

function place(overrides: LocationOverrides): GeoPoint {
  if (overrides.lat !== undefined && overrides.lng !== undefined) return { lat: overrides.lat, lng: overrides.lng };
  return milesNorth(overrides.milesAway ?? 0);
}

/** A store: active, open, pickup enabled; $5 + $0.05/mile + $4 labour. */
export function store(id: string, overrides: LocationOverrides = {}): RoutingLocation {
  const { milesAway: _milesAway, ...rest } = overrides;
  return {
    id,
    kind: "STORE",
    active: true,
    isOpen: true,
    pickupEnabled: true,
    stock: {},
    labourCostPerOrder: 4,
    shipping: { base: 5, perMile: 0.05 },
    ...rest,
    ...place(overrides),
  };
}

/** A warehouse: active, open, no pickup; $6 + $0.003/mile + $2 labour. */
export function warehouse(id: string, overrides: LocationOverrides = {}): RoutingLocation {
  const { milesAway: _milesAway, ...rest } = overrides;
  return {
    id,
    kind: "WAREHOUSE",
    active: true,
    isOpen: true,
    pickupEnabled: false,
    stock: {},
    labourCostPerOrder: 2,
    shipping: { base: 6, perMile: 0.003 },
    ...rest,
    ...place(overrides),
  };
}

export function lines(...entries: [sku: string, quantity: number][]): OrderLine[] {
  return entries.map(([sku, quantity]) => ({ sku, quantity }));
}

export function order(overrides: Partial<Mutable<RoutingOrder>> = {}): RoutingOrder {
  return {
    id: "1001",
    placedAt: "2024-06-01T10:00:00Z",
    deliveryMethod: "SHIPPING",
    serviceLevel: "STANDARD",
    destination: HOME,
    lines: lines(["TEE-M", 1]),
    ...overrides,
  };
}

export function request(
  orderOverrides: Partial<Mutable<RoutingOrder>>,
  locations: RoutingLocation[],
  rules: Partial<RoutingRules> = {},
): RoutingRequest {
  return { order: order(orderOverrides), locations, rules };
}

import { sqlPool } from "~/db.server";
import { dayBoundaries, type AnalyticsRange } from "~/domain/analytics/date-range";
import { analyticsFigures, type AnalyticsFigures, type DecidedOrder } from "~/domain/analytics/fulfilment-metrics";
import { warehouseOnlyCost, type WarehouseRate } from "~/domain/analytics/warehouse-only-cost";
import {
  listAnalyticsLocations,
  listDecidedOrders,
  listTasksOfDecidedOrders,
  type AnalyticsLocationRow,
} from "~/models/analytics.server";
import { storeSettingsFor } from "~/services/store-tasks/store-settings.server";

/** The warehouses a warehouse-only policy may ship from: live, placed on the map, with a profile. */
export function warehouseRates(locations: readonly AnalyticsLocationRow[]): WarehouseRate[] {
  return locations.flatMap((location) =>
    location.kind === "WAREHOUSE" && location.usable && location.lat !== null && location.lng !== null
      ? [
          {
            lat: location.lat,
            lng: location.lng,
            shippingBase: location.shippingBase,
            shippingPerMile: location.shippingPerMile,
            labourCostPerOrder: location.labourCostPerOrder,
          },
        ]
      : [],
  );
}

export interface ShopAnalytics extends AnalyticsFigures {
  /** Each day's first instant in the shop's zone, then the end of the range. */
  readonly dayStarts: readonly Date[];
}

/**
 * One shop's figures for a range of days in its time zone, as of `now`: its routing decisions of
 * those days, their store tasks and the shop's locations, read in three statements at once.
 */
export async function shopAnalytics(
  shop: string,
  range: AnalyticsRange,
  timeZone: string,
  now: Date,
): Promise<ShopAnalytics> {
  const dayStarts = dayBoundaries(range, timeZone);
  const since = dayStarts[0]!;
  const until = dayStarts.at(-1)!;
  const [orders, tasks, locations, settings] = await Promise.all([
    listDecidedOrders(sqlPool, shop, since, until),
    listTasksOfDecidedOrders(sqlPool, shop, since, until),
    listAnalyticsLocations(sqlPool, shop),
    storeSettingsFor(shop),
  ]);
  const warehouses = warehouseRates(locations);
  const points = new Map(
    locations.flatMap((location) =>
      location.lat !== null && location.lng !== null
        ? [[location.locationId, { lat: location.lat, lng: location.lng }] as const]
        : [],
    ),
  );
  const decided: DecidedOrder[] = orders.map((order) => {
    // A pickup's destination is its store; the order's facts may not hold the store's coordinates.
    const pickupStore = order.deliveryMethod === "PICK_UP" ? order.parcels[0]?.locationId : undefined;
    const destination = order.destination ?? (pickupStore === undefined ? null : (points.get(pickupStore) ?? null));
    return {
      orderId: order.orderId,
      placedAt: order.placedAt,
      decidedAt: order.decidedAt,
      deliveryMethod: order.deliveryMethod,
      status: order.status,
      parcels: order.parcels,
      warehouseOnlyCost: warehouseOnlyCost(order.tracedWarehouseCost, destination, warehouses),
    };
  });
  const figures = analyticsFigures({
    orders: decided,
    tasks,
    locations,
    dayStarts,
    now,
    uncollectedDays: settings.uncollectedDays,
  });
  return { ...figures, dayStarts };
}

import { parcelCostFromParts } from "../routing/eligibility";
import { haversineMiles } from "../routing/geo";
import { roundCents } from "../routing/rounding";
import type { GeoPoint } from "../routing/types";

/**
 * What an order would have cost under a warehouse-only policy: one parcel from the cheapest
 * warehouse, priced by the routing engine's own cost function (base + per mile + labour).
 *
 * When the engine weighed warehouses for the order (its trace's SHIPPING stage names the cheapest
 * warehouse that could take the whole order, chosen or beaten by a store), that cost is the
 * answer: it knew the stock then. Otherwise (pickup, a same-day store, a split) it is priced here
 * from the warehouses as they are now and the order's destination, stock not considered: the
 * best a warehouse could have done.
 */

export interface WarehouseRate extends GeoPoint {
  readonly shippingBase: number;
  readonly shippingPerMile: number;
  readonly labourCostPerOrder: number;
}

/** The cheapest parcel from any of the warehouses to `destination`, in dollars to the cent; null without one. */
export function cheapestWarehouseParcel(destination: GeoPoint, warehouses: readonly WarehouseRate[]): number | null {
  let cheapest: number | null = null;
  for (const warehouse of warehouses) {
    const cost = parcelCostFromParts(
      warehouse.shippingBase,
      warehouse.shippingPerMile,
      warehouse.labourCostPerOrder,
      haversineMiles(destination, warehouse),
    );
    if (cheapest === null || cost < cheapest) cheapest = cost;
  }
  return cheapest === null ? null : roundCents(cheapest);
}

/**
 * The order's warehouse-only cost: the trace's cheapest full warehouse when it names one, else
 * priced from the destination; null when neither is known (no destination, or no warehouse).
 */
export function warehouseOnlyCost(
  tracedWarehouseCost: number | null,
  destination: GeoPoint | null,
  warehouses: readonly WarehouseRate[],
): number | null {
  if (tracedWarehouseCost !== null) return tracedWarehouseCost;
  if (destination === null) return null;
  return cheapestWarehouseParcel(destination, warehouses);
}

// The simplest router worth comparing against: each line from the nearest active location that
// has enough of it, with no regard to cost, splits or promises. It is native routing's allocation
// with the single rule "Ship from closest location" and without "Minimize split fulfillments";
// lines that land on the same location ship together.
import type { StockTable } from "../stock-table";
import type { RoutingLocation, RoutingOrder } from "../types";
import { NativeRouter, type NativeDecision } from "../native/native-routing";

export interface GreedyOptions {
  /** A store's stock of a SKU counts only from this many units (0 or absent: any stock). */
  readonly storeMinUnits?: number;
  /** Where the prepared router reads stock: see NativeOptions.stock ("maps" when absent). */
  readonly stock?: "maps" | "own";
  /** With stock "own": the units by location id instead of the maps (see NativeOptions.stockTable). */
  readonly stockTable?: StockTable;
}

const NEAREST_ONLY = Object.freeze(["CLOSEST_LOCATION"] as const);

/** Greedy nearest-first, prepared for one list of locations; stock as options.stock says. */
export class GreedyNearestRouter {
  private readonly native: NativeRouter;

  constructor(locations: readonly RoutingLocation[], options: GreedyOptions = {}) {
    this.native = new NativeRouter(locations, {
      strategy: NEAREST_ONLY,
      ...(options.storeMinUnits === undefined ? {} : { storeMinUnits: options.storeMinUnits }),
      ...(options.stock === undefined ? {} : { stock: options.stock }),
      ...(options.stockTable === undefined ? {} : { stockTable: options.stockTable }),
    });
  }

  /** With stock "own": the location now has `units` of the SKU (see NativeRouter.take). */
  take(locationId: string, sku: string, units: number): boolean {
    return this.native.take(locationId, sku, units);
  }

  route(order: RoutingOrder): NativeDecision {
    // A pickup order is measured from the shopper's store, so "nearest" starts there; the native
    // router's own pickup rule (the chosen store when it has everything) agrees with nearest-first.
    return this.native.route(order);
  }
}

export function routeGreedyNearest(
  order: RoutingOrder,
  locations: readonly RoutingLocation[],
  options: GreedyOptions = {},
): NativeDecision {
  return new GreedyNearestRouter(locations, options).route(order);
}

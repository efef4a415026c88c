// The simplest router worth comparing against: each line from the nearest active location that
// has enough of it, with no regard to cost, splits or promises. It is native routing's allocation
// with the single rule "Ship from closest location" and without "Minimize split fulfillments";
// lines that land on the same location ship together.
import type { RoutingLocation, RoutingOrder } from "../types";
import { NativeRouter, type NativeDecision } from "../native/native-routing";

export interface GreedyOptions {
  /** A store's stock of a SKU counts only from this many units (0 or absent: any stock). */
  readonly storeMinUnits?: number;
}

const NEAREST_ONLY = Object.freeze(["CLOSEST_LOCATION"] as const);

/** Greedy nearest-first, prepared for one list of locations; stock is read at every call. */
export class GreedyNearestRouter {
  private readonly native: NativeRouter;

  constructor(locations: readonly RoutingLocation[], options: GreedyOptions = {}) {
    this.native = new NativeRouter(locations, {
      strategy: NEAREST_ONLY,
      ...(options.storeMinUnits === undefined ? {} : { storeMinUnits: options.storeMinUnits }),
    });
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

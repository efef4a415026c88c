// The indexed router. Same semantics, same decisions (byte for byte) as baseline.ts, but per order
// it intersects the order's SKU bitsets to find the locations that can serve every line, measures
// distance only to warehouses and to the stores in the grid cells around the reference point, and
// looks stock up only for the few locations it reports in the trace.
//
// The stages, in the order they are tried: a pickup order goes to a pickup store and stops there;
// any other order tries same-day delivery when promised, then shipping whole from one location,
// then a split across several.
import { prepareNetwork, type NetworkIndex } from "../network-index";
import type { RoutingDecision, RoutingOrder, RoutingRequest } from "../types";
import { OrderRouting } from "./order-routing";
import { routePickup } from "./pickup-store";
import { nearestSameDayStore } from "./same-day-store";
import { splitCover } from "./split-cover";
import { storeOrWarehouse } from "./store-or-warehouse";

/** The pure entry point: prepares an index for this request's locations and routes its order. */
export function routeOrder(request: RoutingRequest): RoutingDecision {
  return routeWithIndex(prepareNetwork(request.locations, request.rules), request.order);
}

/**
 * Routes one order against a prepared network, under the rules the network was prepared with;
 * `traced` overrides the network's own choice (PrepareOptions.trace) for this order alone.
 */
export function routeWithIndex(index: NetworkIndex, order: RoutingOrder, traced = index.traced): RoutingDecision {
  if (order.deliveryMethod === "PICK_UP") return routePickup(index, order, traced);
  const routing = new OrderRouting(index, order, order.destination, traced);
  if (order.deliveryMethod === "LOCAL_DELIVERY" || order.serviceLevel === "SAME_DAY") {
    const sameDayStore = nearestSameDayStore(routing);
    if (sameDayStore !== null) return routing.routedWhole(sameDayStore);
    routing.flags.push("SLA_AT_RISK");
  }
  const shipper = storeOrWarehouse(routing);
  if (shipper !== null) return routing.routedWhole(shipper);
  return splitCover(routing);
}

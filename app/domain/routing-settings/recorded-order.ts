import type {
  DeliveryMethod,
  GeoPoint,
  OrderLine,
  RoutingLocation,
  RoutingOrder,
  ServiceLevel,
} from "../routing/types";
import { serviceLevelFor, type RoutingSettings } from "./settings";

/**
 * A recorded order (the facts the app keeps from orders/create or the Admin API) as the routing
 * engine takes it. The routing job and the settings page's "try it" panel both build the
 * engine's order here, so a recent order is tried exactly as the job would route it.
 */

/** What routing reads of an order's recorded facts (see OrderFacts in app/models/routed-orders.server.ts). */
export interface RecordedOrderFacts {
  readonly orderId: string;
  readonly placedAt: Date;
  /** Null until known; routed as shipping. */
  readonly deliveryMethod: DeliveryMethod | null;
  readonly pickupLocationId: string | null;
  readonly shippingLineTitle: string | null;
  readonly shippingLineCode: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly lines: readonly OrderLine[];
}

export interface RecordedEngineOrder {
  readonly deliveryMethod: DeliveryMethod;
  readonly serviceLevel: ServiceLevel;
  /** Null when the order has no destination or no lines with a SKU: the engine cannot route it. */
  readonly order: RoutingOrder | null;
}

/** Where the order goes: the chosen pickup store, else the shipping address's coordinates. */
function destinationOf(facts: RecordedOrderFacts, locations: readonly RoutingLocation[]): GeoPoint | null {
  if (facts.deliveryMethod === "PICK_UP" && facts.pickupLocationId !== null) {
    const store = locations.find((location) => location.id === facts.pickupLocationId);
    if (store) return { lat: store.lat, lng: store.lng };
  }
  if (facts.latitude !== null && facts.longitude !== null) return { lat: facts.latitude, lng: facts.longitude };
  return null;
}

/**
 * The engine's order for a recorded one under `settings` (which map its shipping line to a
 * service level), given the locations it is routed among (a pickup order's destination is
 * its store).
 */
export function engineOrderOfRecorded(
  facts: RecordedOrderFacts,
  settings: RoutingSettings,
  locations: readonly RoutingLocation[],
): RecordedEngineOrder {
  const deliveryMethod = facts.deliveryMethod ?? "SHIPPING";
  const serviceLevel = serviceLevelFor(settings, deliveryMethod, {
    title: facts.shippingLineTitle,
    code: facts.shippingLineCode,
  });
  const destination = destinationOf(facts, locations);
  if (destination === null || facts.lines.length === 0) return { deliveryMethod, serviceLevel, order: null };
  return {
    deliveryMethod,
    serviceLevel,
    order: {
      id: facts.orderId,
      placedAt: facts.placedAt.toISOString(),
      deliveryMethod,
      serviceLevel,
      ...(facts.pickupLocationId !== null ? { pickupLocationId: facts.pickupLocationId } : {}),
      destination,
      lines: facts.lines,
    },
  };
}

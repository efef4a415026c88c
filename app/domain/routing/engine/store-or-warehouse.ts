// SHIPPING, the whole order from one location: a nearby store or a warehouse, whichever the
// cost-against-warehouse rule prefers (see shippingOutcome), else a store beyond the radius. The
// order's full-location bitset leaves only a few warehouses and nearby stores to measure.
import { parcelCostAt } from "../network-index";
import { EVERY_STORE_NEARBY, type Placement, type Podium } from "../podium";
import { lookAheadApplies, shippingOutcome, type ShippingRankings } from "../stage-outcomes";
import type { OrderRouting, StoreRequirements } from "./order-routing";

const ANY_FULL_STORE: StoreRequirements = { open: false, pickup: false };

/** The location that ships the whole order, or null when no location holds every line. */
export function storeOrWarehouse(routing: OrderRouting): Placement | null {
  const { stage, chosen, chosenPlace } = shippingOutcome(
    new ShippingSearch(routing),
    routing.index.rules,
    routing.flags,
    routing.order,
    routing.traced,
  );
  routing.stages.push(stage);
  return chosen === null ? null : chosen.placement(chosenPlace);
}

/** The rankings the SHIPPING stage chooses among, found through the index. */
class ShippingSearch implements ShippingRankings<Podium> {
  readonly fullWarehouses: Podium;
  readonly fullStoresInRadius: Podium;
  readonly storesInRadiusNotFull: Podium;

  constructor(private readonly routing: OrderRouting) {
    this.fullWarehouses = this.cheapestFullWarehouses();
    // Look-ahead weighs every full store within the radius (stage-outcomes.ts); otherwise two are enough.
    const weighsEveryStore = lookAheadApplies(routing.order, routing.index.rules);
    this.fullStoresInRadius = routing.podium("CHEAPEST", weighsEveryStore ? EVERY_STORE_NEARBY : 2);
    this.storesInRadiusNotFull = routing.tracePodium("NEAREST");
    routing.rankStoresWithinRadius(this.fullStoresInRadius, this.storesInRadiusNotFull, ANY_FULL_STORE);
  }

  private cheapestFullWarehouses(): Podium {
    const { index, stock, from } = this.routing;
    const fullWarehouses = this.routing.podium("CHEAPEST", 2);
    for (const position of stock.fullCandidates(0, index.warehouseCount)) {
      if (!stock.isFull(position)) continue;
      // Once the podium is full, a warehouse that cannot beat its last place needs no haversine.
      if (fullWarehouses.size === 2 && from.costLowerBound(position) > fullWarehouses.costs[1]!) continue;
      const distance = from.distanceTo(position);
      fullWarehouses.offer(position, distance, parcelCostAt(index, position, distance));
    }
    return fullWarehouses;
  }

  warehousesNotFull(): Podium {
    const { index, stock, from } = this.routing;
    const warehousesNotFull = this.routing.tracePodium("NEAREST");
    for (let position = 0; position < index.warehouseCount; position++) {
      if (stock.isFull(position)) continue;
      const distance = from.distanceTo(position);
      warehousesNotFull.offer(position, distance, parcelCostAt(index, position, distance));
    }
    return warehousesNotFull;
  }

  fullStoresBeyondRadius(): Podium {
    const { index, stock, from } = this.routing;
    const beyond = this.routing.podium("CHEAPEST", 2);
    for (const position of stock.fullCandidates(index.warehouseCount, index.count)) {
      if (!stock.isFull(position)) continue;
      const distance = from.distanceTo(position);
      if (distance > index.rules.radiusMiles) beyond.offer(position, distance, parcelCostAt(index, position, distance));
    }
    return beyond;
  }
}

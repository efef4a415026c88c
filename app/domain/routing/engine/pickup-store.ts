// PICK_UP: the store the shopper chose when it can hand over the whole order, otherwise the
// nearest open store within the radius of it that takes pickups and can.
import { parcelCostAt, type NetworkIndex } from "../network-index";
import { EVERY_STORE_NEARBY, type Podium } from "../podium";
import { pickupOutcome, type PickupRankings } from "../stage-outcomes";
import type { RoutingDecision, RoutingOrder } from "../types";
import { OrderRouting, type StoreRequirements } from "./order-routing";

const OPEN_FOR_PICKUP: StoreRequirements = { open: true, pickup: true };

export function routePickup(index: NetworkIndex, order: RoutingOrder, traced: boolean): RoutingDecision {
  const chosenId = order.pickupLocationId;
  const chosen = chosenId === undefined ? undefined : index.positionById.get(chosenId);
  // Distances are from the shopper's store; from the destination when it is not one of the locations.
  const routing = new OrderRouting(
    index,
    order,
    chosen === undefined ? order.destination : index.locations[chosen]!,
    traced,
  );
  const outcome = pickupOutcome(order, new PickupSearch(routing, chosen ?? -1), index.rules, traced);
  routing.flags.push(...outcome.flags);
  routing.stages.push(outcome.stage);
  return outcome.winner === null
    ? routing.decide("UNROUTABLE", [])
    : routing.routedWhole(outcome.winner.placement(outcome.winnerPlace));
}

/** The rankings the PICK_UP stage chooses among, found through the index. */
class PickupSearch implements PickupRankings<Podium> {
  readonly shoppersStore: Podium | null = null;
  readonly shoppersStoreCanTake: boolean = false;

  /** `chosen`: the shopper's store's position, or -1 when it is not one of the locations. */
  constructor(
    private readonly routing: OrderRouting,
    private readonly chosen: number,
  ) {
    if (chosen < 0) return;
    const { index, from, stock } = routing;
    const distance = from.distanceTo(chosen);
    this.shoppersStore = routing.podium("NEAREST", 1);
    this.shoppersStore.offer(chosen, distance, parcelCostAt(index, chosen, distance));
    this.shoppersStoreCanTake = index.pickupEnabled[chosen] === 1 && stock.isFull(chosen);
  }

  nearbyStores(): { eligible: Podium; ineligible: Podium } {
    // Look-ahead weighs every eligible store (stage-outcomes.ts); otherwise the nearest two are enough.
    const eligible = this.routing.podium(
      "NEAREST",
      this.routing.index.rules.lookAhead === true ? EVERY_STORE_NEARBY : 2,
    );
    const ineligible = this.routing.tracePodium("NEAREST");
    this.routing.rankStoresWithinRadius(eligible, ineligible, OPEN_FOR_PICKUP, this.chosen);
    return { eligible, ineligible };
  }
}

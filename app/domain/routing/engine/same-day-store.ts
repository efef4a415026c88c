// SAME_DAY, for local delivery and same-day service: the nearest store within the radius that is
// open and can fill the whole order (under look-ahead, the one of them with the lowest cost plus
// scarcity charge, so every such store is ranked).
import { EVERY_STORE_NEARBY } from "../podium";
import { type Placement } from "../podium";
import { sameDayStage } from "../stage-outcomes";
import type { OrderRouting, StoreRequirements } from "./order-routing";

const OPEN_NOW: StoreRequirements = { open: true, pickup: false };

/** The store that delivers today, or null when none can (the caller flags SLA_AT_RISK). */
export function nearestSameDayStore(routing: OrderRouting): Placement | null {
  const { index } = routing;
  const eligible = routing.podium("NEAREST", index.rules.lookAhead === true ? EVERY_STORE_NEARBY : 2);
  const ineligible = routing.tracePodium("NEAREST");
  routing.rankStoresWithinRadius(eligible, ineligible, OPEN_NOW);
  const { stage, chosenPlace } = sameDayStage(eligible, ineligible, routing.order, index.rules, routing.traced);
  routing.stages.push(stage);
  return eligible.size > 0 ? eligible.placement(chosenPlace) : null;
}

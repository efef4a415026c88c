// SAME_DAY, for local delivery and same-day service: the nearest store within the radius that is
// open and can fill the whole order.
import { type Placement } from "../podium";
import { sameDayStage, TRACE_NEARBY_LIMIT } from "../stage-outcomes";
import type { OrderRouting, StoreRequirements } from "./order-routing";

const OPEN_NOW: StoreRequirements = { open: true, pickup: false };

/** The store that delivers today, or null when none can (the caller flags SLA_AT_RISK). */
export function nearestSameDayStore(routing: OrderRouting): Placement | null {
  const { index } = routing;
  const eligible = routing.podium("NEAREST", 2);
  const ineligible = routing.podium("NEAREST", TRACE_NEARBY_LIMIT);
  routing.rankStoresWithinRadius(eligible, ineligible, OPEN_NOW);
  routing.stages.push(sameDayStage(eligible, ineligible, index.rules.radiusMiles));
  return eligible.size > 0 ? eligible.placement(0) : null;
}

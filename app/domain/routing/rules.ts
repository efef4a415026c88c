import type { RoutingRules } from "./types";

/** The seed's rules: store stock only from 3 units, stores within 10 miles, up to $2.50 over the warehouse. */
export const DEFAULT_ROUTING_RULES: RoutingRules = Object.freeze({
  storeMinUnits: 3,
  radiusMiles: 10,
  maxExtraCostOverWarehouse: 2.5,
  allowSplit: true,
});

/**
 * Look-ahead's unit of charge in dollars: leaving a store unable to sell a SKU is charged
 * LAST_UNIT_MARGINS of it, less for each unit the store can still sell (docs/decisions/018, 035).
 * Kept apart from DEFAULT_ROUTING_RULES, which the settings form mirrors field by field, until the
 * form offers it.
 */
export const DEFAULT_LOOK_AHEAD_COST_MARGIN = 1;

export function resolveRules(rules: Partial<RoutingRules> | undefined): RoutingRules {
  return {
    storeMinUnits: rules?.storeMinUnits ?? DEFAULT_ROUTING_RULES.storeMinUnits,
    radiusMiles: rules?.radiusMiles ?? DEFAULT_ROUTING_RULES.radiusMiles,
    maxExtraCostOverWarehouse: rules?.maxExtraCostOverWarehouse ?? DEFAULT_ROUTING_RULES.maxExtraCostOverWarehouse,
    allowSplit: rules?.allowSplit ?? DEFAULT_ROUTING_RULES.allowSplit,
    lookAhead: rules?.lookAhead ?? false,
    lookAheadCostMargin: rules?.lookAheadCostMargin ?? DEFAULT_LOOK_AHEAD_COST_MARGIN,
  };
}

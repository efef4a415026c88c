import type { RoutingRules } from "./types";

/** The seed's rules: store stock only from 3 units, stores within 10 miles, up to $2.50 over the warehouse. */
export const DEFAULT_ROUTING_RULES: RoutingRules = Object.freeze({
  storeMinUnits: 3,
  radiusMiles: 10,
  maxExtraCostOverWarehouse: 2.5,
  allowSplit: true,
});

export function resolveRules(rules: Partial<RoutingRules> | undefined): RoutingRules {
  return {
    storeMinUnits: rules?.storeMinUnits ?? DEFAULT_ROUTING_RULES.storeMinUnits,
    radiusMiles: rules?.radiusMiles ?? DEFAULT_ROUTING_RULES.radiusMiles,
    maxExtraCostOverWarehouse: rules?.maxExtraCostOverWarehouse ?? DEFAULT_ROUTING_RULES.maxExtraCostOverWarehouse,
    allowSplit: rules?.allowSplit ?? DEFAULT_ROUTING_RULES.allowSplit,
  };
}

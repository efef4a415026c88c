// The routing engine's public surface.
export { routeOrder, routeWithIndex } from "./engine/route-order";
export { indexFootprintBytes, prepareNetwork, type NetworkIndex } from "./network-index";
export { routeOrderBaseline } from "./baseline";
export {
  validateRoutingRequest,
  describeIssues,
  type ValidationIssue,
  type ValidationResult,
  type ValidRoutingRequest,
} from "./validate";
export { explainDecision, type ExplainOptions } from "./explain";
export { DEFAULT_LOOK_AHEAD_COST_MARGIN, DEFAULT_ROUTING_RULES, resolveRules } from "./rules";
export { haversineMiles, EARTH_RADIUS_MILES } from "./geo";
export type * from "./types";
export { DELIVERY_METHODS, SERVICE_LEVELS, LOCATION_KINDS } from "./types";
export { indexedUnits, setIndexedUnits } from "./network-stock";
export { RANKED_LOCATIONS_STRATEGY, SHOPIFY_DEFAULT_STRATEGY, type NativeRule } from "./native/native-allocation";
export { NativeRouter, routeNatively, type NativeDecision, type NativeOptions } from "./native/native-routing";
export { GreedyNearestRouter, routeGreedyNearest, type GreedyOptions } from "./greedy/greedy-nearest";
export {
  measureOrder,
  needsSameDay,
  percentCheaper,
  QualityTally,
  summarize,
  type OrderQuality,
  type QualityRules,
  type QualitySummary,
  type QualityTotals,
  type RoutedOutcome,
  type UnitsBefore,
} from "./quality/metrics";
export { cheapestCoverCost, optimalCost } from "./quality/optimum";

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
export { DEFAULT_ROUTING_RULES, resolveRules } from "./rules";
export { haversineMiles, EARTH_RADIUS_MILES } from "./geo";
export type * from "./types";
export { DELIVERY_METHODS, SERVICE_LEVELS, LOCATION_KINDS } from "./types";

import { DEFAULT_ROUTING_RULES } from "../routing/rules";
import { SERVICE_LEVELS, type DeliveryMethod, type RoutingRules, type ServiceLevel } from "../routing/types";

/**
 * The routing rules a merchant tunes in Omniroute's settings, as stored and versioned: the
 * engine's rules plus how the shop's shipping methods map to a service level.
 */
export interface ShippingMethodRule {
  /** Matched case-insensitively against the shipping line's title and code. */
  readonly contains: string;
  readonly serviceLevel: ServiceLevel;
}

export interface RoutingSettings extends RoutingRules {
  readonly shippingMethodRules: readonly ShippingMethodRule[];
  /** For a shipping line no rule matches. */
  readonly defaultServiceLevel: ServiceLevel;
}

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = Object.freeze({
  ...DEFAULT_ROUTING_RULES,
  shippingMethodRules: Object.freeze([
    { contains: "same day", serviceLevel: "SAME_DAY" },
    { contains: "same-day", serviceLevel: "SAME_DAY" },
    { contains: "next day", serviceLevel: "NEXT_DAY" },
    { contains: "overnight", serviceLevel: "NEXT_DAY" },
    { contains: "express", serviceLevel: "NEXT_DAY" },
  ] satisfies ShippingMethodRule[]),
  defaultServiceLevel: "STANDARD",
});

/** Bounds that keep a typo from routing every order across the country. */
export const SETTINGS_LIMITS = {
  storeMinUnits: { min: 0, max: 1000 },
  radiusMiles: { min: 0.5, max: 500 },
  maxExtraCostOverWarehouse: { min: 0, max: 1000 },
  shippingMethodRules: { max: 50 },
} as const;

export function engineRules(settings: RoutingSettings): RoutingRules {
  return {
    storeMinUnits: settings.storeMinUnits,
    radiusMiles: settings.radiusMiles,
    maxExtraCostOverWarehouse: settings.maxExtraCostOverWarehouse,
    allowSplit: settings.allowSplit,
  };
}

export interface ShippingLine {
  readonly title?: string | null;
  readonly code?: string | null;
}

/**
 * The service level an order asks for: local delivery is always same-day; otherwise the first
 * rule whose text appears in the shipping line's title or code, else the default.
 */
export function serviceLevelFor(
  settings: RoutingSettings,
  deliveryMethod: DeliveryMethod,
  shippingLine: ShippingLine | null,
): ServiceLevel {
  if (deliveryMethod === "LOCAL_DELIVERY") return "SAME_DAY";
  const haystack = `${shippingLine?.title ?? ""} ${shippingLine?.code ?? ""}`.toLowerCase();
  const rule = settings.shippingMethodRules.find((candidate) => haystack.includes(candidate.contains.toLowerCase()));
  return rule?.serviceLevel ?? settings.defaultServiceLevel;
}

export function isServiceLevel(value: unknown): value is ServiceLevel {
  return typeof value === "string" && (SERVICE_LEVELS as readonly string[]).includes(value);
}

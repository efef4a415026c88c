import { formatShippingMethodRules, type SettingsForm } from "./parse-settings";
import { DEFAULT_ROUTING_SETTINGS, isServiceLevel, type RoutingSettings, type ShippingMethodRule } from "./settings";

/**
 * Settings as read back from a stored version. A field that is missing or unreadable (a
 * version saved before the field existed) takes its default rather than failing routing.
 */
export function readStoredSettings(stored: unknown): RoutingSettings {
  const value = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const finite = (key: "storeMinUnits" | "radiusMiles" | "maxExtraCostOverWarehouse") => {
    const field = value[key];
    return typeof field === "number" && Number.isFinite(field) && field >= 0 ? field : DEFAULT_ROUTING_SETTINGS[key];
  };
  const rules = Array.isArray(value.shippingMethodRules)
    ? value.shippingMethodRules.filter(
        (rule): rule is ShippingMethodRule =>
          typeof rule === "object" &&
          rule !== null &&
          typeof (rule as ShippingMethodRule).contains === "string" &&
          isServiceLevel((rule as ShippingMethodRule).serviceLevel),
      )
    : DEFAULT_ROUTING_SETTINGS.shippingMethodRules;
  return {
    storeMinUnits: finite("storeMinUnits"),
    radiusMiles: finite("radiusMiles"),
    maxExtraCostOverWarehouse: finite("maxExtraCostOverWarehouse"),
    allowSplit: typeof value.allowSplit === "boolean" ? value.allowSplit : DEFAULT_ROUTING_SETTINGS.allowSplit,
    shippingMethodRules: rules,
    defaultServiceLevel: isServiceLevel(value.defaultServiceLevel)
      ? value.defaultServiceLevel
      : DEFAULT_ROUTING_SETTINGS.defaultServiceLevel,
  };
}

/** The settings as the form shows them. */
export function toSettingsForm(settings: RoutingSettings): Required<SettingsForm> {
  return {
    storeMinUnits: String(settings.storeMinUnits),
    radiusMiles: String(settings.radiusMiles),
    maxExtraCostOverWarehouse: settings.maxExtraCostOverWarehouse.toFixed(2),
    allowSplit: String(settings.allowSplit),
    defaultServiceLevel: settings.defaultServiceLevel,
    shippingMethodRules: formatShippingMethodRules(settings.shippingMethodRules),
  };
}

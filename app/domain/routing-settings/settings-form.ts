import { dollarsFieldValue } from "../money";
import type { RoutingSettings, ShippingMethodRule } from "./settings";

/**
 * The routing rules form as a browser posts it (every value a string), and the settings as the
 * form shows them. No schema here: the page's browser code imports this file, so zod stays
 * out of the browser; parse-settings.ts, which only the server imports, parses the form.
 */
export interface SettingsForm {
  storeMinUnits?: string;
  radiusMiles?: string;
  maxExtraCostOverWarehouse?: string;
  allowSplit?: string;
  defaultServiceLevel?: string;
  /** One rule a line: `<text> => <SERVICE_LEVEL>`, e.g. `express => NEXT_DAY`. */
  shippingMethodRules?: string;
}

export const SETTINGS_FIELDS = [
  "storeMinUnits",
  "radiusMiles",
  "maxExtraCostOverWarehouse",
  "allowSplit",
  "defaultServiceLevel",
  "shippingMethodRules",
] as const satisfies readonly (keyof SettingsForm)[];

export function formatShippingMethodRules(rules: readonly ShippingMethodRule[]): string {
  return rules.map((rule) => `${rule.contains} => ${rule.serviceLevel}`).join("\n");
}

/** The settings as the form shows them. */
export function toSettingsForm(settings: RoutingSettings): Required<SettingsForm> {
  return {
    storeMinUnits: String(settings.storeMinUnits),
    radiusMiles: String(settings.radiusMiles),
    maxExtraCostOverWarehouse: dollarsFieldValue(settings.maxExtraCostOverWarehouse),
    allowSplit: String(settings.allowSplit),
    defaultServiceLevel: settings.defaultServiceLevel,
    shippingMethodRules: formatShippingMethodRules(settings.shippingMethodRules),
  };
}

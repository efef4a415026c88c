import { isServiceLevel, SETTINGS_LIMITS, type RoutingSettings, type ShippingMethodRule } from "./settings";

/**
 * Reads the settings form (every value a string, as a browser posts it) into settings, or
 * field errors a merchant can act on, keyed by field name. Nothing is half-applied: either
 * every field is valid or none is saved.
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

export type FieldErrors = Partial<Record<keyof SettingsForm, string>>;

export type ParsedSettings = { ok: true; settings: RoutingSettings } | { ok: false; errors: FieldErrors };

function number(
  raw: string | undefined,
  { min, max }: { min: number; max: number },
  { integer, unit }: { integer: boolean; unit: string },
): { value: number } | { error: string } {
  const text = (raw ?? "").trim();
  if (text === "") return { error: `Enter ${unit}` };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: `Enter ${unit} as a number` };
  const value = Number(text);
  if (integer && !Number.isInteger(value)) return { error: `Enter a whole number of ${unit}` };
  if (value < min || value > max) return { error: `Enter ${unit} from ${min} to ${max}` };
  return { value };
}

export function formatShippingMethodRules(rules: readonly ShippingMethodRule[]): string {
  return rules.map((rule) => `${rule.contains} => ${rule.serviceLevel}`).join("\n");
}

function shippingMethodRules(raw: string | undefined): { value: ShippingMethodRule[] } | { error: string } {
  const lines = (raw ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > SETTINGS_LIMITS.shippingMethodRules.max) {
    return { error: `Keep to ${SETTINGS_LIMITS.shippingMethodRules.max} rules or fewer` };
  }
  const rules: ShippingMethodRule[] = [];
  for (const [index, line] of lines.entries()) {
    const match = /^(.+?)\s*=>\s*([A-Z_]+)$/.exec(line);
    const contains = match?.[1]?.trim() ?? "";
    const serviceLevel = match?.[2];
    if (!match || contains === "" || !isServiceLevel(serviceLevel)) {
      return { error: `Line ${index + 1}: write it as "text => STANDARD", "text => NEXT_DAY" or "text => SAME_DAY"` };
    }
    rules.push({ contains, serviceLevel });
  }
  return { value: rules };
}

export function parseSettingsForm(form: SettingsForm): ParsedSettings {
  const errors: FieldErrors = {};
  const storeMinUnits = number(form.storeMinUnits, SETTINGS_LIMITS.storeMinUnits, { integer: true, unit: "units" });
  const radiusMiles = number(form.radiusMiles, SETTINGS_LIMITS.radiusMiles, { integer: false, unit: "miles" });
  const maxExtra = number(form.maxExtraCostOverWarehouse, SETTINGS_LIMITS.maxExtraCostOverWarehouse, {
    integer: false,
    unit: "dollars",
  });
  const rules = shippingMethodRules(form.shippingMethodRules);
  if ("error" in storeMinUnits) errors.storeMinUnits = storeMinUnits.error;
  if ("error" in radiusMiles) errors.radiusMiles = radiusMiles.error;
  if ("error" in maxExtra) errors.maxExtraCostOverWarehouse = maxExtra.error;
  if ("error" in rules) errors.shippingMethodRules = rules.error;
  if (!isServiceLevel(form.defaultServiceLevel)) errors.defaultServiceLevel = "Choose Standard, Next day or Same day";
  if (form.allowSplit !== undefined && !["true", "false", "on"].includes(form.allowSplit)) {
    errors.allowSplit = "Choose whether orders may be split";
  }
  if (
    Object.keys(errors).length > 0 ||
    "error" in storeMinUnits ||
    "error" in radiusMiles ||
    "error" in maxExtra ||
    "error" in rules ||
    !isServiceLevel(form.defaultServiceLevel)
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      storeMinUnits: storeMinUnits.value,
      radiusMiles: radiusMiles.value,
      maxExtraCostOverWarehouse: Math.round(maxExtra.value * 100) / 100,
      // An unticked checkbox is absent from the posted form.
      allowSplit: form.allowSplit === "true" || form.allowSplit === "on",
      shippingMethodRules: rules.value,
      defaultServiceLevel: form.defaultServiceLevel,
    },
  };
}

import { z } from "zod";
import { roundCents } from "../money";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import type { ServiceLevel } from "../routing/types";
import { isServiceLevel, SETTINGS_LIMITS, type RoutingSettings, type ShippingMethodRule } from "./settings";
import type { SettingsForm } from "./settings-form";

/**
 * Reads the routing rules form (settings-form.ts) into settings, or field errors a merchant can
 * act on, keyed by field name.
 */

export type SettingsErrors = FieldErrors<keyof SettingsForm>;

/** A number typed in `unit`, within `min`–`max`; an absent field reads as empty. */
function numberField(
  { min, max }: { min: number; max: number },
  { integer, unit }: { integer: boolean; unit: string },
) {
  const outOfRange = `Enter ${unit} from ${min} to ${max}`;
  const number = integer ? z.number().int(`Enter a whole number of ${unit}`) : z.number();
  return z
    .string()
    .trim()
    .min(1, `Enter ${unit}`)
    .regex(/^-?\d+(\.\d+)?$/, `Enter ${unit} as a number`)
    .prefault("")
    .transform(Number)
    .pipe(number.min(min, outOfRange).max(max, outOfRange));
}

const SHIPPING_METHOD_RULE = /^(.+?)\s*=>\s*([A-Z_]+)$/;

function shippingMethodRuleOf(line: string): ShippingMethodRule | null {
  const match = SHIPPING_METHOD_RULE.exec(line);
  const contains = match?.[1]?.trim() ?? "";
  const serviceLevel = match?.[2];
  return contains !== "" && isServiceLevel(serviceLevel) ? { contains, serviceLevel } : null;
}

const MAX_RULES = SETTINGS_LIMITS.shippingMethodRules.max;

/** One rule a line, blank lines skipped; the first line that does not read is the error. */
const shippingMethodRulesField = z
  .string()
  .prefault("")
  .transform((text) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).max(MAX_RULES, `Keep to ${MAX_RULES} rules or fewer`))
  .transform((lines, context) => {
    const rules: ShippingMethodRule[] = [];
    for (const [index, line] of lines.entries()) {
      const rule = shippingMethodRuleOf(line);
      if (!rule) {
        context.addIssue({
          code: "custom",
          message: `Line ${index + 1}: write it as "text => STANDARD", "text => NEXT_DAY" or "text => SAME_DAY"`,
        });
        return z.NEVER;
      }
      rules.push(rule);
    }
    return rules;
  });

const settingsFormSchema = z.object({
  storeMinUnits: numberField(SETTINGS_LIMITS.storeMinUnits, { integer: true, unit: "units" }),
  radiusMiles: numberField(SETTINGS_LIMITS.radiusMiles, { integer: false, unit: "miles" }),
  maxExtraCostOverWarehouse: numberField(SETTINGS_LIMITS.maxExtraCostOverWarehouse, {
    integer: false,
    unit: "dollars",
  }).transform(roundCents),
  // An unticked checkbox is absent from the posted form: splits not allowed.
  allowSplit: z
    .enum(["true", "false", "on"], { error: "Choose whether orders may be split" })
    .optional()
    .transform((value) => value === "true" || value === "on"),
  defaultServiceLevel: z.custom<ServiceLevel>(isServiceLevel, { error: "Choose Standard, Next day or Same day" }),
  shippingMethodRules: shippingMethodRulesField,
});

/** The settings the form holds, or the error of each field to fix: nothing is half-applied. */
export function parseSettingsForm(form: SettingsForm): FormResult<RoutingSettings, keyof SettingsForm> {
  return parseForm(settingsFormSchema, form);
}

import { z } from "zod";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import { EXCEPTION_STOCK_POLICIES, STORE_SETTINGS_LIMITS, type StoreSettings } from "./settings";
import type { StoreSettingsForm } from "./settings-form";

/**
 * Reads the store settings form (settings-form.ts) into settings, or one message per field the
 * merchant has to fix.
 */

export type StoreSettingsErrors = FieldErrors<keyof StoreSettingsForm>;

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

/** An unticked checkbox is absent from the posted form: off. */
const checkbox = z
  .enum(["true", "false", "on"], { error: "Choose on or off" })
  .optional()
  .transform((value) => value === "true" || value === "on");

const LIMITS = STORE_SETTINGS_LIMITS;

const storeSettingsFormSchema = z.object({
  pickTargetMinutes: numberField(
    { min: LIMITS.pickTargetSeconds.min / 60, max: LIMITS.pickTargetSeconds.max / 60 },
    { integer: false, unit: "minutes" },
  ),
  notStartedMinutes: numberField(LIMITS.notStartedMinutes, { integer: true, unit: "minutes" }),
  escalationEnabled: checkbox,
  escalationMinutesBeforeDue: numberField(LIMITS.minutesBeforeDue, { integer: true, unit: "minutes" }),
  uncollectedDays: numberField(LIMITS.uncollectedDays, { integer: true, unit: "days" }),
  requireIdCheck: checkbox,
  exceptionStockPolicy: z.enum(EXCEPTION_STOCK_POLICIES, { error: "Choose what an exception does to the stock" }),
  shipSlaHours: numberField(LIMITS.shipSlaHours, { integer: true, unit: "hours" }),
  emailStoresOnNewTask: checkbox,
});

/** The settings the form holds, or the error of each field to fix: nothing is half-applied. */
export function parseStoreSettingsForm(form: StoreSettingsForm): FormResult<StoreSettings, keyof StoreSettingsForm> {
  const parsed = parseForm(storeSettingsFormSchema, form);
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  return {
    ok: true,
    values: {
      pickTargetSeconds: Math.round(values.pickTargetMinutes * 60),
      notStartedMinutes: values.notStartedMinutes,
      escalation: { enabled: values.escalationEnabled, minutesBeforeDue: values.escalationMinutesBeforeDue },
      uncollectedDays: values.uncollectedDays,
      requireIdCheck: values.requireIdCheck,
      exceptionStockPolicy: values.exceptionStockPolicy,
      shipSlaHours: values.shipSlaHours,
      emailStoresOnNewTask: values.emailStoresOnNewTask,
    },
  };
}

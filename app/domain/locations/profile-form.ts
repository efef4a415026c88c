import { parseHoursForm, type HoursForm, type HoursValues } from "./hours-form";

/**
 * A location's profile as the merchant edits it (every value a string, as posted), read into
 * the values routing uses, or field errors.
 */
export interface ProfileForm extends HoursForm {
  kind?: string;
  labourCostPerOrder?: string;
  shippingBaseCost?: string;
  shippingCostPerMile?: string;
  dailyCapacity?: string;
  /** "shopify" follows Shopify's local pickup setting; "on" / "off" override it. */
  pickup?: string;
}

export interface ProfileValues extends HoursValues {
  kind: "STORE" | "WAREHOUSE";
  labourCostPerOrder: number;
  shippingBaseCost: number;
  shippingCostPerMile: number;
  dailyCapacity: number | null;
  pickupEnabledOverride: boolean | null;
}

export type ProfileErrors = Partial<Record<keyof ProfileForm, string>>;

function money(raw: string | undefined, max: number, what: string): number | string {
  const text = (raw ?? "").trim();
  if (!/^\d+(\.\d{1,4})?$/.test(text)) return `Enter ${what} in dollars, like 3.00`;
  const value = Number(text);
  return value > max ? `Enter ${what} of at most $${max}` : value;
}

export function parseProfileForm(
  form: ProfileForm,
): { ok: true; values: ProfileValues } | { ok: false; errors: ProfileErrors } {
  const errors: ProfileErrors = {};
  const kind = form.kind === "STORE" || form.kind === "WAREHOUSE" ? form.kind : null;
  if (!kind) errors.kind = "Choose store or warehouse";
  const labour = money(form.labourCostPerOrder, 1000, "the pick and pack cost");
  const base = money(form.shippingBaseCost, 1000, "the cost of a parcel");
  const perMile = money(form.shippingCostPerMile, 100, "the cost a mile");
  if (typeof labour === "string") errors.labourCostPerOrder = labour;
  if (typeof base === "string") errors.shippingBaseCost = base;
  if (typeof perMile === "string") errors.shippingCostPerMile = perMile;
  const capacityText = (form.dailyCapacity ?? "").trim();
  const capacity = capacityText === "" ? null : Number(capacityText);
  if (capacity !== null && (!/^\d+$/.test(capacityText) || capacity < 1 || capacity > 100_000)) {
    errors.dailyCapacity = "Enter a whole number of orders a day from 1, or leave it empty for no limit";
  }
  const pickup =
    form.pickup === "on" ? true : form.pickup === "off" ? false : form.pickup === "shopify" ? null : undefined;
  if (pickup === undefined) errors.pickup = "Choose whether shoppers can pick up here";
  const hours = parseHoursForm(form);
  if (!hours.ok) Object.assign(errors, hours.errors);
  if (
    !kind ||
    typeof labour === "string" ||
    typeof base === "string" ||
    typeof perMile === "string" ||
    pickup === undefined ||
    !hours.ok
  ) {
    return { ok: false, errors };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      kind,
      labourCostPerOrder: labour,
      shippingBaseCost: base,
      shippingCostPerMile: perMile,
      dailyCapacity: capacity,
      pickupEnabledOverride: pickup,
      ...hours.values,
    },
  };
}

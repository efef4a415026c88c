import { z } from "zod";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import type { HoursForm, HoursValues } from "./hours-form";
import { hoursFormSchema, openDaysOf } from "./parse-hours";
import type { Weekday } from "./opening-hours";

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
  /** Where the store is emailed when an order arrives; empty for none. */
  storeEmail?: string;
}

export interface ProfileValues extends HoursValues {
  kind: "STORE" | "WAREHOUSE";
  labourCostPerOrder: number;
  shippingBaseCost: number;
  shippingCostPerMile: number;
  dailyCapacity: number | null;
  pickupEnabledOverride: boolean | null;
  storeEmail: string | null;
}

export type ProfileField = keyof ProfileForm;
export type ProfileErrors = FieldErrors<ProfileField>;

/** Dollars typed with up to 4 decimals, at most `max`. */
function moneyField(max: number, what: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,4})?$/, `Enter ${what} in dollars, like 3.00`)
    .prefault("")
    .transform(Number)
    .pipe(z.number().max(max, `Enter ${what} of at most $${max}`));
}

const DAILY_CAPACITY = "Enter a whole number of orders a day from 1, or leave it empty for no limit";
const STORE_EMAIL = "Enter an email address like lincoln-park@example.com, or leave it empty";

const profileFieldsSchema = z.object({
  kind: z.enum(["STORE", "WAREHOUSE"], { error: "Choose store or warehouse" }),
  labourCostPerOrder: moneyField(1000, "the pick and pack cost"),
  shippingBaseCost: moneyField(1000, "the cost of a parcel"),
  shippingCostPerMile: moneyField(100, "the cost a mile"),
  // Empty means no limit.
  dailyCapacity: z
    .string()
    .trim()
    .prefault("")
    .transform((text) => (text === "" ? null : text))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, DAILY_CAPACITY)
        .transform(Number)
        .pipe(z.number().min(1, DAILY_CAPACITY).max(100_000, DAILY_CAPACITY))
        .nullable(),
    ),
  pickup: z
    .enum(["shopify", "on", "off"], { error: "Choose whether shoppers can pick up here" })
    .transform((choice) => (choice === "shopify" ? null : choice === "on")),
  // Empty means the store is not emailed.
  storeEmail: z
    .string()
    .trim()
    .prefault("")
    .transform((text) => (text === "" ? null : text))
    .pipe(z.string().max(254, STORE_EMAIL).email(STORE_EMAIL).nullable()),
});

/** The profile's schema for the days its hours tick open (see hoursFormSchema). */
export function profileFormSchema(openDays: readonly Weekday[]) {
  return profileFieldsSchema
    .transform(({ pickup, ...fields }) => ({ ...fields, pickupEnabledOverride: pickup }))
    .and(hoursFormSchema(openDays));
}

export function parseProfileForm(form: ProfileForm): FormResult<ProfileValues, ProfileField> {
  return parseForm(profileFormSchema(openDaysOf(form)), form);
}

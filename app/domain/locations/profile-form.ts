import { z } from "zod";
import { parseForm, type FieldErrors, type FormResult } from "../form-result";
import type { HoursForm, HoursValues } from "./hours-form";
import { hoursFormSchema, openDaysOf } from "./parse-hours";
import { isTimeOfDay, type Weekday } from "./opening-hours";

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
  /** Minutes of opening time a pickup order takes; empty follows Shopify's "Usually ready in …". */
  preparationMinutes?: string;
  /** "HH:MM": pickup orders placed later are prepared from the next opening; empty for none. */
  pickupOrderCutoff?: string;
}

export interface ProfileValues extends HoursValues {
  kind: "STORE" | "WAREHOUSE";
  labourCostPerOrder: number;
  shippingBaseCost: number;
  shippingCostPerMile: number;
  dailyCapacity: number | null;
  pickupEnabledOverride: boolean | null;
  storeEmail: string | null;
  preparationMinutes: number | null;
  pickupOrderCutoff: string | null;
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
/** A week of opening time at most: longer than any of Shopify's own choices ("5+ days"). */
export const MAX_PREPARATION_MINUTES = 7 * 24 * 60;
export const MIN_PREPARATION_MINUTES = 5;
const PREPARATION_MINUTES = `Enter whole minutes from ${MIN_PREPARATION_MINUTES} to ${MAX_PREPARATION_MINUTES}, or leave it empty to follow Shopify`;
const PICKUP_ORDER_CUTOFF = "Enter a time from 00:00 to 23:59, like 15:00, or leave it empty for no cut-off";

/** A text field where empty means null (none set). */
function optionalText() {
  return z
    .string()
    .trim()
    .prefault("")
    .transform((text) => (text === "" ? null : text));
}

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
  // Empty follows Shopify's "Usually ready in …" (app/domain/pickup-promise/preparation.ts).
  preparationMinutes: optionalText().pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, PREPARATION_MINUTES)
      .transform(Number)
      .pipe(
        z.number().min(MIN_PREPARATION_MINUTES, PREPARATION_MINUTES).max(MAX_PREPARATION_MINUTES, PREPARATION_MINUTES),
      )
      .nullable(),
  ),
  // Empty means pickup orders are taken for the same day until closing.
  pickupOrderCutoff: optionalText().pipe(z.string().refine(isTimeOfDay, PICKUP_ORDER_CUTOFF).nullable()),
});

/** Each profile field's own rule, for edits of one field at many locations (bulk-profile-edit.ts). */
export const PROFILE_FIELD_SCHEMAS = profileFieldsSchema.shape;

/** The profile's schema for the days its hours tick open (see hoursFormSchema). */
export function profileFormSchema(openDays: readonly Weekday[]) {
  return profileFieldsSchema
    .transform(({ pickup, ...fields }) => ({ ...fields, pickupEnabledOverride: pickup }))
    .and(hoursFormSchema(openDays));
}

export function parseProfileForm(form: ProfileForm): FormResult<ProfileValues, ProfileField> {
  return parseForm(profileFormSchema(openDaysOf(form)), form);
}

import { z } from "zod";
import { parseForm, type FormResult } from "../form-result";
import { SEED_ROI_INPUTS, type RoiInputs } from "./roi-calculator";

/**
 * The calculator's inputs as they travel in the page's URL (so a result can be shared) and come
 * back from its form: one short parameter per input, each a plain decimal string. A missing or
 * empty parameter takes the seed's figure; anything else must read exactly, or the whole form is
 * refused with a message per field.
 */

/** The URL parameter of each input. */
export const ROI_FIELDS = {
  onlineOrdersPerMonth: "orders",
  averageOrderValueCents: "aov",
  bopisShareBasisPoints: "bopis",
  shippingSavedPerOrderCents: "shipping",
  labourPerOrderCents: "labour",
  technologyCostPerMonthCents: "technology",
  inStorePurchaseRateBasisPoints: "instore",
  averageUpsellCents: "upsell",
  lifetimeValueUpliftBasisPoints: "ltv",
  profitMarginBasisPoints: "margin",
} as const satisfies Record<keyof RoiInputs, string>;

export type RoiInput = keyof RoiInputs;
export type RoiField = (typeof ROI_FIELDS)[RoiInput];
export type RoiForm = Partial<Record<RoiField, string>>;

/** Large enough for a national chain, small enough that every product stays an exact number. */
export const MAX_ORDERS_PER_MONTH = 1_000_000;
export const MAX_DOLLARS = 1_000_000;

type Kind = "orders" | "money" | "percent";

export const ROI_INPUT_KINDS: Record<RoiInput, Kind> = {
  onlineOrdersPerMonth: "orders",
  averageOrderValueCents: "money",
  bopisShareBasisPoints: "percent",
  shippingSavedPerOrderCents: "money",
  labourPerOrderCents: "money",
  technologyCostPerMonthCents: "money",
  inStorePurchaseRateBasisPoints: "percent",
  averageUpsellCents: "money",
  lifetimeValueUpliftBasisPoints: "percent",
  profitMarginBasisPoints: "percent",
};

/** What the merchant reads beside each field. */
export const ROI_INPUT_LABELS: Record<RoiInput, string> = {
  onlineOrdersPerMonth: "Online orders a month",
  averageOrderValueCents: "Average order value",
  bopisShareBasisPoints: "Orders collected in store (BOPIS share)",
  shippingSavedPerOrderCents: "Shipping cost saved per BOPIS order",
  labourPerOrderCents: "Labour cost per in-store pick",
  technologyCostPerMonthCents: "Technology cost a month (OMS, SMS, integrations)",
  inStorePurchaseRateBasisPoints: "BOPIS customers who buy more in store",
  averageUpsellCents: "Average in-store upsell",
  lifetimeValueUpliftBasisPoints: "Higher lifetime value of BOPIS customers",
  profitMarginBasisPoints: "Profit margin on a customer's spending",
};

// Thousands separators ("2,000") are allowed; a "$" or "%" typed out of habit too.
const DECIMAL = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** "12.5" → 1250 when `decimals` is 2: the decimal as a whole number of its smallest unit, exactly. */
function scaled(text: string, decimals: number): number | null {
  const [whole = "", fraction = ""] = text.replaceAll(",", "").split(".");
  if (fraction.length > decimals) return null;
  // Leading zeros do not change the value, and at most 7 + decimals digits reach here (see the caps).
  return Number(whole + fraction.padEnd(decimals, "0"));
}

function message(kind: Kind, label: string): { format: string; range: string } {
  const what = label.charAt(0).toLowerCase() + label.slice(1);
  switch (kind) {
    case "orders":
      return {
        format: `Enter ${what} as a whole number, like 2000`,
        range: `Enter ${what} from 0 to ${MAX_ORDERS_PER_MONTH.toLocaleString("en-US")}`,
      };
    case "money":
      return {
        format: `Enter the ${what} in dollars and cents, like 6.50`,
        range: `Enter the ${what} from 0 to ${MAX_DOLLARS.toLocaleString("en-US")}`,
      };
    case "percent":
      return {
        format: `Enter a percentage with at most 2 decimals, like 30 or 12.5`,
        range: `Enter a percentage from 0 to 100`,
      };
  }
}

const DECIMALS: Record<Kind, number> = { orders: 0, money: 2, percent: 2 };
const MAXIMUM: Record<Kind, number> = { orders: MAX_ORDERS_PER_MONTH, money: MAX_DOLLARS * 100, percent: 100 * 100 };

function inputSchema(input: RoiInput, defaults: RoiInputs) {
  const kind = ROI_INPUT_KINDS[input];
  const messages = message(kind, ROI_INPUT_LABELS[input]);
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      const text = (raw ?? "").trim().replace(/^\$/, "").replace(/%$/, "").trim();
      if (text === "") return defaults[input];
      if (text.startsWith("-")) {
        context.addIssue({ code: "custom", message: messages.range });
        return z.NEVER;
      }
      // Checked before reading: a 100,000-digit number is refused without being scaled.
      const value = DECIMAL.test(text) && text.length <= 32 ? scaled(text, DECIMALS[kind]) : null;
      if (value === null) {
        context.addIssue({ code: "custom", message: messages.format });
        return z.NEVER;
      }
      if (value > MAXIMUM[kind]) {
        context.addIssue({ code: "custom", message: messages.range });
        return z.NEVER;
      }
      return value;
    });
}

const inputs = Object.keys(ROI_FIELDS) as RoiInput[];

function roiFormSchema(defaults: RoiInputs) {
  return z
    .object(Object.fromEntries(inputs.map((input) => [ROI_FIELDS[input], inputSchema(input, defaults)])))
    .transform(
      // The object's keys are ROI_FIELDS' values, each read into its input's number.
      (values) => Object.fromEntries(inputs.map((input) => [input, values[ROI_FIELDS[input]]])) as unknown as RoiInputs,
    );
}

/** Reads the calculator's inputs from its URL parameters; missing ones are `defaults` (the seed's). */
export function parseRoiForm(form: RoiForm, defaults: RoiInputs = SEED_ROI_INPUTS): FormResult<RoiInputs, RoiField> {
  return parseForm(roiFormSchema(defaults), form);
}

/** The form's fields read from a URL's parameters (the first of a repeated one). */
export function roiFormOf(params: URLSearchParams): RoiForm {
  const form: RoiForm = {};
  for (const field of Object.values(ROI_FIELDS)) {
    const value = params.get(field);
    if (value !== null) form[field] = value;
  }
  return form;
}

/** The parameters that give back `values` (the form's fields, and the URL of a shared result). */
export function roiFormValues(values: RoiInputs): Record<RoiField, string> {
  return Object.fromEntries(
    inputs.map((input) => {
      const value = values[input];
      const kind = ROI_INPUT_KINDS[input];
      return [ROI_FIELDS[input], kind === "orders" ? String(value) : decimalText(value, kind)];
    }),
  ) as Record<RoiField, string>;
}

/** 650 → "6.50" for money; 3000 → "30" and 1250 → "12.5" for a percentage (no trailing zeros). */
function decimalText(value: number, kind: "money" | "percent"): string {
  const decimals = DECIMALS[kind];
  const whole = Math.trunc(value / 10 ** decimals);
  const fraction = String(value % 10 ** decimals).padStart(decimals, "0");
  if (kind === "money") return `${whole}.${fraction}`;
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed === "" ? String(whole) : `${whole}.${trimmed}`;
}

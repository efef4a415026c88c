import { MONTHS_A_YEAR, type RoiInputs, type RoiResult } from "./roi-calculator";

/**
 * The calculator's lines as the merchant reads them, each with its formula written out in the
 * shop's own number and currency format ("600 BOPIS orders × $6.50 = $3,900.00"), so every figure
 * can be checked by hand, as in the seed's spreadsheet.
 */

export interface RoiFormats {
  /** Cents as the shop's currency: 90000 → "$900.00". */
  money(cents: number): string;
  /** A whole count: 2000 → "2,000". */
  count(value: number): string;
  /** Basis points as a percentage: 3000 → "30%", 1250 → "12.5%". */
  percent(basisPoints: number): string;
}

export const FALLBACK_LOCALE = "en-US";
export const FALLBACK_CURRENCY = "USD";

/** The locale if this runtime knows it, else null; never throws, whatever the text. */
export function knownLocale(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 35) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate])[0] ?? null;
  } catch {
    return null;
  }
}

/** An ISO 4217 code this runtime can format, upper-cased, else null. */
export function knownCurrency(candidate: string | null | undefined): string | null {
  if (!candidate || !/^[A-Za-z]{3}$/.test(candidate)) return null;
  const code = candidate.toUpperCase();
  return Intl.supportedValuesOf("currency").includes(code) ? code : null;
}

/**
 * Formats for the shop's locale and currency. The calculator counts in hundredths of the currency
 * unit, so amounts are shown with two decimals whatever the currency's own custom.
 */
export function roiFormats(locale: string, currency: string): RoiFormats {
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  return {
    // Cents to units is exact in a double up to 2^53 cents, far past the form's caps.
    money: (cents) => money.format(cents / 100),
    count: (value) => count.format(value),
    percent: (basisPoints) => percent.format(basisPoints / 10_000),
  };
}

/** "$" for USD in en-US, "€" for EUR: what goes before (or after) a money field. */
export function currencySymbol(locale: string, currency: string): string {
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0);
  return parts.find((part) => part.type === "currency")?.value ?? currency;
}

export type RoiLineId =
  | "bopisOrders"
  | "shippingSaved"
  | "labourCost"
  | "technologyCost"
  | "netMonthlySavings"
  | "upsellRevenue"
  | "retentionValue";

export interface RoiLine {
  id: RoiLineId;
  label: string;
  /** The line's figure, formatted. */
  value: string;
  /** How the figure is reached, with the inputs' own figures. */
  formula: string;
}

/** "order" for one, "orders" otherwise (zero included). */
export function ordersWord(count: number): string {
  return count === 1 ? "order" : "orders";
}

export function roiLines(inputs: RoiInputs, result: RoiResult, formats: RoiFormats): RoiLine[] {
  const { money, count, percent } = formats;
  const bopisOrders = `${count(result.bopisOrdersPerMonth)} BOPIS ${ordersWord(result.bopisOrdersPerMonth)}`;
  return [
    {
      id: "bopisOrders",
      label: "BOPIS orders a month",
      value: count(result.bopisOrdersPerMonth),
      formula: `${count(inputs.onlineOrdersPerMonth)} online ${ordersWord(inputs.onlineOrdersPerMonth)} × ${percent(inputs.bopisShareBasisPoints)} = ${bopisOrders} (to the nearest whole order)`,
    },
    {
      id: "shippingSaved",
      label: "Shipping cost saved",
      value: money(result.shippingSavedCents),
      formula: `${bopisOrders} × ${money(inputs.shippingSavedPerOrderCents)} = ${money(result.shippingSavedCents)}`,
    },
    {
      id: "labourCost",
      label: "Labour cost incurred",
      value: money(result.labourCostCents),
      formula: `${bopisOrders} × ${money(inputs.labourPerOrderCents)} = ${money(result.labourCostCents)}`,
    },
    {
      id: "technologyCost",
      label: "Technology cost",
      value: money(result.technologyCostCents),
      formula: `OMS, SMS, integrations: ${money(result.technologyCostCents)} a month`,
    },
    {
      id: "netMonthlySavings",
      label: "Net monthly savings",
      value: money(result.netMonthlySavingsCents),
      formula: `${money(result.shippingSavedCents)} − ${money(result.labourCostCents)} − ${money(result.technologyCostCents)} = ${money(result.netMonthlySavingsCents)}`,
    },
    {
      id: "upsellRevenue",
      label: "Upsell opportunity a month",
      value: money(result.upsellRevenuePerMonthCents),
      formula: `${bopisOrders} × ${percent(inputs.inStorePurchaseRateBasisPoints)} buy more in store × ${money(inputs.averageUpsellCents)} = ${money(result.upsellRevenuePerMonthCents)} extra revenue`,
    },
    {
      id: "retentionValue",
      label: "Higher retention a year",
      value: money(result.retentionValuePerYearCents),
      formula: `${bopisOrders} × ${MONTHS_A_YEAR} months × ${money(inputs.averageOrderValueCents)} average order × ${percent(inputs.lifetimeValueUpliftBasisPoints)} higher lifetime value × ${percent(inputs.profitMarginBasisPoints)} margin = ${money(result.retentionValuePerYearCents)} a year`,
    },
  ];
}

/** The assumption behind the retention line, in words, with the inputs it rests on. */
export function retentionAssumption(inputs: RoiInputs, formats: RoiFormats): string {
  const { money, percent } = formats;
  return (
    `The seed says BOPIS customers have a ${percent(2500)} higher lifetime value, worth about ${money(1_500_000)} a year, ` +
    `without saying how one gives the other. This line assumes the higher lifetime value shows as ` +
    `${percent(inputs.lifetimeValueUpliftBasisPoints)} more spending by the customers behind a year of BOPIS orders ` +
    `(each worth ${money(inputs.averageOrderValueCents)} on average), of which ${percent(inputs.profitMarginBasisPoints)} ` +
    `is profit. With the seed's figures and a ${percent(1000)} margin that is ${money(1_530_000)}, the seed's "~${money(1_500_000)}". ` +
    `Change the uplift and the margin to your own.`
  );
}

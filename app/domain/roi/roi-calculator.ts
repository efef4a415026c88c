// The seed's ROI calculator, exactly as its spreadsheet reads, in exact arithmetic: money in integer
// cents, percentages in integer basis points (hundredths of a percent), products in BigInt, and a
// single rounding (to the cent, half up) at the end of each line, so the seed's figures come out to
// the cent rather than to a float's nearest.

/** What the merchant types in (or the last 30 days fill in); every figure a whole number. */
export interface RoiInputs {
  /** Online orders a month, whole orders. */
  readonly onlineOrdersPerMonth: number;
  /** Average order value, cents. Only the retention line uses it. */
  readonly averageOrderValueCents: number;
  /** Share of online orders collected in store, basis points (3000 = 30 %). */
  readonly bopisShareBasisPoints: number;
  /** Shipping cost a BOPIS order does not spend, cents. */
  readonly shippingSavedPerOrderCents: number;
  /** Store labour to pick one BOPIS order, cents. */
  readonly labourPerOrderCents: number;
  /** Technology cost (OMS, SMS, integrations) a month, cents. */
  readonly technologyCostPerMonthCents: number;
  /** Share of BOPIS customers who buy more in store, basis points. */
  readonly inStorePurchaseRateBasisPoints: number;
  /** What such a customer adds in store, cents. */
  readonly averageUpsellCents: number;
  /** How much higher a BOPIS customer's lifetime value is, basis points (the seed's 25 %). */
  readonly lifetimeValueUpliftBasisPoints: number;
  /**
   * The share of an order's value that is profit, basis points. The seed states the uplift and
   * "~$15,000/year" but not how one gives the other; this is the assumption that joins them.
   */
  readonly profitMarginBasisPoints: number;
}

/** The seed's example (its "Key Inputs" and the figures in its upsell and retention lines). */
export const SEED_ROI_INPUTS: RoiInputs = {
  onlineOrdersPerMonth: 2000,
  averageOrderValueCents: 8500,
  bopisShareBasisPoints: 3000,
  shippingSavedPerOrderCents: 650,
  labourPerOrderCents: 300,
  technologyCostPerMonthCents: 120_000,
  inStorePurchaseRateBasisPoints: 2000,
  averageUpsellCents: 3000,
  lifetimeValueUpliftBasisPoints: 2500,
  // Ours, not the seed's: the round margin that brings the seed's inputs to its "~$15,000/year".
  profitMarginBasisPoints: 1000,
};

export const MONTHS_A_YEAR = 12;

export interface RoiResult {
  /** Online orders × BOPIS share, to the nearest whole order (a half goes up). */
  readonly bopisOrdersPerMonth: number;
  readonly shippingSavedCents: number;
  readonly labourCostCents: number;
  readonly technologyCostCents: number;
  /** Shipping saved − labour − technology; negative when BOPIS costs more than it saves. */
  readonly netMonthlySavingsCents: number;
  /** BOPIS orders × in-store purchase rate × average upsell, a month. */
  readonly upsellRevenuePerMonthCents: number;
  /**
   * BOPIS orders × 12 × average order value × lifetime-value uplift × profit margin: the extra
   * profit a year if a BOPIS customer's higher lifetime value shows as that much more spending.
   */
  readonly retentionValuePerYearCents: number;
}

const BASIS_POINTS = 10_000n;

/** numerator / denominator to the nearest whole number, a half going up (both non-negative). */
function roundedQuotient(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

export function calculateRoi(inputs: RoiInputs): RoiResult {
  const bopisOrders = roundedQuotient(
    BigInt(inputs.onlineOrdersPerMonth) * BigInt(inputs.bopisShareBasisPoints),
    BASIS_POINTS,
  );
  const shippingSavedCents = bopisOrders * inputs.shippingSavedPerOrderCents;
  const labourCostCents = bopisOrders * inputs.labourPerOrderCents;
  const technologyCostCents = inputs.technologyCostPerMonthCents;
  const upsellRevenuePerMonthCents = roundedQuotient(
    BigInt(bopisOrders) * BigInt(inputs.inStorePurchaseRateBasisPoints) * BigInt(inputs.averageUpsellCents),
    BASIS_POINTS,
  );
  const retentionValuePerYearCents = roundedQuotient(
    BigInt(bopisOrders) *
      BigInt(MONTHS_A_YEAR) *
      BigInt(inputs.averageOrderValueCents) *
      BigInt(inputs.lifetimeValueUpliftBasisPoints) *
      BigInt(inputs.profitMarginBasisPoints),
    BASIS_POINTS * BASIS_POINTS,
  );
  return {
    bopisOrdersPerMonth: bopisOrders,
    shippingSavedCents,
    labourCostCents,
    technologyCostCents,
    netMonthlySavingsCents: shippingSavedCents - labourCostCents - technologyCostCents,
    upsellRevenuePerMonthCents,
    retentionValuePerYearCents,
  };
}

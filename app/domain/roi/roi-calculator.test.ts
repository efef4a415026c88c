import { describe, expect, it } from "vitest";
import { calculateRoi, SEED_ROI_INPUTS } from "./roi-calculator";
import { retentionAssumption, roiFormats, roiLines } from "./roi-formulas";

/** The seed's "Monthly ROI Calculation", its upsell and its retention lines, from its key inputs. */
describe("the ROI calculator on the seed's example", () => {
  const result = calculateRoi(SEED_ROI_INPUTS);

  it("turns 2,000 online orders at 30% into 600 BOPIS orders", () => {
    expect(result.bopisOrdersPerMonth).toBe(600);
  });

  it("saves $3,900 of shipping, spends $1,800 of labour and $1,200 of technology: $900 net a month", () => {
    expect(result.shippingSavedCents).toBe(390_000);
    expect(result.labourCostCents).toBe(180_000);
    expect(result.technologyCostCents).toBe(120_000);
    expect(result.netMonthlySavingsCents).toBe(90_000);
  });

  it("adds 600 × 20% × $30 = $3,600 of upsell", () => {
    expect(result.upsellRevenuePerMonthCents).toBe(360_000);
  });

  it("puts the 25% higher lifetime value at $15,300 a year, the seed's ~$15,000 to the nearest thousand", () => {
    expect(result.retentionValuePerYearCents).toBe(1_530_000);
    expect(Math.round(result.retentionValuePerYearCents / 100_000) * 1000).toBe(15_000);
  });

  it("writes each line's formula with the seed's figures", () => {
    const lines = roiLines(SEED_ROI_INPUTS, result, roiFormats("en-US", "USD"));
    expect(Object.fromEntries(lines.map((line) => [line.id, line.formula]))).toEqual({
      bopisOrders: "2,000 online orders × 30% = 600 BOPIS orders (to the nearest whole order)",
      shippingSaved: "600 BOPIS orders × $6.50 = $3,900.00",
      labourCost: "600 BOPIS orders × $3.00 = $1,800.00",
      technologyCost: "OMS, SMS, integrations: $1,200.00 a month",
      netMonthlySavings: "$3,900.00 − $1,800.00 − $1,200.00 = $900.00",
      upsellRevenue: "600 BOPIS orders × 20% buy more in store × $30.00 = $3,600.00 extra revenue",
      retentionValue:
        "600 BOPIS orders × 12 months × $85.00 average order × 25% higher lifetime value × 10% margin = $15,300.00 a year",
    });
  });

  it("states the retention line's assumption with the margin it rests on", () => {
    const text = retentionAssumption(SEED_ROI_INPUTS, roiFormats("en-US", "USD"));
    expect(text).toContain("25% more spending");
    expect(text).toContain("of which 10% is profit");
    expect(text).toContain('"~$15,000.00"');
  });
});

describe("the ROI calculator on other inputs", () => {
  it("rounds BOPIS orders to the nearest whole order, a half going up", () => {
    expect(calculateRoi({ ...SEED_ROI_INPUTS, onlineOrdersPerMonth: 2001 }).bopisOrdersPerMonth).toBe(600); // 600.3
    expect(calculateRoi({ ...SEED_ROI_INPUTS, onlineOrdersPerMonth: 2005 }).bopisOrdersPerMonth).toBe(602); // 601.5
    expect(calculateRoi({ ...SEED_ROI_INPUTS, bopisShareBasisPoints: 3333 }).bopisOrdersPerMonth).toBe(667); // 666.6
  });

  it("rounds the upsell to the cent, a half cent going up", () => {
    // 3 orders × 12.5% × $0.01 = 0.375 cents → 0 cents; 5 × 50% × $0.01 = 2.5 cents → 3 cents.
    const base = { ...SEED_ROI_INPUTS, onlineOrdersPerMonth: 3, bopisShareBasisPoints: 10_000, averageUpsellCents: 1 };
    expect(calculateRoi({ ...base, inStorePurchaseRateBasisPoints: 1250 }).upsellRevenuePerMonthCents).toBe(0);
    expect(
      calculateRoi({ ...base, onlineOrdersPerMonth: 5, inStorePurchaseRateBasisPoints: 5000 })
        .upsellRevenuePerMonthCents,
    ).toBe(3);
  });

  it("shows a loss when BOPIS saves less than it costs", () => {
    const result = calculateRoi({ ...SEED_ROI_INPUTS, bopisShareBasisPoints: 1000 });
    // 200 × $6.50 − 200 × $3.00 − $1,200 = −$500.
    expect(result.netMonthlySavingsCents).toBe(-50_000);
    expect(roiFormats("en-US", "USD").money(result.netMonthlySavingsCents)).toBe("-$500.00");
  });

  it("stays exact at the form's largest inputs", () => {
    const huge = {
      onlineOrdersPerMonth: 1_000_000,
      averageOrderValueCents: 100_000_000,
      bopisShareBasisPoints: 10_000,
      shippingSavedPerOrderCents: 100_000_000,
      labourPerOrderCents: 1,
      technologyCostPerMonthCents: 100_000_000,
      inStorePurchaseRateBasisPoints: 10_000,
      averageUpsellCents: 100_000_000,
      lifetimeValueUpliftBasisPoints: 10_000,
      profitMarginBasisPoints: 10_000,
    };
    const result = calculateRoi(huge);
    expect(result.shippingSavedCents).toBe(100_000_000_000_000);
    expect(result.retentionValuePerYearCents).toBe(1_200_000_000_000_000);
    expect(Number.isSafeInteger(result.retentionValuePerYearCents)).toBe(true);
    expect(result.netMonthlySavingsCents).toBe(100_000_000_000_000 - 1_000_000 - 100_000_000);
  });

  it("formats money and counts for the shop's locale and currency", () => {
    const formats = roiFormats("de-DE", "EUR");
    expect(formats.money(90_000)).toBe("900,00\u00a0€");
    expect(formats.count(2000)).toBe("2.000");
    expect(formats.percent(1250)).toBe("12,5\u00a0%");
  });
});

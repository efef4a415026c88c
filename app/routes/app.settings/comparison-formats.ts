/**
 * How the comparison's figures read, in the admin's locale and the shop's currency (the engine's
 * costs are in the shop's currency units). Browser-safe: the page formats as it renders.
 */
export interface ComparisonFormats {
  money: (amount: number) => string;
  /** A change in money, signed: "+$1.20", "−$0.40". */
  moneyChange: (amount: number) => string;
  count: (value: number) => string;
  countChange: (value: number) => string;
  percent: (share: number) => string;
  miles: (miles: number) => string;
  /**
   * The change between two figures as they read, signed: each is rounded as shown before the
   * difference is taken, so "$6.57 → $6.61" reads "+$0.04" and "91.1% → 89.2%" reads "−1.9 pts".
   */
  moneyDifference: (from: number, to: number) => string;
  countDifference: (from: number, to: number) => string;
  percentPointsDifference: (fromShare: number, toShare: number) => string;
  milesDifference: (from: number, to: number) => string;
}

const toCents = (amount: number) => Math.round(amount * 100);
/** A share as the percent format shows it, in tenths of a percent. */
const toTenthsOfPercent = (share: number) => Math.round(share * 1000);

export function comparisonFormats(locale: string, currency: string): ComparisonFormats {
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const moneyChange = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const countChange = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const miles = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const milesChange = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const pointsChange = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  return {
    money: (amount) => money.format(amount),
    // Rounding first: a change of a fraction of a cent reads as none.
    moneyChange: (amount) => moneyChange.format(Math.round(amount * 100) / 100),
    count: (value) => count.format(value),
    countChange: (value) => countChange.format(value),
    percent: (share) => percent.format(share),
    miles: (value) => `${miles.format(value)} mi`,
    moneyDifference: (from, to) => moneyChange.format((toCents(to) - toCents(from)) / 100),
    countDifference: (from, to) => countChange.format(Math.round(to) - Math.round(from)),
    percentPointsDifference: (fromShare, toShare) =>
      `${pointsChange.format((toTenthsOfPercent(toShare) - toTenthsOfPercent(fromShare)) / 10)} pts`,
    milesDifference: (from, to) => `${milesChange.format(Math.round(to) - Math.round(from))} mi`,
  };
}

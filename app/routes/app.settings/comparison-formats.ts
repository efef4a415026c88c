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
}

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
  return {
    money: (amount) => money.format(amount),
    // Rounding first: a change of a fraction of a cent reads as none.
    moneyChange: (amount) => moneyChange.format(Math.round(amount * 100) / 100),
    count: (value) => count.format(value),
    countChange: (value) => countChange.format(value),
    percent: (share) => percent.format(share),
    miles: (value) => `${miles.format(value)} mi`,
  };
}

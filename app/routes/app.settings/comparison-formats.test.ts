import { describe, expect, it } from "vitest";
import { comparisonFormats } from "./comparison-formats";

describe("the comparison's figures", () => {
  const formats = comparisonFormats("en-US", "USD");

  it("gives a change in money as the two amounts read, not as their unrounded difference", () => {
    // $1,405.074 and $1,402.205 read $1,405.07 and $1,402.21 (rounded half up): a change of −$2.86 as read.
    expect(formats.moneyDifference(1405.074, 1402.205)).toBe("-$2.86");
    // $6.574 → $6.606 reads $6.57 → $6.61: +$0.04, though the amounts differ by 3.2 cents.
    expect(formats.moneyDifference(6.574, 6.606)).toBe("+$0.04");
    expect(formats.moneyDifference(8.001, 8.004)).toBe("$0.00");
  });

  it("gives a change in a share in percentage points between the percentages shown", () => {
    expect(formats.percent(0.9114)).toBe("91.1%");
    expect(formats.percent(0.8916)).toBe("89.2%");
    expect(formats.percentPointsDifference(0.9114, 0.8916)).toBe("-1.9 pts");
    expect(formats.percentPointsDifference(0.25, 0.3)).toBe("+5 pts");
    expect(formats.percentPointsDifference(0.5, 0.5001)).toBe("0 pts");
  });

  it("gives changes in counts and miles between the whole numbers shown", () => {
    expect(formats.countDifference(640, 512)).toBe("-128");
    expect(formats.countDifference(6, 8)).toBe("+2");
    expect(formats.milesDifference(9000.4, 9010.6)).toBe("+11 mi");
    expect(formats.milesDifference(12.2, 12.4)).toBe("0 mi");
  });
});

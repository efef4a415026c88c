import { describe, expect, it } from "vitest";
import { SEED_ROI_INPUTS } from "./roi-calculator";
import { parseRoiForm, roiFormOf, roiFormValues } from "./roi-form";
import { knownCurrency, knownLocale } from "./roi-formulas";

describe("the ROI form read from the page's URL", () => {
  it("gives the seed's example when no input is set", () => {
    expect(parseRoiForm({})).toEqual({ ok: true, values: SEED_ROI_INPUTS });
    expect(parseRoiForm({ orders: "", bopis: "  " })).toEqual({ ok: true, values: SEED_ROI_INPUTS });
  });

  it("reads dollars into cents and percentages into basis points, exactly", () => {
    const read = parseRoiForm({ orders: "2,500", shipping: "7.25", labour: "$2.5", bopis: "12.34%", aov: "1,234.56" });
    expect(read).toEqual({
      ok: true,
      values: {
        ...SEED_ROI_INPUTS,
        onlineOrdersPerMonth: 2500,
        shippingSavedPerOrderCents: 725,
        labourPerOrderCents: 250,
        bopisShareBasisPoints: 1234,
        averageOrderValueCents: 123_456,
      },
    });
  });

  it("refuses negative, non-numeric, too precise and too large inputs with a message per field", () => {
    const read = parseRoiForm({
      orders: "-5",
      aov: "NaN",
      bopis: "101",
      shipping: "6.505",
      labour: "1e3",
      technology: "1000000.01",
      instore: "Infinity",
      upsell: "9".repeat(5000),
      ltv: "2.5.5",
      margin: "100",
    });
    expect(read).toEqual({
      ok: false,
      errors: {
        orders: "Enter online orders a month from 0 to 1,000,000",
        aov: "Enter the average order value in dollars and cents, like 6.50",
        bopis: "Enter a percentage from 0 to 100",
        shipping: "Enter the shipping cost saved per BOPIS order in dollars and cents, like 6.50",
        labour: "Enter the labour cost per in-store pick in dollars and cents, like 6.50",
        technology: "Enter the technology cost a month (OMS, SMS, integrations) from 0 to 1,000,000",
        instore: "Enter a percentage with at most 2 decimals, like 30 or 12.5",
        upsell: "Enter the average in-store upsell in dollars and cents, like 6.50",
        ltv: "Enter a percentage with at most 2 decimals, like 30 or 12.5",
      },
    });
  });

  it("refuses a fractional number of orders", () => {
    expect(parseRoiForm({ orders: "2000.5" })).toEqual({
      ok: false,
      errors: { orders: "Enter online orders a month as a whole number, like 2000" },
    });
  });

  it("writes inputs back as parameters that read to the same inputs", () => {
    const values = { ...SEED_ROI_INPUTS, bopisShareBasisPoints: 1250, shippingSavedPerOrderCents: 705 };
    const form = roiFormValues(values);
    expect(form).toMatchObject({
      orders: "2000",
      bopis: "12.5",
      shipping: "7.05",
      technology: "1200.00",
      margin: "10",
    });
    expect(parseRoiForm(form)).toEqual({ ok: true, values });
  });
});

describe("the shop's locale and currency", () => {
  it("are taken when the runtime knows them, and refused otherwise without throwing", () => {
    expect(knownLocale("fr-CA")).toBe("fr-CA");
    expect(knownLocale("not a locale!")).toBeNull();
    expect(knownLocale("x".repeat(1000))).toBeNull();
    expect(knownLocale(null)).toBeNull();
    expect(knownCurrency("cad")).toBe("CAD");
    expect(knownCurrency("ZZZ")).toBeNull();
    expect(knownCurrency("<script>")).toBeNull();
  });
});

describe("the ROI form's defaults", () => {
  it("fill only the inputs the URL leaves out, so figures from the shop's data can stand in for the seed's", () => {
    const fromData = { ...SEED_ROI_INPUTS, onlineOrdersPerMonth: 7, bopisShareBasisPoints: 4286 };
    expect(parseRoiForm({ bopis: "50" }, fromData)).toEqual({
      ok: true,
      values: { ...fromData, bopisShareBasisPoints: 5000 },
    });
  });

  it("are read from the URL's parameters, the first of a repeated one, ignoring others", () => {
    const params = new URLSearchParams("orders=10&orders=20&shop=x.myshopify.com&bopis=");
    expect(roiFormOf(params)).toEqual({ orders: "10", bopis: "" });
  });
});

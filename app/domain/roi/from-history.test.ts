import { describe, expect, it } from "vitest";
import { SEED_ROI_INPUTS } from "./roi-calculator";
import { inputsFromHistory } from "./from-history";

describe("ROI inputs from the last 30 days of routing", () => {
  it("keeps every given figure when there is no history", () => {
    const summary = {
      orders: 0,
      pickupOrders: 0,
      pickupLabour: { orders: 0, labourCents: 0 },
      shipping: { orders: 0, shippingCents: 0 },
    };
    expect(inputsFromHistory(summary, SEED_ROI_INPUTS)).toEqual({ inputs: SEED_ROI_INPUTS, filled: [] });
  });

  it("fills orders, pickup share, average shipping and average pick labour from the decisions", () => {
    const summary = {
      orders: 7,
      pickupOrders: 3,
      pickupLabour: { orders: 3, labourCents: 300 + 300 + 350 },
      shipping: { orders: 3, shippingCents: 515 + 560 + 1025 },
    };
    const { inputs, filled } = inputsFromHistory(summary, SEED_ROI_INPUTS);
    expect(filled).toEqual([
      "onlineOrdersPerMonth",
      "bopisShareBasisPoints",
      "shippingSavedPerOrderCents",
      "labourPerOrderCents",
    ]);
    expect(inputs).toEqual({
      ...SEED_ROI_INPUTS,
      onlineOrdersPerMonth: 7,
      // 3 / 7 = 42.857…% → 42.86%.
      bopisShareBasisPoints: 4286,
      // $21.00 / 3 = $7.00.
      shippingSavedPerOrderCents: 700,
      // $9.50 / 3 = $3.1666… → $3.17.
      labourPerOrderCents: 317,
    });
  });

  it("keeps the given shipping and labour when no order was shipped or collected", () => {
    const summary = {
      orders: 4,
      pickupOrders: 0,
      pickupLabour: { orders: 0, labourCents: 0 },
      shipping: { orders: 0, shippingCents: 0 },
    };
    const { inputs, filled } = inputsFromHistory(summary, SEED_ROI_INPUTS);
    expect(filled).toEqual(["onlineOrdersPerMonth", "bopisShareBasisPoints"]);
    expect(inputs).toEqual({ ...SEED_ROI_INPUTS, onlineOrdersPerMonth: 4, bopisShareBasisPoints: 0 });
  });
});

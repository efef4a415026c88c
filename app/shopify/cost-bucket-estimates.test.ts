import { describe, expect, it } from "vitest";
import { CostBucketEstimates } from "./cost-bucket-estimates";

const SHOP = "pacing-shop.myshopify.com";
const STANDARD = { maximumAvailable: 2000, restoreRate: 100 };

describe("CostBucketEstimates", () => {
  it("asks for no wait before Shopify has reported the shop's bucket", () => {
    const estimates = new CostBucketEstimates();
    expect(estimates.reserve(SHOP, 500, 0)).toBe(0);
    expect(estimates.availableAt(SHOP, 0)).toBeNull();
  });

  it("refills the reported bucket at its restore rate, never beyond its maximum", () => {
    const estimates = new CostBucketEstimates();
    estimates.observe(SHOP, { ...STANDARD, currentlyAvailable: 100 }, 1_000);
    expect(estimates.availableAt(SHOP, 1_000)).toBe(100);
    expect(estimates.availableAt(SHOP, 3_000)).toBe(300);
    expect(estimates.availableAt(SHOP, 60_000)).toBe(2000);
  });

  it("waits for the deficit divided by the restore rate when the bucket is short", () => {
    const estimates = new CostBucketEstimates();
    estimates.observe(SHOP, { ...STANDARD, currentlyAvailable: 10 }, 0);
    // 50 needed, 10 there: 40 points at 100 a second.
    expect(estimates.reserve(SHOP, 50, 0)).toBe(400);
  });

  it("counts points restored since the last report", () => {
    const estimates = new CostBucketEstimates();
    estimates.observe(SHOP, { ...STANDARD, currentlyAvailable: 10 }, 0);
    expect(estimates.reserve(SHOP, 50, 400)).toBe(0);
  });

  it("queues concurrent calls: each reservation takes its points before the next call asks", () => {
    const estimates = new CostBucketEstimates();
    estimates.observe(SHOP, { ...STANDARD, currentlyAvailable: 60 }, 0);
    expect(estimates.reserve(SHOP, 50, 0)).toBe(0);
    expect(estimates.reserve(SHOP, 50, 0)).toBe(400);
    expect(estimates.reserve(SHOP, 50, 0)).toBe(900);
  });

  it("bounds every wait, however deep the estimate is in debt", () => {
    const estimates = new CostBucketEstimates({ defaultExpectedCost: 50, maxWaitMs: 2_000 });
    estimates.observe(SHOP, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 }, 0);
    expect(estimates.reserve(SHOP, 900, 0)).toBe(2_000);
  });

  it("never waits for more than a full bucket", () => {
    const estimates = new CostBucketEstimates({ defaultExpectedCost: 50, maxWaitMs: 60_000 });
    estimates.observe(SHOP, { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 50 }, 0);
    expect(estimates.reserve(SHOP, 1_000, 0)).toBe(2_000);
  });

  it("keeps each shop's bucket apart", () => {
    const estimates = new CostBucketEstimates();
    estimates.observe(SHOP, { ...STANDARD, currentlyAvailable: 0 }, 0);
    expect(estimates.reserve("other-shop.myshopify.com", 50, 0)).toBe(0);
  });

  it("expects 50 points of an unseen operation, then the last requested cost Shopify reported for its name", () => {
    const estimates = new CostBucketEstimates();
    expect(estimates.expectedCost("FulfillmentOrdersForRouting")).toBe(50);
    estimates.rememberRequestedCost("FulfillmentOrdersForRouting", 20);
    expect(estimates.expectedCost("FulfillmentOrdersForRouting")).toBe(20);
  });
});

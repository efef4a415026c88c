/**
 * Totals the Admin API cost of a piece of work (routing one order, a sync): pass one meter to
 * the client or to each call, then read what the work cost Shopify's bucket.
 */

export interface CallCost {
  /** Points Shopify held back from the bucket before running the call. */
  requested: number;
  /** Points the call really cost (the rest was refunded); null if Shopify did not say. */
  actual: number | null;
}

export interface CostTotals {
  calls: number;
  requested: number;
  actual: number;
  /** Answers Shopify refused for lack of points and that were sent again. */
  throttledRetries: number;
  /** Sends repeated after a server error, a network error or a timeout. */
  failedRetries: number;
}

export class CostMeter {
  private readonly totals: CostTotals = { calls: 0, requested: 0, actual: 0, throttledRetries: 0, failedRetries: 0 };
  private readonly perOperation = new Map<string, CostTotals>();

  recordCall(operationName: string, cost: CallCost): void {
    for (const totals of [this.totals, this.operationTotals(operationName)]) {
      totals.calls += 1;
      totals.requested += cost.requested;
      totals.actual += cost.actual ?? cost.requested;
    }
  }

  recordRetry(operationName: string, reason: "throttled" | "failed"): void {
    for (const totals of [this.totals, this.operationTotals(operationName)]) {
      if (reason === "throttled") totals.throttledRetries += 1;
      else totals.failedRetries += 1;
    }
  }

  total(): CostTotals {
    return { ...this.totals };
  }

  byOperation(): Record<string, CostTotals> {
    return Object.fromEntries([...this.perOperation].map(([name, totals]) => [name, { ...totals }]));
  }

  private operationTotals(operationName: string): CostTotals {
    let totals = this.perOperation.get(operationName);
    if (!totals) {
      totals = { calls: 0, requested: 0, actual: 0, throttledRetries: 0, failedRetries: 0 };
      this.perOperation.set(operationName, totals);
    }
    return totals;
  }
}

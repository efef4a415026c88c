import type { FulfillmentOrderRecord, FulfillmentOrderStatus } from "./state";

/**
 * What a fulfilment order's state allows, in one place: the operations refuse what
 * `supportedActions` leaves out, so the two cannot disagree.
 */

/** Open statuses whose remaining units can still be moved, held or fulfilled. */
export function isActive(fo: FulfillmentOrderRecord): boolean {
  return fo.status === "OPEN" || fo.status === "IN_PROGRESS" || fo.status === "SCHEDULED";
}

export function remainingUnits(fo: FulfillmentOrderRecord): number {
  return fo.lineItems.reduce((n, l) => n + l.remainingQuantity, 0);
}

export function hasFulfilledUnits(fo: FulfillmentOrderRecord): boolean {
  return fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity);
}

/** Progress reported by `fulfillmentOrderReportProgress` and not yet cleared by `fulfillmentOrderOpen`. */
export function hasReportedProgress(fo: FulfillmentOrderRecord): boolean {
  return (fo.progressReport ?? null) !== null;
}

/**
 * The status a fulfilment order returns to when nothing holds it (a released hold, a cleared
 * progress report): in progress while some units are fulfilled or progress stands, else open.
 */
export function workingStatus(fo: FulfillmentOrderRecord): FulfillmentOrderStatus {
  return hasFulfilledUnits(fo) || hasReportedProgress(fo) ? "IN_PROGRESS" : "OPEN";
}

/**
 * `FulfillmentOrder.supportedActions` for a merchant-managed location. REPORT_PROGRESS is offered
 * while OPEN or IN_PROGRESS (changelog "Report Fulfillment Order progress with new
 * fulfillmentOrderReportProgress GraphQL mutation", 2026-04); once progress is reported MOVE gives
 * way to MARK_AS_OPEN, since a move then fails until `fulfillmentOrderOpen` (admin-graphql
 * `fulfillmentOrderMove` and `fulfillmentOrderOpen`, 2026-04).
 */
export function supportedActions(fo: FulfillmentOrderRecord): string[] {
  switch (fo.status) {
    case "OPEN":
      return ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MOVE", "HOLD", "SPLIT"];
    case "IN_PROGRESS":
      return hasReportedProgress(fo)
        ? ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MARK_AS_OPEN", "HOLD", "SPLIT"]
        : ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MOVE", "HOLD", "SPLIT"];
    case "SCHEDULED":
      return ["CREATE_FULFILLMENT", "MARK_AS_OPEN", "MOVE", "HOLD", "SPLIT"];
    case "ON_HOLD":
      return ["RELEASE_HOLD", "HOLD"];
    default:
      return [];
  }
}

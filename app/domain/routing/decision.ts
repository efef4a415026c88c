// Assembles the decision object. Both the engine and the baseline go through here, so key order
// and rounding are the same in both.
import { roundCents, roundMiles } from "./rounding";
import type { Assignment, RoutingDecision, RoutingFlag, RoutingOrder, RoutingStatus, TraceStage } from "./types";

export function assignmentOf(
  order: RoutingOrder,
  locationId: string,
  lineIndices: readonly number[] | "ALL",
  cost: number,
  distance: number,
): Assignment {
  const lines =
    lineIndices === "ALL"
      ? order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))
      : lineIndices.map((index) => {
          const line = order.lines[index]!;
          return { sku: line.sku, quantity: line.quantity };
        });
  return { locationId, lines, cost: roundCents(cost), distanceMiles: roundMiles(distance) };
}

export function makeDecision(
  order: RoutingOrder,
  status: RoutingStatus,
  assignments: readonly Assignment[],
  flags: readonly RoutingFlag[],
  unroutableSkus: readonly string[],
  stages: readonly TraceStage[],
): RoutingDecision {
  return { orderId: order.id, status, assignments, flags, unroutableSkus, trace: { stages } };
}

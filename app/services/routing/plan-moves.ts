import type { Assignment } from "~/domain/routing/types";

/** A fulfilment order as the move phase reads it back from Shopify (location ids numeric). */
export interface CurrentFulfillmentOrder {
  id: string;
  locationId: string | null;
  movable: boolean;
  lineItems: { id: string; sku: string | null; remainingQuantity: number }[];
}

export interface PlannedMove {
  fulfillmentOrderId: string;
  fromLocationId: string;
  toLocationId: string;
  /** Null: the whole fulfilment order moves. */
  lineItems: { id: string; quantity: number }[] | null;
  movable: boolean;
}

export interface PlannedStay {
  fulfillmentOrderId: string;
  locationId: string;
}

export interface MovePlan {
  moves: PlannedMove[];
  /** Fulfilment orders (with units) already where the decision wants them. */
  stays: PlannedStay[];
}

/**
 * Which fulfilment orders, or which of their line items, must move for the order to be where
 * the decision assigned it. Units already at an assigned location stay there first; the rest
 * go to the assignments still short of them, in the decision's order. A fulfilment order all
 * of whose units go to one other location moves whole; otherwise only the line items that
 * change place move. Units no assignment wants (an unroutable SKU) stay where they are.
 */
export function planMoves(
  fulfillmentOrders: readonly CurrentFulfillmentOrder[],
  assignments: readonly Assignment[],
): MovePlan {
  const need = new Map<string, Map<string, number>>();
  for (const assignment of assignments) {
    const units = need.get(assignment.locationId) ?? new Map<string, number>();
    for (const line of assignment.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
    need.set(assignment.locationId, units);
  }
  const take = (locationId: string, sku: string, wanted: number): number => {
    const units = need.get(locationId);
    const held = units?.get(sku) ?? 0;
    const taken = Math.min(held, wanted);
    if (taken > 0) units?.set(sku, held - taken);
    return taken;
  };

  const open = fulfillmentOrders.filter(
    (fo) => fo.locationId !== null && fo.lineItems.some((line) => line.remainingQuantity > 0),
  );
  // First pass: what is already in place stays.
  const leftover = new Map<string, number>();
  for (const fo of open) {
    for (const line of fo.lineItems) {
      const staying =
        line.sku === null ? line.remainingQuantity : take(fo.locationId!, line.sku, line.remainingQuantity);
      leftover.set(line.id, line.remainingQuantity - staying);
    }
  }

  const plan: MovePlan = { moves: [], stays: [] };
  for (const fo of open) {
    const from = fo.locationId!;
    const targets = new Map<string, { id: string; quantity: number }[]>();
    let stayingUnits = 0;
    for (const line of fo.lineItems) {
      let remaining = leftover.get(line.id) ?? 0;
      stayingUnits += line.remainingQuantity - remaining;
      if (line.sku !== null) {
        for (const assignment of assignments) {
          if (remaining === 0) break;
          if (assignment.locationId === from) continue;
          const taken = take(assignment.locationId, line.sku, remaining);
          if (taken === 0) continue;
          remaining -= taken;
          const lines = targets.get(assignment.locationId) ?? [];
          lines.push({ id: line.id, quantity: taken });
          targets.set(assignment.locationId, lines);
        }
      }
      stayingUnits += remaining;
    }
    if (targets.size === 0) {
      plan.stays.push({ fulfillmentOrderId: fo.id, locationId: from });
      continue;
    }
    const whole = targets.size === 1 && stayingUnits === 0;
    for (const [to, lineItems] of targets) {
      plan.moves.push({
        fulfillmentOrderId: fo.id,
        fromLocationId: from,
        toLocationId: to,
        lineItems: whole ? null : lineItems,
        movable: fo.movable,
      });
    }
  }
  return plan;
}

// Where one router's cost advantage over another comes from: the same stream, routed by both,
// compared order by order and added up per class of order (what the shopper was promised) and per
// shape of the decision (one parcel, a split, or left unrouted by either router). Each row's
// "points" are its share of the overall difference, in percentage points of the reference's cost,
// so the rows add up to how much cheaper the candidate is on the orders both routed.
import type { RoutingOrder } from "../types";
import { needsSameDay } from "./metrics";

/** What the order needs: a store today, the shopper's store, or any location that ships. */
export type OrderClass = "SAME_DAY" | "PICK_UP" | "SHIPPING";

export const ORDER_CLASSES: readonly OrderClass[] = ["SAME_DAY", "PICK_UP", "SHIPPING"];

export function orderClass(order: RoutingOrder): OrderClass {
  if (order.deliveryMethod === "PICK_UP") return "PICK_UP";
  return needsSameDay(order) ? "SAME_DAY" : "SHIPPING";
}

/** One parcel from both routers; split by either; left unrouted by either (not compared). */
export type DecisionShape = "SINGLE" | "SPLIT" | "UNROUTED";

export const DECISION_SHAPES: readonly DecisionShape[] = ["SINGLE", "SPLIT", "UNROUTED"];

/** What one router's decision for one order cost (as metrics.ts measures it) and in how many parcels. */
export interface OrderCost {
  readonly cost: number;
  /** 0 when the router left the order unrouted. */
  readonly parcels: number;
}

export interface CostGapRow {
  readonly orderClass: OrderClass;
  readonly shape: DecisionShape;
  readonly orders: number;
  /** Dollars per order over the row's orders that both routers routed (0 for UNROUTED rows). */
  readonly candidateCostPerOrder: number;
  readonly referenceCostPerOrder: number;
  /** The row's share of how much cheaper the candidate is, in points of the reference's compared cost. */
  readonly points: number;
  /** Orders the candidate routed more cheaply than the reference, and the other way round (by more than a cent). */
  readonly candidateCheaper: number;
  readonly referenceCheaper: number;
}

export interface CostGap {
  /** Only the non-empty rows, by class then shape. */
  readonly rows: readonly CostGapRow[];
  /** Orders both routers routed. */
  readonly comparedOrders: number;
  /** How much cheaper the candidate is on the compared orders, in percent; the rows' points add up to it. */
  readonly percentCheaper: number;
}

/** Differences within a cent are rounding, not a win for either router. */
const CENT = 0.01;

interface RowSums {
  orders: number;
  compared: number;
  candidateCost: number;
  referenceCost: number;
  candidateCheaper: number;
  referenceCheaper: number;
}

function shapeOf(candidate: OrderCost, reference: OrderCost): DecisionShape {
  if (candidate.parcels === 0 || reference.parcels === 0) return "UNROUTED";
  return candidate.parcels > 1 || reference.parcels > 1 ? "SPLIT" : "SINGLE";
}

/**
 * Compares two routers' decisions on the same orders: `classes[i]`, `candidate[i]` and
 * `reference[i]` all describe order i.
 */
export function costGapByClass(
  classes: readonly OrderClass[],
  candidate: readonly OrderCost[],
  reference: readonly OrderCost[],
): CostGap {
  if (candidate.length !== classes.length || reference.length !== classes.length) {
    throw new Error("cost gap: both routers must have decided every order");
  }
  const sums = new Map<string, RowSums>();
  let comparedOrders = 0;
  let referenceTotal = 0;
  let candidateTotal = 0;
  for (let order = 0; order < classes.length; order++) {
    const mine = candidate[order]!;
    const theirs = reference[order]!;
    const key = `${classes[order]}/${shapeOf(mine, theirs)}`;
    let row = sums.get(key);
    if (row === undefined) {
      row = { orders: 0, compared: 0, candidateCost: 0, referenceCost: 0, candidateCheaper: 0, referenceCheaper: 0 };
      sums.set(key, row);
    }
    row.orders++;
    if (mine.parcels === 0 || theirs.parcels === 0) continue;
    row.compared++;
    row.candidateCost += mine.cost;
    row.referenceCost += theirs.cost;
    if (mine.cost < theirs.cost - CENT) row.candidateCheaper++;
    if (theirs.cost < mine.cost - CENT) row.referenceCheaper++;
    comparedOrders++;
    candidateTotal += mine.cost;
    referenceTotal += theirs.cost;
  }
  const rows: CostGapRow[] = [];
  for (const orderClassName of ORDER_CLASSES) {
    for (const shape of DECISION_SHAPES) {
      const row = sums.get(`${orderClassName}/${shape}`);
      if (row === undefined) continue;
      rows.push({
        orderClass: orderClassName,
        shape,
        orders: row.orders,
        candidateCostPerOrder: row.compared === 0 ? 0 : row.candidateCost / row.compared,
        referenceCostPerOrder: row.compared === 0 ? 0 : row.referenceCost / row.compared,
        points: referenceTotal === 0 ? 0 : (100 * (row.referenceCost - row.candidateCost)) / referenceTotal,
        candidateCheaper: row.candidateCheaper,
        referenceCheaper: row.referenceCheaper,
      });
    }
  }
  return {
    rows,
    comparedOrders,
    percentCheaper: referenceTotal === 0 ? 0 : (100 * (referenceTotal - candidateTotal)) / referenceTotal,
  };
}

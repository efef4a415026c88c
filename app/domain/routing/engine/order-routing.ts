// What the stages routing one order share: the prepared network, the order's lines against its
// stock, the point distances are measured from, and the flags and trace stages found so far.
import { assignmentOf, makeDecision } from "../decision";
import { parcelCostAt, type NetworkIndex } from "../network-index";
import { Podium, type Placement, type PositionTracer } from "../podium";
import { type RankOrder } from "../ranking";
import { TRACE_NEARBY_LIMIT } from "../stage-outcomes";
import type { LineStockLookup, LocationTraceInput, TraceChecks } from "../trace";
import type {
  Assignment,
  GeoPoint,
  RoutingDecision,
  RoutingFlag,
  RoutingOrder,
  RoutingStatus,
  TraceStage,
} from "../types";
import { OrderStock } from "./order-stock";
import { ReferencePoint } from "./reference-point";

/** What a stage asks of a store besides holding the whole order. */
export interface StoreRequirements {
  readonly open: boolean;
  readonly pickup: boolean;
}

export class OrderRouting implements PositionTracer {
  readonly ids: readonly string[];
  readonly stock: OrderStock;
  readonly from: ReferencePoint;
  readonly flags: RoutingFlag[] = [];
  readonly stages: TraceStage[] = [];

  /** `traced`: whether the decision lists each stage's locations (see PrepareOptions.trace). */
  constructor(
    readonly index: NetworkIndex,
    readonly order: RoutingOrder,
    from: GeoPoint,
    readonly traced: boolean = index.traced,
  ) {
    this.ids = index.ids;
    this.stock = new OrderStock(index, order.lines);
    this.from = new ReferencePoint(index, from);
  }

  podium(order: RankOrder, capacity: number): Podium {
    return new Podium(this, order, capacity);
  }

  /** A podium of locations only the trace lists (TRACE_NEARBY_LIMIT of them): none when untraced. */
  tracePodium(order: RankOrder): Podium {
    return new Podium(this, order, this.traced ? TRACE_NEARBY_LIMIT : 0);
  }

  /**
   * Offers each store within the radius but `except` to `eligible` when it is full and meets the
   * stage's requirements, and to `ineligible` when it does not.
   */
  rankStoresWithinRadius(eligible: Podium, ineligible: Podium, requirements: StoreRequirements, except = -1): void {
    const { index, stock } = this;
    const { isOpen, pickupEnabled } = index;
    const { nearbyPositions, nearbyDistances } = index.scratch;
    const nearby = this.from.storesWithinRadius();
    for (let n = 0; n < nearby; n++) {
      const position = nearbyPositions[n]!;
      if (position === except) continue;
      const distance = nearbyDistances[n]!;
      const cost = parcelCostAt(index, position, distance);
      if (
        (!requirements.open || isOpen[position] === 1) &&
        (!requirements.pickup || pickupEnabled[position] === 1) &&
        stock.isFull(position)
      ) {
        eligible.offer(position, distance, cost);
      } else {
        ineligible.offer(position, distance, cost);
      }
    }
  }

  unitsForLine(position: number, line: number): number {
    return this.stock.unitsForLine(position, line);
  }

  /** A location's trace input; a full location fails no line, so its trace needs no stock figures. */
  traceInput(position: number, distance: number, cost: number, checks: TraceChecks): LocationTraceInput {
    return this.traceInputWith(this.stock.isFull(position) ? null : this.stock, position, distance, cost, checks);
  }

  /** A location's trace input with the stock figures `stock` gives (null: it clears every line). */
  traceInputWith(
    stock: LineStockLookup | null,
    position: number,
    distance: number,
    cost: number,
    checks: TraceChecks,
  ): LocationTraceInput {
    return {
      location: this.index.locations[position]!,
      lines: this.order.lines,
      rules: this.index.rules,
      stock,
      stockHandle: position,
      distance,
      cost,
      checks,
    };
  }

  /** The decision so far's flags and stages, with these assignments. */
  decide(
    status: RoutingStatus,
    assignments: readonly Assignment[],
    unroutableSkus: readonly string[] = [],
  ): RoutingDecision {
    return makeDecision(this.order, status, assignments, this.flags, unroutableSkus, this.stages);
  }

  /** ROUTED: the whole order from one location. */
  routedWhole({ position, distance, cost }: Placement): RoutingDecision {
    return this.decide("ROUTED", [assignmentOf(this.order, this.ids[position]!, "ALL", cost, distance)]);
  }
}

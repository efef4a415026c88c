// A ranking that keeps only its best few: the winner, the runner-up, the few nearest losers.
import { compareRanks, type RankedLocation, type RankOrder } from "./ranking";
import type { TracedRanking } from "./stage-outcomes";
import type { LocationTraceInput, TraceChecks } from "./trace";

/** Where a podium's locations, known by position, get their ids and their trace input. */
export interface PositionTracer {
  readonly ids: readonly string[];
  traceInput(position: number, distance: number, cost: number, checks: TraceChecks): LocationTraceInput;
  /** Units the location at a position holds of the order's line. */
  unitsForLine(position: number, line: number): number;
}

/** A podium capacity that keeps every location offered (a search within the radius offers few). */
export const EVERY_STORE_NEARBY = Number.MAX_SAFE_INTEGER;

/** One location of a ranking, by position, with its distance and cost from the reference point. */
export interface Placement {
  readonly position: number;
  readonly distance: number;
  readonly cost: number;
}

/** The best few locations offered so far in one ranking, best first. */
export class Podium implements TracedRanking {
  readonly positions: number[] = [];
  readonly distances: number[] = [];
  readonly costs: number[] = [];
  size = 0;
  private readonly ids: readonly string[];

  constructor(
    private readonly tracer: PositionTracer,
    private readonly order: RankOrder,
    private readonly capacity: number,
  ) {
    this.ids = tracer.ids;
  }

  offer(position: number, distance: number, cost: number): void {
    const { positions, distances, costs, ids } = this;
    const id = ids[position]!;
    let at = this.size;
    while (
      at > 0 &&
      compareRanks(this.order, distance, cost, id, distances[at - 1]!, costs[at - 1]!, ids[positions[at - 1]!]!) < 0
    ) {
      at--;
    }
    if (at >= this.capacity) return;
    const last = Math.min(this.size, this.capacity - 1);
    for (let place = last; place > at; place--) {
      positions[place] = positions[place - 1]!;
      distances[place] = distances[place - 1]!;
      costs[place] = costs[place - 1]!;
    }
    positions[at] = position;
    distances[at] = distance;
    costs[at] = cost;
    if (this.size < this.capacity) this.size++;
  }

  placement(place: number): Placement {
    return { position: this.positions[place]!, distance: this.distances[place]!, cost: this.costs[place]! };
  }

  ranked(place: number): RankedLocation {
    return { distance: this.distances[place]!, cost: this.costs[place]!, id: this.ids[this.positions[place]!]! };
  }

  traceInput(place: number, checks: TraceChecks): LocationTraceInput {
    return this.tracer.traceInput(this.positions[place]!, this.distances[place]!, this.costs[place]!, checks);
  }

  unitsForLine(place: number, line: number): number {
    return this.tracer.unitsForLine(this.positions[place]!, line);
  }
}

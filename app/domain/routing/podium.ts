// A ranking that keeps only its best few: the winner, the runner-up, the few nearest losers.
import { compareRanks, type RankedLocation, type RankOrder } from "./ranking";

/** The best few locations offered so far in one ranking, best first. */
export class Podium {
  readonly positions: number[] = [];
  readonly distances: number[] = [];
  readonly costs: number[] = [];
  size = 0;

  constructor(
    private readonly ids: readonly string[],
    private readonly order: RankOrder,
    private readonly capacity: number,
  ) {}

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

  ranked(place: number): RankedLocation {
    return { distance: this.distances[place]!, cost: this.costs[place]!, id: this.ids[this.positions[place]!]! };
  }
}

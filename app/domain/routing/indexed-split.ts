// The split search of the indexed engine: the same objective as planSplit (fewest locations, then
// the lowest canonical total, then the smallest sorted ids), searched over per-line bitsets so that
// only the locations a branch actually reaches get their masks and costs computed.
//
// Branching is on the uncovered line with the fewest servers. Among its servers, those covering the
// same uncovered lines are interchangeable but for (cost, id), so only the best of each is tried.
// The last pick of a branch is the cheapest location serving every line still uncovered, found by
// intersecting those lines' bitsets.
import { countBits, hasBit, lowestPosition, withoutLowestBit } from "./bitset";
import { costBound, coverRanksBefore, isBetterCover, scoreCover, type CoverScore } from "./split";

export interface IndexedSplitProblem {
  readonly lineCount: number;
  readonly words: number;
  /** Per line: the locations that can serve it, as a bitset of `words` words. */
  readonly lineRows: readonly Uint32Array[];
  readonly ids: readonly string[];
  costOf(position: number): number;
  /** Never above costOf(position); cheap, so far-away locations can be skipped unpriced. */
  costLowerBound(position: number): number;
  /** Never above any location's cost. */
  readonly cheapestPossibleCost: number;
  /** Per-position memo of costs, valid where costStamp equals `stamp`; reused across searches. */
  readonly costMemo: Float64Array;
  readonly costStamp: Uint32Array;
  readonly stamp: number;
}

/** Lines as bits of a number, so at most this many lines. */
export const MAX_INDEXED_SPLIT_LINES = 30;

/** Positions of the best cover, or null when some line has no server at all. */
export function cheapestMinimumCover(problem: IndexedSplitProblem): number[] | null {
  return new CoverSearch(problem).run();
}

class CoverSearch {
  private readonly serverCounts: number[] = [];
  /** Lines with the fewest servers first: intersections that start there empty out soonest. */
  private readonly linesRarestFirst: number[];
  private readonly stack: number[] = [];
  private best: (CoverScore & { positions: number[] }) | null = null;

  constructor(private readonly problem: IndexedSplitProblem) {
    for (const row of problem.lineRows) this.serverCounts.push(countBits(row));
    this.linesRarestFirst = this.serverCounts
      .map((_, line) => line)
      .sort((a, b) => this.serverCounts[a]! - this.serverCounts[b]! || a - b);
  }

  run(): number[] | null {
    const { lineCount } = this.problem;
    if (lineCount > MAX_INDEXED_SPLIT_LINES) throw new Error(`indexed split: at most ${MAX_INDEXED_SPLIT_LINES} lines`);
    if (this.serverCounts.some((count) => count === 0)) return null;
    const all = lineCount === 0 ? 0 : (2 ** lineCount - 1) | 0;
    for (let size = 1; size <= lineCount; size++) {
      this.search(all, size, 0);
      if (this.best !== null) return this.best.positions;
    }
    return lineCount === 0 ? [] : null;
  }

  private maskOf(position: number): number {
    let mask = 0;
    const rows = this.problem.lineRows;
    for (let line = 0; line < rows.length; line++) if (hasBit(rows[line]!, position)) mask |= 1 << line;
    return mask;
  }

  private costOf(position: number): number {
    const { costMemo, costStamp, stamp } = this.problem;
    if (costStamp[position] === stamp) return costMemo[position]!;
    const cost = this.problem.costOf(position);
    costMemo[position] = cost;
    costStamp[position] = stamp;
    return cost;
  }

  private ranksBefore(a: number, b: number): boolean {
    const { ids } = this.problem;
    return coverRanksBefore(this.costOf(a), ids[a]!, this.costOf(b), ids[b]!);
  }

  private consider(): void {
    const score = scoreCover(
      this.stack.map((position) => this.costOf(position)),
      this.stack.map((position) => this.problem.ids[position]!),
    );
    if (isBetterCover(score, this.best)) this.best = { ...score, positions: [...this.stack] };
  }

  private search(uncovered: number, picksLeft: number, partialCost: number): void {
    if (uncovered === 0) {
      this.consider();
      return;
    }
    if (picksLeft === 1) {
      this.complete(uncovered, partialCost);
      return;
    }
    const branchLine = this.narrowestLine(uncovered);
    const bestByCoverage = new Map<number, number>();
    const row = this.problem.lineRows[branchLine]!;
    for (let w = 0; w < this.problem.words; w++) {
      for (let bits = row[w]!; bits !== 0; bits = withoutLowestBit(bits)) {
        const position = lowestPosition(w, bits);
        const coverage = this.maskOf(position) & uncovered;
        const incumbent = bestByCoverage.get(coverage);
        if (incumbent === undefined || this.ranksBefore(position, incumbent)) bestByCoverage.set(coverage, position);
      }
    }
    const options = [...bestByCoverage.entries()].sort((a, b) => (this.ranksBefore(a[1], b[1]) ? -1 : 1));
    // Every later pick costs at least cheapestPossibleCost.
    const restAtLeast = (picksLeft - 1) * this.problem.cheapestPossibleCost;
    for (const [coverage, position] of options) {
      const cost = this.costOf(position);
      if (partialCost + cost + restAtLeast > costBound(this.best)) break;
      this.stack.push(position);
      this.search(uncovered & ~coverage, picksLeft - 1, partialCost + cost);
      this.stack.pop();
    }
  }

  /** The last pick: the cheapest location (ties: id) serving every uncovered line. */
  private complete(uncovered: number, partialCost: number): void {
    const { lineRows, words } = this.problem;
    const bound = costBound(this.best);
    if (partialCost + this.problem.cheapestPossibleCost > bound) return;
    const lines = this.linesRarestFirst.filter((line) => (uncovered & (1 << line)) !== 0);
    let chosen = -1;
    for (let w = 0; w < words; w++) {
      let bits = 0xffffffff;
      for (let l = 0; l < lines.length && bits !== 0; l++) bits &= lineRows[lines[l]!]![w]!;
      for (; bits !== 0; bits = withoutLowestBit(bits)) {
        const position = lowestPosition(w, bits);
        const lowerBound = this.problem.costLowerBound(position);
        if (partialCost + lowerBound > bound) continue;
        if (chosen !== -1 && lowerBound > this.costOf(chosen)) continue;
        if (chosen === -1 || this.ranksBefore(position, chosen)) chosen = position;
      }
    }
    if (chosen === -1) return;
    this.stack.push(chosen);
    this.consider();
    this.stack.pop();
  }

  private narrowestLine(uncovered: number): number {
    let narrowest = -1;
    for (let line = 0; line < this.problem.lineCount; line++) {
      if ((uncovered & (1 << line)) === 0) continue;
      if (narrowest === -1 || this.serverCounts[line]! < this.serverCounts[narrowest]!) narrowest = line;
    }
    return narrowest;
  }
}

// Splitting an order no single location can fill: an exact minimum set cover.
//
// Objective, in order: fewest locations; then the lowest total of cost(L); then the smallest list of
// ids (sorted, compared element by element). Each line goes whole to one chosen location that can
// serve it: the cheapest of them (ties: nearer, then id). The answer depends only on the
// candidates' contents, never on the order they are given in.
import { popcount32 } from "./bitset";
import { compareCheapest } from "./ranking";

export interface SplitCandidate {
  readonly id: string;
  readonly cost: number;
  readonly distance: number;
  /** Indices of the order lines this location can serve. */
  readonly servedLines: readonly number[];
}

export interface SplitPart {
  /** Index into the candidates given to planSplit. */
  readonly candidate: number;
  /** Order line indices, ascending. */
  readonly lines: readonly number[];
}

export interface SplitPlan {
  /** Ordered by each part's first line. */
  readonly parts: readonly SplitPart[];
  readonly totalCost: number;
}

/** Lines no candidate can serve, ascending. */
export function unservableLines(lineCount: number, candidates: readonly SplitCandidate[]): number[] {
  const served = new Array<boolean>(lineCount).fill(false);
  for (const candidate of candidates) for (const line of candidate.servedLines) served[line] = true;
  const missing: number[] = [];
  for (let line = 0; line < lineCount; line++) if (!served[line]) missing.push(line);
  return missing;
}

/** Sum of costs in ascending order: a canonical sum, and one that never grows when a cost shrinks. */
export function canonicalTotal(costs: readonly number[]): number {
  const sorted = [...costs].sort((a, b) => a - b);
  let total = 0;
  for (const cost of sorted) total += cost;
  return total;
}

function compareSortedIds(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** How a cover of a given size ranks: lower canonical total first, then the smaller sorted ids. */
export interface CoverScore {
  readonly total: number;
  readonly sortedIds: readonly string[];
}

export function scoreCover(costs: readonly number[], ids: readonly string[]): CoverScore {
  return { total: canonicalTotal(costs), sortedIds: [...ids].sort(compareIdStrings) };
}

export function isBetterCover(challenger: CoverScore, incumbent: CoverScore | null): boolean {
  if (incumbent === null || challenger.total < incumbent.total) return true;
  return challenger.total === incumbent.total && compareSortedIds(challenger.sortedIds, incumbent.sortedIds) < 0;
}

/** Of two locations that serve the same lines, the cover takes the cheaper (ties: the smaller id). */
export function coverRanksBefore(costA: number, idA: string, costB: number, idB: string): boolean {
  if (costA !== costB) return costA < costB;
  return idA < idB;
}

/**
 * A search may drop a branch only when its partial cost exceeds this. Partial sums add costs in
 * another order than canonicalTotal, so equal totals can differ in the last bits; the slack keeps
 * such ties in the search, and isBetterCover settles them exactly.
 */
export function costBound(incumbent: CoverScore | null): number {
  return incumbent === null
    ? Number.POSITIVE_INFINITY
    : incumbent.total + 1e-9 * Math.max(1, Math.abs(incumbent.total));
}

/** Returns null when some line has no candidate at all. */
export function planSplit(lineCount: number, candidates: readonly SplitCandidate[]): SplitPlan | null {
  if (lineCount === 0) return { parts: [], totalCost: 0 };
  if (unservableLines(lineCount, candidates).length > 0) return null;

  const classes = lineCount <= MAX_NUMBER_MASK_BITS ? identityClasses(lineCount) : lineClasses(lineCount, candidates);
  const chosen =
    classes.count <= MAX_NUMBER_MASK_BITS
      ? minimumCover(NUMBER_MASKS, classes, candidates)
      : minimumCover(BIGINT_MASKS, classes, candidates);
  return planWithChosen(lineCount, candidates, chosen);
}

/** Gives each line to the cheapest chosen candidate that can serve it (ties: nearer, then id). */
export function planWithChosen(
  lineCount: number,
  candidates: readonly SplitCandidate[],
  chosen: readonly number[],
): SplitPlan {
  const servesLine = chosen.map((index) => new Set(candidates[index]!.servedLines));
  const linesByPart = chosen.map((): number[] => []);
  for (let line = 0; line < lineCount; line++) {
    let best = -1;
    for (let part = 0; part < chosen.length; part++) {
      if (!servesLine[part]!.has(line)) continue;
      if (best === -1 || compareCheapest(candidates[chosen[part]!]!, candidates[chosen[best]!]!) < 0) best = part;
    }
    linesByPart[best]!.push(line);
  }
  const parts = chosen
    .map((candidate, part) => ({ candidate, lines: linesByPart[part]! }))
    .filter((part) => part.lines.length > 0)
    .sort((a, b) => a.lines[0]! - b.lines[0]!);
  return {
    parts,
    totalCost: canonicalTotal(parts.map((part) => candidates[part.candidate]!.cost)),
  };
}

// ---------------------------------------------------------------------------
// Lines as bits. Up to 30 lines fit a 32-bit number; beyond that, lines that exactly the same
// locations can serve are merged into one class, and only if there are still too many classes
// does the search fall back to bigint masks.
// ---------------------------------------------------------------------------

const MAX_NUMBER_MASK_BITS = 30;

interface LineClasses {
  readonly count: number;
  readonly classOfLine: readonly number[];
}

function identityClasses(lineCount: number): LineClasses {
  return { count: lineCount, classOfLine: Array.from({ length: lineCount }, (_, line) => line) };
}

function lineClasses(lineCount: number, candidates: readonly SplitCandidate[]): LineClasses {
  const servers: number[][] = Array.from({ length: lineCount }, () => []);
  candidates.forEach((candidate, index) => {
    for (const line of candidate.servedLines) servers[line]!.push(index);
  });
  const classBySignature = new Map<string, number>();
  const classOfLine = servers.map((list) => {
    const signature = list.join(",");
    let found = classBySignature.get(signature);
    if (found === undefined) {
      found = classBySignature.size;
      classBySignature.set(signature, found);
    }
    return found;
  });
  return { count: classBySignature.size, classOfLine };
}

interface MaskOps<M> {
  readonly none: M;
  bit(index: number): M;
  or(a: M, b: M): M;
  andNot(a: M, b: M): M;
  isEmpty(a: M): boolean;
  has(a: M, index: number): boolean;
  popcount(a: M): number;
}

const NUMBER_MASKS: MaskOps<number> = {
  none: 0,
  bit: (index) => 1 << index,
  or: (a, b) => a | b,
  andNot: (a, b) => a & ~b,
  isEmpty: (a) => a === 0,
  has: (a, index) => (a & (1 << index)) !== 0,
  popcount: popcount32,
};

const BIGINT_MASKS: MaskOps<bigint> = {
  none: 0n,
  bit: (index) => 1n << BigInt(index),
  or: (a, b) => a | b,
  andNot: (a, b) => a & ~b,
  isEmpty: (a) => a === 0n,
  has: (a, index) => ((a >> BigInt(index)) & 1n) === 1n,
  popcount: (a) => {
    let count = 0;
    for (let x = a; x !== 0n; x &= x - 1n) count++;
    return count;
  },
};

/** Candidate indices of the best cover (see the objective at the top of the file). */
function minimumCover<M>(ops: MaskOps<M>, classes: LineClasses, candidates: readonly SplitCandidate[]): number[] {
  // Candidates that cover exactly the same classes are interchangeable except for cost and id,
  // so only the best of each can be in the answer.
  const bestByMask = new Map<M, number>();
  candidates.forEach((candidate, index) => {
    let mask = ops.none;
    for (const line of candidate.servedLines) mask = ops.or(mask, ops.bit(classes.classOfLine[line]!));
    if (ops.isEmpty(mask)) return;
    const kept = bestByMask.get(mask);
    const rival = kept === undefined ? undefined : candidates[kept]!;
    if (rival === undefined || coverRanksBefore(candidate.cost, candidate.id, rival.cost, rival.id)) {
      bestByMask.set(mask, index);
    }
  });

  const pool = [...bestByMask.entries()]
    .map(([mask, index]) => ({ mask, index, candidate: candidates[index]! }))
    .sort((a, b) => a.candidate.cost - b.candidate.cost || compareIdStrings(a.candidate.id, b.candidate.id));
  const masks = pool.map((entry) => entry.mask);
  const costs = pool.map((entry) => entry.candidate.cost);
  const ids = pool.map((entry) => entry.candidate.id);
  const byClass: number[][] = Array.from({ length: classes.count }, () => []);
  let widest = 0;
  pool.forEach((entry, position) => {
    for (let c = 0; c < classes.count; c++) if (ops.has(entry.mask, c)) byClass[c]!.push(position);
    widest = Math.max(widest, ops.popcount(entry.mask));
  });

  let all = ops.none;
  for (let c = 0; c < classes.count; c++) all = ops.or(all, ops.bit(c));

  // Held in an object because closures assign it; a plain `let` would be narrowed to null.
  const incumbent: { best: (CoverScore & { positions: number[] }) | null } = { best: null };
  const stack: number[] = [];

  const consider = (): void => {
    const score = scoreCover(
      stack.map((position) => costs[position]!),
      stack.map((position) => ids[position]!),
    );
    if (isBetterCover(score, incumbent.best)) incumbent.best = { ...score, positions: [...stack] };
  };

  // The uncovered class with the fewest candidates keeps the branching narrow.
  const narrowestClass = (uncovered: M): number => {
    let chosen = -1;
    for (let c = 0; c < classes.count; c++) {
      if (!ops.has(uncovered, c)) continue;
      if (chosen === -1 || byClass[c]!.length < byClass[chosen]!.length) chosen = c;
    }
    return chosen;
  };

  const search = (uncovered: M, picksLeft: number, partialCost: number): void => {
    if (ops.isEmpty(uncovered)) {
      consider();
      return;
    }
    if (picksLeft === 0 || ops.popcount(uncovered) > picksLeft * widest) return;
    const branchClass = narrowestClass(uncovered);
    for (const position of byClass[branchClass]!) {
      const cost = costs[position]!;
      // Lists are cheapest first, so nothing later in this list can do better.
      if (partialCost + cost > costBound(incumbent.best)) break;
      const rest = ops.andNot(uncovered, masks[position]!);
      if (picksLeft === 1) {
        if (!ops.isEmpty(rest)) continue;
        stack.push(position);
        consider();
        stack.pop();
        // The first complete cover in (cost, id) order is the best completion of this prefix.
        break;
      }
      stack.push(position);
      search(rest, picksLeft - 1, partialCost + cost);
      stack.pop();
    }
  };

  for (let size = 1; size <= classes.count; size++) {
    search(all, size, 0);
    const found = incumbent.best;
    if (found !== null) return found.positions.map((position) => pool[position]!.index);
  }
  // Unreachable when every line has a candidate: one candidate per class always covers.
  throw new Error("split: no cover found although every line has a candidate");
}

function compareIdStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

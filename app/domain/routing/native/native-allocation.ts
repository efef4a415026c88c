// Shopify's native order routing, as its help centre documents it
// (https://help.shopify.com/en/manual/fulfillment/setup/order-routing/understanding-order-routing):
// a strategy is a list of rules applied in sequence, each prioritising locations; the locations
// with the highest priority fulfil the order. Shopify's default strategy is "Minimize split
// fulfillments", "Stay within the destination market", "Ship from the closest location".
//
//   Minimize split fulfillments  locations with every item in stock come first; when none has
//                                every item, the locations giving the fewest packages.
//   Ranked locations             the merchant's order of locations.
//   Ship from closest location   straight-line (haversine) distance to the shipping address; the
//                                documented tiebreaker, best placed last.
//
// "Stay within the destination market" is left out: Omniroute's networks are one market, where
// the rule ranks every location alike. This file is the allocation itself, over candidates the
// caller has already put in priority order; adapters give it locations (native-routing.ts, the
// emulator's routing.ts).

export type NativeRule = "MINIMIZE_SPLIT" | "RANKED_LOCATIONS" | "CLOSEST_LOCATION";

/** Shopify's default strategy, the market rule aside. */
export const SHOPIFY_DEFAULT_STRATEGY: readonly NativeRule[] = Object.freeze(["MINIMIZE_SPLIT", "CLOSEST_LOCATION"]);

/** A strategy with the merchant's ranking in place of distance (the emulator's default routing). */
export const RANKED_LOCATIONS_STRATEGY: readonly NativeRule[] = Object.freeze(["MINIMIZE_SPLIT", "RANKED_LOCATIONS"]);

/** One candidate location as the ranking rules see it. */
export interface RankFacts {
  /** Position in the merchant's ranking, 0 first. */
  readonly rank: number;
  /** Miles to the shipping address. */
  readonly distance: number;
}

/**
 * Candidate indices in priority order under the strategy's ranking rules, applied in sequence
 * (each breaks the ties of those before it); remaining ties go to the merchant's rank.
 * MINIMIZE_SPLIT is not a ranking: nativeAllocate applies it.
 */
export function prioritize(candidates: readonly RankFacts[], strategy: readonly NativeRule[]): number[] {
  assertSupported(strategy);
  const ranking = strategy.filter((rule) => rule !== "MINIMIZE_SPLIT");
  const order = candidates.map((_, index) => index);
  order.sort((a, b) => {
    const x = candidates[a]!;
    const y = candidates[b]!;
    for (const rule of ranking) {
      const difference = rule === "RANKED_LOCATIONS" ? x.rank - y.rank : x.distance - y.distance;
      if (difference !== 0) return difference;
    }
    return x.rank - y.rank || a - b;
  });
  return order;
}

/** MINIMIZE_SPLIT is modelled where Shopify's default strategy puts it: first, or not at all. */
export function assertSupported(strategy: readonly NativeRule[]): void {
  const at = strategy.indexOf("MINIMIZE_SPLIT");
  if (at > 0) throw new Error("native routing: MINIMIZE_SPLIT is supported only as the first rule");
  if (new Set(strategy).size !== strategy.length) throw new Error("native routing: a rule is listed twice");
}

export interface NativePart {
  /** A candidate index, as given in `priority`. */
  readonly candidate: number;
  /** Line indices, ascending. */
  readonly lines: readonly number[];
}

export interface NativeAllocation {
  /** In priority order of their locations. */
  readonly parts: readonly NativePart[];
  /** Lines no candidate has enough of, ascending. */
  readonly uncoveredLines: readonly number[];
}

/** Candidates best first; `at` may sort lazily, as most orders never look past the first few. */
export interface PriorityOrder {
  readonly size: number;
  /** The candidate index at a place, 0 best. */
  at(place: number): number;
}

export function priorityOf(order: readonly number[]): PriorityOrder {
  return { size: order.length, at: (place) => order[place]! };
}

export interface NativeProblem {
  readonly lineCount: number;
  /** Candidate indices, best first (see prioritize). */
  readonly priority: PriorityOrder;
  /** The candidate has enough of the line in stock. */
  covers(candidate: number, line: number): boolean;
  readonly minimizeSplit: boolean;
}

/**
 * Which location fulfils which line. With MINIMIZE_SPLIT, the best-priority location that has
 * every line; failing that, the fewest locations that together have every coverable line (of
 * those, the set whose best members rank best), each line from the best-priority one of them
 * that has it. Without it, each line from the best-priority location that has it.
 */
export function nativeAllocate(problem: NativeProblem): NativeAllocation {
  const { lineCount, priority, covers } = problem;
  const all = lineCount === 0 ? 0 : (2 ** lineCount - 1) | 0;
  const masks: number[] = [];
  const maskAt = (place: number): number => {
    while (masks.length <= place) {
      const candidate = priority.at(masks.length);
      let mask = 0;
      for (let line = 0; line < lineCount; line++) if (covers(candidate, line)) mask |= 1 << line;
      masks.push(mask);
    }
    return masks[place]!;
  };

  let places: number[] | null = null; // places in the priority order that take part
  let coverable = 0;
  if (problem.minimizeSplit) {
    for (let place = 0; place < priority.size && places === null; place++) {
      if (maskAt(place) === all) places = [place];
    }
  } else {
    places = [];
    for (let place = 0; place < priority.size && coverable !== all; place++) {
      const fresh = maskAt(place) & ~coverable;
      if (fresh === 0) continue;
      places.push(place);
      coverable |= fresh;
    }
  }
  coverable = 0;
  for (let place = 0; place < priority.size; place++) {
    if (places !== null && coverable === all) break;
    coverable |= maskAt(place);
  }
  const uncoveredLines: number[] = [];
  for (let line = 0; line < lineCount; line++) if ((coverable & (1 << line)) === 0) uncoveredLines.push(line);
  if (coverable === 0) return { parts: [], uncoveredLines };
  places ??= fewestPackages(masks, coverable);

  const linesOf = new Map<number, number[]>();
  for (let line = 0; line < lineCount; line++) {
    if ((coverable & (1 << line)) === 0) continue;
    const place = places.find((candidatePlace) => (masks[candidatePlace]! & (1 << line)) !== 0)!;
    const lines = linesOf.get(place) ?? [];
    lines.push(line);
    linesOf.set(place, lines);
  }
  const parts = [...linesOf.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([place, lines]) => ({ candidate: priority.at(place), lines }));
  return { parts, uncoveredLines };
}

/** At most 30 lines: masks are 32-bit numbers. */
export const MAX_NATIVE_LINES = 30;

/**
 * Positions (ascending) of the fewest locations covering `target`; among sets of that size the
 * one whose positions, ascending, compare first. Exact: sizes are tried from 1 up, over the
 * best-placed location of each distinct coverage.
 */
function fewestPackages(masks: readonly number[], target: number): number[] {
  const whole = masks.findIndex((mask) => (mask & target) === target);
  if (whole >= 0) return [whole];
  const firstOfMask = new Map<number, number>();
  masks.forEach((mask, place) => {
    const useful = mask & target;
    if (useful !== 0 && !firstOfMask.has(useful)) firstOfMask.set(useful, place);
  });
  const options = [...firstOfMask.entries()].map(([mask, place]) => ({ mask, place }));
  options.sort((a, b) => a.place - b.place);
  let best: number[] | null = null;
  const chosen: number[] = [];
  const search = (from: number, covered: number, left: number): void => {
    if (covered === target) {
      const places = [...chosen].sort((a, b) => a - b);
      if (best === null || comparePlaces(places, best) < 0) best = places;
      return;
    }
    if (left === 0) return;
    for (let i = from; i < options.length; i++) {
      const option = options[i]!;
      if ((option.mask & ~covered) === 0) continue;
      chosen.push(option.place);
      search(i + 1, covered | option.mask, left - 1);
      chosen.pop();
    }
  };
  for (let size = 2; size <= options.length; size++) {
    search(0, 0, size);
    if (best !== null) return best;
  }
  throw new Error("native routing: coverable lines without a cover");
}

function comparePlaces(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

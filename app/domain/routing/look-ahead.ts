// Look-ahead (rules.lookAhead, docs/decisions/018 and 035): a store's units are worth more than
// their shipping cost says when they are scarce, because only a store can serve a same-day
// delivery or a pickup, and a store sells a SKU online only while it holds the store minimum.
//
// Taking an order's lines from a store is charged an opportunity cost, the scarcity charge: per
// line, the price of the store's last sellable unit of the SKU (LAST_UNIT_MARGINS ×
// lookAheadCostMargin) when the take leaves the store unable to sell the SKU any more, divided by
// 1 / SCARCITY_DECAY for every unit it can still sell afterwards. A store with plenty of the SKU is
// charged almost nothing, so it still ships when it is cheaper; one about to run out is charged
// several margins, so its units stay for the orders only it can serve. Wherever look-ahead weighs
// stores, the one with the lowest cost plus charge wins:
//   SHIPPING  the store against the cheapest full warehouse (the store must be cheaper by more
//             than its charge), and which full store within the radius is that store;
//   SAME_DAY  which open, full store within the radius delivers;
//   PICK_UP   which nearby store a pickup moves to when the shopper's store cannot hand it over.
// It never changes whether an order is kept: the same-day and pickup stages still choose among
// the same eligible stores, and a store under the minimum is never full, so never chosen.
import type { TracedRanking } from "./stage-outcomes";
import type { OrderLine, RoutingRules } from "./types";

/** The price of a store's last sellable unit of a SKU, in look-ahead margins. */
export const LAST_UNIT_MARGINS = 4;

/** Each further unit the store can still sell after the take multiplies the line's charge by this. */
export const SCARCITY_DECAY = 0.4;

/**
 * Dollars charged for taking `lines` from a store that holds `unitsForLine(line)` of each line's
 * SKU now: per line, LAST_UNIT_MARGINS × margin × SCARCITY_DECAY^(units it can still sell after).
 */
export function scarcityCharge(
  lines: readonly OrderLine[],
  unitsForLine: (line: number) => number,
  rules: RoutingRules,
): number {
  const lastUnit = LAST_UNIT_MARGINS * (rules.lookAheadCostMargin ?? 0);
  if (lastUnit === 0) return 0;
  const minimum = Math.max(1, rules.storeMinUnits);
  let charge = 0;
  for (let line = 0; line < lines.length; line++) {
    const left = unitsForLine(line) - lines[line]!.quantity;
    // Units the store can still sell online after this take: it sells down to the minimum.
    const stillSellable = Math.max(0, left - minimum + 1);
    charge += lastUnit * SCARCITY_DECAY ** stillSellable;
  }
  return charge;
}

/** A place in a ranking of stores, with its parcel cost and the scarcity charge of taking the order there. */
export interface ChargedPlace {
  readonly place: number;
  readonly cost: number;
  readonly charge: number;
}

/**
 * The two places of `ranking` with the lowest cost plus scarcity charge, best first; ties go to the
 * place the ranking puts first (nearest, or cheapest). `second` is null for a ranking of one.
 */
export function lowestCostWithCharge(
  ranking: TracedRanking,
  lines: readonly OrderLine[],
  rules: RoutingRules,
): { best: ChargedPlace; second: ChargedPlace | null } {
  let best: ChargedPlace | null = null;
  let second: ChargedPlace | null = null;
  for (let place = 0; place < ranking.size; place++) {
    const charged: ChargedPlace = {
      place,
      cost: ranking.ranked(place).cost,
      charge: scarcityCharge(lines, (line) => ranking.unitsForLine(place, line), rules),
    };
    const total = charged.cost + charged.charge;
    if (best === null || total < best.cost + best.charge) {
      second = best;
      best = charged;
    } else if (second === null || total < second.cost + second.charge) {
      second = charged;
    }
  }
  if (best === null) throw new Error("look-ahead: no store to weigh");
  return { best, second };
}

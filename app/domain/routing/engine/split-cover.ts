// SPLIT, when no location can fill the whole order: the fewest locations that together serve
// every line (then the cheapest such set), each line going to the cheapest of them that can.
import { hasBit, lowestPosition, withoutLowestBit } from "../bitset";
import { cheapestMinimumCover, MAX_INDEXED_SPLIT_LINES } from "../indexed-split";
import { parcelCostAt } from "../network-index";
import { planSplit, planWithChosen, type SplitCandidate } from "../split";
import { splitCoverOutcome, splitNotAllowedStage, splitOutOfStockStage } from "../stage-outcomes";
import type { RoutingDecision } from "../types";
import type { OrderRouting } from "./order-routing";

export function splitCover(routing: OrderRouting): RoutingDecision {
  const { order, index, stock, from } = routing;
  const lineRows = stock.lineServerRows();
  const unservableSkus: string[] = [];
  lineRows.forEach((row, line) => {
    if (row.every((word) => word === 0)) unservableSkus.push(order.lines[line]!.sku);
  });
  if (!index.rules.allowSplit) {
    routing.stages.push(splitNotAllowedStage());
    // Splitting would not have saved an order with a SKU in stock nowhere: say so, as a split does.
    if (unservableSkus.length > 0) routing.flags.push("OUT_OF_STOCK");
    return routing.decide("UNROUTABLE", [], unservableSkus);
  }
  if (unservableSkus.length > 0) {
    routing.flags.push("OUT_OF_STOCK");
    routing.stages.push(splitOutOfStockStage(unservableSkus));
    return routing.decide("UNROUTABLE", [], unservableSkus);
  }

  const bitsetSearch = stock.lineCount <= MAX_INDEXED_SPLIT_LINES;
  const positions = bitsetSearch ? searchCover(routing, lineRows) : everyServer(lineRows, index.words);
  const candidates: SplitCandidate[] = positions.map((position) => {
    const servedLines: number[] = [];
    lineRows.forEach((row, line) => {
      if (hasBit(row, position)) servedLines.push(line);
    });
    const distance = from.distanceTo(position);
    return { id: index.ids[position]!, cost: parcelCostAt(index, position, distance), distance, servedLines };
  });
  const plan = bitsetSearch
    ? planWithChosen(
        stock.lineCount,
        candidates,
        candidates.map((_, i) => i),
      )
    : planSplit(stock.lineCount, candidates);
  if (plan === null) throw new Error("split: every line has a server, yet no cover was found");

  const { assignments, stage } = splitCoverOutcome(
    order,
    plan,
    candidates,
    (candidate, checks) => {
      const { distance, cost } = candidates[candidate]!;
      // A split location fails some line, so its trace always carries stock figures.
      return routing.traceInputWith(stock, positions[candidate]!, distance, cost, checks);
    },
    routing.traced,
  );
  routing.stages.push(stage);
  return routing.decide("SPLIT", assignments);
}

/** The cover itself, searched over the lines' bitsets (orders of up to MAX_INDEXED_SPLIT_LINES lines). */
function searchCover(routing: OrderRouting, lineRows: readonly Uint32Array[]): number[] {
  const { index, stock, from } = routing;
  const chosen = cheapestMinimumCover({
    lineCount: stock.lineCount,
    words: index.words,
    lineRows,
    ids: index.ids,
    costOf: (position) => parcelCostAt(index, position, from.distanceTo(position)),
    costLowerBound: (position) => from.costLowerBound(position),
    cheapestPossibleCost: index.cheapestPossibleCost - 1e-9,
    costMemo: index.scratch.splitCost,
    costStamp: index.scratch.splitCostOrder,
    stamp: stock.stamp,
  });
  if (chosen === null) throw new Error("split: every line has a server, yet no cover was found");
  return chosen;
}

/** Every location that can serve at least one line, for planSplit to choose from (longer orders). */
function everyServer(lineRows: readonly Uint32Array[], words: number): number[] {
  const positions: number[] = [];
  for (let w = 0; w < words; w++) {
    let union = 0;
    for (const row of lineRows) union |= row[w]!;
    for (; union !== 0; union = withoutLowestBit(union)) positions.push(lowestPosition(w, union));
  }
  return positions;
}

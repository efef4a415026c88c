// The two orders the semantics rank locations by, and how to say why the second one lost.
import type { LostReason } from "./types";

export interface RankedLocation {
  readonly distance: number;
  readonly cost: number;
  readonly id: string;
}

/** NEAREST: ties go to the lower cost, then the id. CHEAPEST: ties go to the nearer, then the id. */
export type RankOrder = "NEAREST" | "CHEAPEST";

/**
 * Negative when location a ranks before location b. Ids compare by code unit, not localeCompare,
 * so the answer never depends on the machine's locale.
 */
export function compareRanks(
  order: RankOrder,
  aDistance: number,
  aCost: number,
  aId: string,
  bDistance: number,
  bCost: number,
  bId: string,
): number {
  if (order === "NEAREST") {
    if (aDistance !== bDistance) return aDistance < bDistance ? -1 : 1;
    if (aCost !== bCost) return aCost < bCost ? -1 : 1;
  } else {
    if (aCost !== bCost) return aCost < bCost ? -1 : 1;
    if (aDistance !== bDistance) return aDistance < bDistance ? -1 : 1;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

export function compareNearest(a: RankedLocation, b: RankedLocation): number {
  return compareRanks("NEAREST", a.distance, a.cost, a.id, b.distance, b.cost, b.id);
}

export function compareCheapest(a: RankedLocation, b: RankedLocation): number {
  return compareRanks("CHEAPEST", a.distance, a.cost, a.id, b.distance, b.cost, b.id);
}

/** Why `loser` ranked after `winner` in the given order. */
export function rankingLossReason(order: RankOrder, loser: RankedLocation, winner: RankedLocation): LostReason {
  const farther = loser.distance > winner.distance;
  const costlier = loser.cost > winner.cost;
  if (order === "NEAREST") return farther ? "FARTHER" : costlier ? "COSTLIER" : "ID_TIEBREAK";
  return costlier ? "COSTLIER" : farther ? "FARTHER" : "ID_TIEBREAK";
}

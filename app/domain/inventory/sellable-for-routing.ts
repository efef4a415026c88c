import { meetsLineThreshold } from "../routing/eligibility";
import type { LocationKind } from "../routing/types";

/**
 * What the routing engine may take from one location's stock of one SKU, as the Inventory page
 * shows it: the same arithmetic as the routing view (services/routing/routing-view.server.ts:
 * oversold counts as none, other decisions' reservations come off, a held SKU counts as none),
 * then the engine's own store-minimum test (meetsLineThreshold), asked for a single unit.
 */
export interface CellForRouting {
  /** Null when the location has no profile yet (routing leaves it out). */
  kind: LocationKind | null;
  /** Active, fulfils online orders and placed on the map: the routing view includes it. */
  routable: boolean;
  available: number;
  /** Units active reservations hold at this location. */
  reserved: number;
  /** An associate reported it not found or damaged here; counts as none until the next update. */
  held: boolean;
}

/** Units routing counts before the minimum rule: the routing view's stock of the SKU there. */
export function unitsRoutingCounts(cell: Pick<CellForRouting, "available" | "reserved" | "held">): number {
  if (cell.held) return 0;
  return Math.max(0, Math.max(0, cell.available) - cell.reserved);
}

/** Units the engine may use: all it counts when a one-unit line passes the threshold there, else none. */
export function sellableForRouting(cell: CellForRouting, storeMinUnits: number): number {
  if (!cell.routable || cell.kind === null) return 0;
  const units = unitsRoutingCounts(cell);
  return meetsLineThreshold(cell.kind, units, 1, storeMinUnits) ? units : 0;
}

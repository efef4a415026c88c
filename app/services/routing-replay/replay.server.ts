import { sqlPool } from "~/db.server";
import type { Db } from "~/db/sql.server";
import type { RoutingLocation } from "~/domain/routing/types";
import {
  differingOrders,
  matchesRecorded,
  replay,
  replayOrders,
  type OrderDifference,
  type RecordedRouting,
  type ReplayResult,
  type ReplayRouter,
} from "~/domain/routing-replay/replay";
import { engineRules, type RoutingSettings } from "~/domain/routing-settings/settings";
import { findExceptionHolds } from "~/models/exception-holds.server";
import { activeReservedUnits } from "~/models/inventory-reservations.server";
import { listLiveLocations } from "~/models/locations.server";
import { listRecordedRoutings } from "~/models/recorded-routings.server";
import { findStockMapsOfSkus } from "~/models/replay-stock.server";
import { toRoutingLocations } from "~/services/inventory/routing-locations.server";
import { currentRoutingSettings } from "~/services/routing-settings/settings.server";

/**
 * The what-if replay (issue 15): a shop's orders decided in a date range, routed again in the
 * order they were decided by the live rules, the draft rules, Shopify's native routing and
 * greedy nearest-first, each from the same starting stock, and totalled alike.
 *
 * The starting stock is an approximation of the stock before the range, rebuilt from what the
 * app holds now: the view the routing job would see now (the mirror less the units decisions
 * still reserve, less exception holds) plus every unit the replayed decisions took. A decision
 * still reserving its units has them subtracted by the view and added back here; one whose units
 * the mirror already reflects had them taken by Shopify and gets them back here too. What is not
 * undone: restocks, POS sales, transfers and the orders decided after the range, so the snapshot
 * is the stock before the range only when nothing else moved it since. Opening hours are taken at
 * `now` for the whole range, and daily capacity is measured rather than enforced (see
 * app/domain/routing-replay/replay.ts). Cancelled orders are replayed: they were routed.
 */

export interface ReplayRange {
  readonly from: Date;
  readonly to: Date;
}

export interface RoutingComparison {
  readonly range: ReplayRange;
  readonly orders: number;
  /** The live rules first, then the draft (when given), native routing and greedy nearest-first. */
  readonly results: readonly ReplayResult[];
  /** Orders the live rules' replay sent where their recorded decision did. */
  readonly liveMatchesRecorded: number;
  /** Orders the draft sends differently from the live rules (empty without a draft). */
  readonly draftDifferences: readonly OrderDifference[];
}

/**
 * The stock before the replayed decisions, as the module comment describes: the routing view's
 * stock (routingLocationsFor) read with one statement per table, plus what the decisions took.
 * Locations carry their daily capacity but not what they took today: the replay measures
 * capacity instead of enforcing it.
 */
export async function replaySnapshot(
  db: Db,
  shop: string,
  recorded: readonly RecordedRouting[],
  now: Date,
): Promise<RoutingLocation[]> {
  const skuSet = new Set<string>();
  for (const entry of recorded) for (const line of entry.facts.lines) skuSet.add(line.sku);
  const skus = [...skuSet];
  const [live, stockMaps, reserved, held] = await Promise.all([
    listLiveLocations(db, shop),
    findStockMapsOfSkus(db, shop, skus),
    activeReservedUnits(db, shop, skus, now),
    findExceptionHolds(db, shop, skus),
  ]);
  const locations = toRoutingLocations(live, [], now);
  const stockById = new Map<string, Record<string, number>>();
  for (const location of locations) stockById.set(location.id, stockMaps.get(location.id) ?? {});
  // The view's own adjustments (routingViewFor), in its order: reserved units, then holds.
  for (const line of reserved) {
    const stock = stockById.get(line.locationId);
    if (stock !== undefined) stock[line.sku] = Math.max(0, (stock[line.sku] ?? 0) - line.quantity);
  }
  for (const hold of held) {
    const stock = stockById.get(hold.locationId);
    if (stock !== undefined) stock[hold.sku] = 0;
  }
  for (const entry of recorded) {
    for (const assignment of entry.decision.assignments) {
      const stock = stockById.get(assignment.locationId);
      if (stock === undefined) continue;
      for (const line of assignment.lines) stock[line.sku] = (stock[line.sku] ?? 0) + line.quantity;
    }
  }
  return locations.map((location) => ({ ...location, stock: stockById.get(location.id)! }));
}

/** The four routers, the live rules' first. */
export function comparedRouters(live: RoutingSettings, draft: RoutingSettings | null): ReplayRouter[] {
  return [
    // The live rules replay each order at the service level its decision recorded.
    { kind: "OMNIROUTE", name: "Live rules", rules: engineRules(live) },
    ...(draft === null
      ? []
      : [{ kind: "OMNIROUTE", name: "Draft rules", rules: engineRules(draft), serviceLevelsFrom: draft } as const]),
    { kind: "NATIVE", name: "Shopify native routing" },
    { kind: "GREEDY", name: "Nearest location first" },
  ];
}

/** Replays the range under the live rules, `draft` (when given), native routing and greedy nearest-first. */
export async function compareRoutings(
  shop: string,
  range: ReplayRange,
  draft: RoutingSettings | null,
  now: Date,
  db: Db = sqlPool,
): Promise<RoutingComparison> {
  const [recorded, live] = await Promise.all([
    listRecordedRoutings(db, shop, range.from, range.to),
    currentRoutingSettings(shop),
  ]);
  const snapshot = await replaySnapshot(db, shop, recorded, now);
  // The routers that take each order's recorded service level share one build of the orders.
  const asRecorded = replayOrders(recorded, snapshot, undefined);
  const results = comparedRouters(live.settings, draft).map((router) => {
    // Each router is held to the promises of the rules it is compared under: the draft to its own.
    const held = router.name === "Draft rules" && draft !== null ? draft : live.settings;
    const measuredUnder = { storeMinUnits: held.storeMinUnits, radiusMiles: held.radiusMiles };
    return replay(recorded, snapshot, router, measuredUnder, asRecorded);
  });
  const liveResult = results[0]!;
  let liveMatchesRecorded = 0;
  liveResult.orders.forEach((replayed, n) => {
    if (matchesRecorded(replayed, recorded[n]!)) liveMatchesRecorded++;
  });
  return {
    range,
    orders: recorded.length,
    results,
    liveMatchesRecorded,
    draftDifferences: draft === null ? [] : differingOrders(liveResult, results[1]!),
  };
}

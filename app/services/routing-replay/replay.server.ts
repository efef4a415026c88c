import { sqlPool } from "~/db.server";
import type { Db } from "~/db/sql.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { buildStockTable, type StockEdit } from "~/domain/routing/stock-table";
import {
  differingOrders,
  matchesRecorded,
  replayOrders,
  ReplayRun,
  type OrderDifference,
  type RecordedRouting,
  type ReplayResult,
  type ReplayRouter,
  type ReplaySnapshot,
} from "~/domain/routing-replay/replay";
import { engineRules, type RoutingSettings } from "~/domain/routing-settings/settings";
import { findShopExceptionHolds } from "~/models/exception-holds.server";
import { shopActiveReservedUnits, type ReservationLine } from "~/models/inventory-reservations.server";
import { listLiveLocations } from "~/models/locations.server";
import { listRecordedRoutings } from "~/models/recorded-routings.server";
import { readShopStockText, stockRowsOfSkus, type ShopStockText } from "~/models/replay-stock.server";
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

export interface RoutingComparison extends ReplayedComparison {
  readonly range: ReplayRange;
}

/**
 * What the snapshot reads from the database. None of it depends on the replayed orders, so it is
 * read while they load: the shop's every level, reservation and hold, of which the snapshot keeps
 * the orders' SKUs.
 */
export interface ReplayStockRead {
  readonly live: Awaited<ReturnType<typeof listLiveLocations>>;
  readonly stock: readonly ShopStockText[];
  readonly reserved: readonly ReservationLine[];
  readonly held: readonly { readonly locationId: string; readonly sku: string }[];
}

/** The levels are read in a transaction of their own on the app's pool (readShopStockText); the rest on `db`. */
export async function readReplayStock(db: Db, shop: string, now: Date): Promise<ReplayStockRead> {
  const [live, stock, reserved, held] = await Promise.all([
    listLiveLocations(db, shop),
    inSqlTransaction((tx) => readShopStockText(tx, shop)),
    shopActiveReservedUnits(db, shop, now),
    findShopExceptionHolds(db, shop),
  ]);
  return { live, stock, reserved, held };
}

/**
 * The stock before the replayed decisions, as the module comment describes: the routing view's
 * stock (routingLocationsFor) of the orders' SKUs, from `read` as of `now`, plus what the
 * decisions took. Locations carry their daily capacity but not what they took today: the replay
 * measures capacity instead of enforcing it.
 */
export function replaySnapshot(recorded: readonly RecordedRouting[], now: Date, read: ReplayStockRead): ReplaySnapshot {
  const skuSet = new Set<string>();
  for (const entry of recorded) for (const line of entry.facts.lines) skuSet.add(line.sku);
  const skus = [...skuSet];
  // The stock is in the table: the locations' maps stay empty and are never read.
  const locations = toRoutingLocations(read.live, [], now);
  // The view's own adjustments (routingViewFor), in its order: reserved units, then holds; then
  // the units the replayed decisions took, given back.
  const edits: StockEdit[] = [];
  for (const line of read.reserved) {
    if (skuSet.has(line.sku))
      edits.push({ locationId: line.locationId, sku: line.sku, op: "take", units: line.quantity });
  }
  for (const hold of read.held) {
    if (skuSet.has(hold.sku)) edits.push({ locationId: hold.locationId, sku: hold.sku, op: "zero", units: 0 });
  }
  for (const entry of recorded) {
    for (const assignment of entry.decision.assignments) {
      for (const line of assignment.lines) {
        edits.push({ locationId: assignment.locationId, sku: line.sku, op: "add", units: line.quantity });
      }
    }
  }
  const stock = buildStockTable(
    locations.map((location) => location.id),
    skus,
    stockRowsOfSkus(read.stock, skus),
    edits,
  );
  return { locations, stock };
}

/** The range's recorded routings and the snapshot they replay from, the two read side by side. */
export async function loadReplay(
  db: Db,
  shop: string,
  range: ReplayRange,
  now: Date,
): Promise<{ recorded: RecordedRouting[]; snapshot: ReplaySnapshot }> {
  const [recorded, read] = await Promise.all([
    listRecordedRoutings(db, shop, range.from, range.to),
    readReplayStock(db, shop, now),
  ]);
  return { recorded, snapshot: replaySnapshot(recorded, now, read) };
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

/** How far a comparison has come: routers finished, and orders replayed by the one under way. */
export interface ComparisonProgress {
  readonly routers: number;
  readonly routersDone: number;
  /** Orders the router under way has replayed (0 between routers). */
  readonly ordersDone: number;
  readonly orders: number;
}

/** Orders replayed between two progress reports within a router. */
export const PROGRESS_EVERY_ORDERS = 5_000;

export interface ReplayedComparison {
  readonly orders: number;
  /** The live rules first, then the draft (when given), native routing and greedy nearest-first. */
  readonly results: readonly ReplayResult[];
  /** Orders the live rules' replay sent where their recorded decision did. */
  readonly liveMatchesRecorded: number;
  /** Orders the draft sends differently from the live rules (empty without a draft). */
  readonly draftDifferences: readonly OrderDifference[];
}

/**
 * Replays `recorded` from `snapshot` under the live rules, `draft` (when given), native routing
 * and greedy nearest-first, each router held to the promises of the rules it is compared under,
 * and counts the live rules' matches with the recorded decisions. `onProgress`, when given, is
 * awaited every PROGRESS_EVERY_ORDERS orders within a router and after each router (which also
 * lets other work run between slices).
 */
export async function replayComparison(
  recorded: readonly RecordedRouting[],
  snapshot: ReplaySnapshot,
  live: RoutingSettings,
  draft: RoutingSettings | null,
  onProgress?: (progress: ComparisonProgress) => Promise<void> | void,
): Promise<ReplayedComparison> {
  // The routers that take each order's recorded service level share one build of the orders.
  const asRecorded = replayOrders(recorded, snapshot, undefined);
  const routers = comparedRouters(live, draft);
  const results: ReplayResult[] = [];
  for (const router of routers) {
    // The draft is held to its own promises, every other router to the live rules'.
    const held = router.name === "Draft rules" && draft !== null ? draft : live;
    const run = new ReplayRun(
      recorded,
      snapshot,
      router,
      { storeMinUnits: held.storeMinUnits, radiusMiles: held.radiusMiles },
      asRecorded,
    );
    while (!run.advance(PROGRESS_EVERY_ORDERS)) {
      await onProgress?.({
        routers: routers.length,
        routersDone: results.length,
        ordersDone: run.done,
        orders: recorded.length,
      });
    }
    results.push(run.result());
    await onProgress?.({
      routers: routers.length,
      routersDone: results.length,
      ordersDone: 0,
      orders: recorded.length,
    });
  }
  const liveResult = results[0]!;
  let liveMatchesRecorded = 0;
  liveResult.orders.forEach((replayed, n) => {
    if (matchesRecorded(replayed, recorded[n]!)) liveMatchesRecorded++;
  });
  return {
    orders: recorded.length,
    results,
    liveMatchesRecorded,
    draftDifferences: draft === null ? [] : differingOrders(liveResult, results[1]!),
  };
}

/** Replays the range under the live rules, `draft` (when given), native routing and greedy nearest-first. */
export async function compareRoutings(
  shop: string,
  range: ReplayRange,
  draft: RoutingSettings | null,
  now: Date,
  db: Db = sqlPool,
): Promise<RoutingComparison> {
  const [{ recorded, snapshot }, live] = await Promise.all([
    loadReplay(db, shop, range, now),
    currentRoutingSettings(shop),
  ]);
  return { range, ...(await replayComparison(recorded, snapshot, live.settings, draft)) };
}

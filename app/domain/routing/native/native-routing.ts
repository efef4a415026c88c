// Shopify's native routing (native-allocation.ts) applied to the routing contract's orders and
// locations, so it can be compared with Omniroute's on the same stream and stock. It knows what
// Shopify knows: which locations are active and what they have in stock. It knows nothing of
// opening hours, capacity, cost or Omniroute's radius; with `storeMinUnits` it also keeps a
// store's last units, as Omniroute's store minimum does ("native with the store minimum").
//
// Pickup: the shopper chose the store at checkout, so the order goes to that store when it has
// every item; otherwise it is routed like a shipment to the store's address (the promise is not
// kept there). Local delivery and same-day shipping are routed like any shipment: the strategy
// has no notion of a promise.
import { assignmentOf } from "../decision";
import { meetsLineThreshold, parcelCost, stockOf } from "../eligibility";
import { haversineMiles, haversineMilesFromRadians, toRadians } from "../geo";
import type { Assignment, RoutingLocation, RoutingOrder } from "../types";
import {
  assertSupported,
  MAX_NATIVE_LINES,
  nativeAllocate,
  priorityOf,
  SHOPIFY_DEFAULT_STRATEGY,
  type NativeRule,
} from "./native-allocation";
import type { StockTable } from "../stock-table";

export interface NativeOptions {
  /** Rules in sequence; Shopify's default when absent. */
  readonly strategy?: readonly NativeRule[];
  /** A store's stock of a SKU counts only from this many units (0 or absent: any stock). */
  readonly storeMinUnits?: number;
  /** The merchant's ranking, best first; locations it does not list rank after, in input order. */
  readonly rankedLocationIds?: readonly string[];
  /**
   * Where a prepared router reads stock. "maps" (the default): the locations' stock maps at every
   * call, so a caller depleting them routes against the new stock. "own": copied once when the
   * router is prepared and depleted only through NativeRouter.take (a replay: the caller's maps
   * stay untouched, so routers can share them).
   */
  readonly stock?: "maps" | "own";
  /**
   * With stock "own": the units to copy, by location id, instead of the locations' stock maps
   * (which are then not read): a replay's snapshot is a table of millions of levels.
   */
  readonly stockTable?: StockTable;
}

/** Shaped like the engine's decision, without a trace. */
export interface NativeDecision {
  readonly orderId: string;
  readonly status: "ROUTED" | "SPLIT" | "UNROUTABLE";
  /** In priority order; empty when UNROUTABLE. */
  readonly assignments: readonly Assignment[];
  /** SKUs no location has enough of; the order is UNROUTABLE when there are any. */
  readonly unroutableSkus: readonly string[];
}

/** Routes one order; for many orders against the same locations, prepare a NativeRouter once. */
export function routeNatively(
  order: RoutingOrder,
  locations: readonly RoutingLocation[],
  options: NativeOptions = {},
): NativeDecision {
  return new NativeRouter(locations, options).route(order);
}

/**
 * Chord lengths (unit sphere) closer than this to the nearest one are compared by exact
 * haversine distance: far above the rounding error of either, far below any real gap (~6 mm).
 */
const CHORD_MARGIN = 1e-9;

/**
 * Native routing prepared for one list of locations.
 *
 * Only a location's best-placed representative per coverage matters: under every strategy the
 * allocation (nativeAllocate) picks, for each set of lines a location can cover, the first
 * location in priority order that covers exactly that set, and never a later one with the same
 * coverage (with MINIMIZE_SPLIT: the first with every line, or the fewest packages built from the
 * first location of each coverage; without it: each line from the first location that has it,
 * and a later location with the same coverage adds nothing new). So each order finds the
 * locations that cover any of its lines from per-SKU posting lists, keeps the best-placed one of
 * each coverage, and allocates among those few. When distance ranks first, the best of each
 * coverage is found by chord length on the unit sphere (monotone in the haversine distance) and
 * only near-ties are measured exactly; the postings are grouped by grid cell and cells visited
 * nearest first, so most orders look at the locations of a cell or two, and depleted stock,
 * where every location must be looked at, costs a few arithmetic operations per location
 * instead of a sort.
 */
export class NativeRouter {
  private readonly strategy: readonly NativeRule[];
  /** The strategy's ranking rules, MINIMIZE_SPLIT aside. */
  private readonly ranking: readonly NativeRule[];
  private readonly minimizeSplit: boolean;
  private readonly distanceFirst: boolean;
  private readonly minimum: number;
  private readonly candidates: readonly RoutingLocation[];
  private readonly candidateOf: ReadonlyMap<string, number>;
  private readonly ranks: Float64Array;
  private readonly isStore: Uint8Array;
  /** Per candidate: latitude and longitude in radians, the latitude's cosine, and a unit vector. */
  private readonly latRadians: Float64Array;
  private readonly lngRadians: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly unitX: Float64Array;
  private readonly unitY: Float64Array;
  private readonly unitZ: Float64Array;
  private readonly byId: ReadonlyMap<string, RoutingLocation>;
  /** Per SKU, the candidates whose stock map lists it, ascending (no other can have any)... */
  private readonly postingOfSku = new Map<string, number>();
  private readonly postingStart: Int32Array;
  private readonly postingCandidate: Int32Array;
  /** ...and, with stock "own", their units (depleted by take); null: read the maps. */
  private readonly postingUnits: Float64Array | null;
  /** Per candidate: the lines of the current order it covers (reset after every order). */
  private readonly coverage: Int32Array;
  private readonly touched: Int32Array;
  /**
   * Candidates grouped in cells of a latitude-longitude grid: each cell's centre (on or inside
   * the unit sphere) and the chord to its farthest member, so no member is nearer a destination
   * than the chord to the centre less that radius (the triangle inequality, exact).
   */
  private readonly cellOf: Int32Array;
  private readonly cellCenter: Float64Array;
  private readonly cellRadius: Float64Array;
  /** Per posting, its runs of one cell each (postings are sorted by cell, then candidate). */
  private readonly runStart: Int32Array;
  private readonly runCell: Int32Array;
  private readonly runFirstSlot: Int32Array;
  /** Scratch per order: each cell's bound, and the cells, visited ones first in bound order. */
  private readonly cellBound: Float64Array;
  private readonly cellOrder: Int32Array;

  constructor(locations: readonly RoutingLocation[], options: NativeOptions = {}) {
    this.strategy = options.strategy ?? SHOPIFY_DEFAULT_STRATEGY;
    assertSupported(this.strategy);
    this.ranking = this.strategy.filter((rule) => rule !== "MINIMIZE_SPLIT");
    this.minimizeSplit = this.strategy[0] === "MINIMIZE_SPLIT";
    this.distanceFirst = this.ranking[0] === "CLOSEST_LOCATION";
    this.minimum = options.storeMinUnits ?? 0;
    this.candidates = locations.filter((location) => location.active);
    const count = this.candidates.length;
    const rankOf = rankLookup(options.rankedLocationIds, locations);
    this.ranks = Float64Array.from(this.candidates, rankOf);
    this.isStore = Uint8Array.from(this.candidates, (location) => (location.kind === "STORE" ? 1 : 0));
    this.latRadians = Float64Array.from(this.candidates, (location) => toRadians(location.lat));
    this.lngRadians = Float64Array.from(this.candidates, (location) => toRadians(location.lng));
    this.cosLat = this.latRadians.map(Math.cos);
    this.unitX = new Float64Array(count);
    this.unitY = new Float64Array(count);
    this.unitZ = new Float64Array(count);
    for (let candidate = 0; candidate < count; candidate++) {
      [this.unitX[candidate], this.unitY[candidate], this.unitZ[candidate]] = unitVector(
        this.latRadians[candidate]!,
        this.lngRadians[candidate]!,
      );
    }
    const byId = new Map<string, RoutingLocation>();
    for (const location of locations) if (!byId.has(location.id)) byId.set(location.id, location);
    this.byId = byId;
    const candidateOf = new Map<string, number>();
    this.candidates.forEach((location, candidate) => {
      if (byId.get(location.id) === location) candidateOf.set(location.id, candidate);
    });
    this.candidateOf = candidateOf;

    // Cells: a grid of CELL_DEGREES, numbered in order of their keys.
    const keys = this.candidates.map((location) => cellKeyOf(location.lat, location.lng));
    const distinctKeys = [...new Set(keys)].sort((a, b) => a - b);
    const cellByKey = new Map(distinctKeys.map((key, cell) => [key, cell]));
    this.cellOf = Int32Array.from(keys, (key) => cellByKey.get(key)!);
    const cellCount = distinctKeys.length;
    this.cellCenter = new Float64Array(cellCount * 3);
    this.cellRadius = new Float64Array(cellCount);
    const members = new Int32Array(cellCount);
    for (let candidate = 0; candidate < count; candidate++) {
      const cell = this.cellOf[candidate]!;
      members[cell]!++;
      this.cellCenter[cell * 3]! += this.unitX[candidate]!;
      this.cellCenter[cell * 3 + 1]! += this.unitY[candidate]!;
      this.cellCenter[cell * 3 + 2]! += this.unitZ[candidate]!;
    }
    for (let cell = 0; cell < cellCount; cell++) {
      for (let axis = 0; axis < 3; axis++) this.cellCenter[cell * 3 + axis]! /= members[cell]!;
    }
    for (let candidate = 0; candidate < count; candidate++) {
      const cell = this.cellOf[candidate]!;
      const reach = this.chordTo(
        candidate,
        this.cellCenter[cell * 3]!,
        this.cellCenter[cell * 3 + 1]!,
        this.cellCenter[cell * 3 + 2]!,
      );
      // Widened by the margin: the bound must never exceed a member's computed chord.
      this.cellRadius[cell] = Math.max(this.cellRadius[cell]!, reach + CHORD_MARGIN);
    }
    this.cellBound = new Float64Array(cellCount);
    this.cellOrder = new Int32Array(cellCount);

    // Postings: count per SKU, then fill candidate by candidate, in order of cell, so every list
    // comes out sorted by cell, then candidate.
    const ownStock = options.stock === "own";
    const table = options.stockTable;
    if (table !== undefined && !ownStock) throw new Error('native routing: a stock table needs stock: "own"');
    const lengths: number[] = [];
    const countSku = (sku: string): void => {
      const posting = this.postingOfSku.get(sku);
      if (posting === undefined) {
        this.postingOfSku.set(sku, lengths.length);
        lengths.push(1);
      } else lengths[posting]!++;
    };
    // With a table: each candidate's row, and each table SKU's posting (-1 until it is seen).
    const rowOf =
      table === undefined
        ? null
        : Int32Array.from(this.candidates, (location) => table.rowOfLocation.get(location.id) ?? -1);
    const postingOfTableSku = table === undefined ? null : new Int32Array(table.skus.length).fill(-1);
    for (let candidate = 0; candidate < count; candidate++) {
      if (table === undefined || rowOf === null || postingOfTableSku === null) {
        for (const sku of Object.keys(this.candidates[candidate]!.stock)) countSku(sku);
        continue;
      }
      const row = rowOf[candidate]!;
      if (row < 0) continue;
      for (let entry = table.rowStart[row]!; entry < table.rowStart[row + 1]!; entry++) {
        const tableSku = table.skuOf[entry]!;
        if (postingOfTableSku[tableSku]! < 0) {
          countSku(table.skus[tableSku]!);
          postingOfTableSku[tableSku] = this.postingOfSku.get(table.skus[tableSku]!)!;
        } else lengths[postingOfTableSku[tableSku]!]!++;
      }
    }
    const postingCount = lengths.length;
    this.postingStart = new Int32Array(postingCount + 1);
    lengths.forEach((length, posting) => (this.postingStart[posting + 1] = this.postingStart[posting]! + length));
    const total = this.postingStart[postingCount]!;
    this.postingCandidate = new Int32Array(total);
    this.postingUnits = ownStock ? new Float64Array(total) : null;
    const fill = this.postingStart.slice(0, postingCount);
    const byCell = Array.from({ length: count }, (_, candidate) => candidate).sort(
      (a, b) => this.cellOf[a]! - this.cellOf[b]! || a - b,
    );
    for (const candidate of byCell) {
      if (table !== undefined && rowOf !== null && postingOfTableSku !== null && this.postingUnits !== null) {
        const row = rowOf[candidate]!;
        if (row < 0) continue;
        for (let entry = table.rowStart[row]!; entry < table.rowStart[row + 1]!; entry++) {
          const slot = fill[postingOfTableSku[table.skuOf[entry]!]!]!++;
          this.postingCandidate[slot] = candidate;
          this.postingUnits[slot] = table.units[entry]!;
        }
        continue;
      }
      const location = this.candidates[candidate]!;
      for (const sku of Object.keys(location.stock)) {
        const slot = fill[this.postingOfSku.get(sku)!]!++;
        this.postingCandidate[slot] = candidate;
        if (this.postingUnits !== null) this.postingUnits[slot] = stockOf(location, sku);
      }
    }
    const runCells: number[] = [];
    const runFirstSlots: number[] = [];
    this.runStart = new Int32Array(postingCount + 1);
    for (let posting = 0; posting < postingCount; posting++) {
      this.runStart[posting] = runCells.length;
      for (let slot = this.postingStart[posting]!; slot < this.postingStart[posting + 1]!; slot++) {
        const cell = this.cellOf[this.postingCandidate[slot]!]!;
        if (slot === this.postingStart[posting] || cell !== runCells[runCells.length - 1]) {
          runCells.push(cell);
          runFirstSlots.push(slot);
        }
      }
    }
    this.runStart[postingCount] = runCells.length;
    this.runCell = Int32Array.from(runCells);
    this.runFirstSlot = Int32Array.from(runFirstSlots);
    this.coverage = new Int32Array(count);
    this.touched = new Int32Array(count);
  }

  /**
   * With stock "own": the location now has `units` of the SKU (a decision took the rest). A SKU
   * the location did not list when prepared stays at none. Returns whether anything was set.
   */
  take(locationId: string, sku: string, units: number): boolean {
    if (this.postingUnits === null) throw new Error('native routing: take() needs stock: "own"');
    const candidate = this.candidateOf.get(locationId);
    const slot = candidate === undefined ? -1 : this.slotOf(candidate, sku);
    if (slot < 0) return false;
    this.postingUnits[slot] = units;
    return true;
  }

  route(order: RoutingOrder): NativeDecision {
    if (order.lines.length > MAX_NATIVE_LINES) throw new Error(`native routing: at most ${MAX_NATIVE_LINES} lines`);

    if (order.deliveryMethod === "PICK_UP" && order.pickupLocationId !== undefined) {
      const store = this.byId.get(order.pickupLocationId);
      if (store !== undefined && store.active && order.lines.every((line) => this.storeCovers(store, line))) {
        const distance = haversineMiles(order.destination, store);
        const assignment = assignmentOf(order, store.id, "ALL", parcelCost(store, distance), distance);
        return { orderId: order.id, status: "ROUTED", assignments: [assignment], unroutableSkus: [] };
      }
    }

    const { representatives, touchedCount } = this.representatives(order);
    for (let index = 0; index < touchedCount; index++) this.coverage[this.touched[index]!] = 0;

    const allocation = nativeAllocate({
      lineCount: order.lines.length,
      priority: priorityOf(representatives.map((_, index) => index)),
      covers: (index, line) => (representatives[index]!.mask & (1 << line)) !== 0,
      minimizeSplit: this.minimizeSplit,
    });
    if (allocation.uncoveredLines.length > 0) {
      const unroutableSkus = allocation.uncoveredLines.map((line) => order.lines[line]!.sku);
      return { orderId: order.id, status: "UNROUTABLE", assignments: [], unroutableSkus };
    }
    const assignments = allocation.parts.map((part) => {
      const { candidate, distance } = representatives[part.candidate]!;
      const location = this.candidates[candidate]!;
      return assignmentOf(order, location.id, part.lines, parcelCost(location, distance), distance);
    });
    return {
      orderId: order.id,
      status: assignments.length > 1 ? "SPLIT" : "ROUTED",
      assignments,
      unroutableSkus: [],
    };
  }

  private storeCovers(store: RoutingLocation, line: { sku: string; quantity: number }): boolean {
    let units: number;
    if (this.postingUnits === null) units = stockOf(store, line.sku);
    else {
      const candidate = this.candidateOf.get(store.id);
      const slot = candidate === undefined ? -1 : this.slotOf(candidate, line.sku);
      units = slot < 0 ? 0 : this.postingUnits[slot]!;
    }
    return line.quantity > 0 && meetsLineThreshold(store.kind, units, line.quantity, this.minimum);
  }

  /**
   * The best-placed covering candidate of each coverage, in priority order: the only candidates
   * nativeAllocate can choose (see the class comment). Cells are visited nearest bound first;
   * when distance ranks first the visit stops as soon as no unvisited location can matter: one
   * with every line is nearer than any unvisited could be (MINIMIZE_SPLIT takes it), or, without
   * MINIMIZE_SPLIT, every line is covered by such nearer ones (the allocation never looks past them).
   */
  private representatives(order: RoutingOrder): { representatives: Representative[]; touchedCount: number } {
    const lat = toRadians(order.destination.lat);
    const lng = toRadians(order.destination.lng);
    const cosLat = Math.cos(lat);
    const [x, y, z] = unitVector(lat, lng);
    const { coverage, touched, cellBound, cellOrder, cellCenter, cellRadius } = this;
    const lineCount = order.lines.length;
    const all = lineCount === 0 ? 0 : (2 ** lineCount - 1) | 0;
    const postings: number[] = [];
    const needs: number[] = [];
    for (let line = 0; line < lineCount; line++) {
      const { sku, quantity } = order.lines[line]!;
      postings.push(quantity > 0 ? (this.postingOfSku.get(sku) ?? -1) : -1);
      needs.push(quantity);
    }
    const cellCount = cellBound.length;
    for (let cell = 0; cell < cellCount; cell++) {
      const dx = cellCenter[cell * 3]! - x;
      const dy = cellCenter[cell * 3 + 1]! - y;
      const dz = cellCenter[cell * 3 + 2]! - z;
      cellBound[cell] = Math.sqrt(dx * dx + dy * dy + dz * dz) - cellRadius[cell]!;
      cellOrder[cell] = cell;
    }
    // Cells are picked nearest bound first, one at a time: most orders stop after a few.
    const nextCell = (visit: number): number => {
      let pick = visit;
      for (let place = visit + 1; place < cellCount; place++) {
        const bound = cellBound[cellOrder[place]!]!;
        const picked = cellBound[cellOrder[pick]!]!;
        if (bound < picked || (bound === picked && cellOrder[place]! < cellOrder[pick]!)) pick = place;
      }
      const cell = cellOrder[pick]!;
      cellOrder[pick] = cellOrder[visit]!;
      cellOrder[visit] = cell;
      return cell;
    };

    const exactDistance = (candidate: number): number =>
      haversineMilesFromRadians(
        lat,
        lng,
        cosLat,
        this.latRadians[candidate]!,
        this.lngRadians[candidate]!,
        this.cosLat[candidate]!,
      );
    // Per coverage: the best so far, its chord and (once needed) its exact distance.
    const best = new Map<number, { candidate: number; chord: number; distance: number }>();
    // The nearest chord at which each line is covered, and at which every line is.
    const lineChord = new Float64Array(lineCount).fill(Number.POSITIVE_INFINITY);
    let wholeChord = Number.POSITIVE_INFINITY;
    let touchedCount = 0;
    for (let visit = 0; visit < cellCount; visit++) {
      const cell = nextCell(visit);
      if (this.distanceFirst) {
        const unvisitedFrom = cellBound[cell]! - CHORD_MARGIN;
        if (this.minimizeSplit ? wholeChord < unvisitedFrom : lineChord.every((chord) => chord < unvisitedFrom)) break;
      }
      const firstTouched = touchedCount;
      for (let line = 0; line < lineCount; line++) {
        const posting = postings[line]!;
        if (posting < 0) continue;
        const run = this.runOf(posting, cell);
        if (run < 0) continue;
        const quantity = needs[line]!;
        // meetsLineThreshold, per kind of location: a store also keeps the minimum.
        const storeNeeds = Math.max(quantity, this.minimum);
        const bit = 1 << line;
        const end =
          run + 1 < this.runStart[posting + 1]! ? this.runFirstSlot[run + 1]! : this.postingStart[posting + 1]!;
        for (let slot = this.runFirstSlot[run]!; slot < end; slot++) {
          const candidate = this.postingCandidate[slot]!;
          const units =
            this.postingUnits === null
              ? stockOf(this.candidates[candidate]!, order.lines[line]!.sku)
              : this.postingUnits[slot]!;
          if (!(units >= (this.isStore[candidate] === 1 ? storeNeeds : quantity))) continue;
          if (coverage[candidate] === 0) touched[touchedCount++] = candidate;
          coverage[candidate]! |= bit;
        }
      }
      for (let index = firstTouched; index < touchedCount; index++) {
        const candidate = touched[index]!;
        const mask = coverage[candidate]!;
        const holder = best.get(mask);
        if (!this.distanceFirst) {
          const challenger = { candidate, chord: 0, distance: exactDistance(candidate) };
          if (holder === undefined || this.compare(challenger, holder) < 0) best.set(mask, challenger);
          continue;
        }
        // The chord on the unit sphere orders candidates as distance does; only near-ties,
        // where rounding could disagree, are settled by exact distance.
        const chord = this.chordTo(candidate, x, y, z);
        for (let line = 0; line < lineCount; line++) {
          if ((mask & (1 << line)) !== 0 && chord < lineChord[line]!) lineChord[line] = chord;
        }
        if (mask === all && chord < wholeChord) wholeChord = chord;
        if (holder === undefined || chord < holder.chord - CHORD_MARGIN) {
          best.set(mask, { candidate, chord, distance: Number.NaN });
        } else if (chord <= holder.chord + CHORD_MARGIN) {
          if (Number.isNaN(holder.distance)) holder.distance = exactDistance(holder.candidate);
          const challenger = { candidate, chord, distance: exactDistance(candidate) };
          if (this.compare(challenger, holder) < 0) best.set(mask, challenger);
        }
      }
    }
    const found: Representative[] = [];
    for (const [mask, holder] of best) {
      const distance = Number.isNaN(holder.distance) ? exactDistance(holder.candidate) : holder.distance;
      found.push({ candidate: holder.candidate, mask, distance });
    }
    return { representatives: found.sort((a, b) => this.compare(a, b)), touchedCount };
  }

  /** The run of `cell` in a posting, or -1 when none of the cell's candidates lists the SKU. */
  private runOf(posting: number, cell: number): number {
    let low = this.runStart[posting]!;
    let high = this.runStart[posting + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.runCell[middle]!;
      if (found === cell) return middle;
      if (found < cell) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  private chordTo(candidate: number, x: number, y: number, z: number): number {
    const dx = this.unitX[candidate]! - x;
    const dy = this.unitY[candidate]! - y;
    const dz = this.unitZ[candidate]! - z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** The strategy's ranking rules in sequence, then the merchant's rank, then input order (as prioritize). */
  private compare(a: Omit<Representative, "mask">, b: Omit<Representative, "mask">): number {
    for (const rule of this.ranking) {
      const difference =
        rule === "RANKED_LOCATIONS" ? this.ranks[a.candidate]! - this.ranks[b.candidate]! : a.distance - b.distance;
      if (difference !== 0) return difference;
    }
    return this.ranks[a.candidate]! - this.ranks[b.candidate]! || a.candidate - b.candidate;
  }

  /** The slot of (candidate, SKU) in the SKU's posting list, or -1 when the candidate does not list it. */
  private slotOf(candidate: number, sku: string): number {
    const posting = this.postingOfSku.get(sku);
    if (posting === undefined) return -1;
    const run = this.runOf(posting, this.cellOf[candidate]!);
    if (run < 0) return -1;
    let low = this.runFirstSlot[run]!;
    let high = run + 1 < this.runStart[posting + 1]! ? this.runFirstSlot[run + 1]! : this.postingStart[posting + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.postingCandidate[middle]!;
      if (found === candidate) return middle;
      if (found < candidate) low = middle + 1;
      else high = middle;
    }
    return -1;
  }
}

interface Representative {
  readonly candidate: number;
  /** The order's lines it covers, one bit each. */
  readonly mask: number;
  /** Miles to the destination, exact (haversine). */
  readonly distance: number;
}

/** Degrees of latitude and longitude per grid cell: about 140 miles north to south. */
const CELL_DEGREES = 2;

function cellKeyOf(lat: number, lng: number): number {
  return Math.floor((lat + 90) / CELL_DEGREES) * 1000 + Math.floor((lng + 180) / CELL_DEGREES);
}

/** A point on the unit sphere: chord lengths between such points grow with haversine distance. */
function unitVector(latRadians: number, lngRadians: number): [number, number, number] {
  const cosLat = Math.cos(latRadians);
  return [cosLat * Math.cos(lngRadians), cosLat * Math.sin(lngRadians), Math.sin(latRadians)];
}

function rankLookup(
  rankedIds: readonly string[] | undefined,
  locations: readonly RoutingLocation[],
): (location: RoutingLocation) => number {
  const rankById = new Map<string, number>();
  rankedIds?.forEach((id, rank) => {
    if (!rankById.has(id)) rankById.set(id, rank);
  });
  const inputIndex = new Map(locations.map((location, index) => [location, index]));
  const unranked = rankById.size;
  return (location) => rankById.get(location.id) ?? unranked + inputIndex.get(location)!;
}

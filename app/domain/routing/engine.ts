// The indexed router. Same semantics, same decisions (byte for byte) as baseline.ts, but per order
// it intersects the order's SKU bitsets to find the locations that can serve every line, measures
// distance only to warehouses and to the stores in the grid cells around the reference point, and
// looks stock up only for the few locations it reports in the trace.
import { assignmentOf, makeDecision } from "./decision";
import { parcelCostFromParts } from "./eligibility";
import { EARTH_RADIUS_MILES, haversineMilesFromRadians, toRadians } from "./geo";
import { prepareNetwork, unitsAt, type NetworkIndex } from "./network-index";
import { Podium } from "./podium";
import { type RankOrder } from "./ranking";
import { roundCents } from "./rounding";
import { cheapestMinimumCover, MAX_INDEXED_SPLIT_LINES } from "./indexed-split";
import { planSplit, planWithChosen, type SplitCandidate } from "./split";
import { storeRangesNear } from "./store-grid";
import {
  CHOSEN_PICKUP_CHECKS,
  PICKUP_FALLBACK_CHECKS,
  SAME_DAY_CHECKS,
  SHIPPING_STORE_CHECKS,
  SPLIT_CHECKS,
  TRACE_NEARBY_LIMIT,
  WAREHOUSE_CHECKS,
  costVsWarehouseVerdict,
  orderStageEntries,
  traceChosen,
  traceLost,
  traceRunnerUp,
  type LineStockLookup,
  type LocationTraceInput,
  type PendingTrace,
  type TraceChecks,
} from "./trace";
import type { Assignment, RoutingDecision, RoutingFlag, RoutingOrder, RoutingRequest, TraceStage } from "./types";

/** The pure entry point: prepares an index for this request's locations and routes its order. */
export function routeOrder(request: RoutingRequest): RoutingDecision {
  return routeWithIndex(prepareNetwork(request.locations, request.rules), request.order);
}

/** Routes one order against a prepared network, under the rules the network was prepared with. */
export function routeWithIndex(index: NetworkIndex, order: RoutingOrder): RoutingDecision {
  return new OrderRouting(index, order).route();
}

class OrderRouting implements LineStockLookup {
  private readonly lineCount: number;
  private readonly skuIdOfLine: number[] = [];
  private readonly quantityOfLine: number[] = [];
  /** Lines whose quantity exceeds what a store's (or a warehouse's) servable bit guarantees. */
  private readonly storeLinesToVerify: number[] = [];
  private readonly warehouseLinesToVerify: number[] = [];
  private readonly rarestFirst: number[] = [];
  private anyUnknownSku = false;
  private readonly orderStamp: number;
  private readonly flags: RoutingFlag[] = [];
  private readonly stages: TraceStage[] = [];
  // Reference point of the current search: the destination, or the chosen pickup store.
  private fromLat = 0;
  private fromLng = 0;
  private fromCosLat = 1;
  private fromLatDegrees = 0;
  private fromLngDegrees = 0;
  private nearbyCount = -1;

  constructor(
    private readonly index: NetworkIndex,
    private readonly order: RoutingOrder,
  ) {
    const lines = order.lines;
    this.lineCount = lines.length;
    for (let line = 0; line < this.lineCount; line++) {
      const { sku, quantity } = lines[line]!;
      this.skuIdOfLine.push(index.skuIds.get(sku) ?? -1);
      this.quantityOfLine.push(quantity);
      if (quantity > index.storeThreshold) this.storeLinesToVerify.push(line);
      if (quantity > 1) this.warehouseLinesToVerify.push(line);
    }
    // SKU rows by how many locations clear them, fewest first (insertion sort: ~10 lines).
    const rows = this.rarestFirst;
    const { servableCount } = index;
    for (const skuId of this.skuIdOfLine) {
      if (skuId < 0) {
        this.anyUnknownSku = true;
        continue;
      }
      let at = rows.length;
      rows.push(skuId);
      while (at > 0 && servableCount[rows[at - 1]!]! > servableCount[skuId]!) {
        rows[at] = rows[at - 1]!;
        at--;
      }
      rows[at] = skuId;
    }
    // A fresh stamp makes every cached full-bitset word stale; 0 never matches a computed word.
    index.scratch.ordersRouted = (index.scratch.ordersRouted % 0xfffffffe) + 1;
    if (index.scratch.ordersRouted === 1) {
      index.scratch.fullBitsOrder.fill(0);
      index.scratch.splitCostOrder.fill(0);
    }
    this.orderStamp = index.scratch.ordersRouted;
  }

  route(): RoutingDecision {
    if (this.order.deliveryMethod === "PICK_UP") return this.routePickup();
    this.setReference(this.order.destination.lat, this.order.destination.lng);
    if (this.order.deliveryMethod === "LOCAL_DELIVERY" || this.order.serviceLevel === "SAME_DAY") {
      const winner = this.sameDay();
      if (winner !== null) return this.routedWhole(winner.position, winner.distance, winner.cost);
      this.flags.push("SLA_AT_RISK");
    }
    const chosen = this.shipWhole();
    if (chosen !== null) return this.routedWhole(chosen.position, chosen.distance, chosen.cost);
    return this.split();
  }

  // --- the order's full locations -------------------------------------------------------------

  /**
   * Word w of the order's full-location bitset: the available locations AND every line's servable
   * bitset (rarest SKU first, so most words end early). Computed only for the words a search
   * reaches; most orders never look beyond the warehouses and the stores near the destination.
   */
  private fullWord(w: number): number {
    const { scratch, servable, words, availableBits } = this.index;
    if (scratch.fullBitsOrder[w] === this.orderStamp) return scratch.fullBits[w]!;
    let bits = this.anyUnknownSku ? 0 : availableBits[w]!;
    const rows = this.rarestFirst;
    for (let r = 0; r < rows.length && bits !== 0; r++) bits &= servable[rows[r]! * words + w]!;
    scratch.fullBits[w] = bits;
    scratch.fullBitsOrder[w] = this.orderStamp;
    return bits;
  }

  private isFull(position: number): boolean {
    if ((this.fullWord(position >>> 5) & (1 << (position & 31))) === 0) return false;
    const toVerify = this.index.isStore[position] === 1 ? this.storeLinesToVerify : this.warehouseLinesToVerify;
    for (const line of toVerify) {
      if (unitsAt(this.index, position, this.skuIdOfLine[line]!) < this.quantityOfLine[line]!) return false;
    }
    return true;
  }

  /** Positions in [start, end) whose full bit is set (not yet verified for large quantities). */
  private fullCandidates(start: number, end: number): number[] {
    const found: number[] = [];
    if (start >= end) return found;
    for (let w = start >>> 5; w <= (end - 1) >>> 5; w++) {
      let bits = this.fullWord(w);
      while (bits !== 0) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const position = w * 32 + (31 - Math.clz32(lowest));
        if (position >= start && position < end) found.push(position);
      }
    }
    return found;
  }

  clearsLine(position: number, line: number): boolean {
    const index = this.index;
    const skuId = this.skuIdOfLine[line]!;
    if (skuId < 0) return false;
    if ((index.servable[skuId * index.words + (position >>> 5)]! & (1 << (position & 31))) === 0) return false;
    const guaranteed = index.isStore[position] === 1 ? index.storeThreshold : 1;
    const quantity = this.quantityOfLine[line]!;
    return quantity <= guaranteed || unitsAt(index, position, skuId) >= quantity;
  }

  unitsForLine(position: number, line: number): number {
    return unitsAt(this.index, position, this.skuIdOfLine[line]!);
  }

  // --- geometry ---------------------------------------------------------------------------------

  private setReference(latDegrees: number, lngDegrees: number): void {
    this.fromLatDegrees = latDegrees;
    this.fromLngDegrees = lngDegrees;
    this.fromLat = toRadians(latDegrees);
    this.fromLng = toRadians(lngDegrees);
    this.fromCosLat = Math.cos(this.fromLat);
    this.nearbyCount = -1;
  }

  private distanceTo(position: number): number {
    const index = this.index;
    return haversineMilesFromRadians(
      this.fromLat,
      this.fromLng,
      this.fromCosLat,
      index.latRadians[position]!,
      index.lngRadians[position]!,
      index.cosLat[position]!,
    );
  }

  private costAt(position: number, distance: number): number {
    const index = this.index;
    return parcelCostFromParts(
      index.shippingBase[position]!,
      index.shippingPerMile[position]!,
      index.labourCost[position]!,
      distance,
    );
  }

  /** Never above costAt(position, distanceTo(position)): distance is at least the latitude gap. */
  private costLowerBound(position: number): number {
    const index = this.index;
    const latitudeGapMiles = Math.abs(index.latRadians[position]! - this.fromLat) * EARTH_RADIUS_MILES * (1 - 1e-9);
    return (
      index.shippingBase[position]! +
      index.labourCost[position]! +
      index.shippingPerMile[position]! * latitudeGapMiles -
      1e-9 * (1 + index.shippingBase[position]! + index.labourCost[position]!)
    );
  }

  /** Stores within the radius of the reference point, into scratch.nearby*; cached per reference. */
  private storesWithinRadius(): number {
    if (this.nearbyCount >= 0) return this.nearbyCount;
    const { grid, scratch, rules } = this.index;
    const rangeCount = storeRangesNear(
      grid,
      this.fromLatDegrees,
      this.fromLngDegrees,
      this.fromLat,
      rules.radiusMiles,
      scratch.ranges,
    );
    // Great-circle distance is at least the latitude gap; stores clearly beyond it skip the haversine.
    const latitudeReach = (rules.radiusMiles * (1 + 1e-9) + 1e-9) / EARTH_RADIUS_MILES;
    const latRadians = this.index.latRadians;
    let count = 0;
    for (let r = 0; r < rangeCount; r++) {
      const end = scratch.ranges[2 * r + 1]!;
      for (let position = scratch.ranges[2 * r]!; position < end; position++) {
        if (Math.abs(latRadians[position]! - this.fromLat) > latitudeReach) continue;
        const distance = this.distanceTo(position);
        if (distance <= rules.radiusMiles) {
          scratch.nearbyPositions[count] = position;
          scratch.nearbyDistances[count] = distance;
          count++;
        }
      }
    }
    this.nearbyCount = count;
    return count;
  }

  // --- trace plumbing ---------------------------------------------------------------------------

  private traceInput(position: number, distance: number, cost: number, checks: TraceChecks): LocationTraceInput {
    return {
      location: this.index.locations[position]!,
      lines: this.order.lines,
      rules: this.index.rules,
      // A full location fails no line, so its trace needs no stock figures.
      stock: this.isFull(position) ? null : this,
      stockHandle: position,
      distance,
      cost,
      checks,
    };
  }

  private pending(podium: Podium, place: number, trace: PendingTrace["trace"]): PendingTrace {
    return { rank: podium.ranked(place), trace };
  }

  private podiumInput(podium: Podium, place: number, checks: TraceChecks): LocationTraceInput {
    return this.traceInput(podium.positions[place]!, podium.distances[place]!, podium.costs[place]!, checks);
  }

  /** Winner, runner-up and nearest losers of a "nearest eligible store" search. */
  private nearestSearchEntries(
    eligible: Podium,
    ineligible: Podium,
    checks: TraceChecks,
    chosenReason: "NEAREST_ELIGIBLE_STORE" | "NEAREST_PICKUP_STORE",
    entries: PendingTrace[],
  ): void {
    if (eligible.size > 0)
      entries.push(this.pending(eligible, 0, traceChosen(this.podiumInput(eligible, 0, checks), chosenReason)));
    if (eligible.size > 1) {
      const trace = traceRunnerUp(
        this.podiumInput(eligible, 1, checks),
        "NEAREST",
        eligible.ranked(1),
        eligible.ranked(0),
      );
      entries.push(this.pending(eligible, 1, trace));
    }
    for (let place = 0; place < ineligible.size; place++) {
      entries.push(this.pending(ineligible, place, traceLost(this.podiumInput(ineligible, place, checks))));
    }
  }

  private cheapestRunnerUp(podium: Podium, checks: TraceChecks, entries: PendingTrace[]): void {
    if (podium.size < 2) return;
    const trace = traceRunnerUp(this.podiumInput(podium, 1, checks), "CHEAPEST", podium.ranked(1), podium.ranked(0));
    entries.push(this.pending(podium, 1, trace));
  }

  private podium(order: RankOrder, capacity: number): Podium {
    return new Podium(this.index.ids, order, capacity);
  }

  // --- decisions --------------------------------------------------------------------------------

  private routedWhole(position: number, distance: number, cost: number): RoutingDecision {
    const assignment = assignmentOf(this.order, this.index.ids[position]!, "ALL", cost, distance);
    return makeDecision(this.order, "ROUTED", [assignment], this.flags, [], this.stages);
  }

  private sameDay(): { position: number; distance: number; cost: number } | null {
    const { scratch, isOpen, rules } = this.index;
    const eligible = this.podium("NEAREST", 2);
    const ineligible = this.podium("NEAREST", TRACE_NEARBY_LIMIT);
    const nearby = this.storesWithinRadius();
    for (let n = 0; n < nearby; n++) {
      const position = scratch.nearbyPositions[n]!;
      const distance = scratch.nearbyDistances[n]!;
      const cost = this.costAt(position, distance);
      if (isOpen[position] === 1 && this.isFull(position)) eligible.offer(position, distance, cost);
      else ineligible.offer(position, distance, cost);
    }
    const entries: PendingTrace[] = [];
    this.nearestSearchEntries(eligible, ineligible, SAME_DAY_CHECKS, "NEAREST_ELIGIBLE_STORE", entries);
    this.stages.push({
      stage: "SAME_DAY",
      result: eligible.size > 0 ? "CHOSEN" : "NO_ELIGIBLE_STORE",
      radiusMiles: rules.radiusMiles,
      locations: orderStageEntries(entries),
    });
    if (eligible.size === 0) return null;
    return { position: eligible.positions[0]!, distance: eligible.distances[0]!, cost: eligible.costs[0]! };
  }

  private shipWhole(): { position: number; distance: number; cost: number } | null {
    const { scratch, rules, warehouseCount, count } = this.index;
    const fullWarehouses = this.podium("CHEAPEST", 2);
    for (const position of this.fullCandidates(0, warehouseCount)) {
      if (!this.isFull(position)) continue;
      // Once the podium is full, a warehouse that cannot beat its last place needs no haversine.
      if (fullWarehouses.size === 2 && this.costLowerBound(position) > fullWarehouses.costs[1]!) continue;
      const distance = this.distanceTo(position);
      fullWarehouses.offer(position, distance, this.costAt(position, distance));
    }
    const fullStores = this.podium("CHEAPEST", 2);
    const nearbyNotFull = this.podium("NEAREST", TRACE_NEARBY_LIMIT);
    const nearby = this.storesWithinRadius();
    for (let n = 0; n < nearby; n++) {
      const position = scratch.nearbyPositions[n]!;
      const distance = scratch.nearbyDistances[n]!;
      const cost = this.costAt(position, distance);
      if (this.isFull(position)) fullStores.offer(position, distance, cost);
      else nearbyNotFull.offer(position, distance, cost);
    }

    const entries: PendingTrace[] = [];
    for (let place = 0; place < nearbyNotFull.size; place++) {
      const trace = traceLost(this.podiumInput(nearbyNotFull, place, SHIPPING_STORE_CHECKS));
      entries.push(this.pending(nearbyNotFull, place, trace));
    }
    if (fullWarehouses.size === 0) {
      const warehousesNotFull = this.podium("NEAREST", TRACE_NEARBY_LIMIT);
      for (let position = 0; position < warehouseCount; position++) {
        if (this.isFull(position)) continue;
        const distance = this.distanceTo(position);
        warehousesNotFull.offer(position, distance, this.costAt(position, distance));
      }
      for (let place = 0; place < warehousesNotFull.size; place++) {
        const trace = traceLost(this.podiumInput(warehousesNotFull, place, WAREHOUSE_CHECKS));
        entries.push(this.pending(warehousesNotFull, place, trace));
      }
    }
    let chosen: Podium | null = null;
    let result: "STORE" | "WAREHOUSE" | "STORE_OUTSIDE_RADIUS" | "NO_FULL_LOCATION";
    if (fullWarehouses.size > 0 && fullStores.size > 0) {
      const verdict = costVsWarehouseVerdict(
        fullStores.costs[0]!,
        fullWarehouses.costs[0]!,
        rules.maxExtraCostOverWarehouse,
      );
      const storeInput = { ...this.podiumInput(fullStores, 0, SHIPPING_STORE_CHECKS), extraVerdict: verdict };
      const warehouseInput = this.podiumInput(fullWarehouses, 0, WAREHOUSE_CHECKS);
      if (verdict.pass) {
        chosen = fullStores;
        result = "STORE";
        entries.push(this.pending(fullStores, 0, traceChosen(storeInput, "STORE_WITHIN_COST_THRESHOLD")));
        entries.push(this.pending(fullWarehouses, 0, traceLost(warehouseInput, "STORE_PREFERRED")));
      } else {
        chosen = fullWarehouses;
        result = "WAREHOUSE";
        entries.push(this.pending(fullStores, 0, traceLost(storeInput, "COST_OVER_WAREHOUSE_THRESHOLD")));
        entries.push(this.pending(fullWarehouses, 0, traceChosen(warehouseInput, "CHEAPEST_WAREHOUSE")));
      }
    } else if (fullStores.size > 0) {
      chosen = fullStores;
      result = "STORE";
      const trace = traceChosen(this.podiumInput(fullStores, 0, SHIPPING_STORE_CHECKS), "CHEAPEST_STORE_IN_RADIUS");
      entries.push(this.pending(fullStores, 0, trace));
    } else if (fullWarehouses.size > 0) {
      chosen = fullWarehouses;
      result = "WAREHOUSE";
      const trace = traceChosen(this.podiumInput(fullWarehouses, 0, WAREHOUSE_CHECKS), "CHEAPEST_WAREHOUSE");
      entries.push(this.pending(fullWarehouses, 0, trace));
    } else {
      const beyond = this.podium("CHEAPEST", 2);
      for (const position of this.fullCandidates(warehouseCount, count)) {
        if (!this.isFull(position)) continue;
        const distance = this.distanceTo(position);
        if (distance > rules.radiusMiles) beyond.offer(position, distance, this.costAt(position, distance));
      }
      if (beyond.size > 0) {
        chosen = beyond;
        result = "STORE_OUTSIDE_RADIUS";
        this.flags.push("OUTSIDE_RADIUS");
        const trace = traceChosen(this.podiumInput(beyond, 0, SHIPPING_STORE_CHECKS), "CHEAPEST_STORE_OUTSIDE_RADIUS");
        entries.push(this.pending(beyond, 0, trace));
      } else {
        result = "NO_FULL_LOCATION";
      }
    }
    // The runner-up of the ranking the winner came from; the losing ranking's runner-up lost twice.
    if (chosen !== null) {
      this.cheapestRunnerUp(chosen, chosen === fullWarehouses ? WAREHOUSE_CHECKS : SHIPPING_STORE_CHECKS, entries);
    }
    this.stages.push({
      stage: "SHIPPING",
      result,
      radiusMiles: rules.radiusMiles,
      locations: orderStageEntries(entries),
    });
    if (chosen === null) return null;
    return { position: chosen.positions[0]!, distance: chosen.distances[0]!, cost: chosen.costs[0]! };
  }

  private split(): RoutingDecision {
    const { order, flags, stages } = this;
    if (!this.index.rules.allowSplit) {
      stages.push({ stage: "SPLIT", result: "NOT_ALLOWED", unservableSkus: [], totalCost: 0, locations: [] });
      return makeDecision(order, "UNROUTABLE", [], flags, [], stages);
    }
    const lineRows = this.lineServerRows();
    const unservableSkus: string[] = [];
    lineRows.forEach((row, line) => {
      if (row.every((word) => word === 0)) unservableSkus.push(order.lines[line]!.sku);
    });
    if (unservableSkus.length > 0) {
      flags.push("OUT_OF_STOCK");
      stages.push({ stage: "SPLIT", result: "OUT_OF_STOCK", unservableSkus, totalCost: 0, locations: [] });
      return makeDecision(order, "UNROUTABLE", [], flags, unservableSkus, stages);
    }

    const positions =
      this.lineCount <= MAX_INDEXED_SPLIT_LINES ? this.searchSplit(lineRows) : this.everyServer(lineRows);
    const candidates: SplitCandidate[] = positions.map((position) => {
      const servedLines: number[] = [];
      lineRows.forEach((row, line) => {
        if ((row[position >>> 5]! & (1 << (position & 31))) !== 0) servedLines.push(line);
      });
      const distance = this.distanceTo(position);
      return { id: this.index.ids[position]!, cost: this.costAt(position, distance), distance, servedLines };
    });
    const plan =
      this.lineCount <= MAX_INDEXED_SPLIT_LINES
        ? planWithChosen(
            this.lineCount,
            candidates,
            candidates.map((_, i) => i),
          )
        : planSplit(this.lineCount, candidates);
    if (plan === null) throw new Error("split: every line has a server, yet no cover was found");

    const assignments: Assignment[] = [];
    const entries: PendingTrace[] = [];
    for (const part of plan.parts) {
      const candidate = candidates[part.candidate]!;
      const position = positions[part.candidate]!;
      assignments.push(assignmentOf(order, candidate.id, part.lines, candidate.cost, candidate.distance));
      const input: LocationTraceInput = {
        location: this.index.locations[position]!,
        lines: order.lines,
        rules: this.index.rules,
        stock: this,
        stockHandle: position,
        distance: candidate.distance,
        cost: candidate.cost,
        checks: SPLIT_CHECKS,
      };
      entries.push({ rank: candidate, trace: traceChosen(input, "SPLIT_COVER") });
    }
    stages.push({
      stage: "SPLIT",
      result: "SPLIT",
      unservableSkus: [],
      totalCost: roundCents(plan.totalCost),
      locations: orderStageEntries(entries),
    });
    return makeDecision(order, "SPLIT", assignments, flags, [], stages);
  }

  /** Per line, the bitset of locations that can serve it on its own. */
  private lineServerRows(): Uint32Array[] {
    const { servable, availableBits, words, storeThreshold, isStore, warehouseCount } = this.index;
    return this.skuIdOfLine.map((skuId, line) => {
      const row = new Uint32Array(words);
      if (skuId < 0) return row;
      for (let w = 0; w < words; w++) row[w] = servable[skuId * words + w]! & availableBits[w]!;
      const quantity = this.quantityOfLine[line]!;
      // The bitsets guarantee one unit at a warehouse and storeThreshold at a store; check the rest.
      const from = quantity > 1 ? 0 : warehouseCount;
      const to = quantity > storeThreshold ? this.index.count : warehouseCount;
      for (let position = from; position < to; position++) {
        const bit = 1 << (position & 31);
        if ((row[position >>> 5]! & bit) === 0) continue;
        const guaranteed = isStore[position] === 1 ? storeThreshold : 1;
        if (quantity > guaranteed && unitsAt(this.index, position, skuId) < quantity) row[position >>> 5]! &= ~bit;
      }
      return row;
    });
  }

  private searchSplit(lineRows: readonly Uint32Array[]): number[] {
    const index = this.index;
    const chosen = cheapestMinimumCover({
      lineCount: this.lineCount,
      words: index.words,
      lineRows,
      ids: index.ids,
      costOf: (position) => this.costAt(position, this.distanceTo(position)),
      costLowerBound: (position) => this.costLowerBound(position),
      cheapestPossibleCost: index.cheapestPossibleCost - 1e-9,
      costMemo: index.scratch.splitCost,
      costStamp: index.scratch.splitCostOrder,
      stamp: this.orderStamp,
    });
    if (chosen === null) throw new Error("split: every line has a server, yet no cover was found");
    return chosen;
  }

  /** Every location that can serve at least one line (for orders too long for the bitset search). */
  private everyServer(lineRows: readonly Uint32Array[]): number[] {
    const positions: number[] = [];
    for (let w = 0; w < this.index.words; w++) {
      let union = 0;
      for (const row of lineRows) union |= row[w]!;
      while (union !== 0) {
        const lowest = union & -union;
        union ^= lowest;
        positions.push(w * 32 + (31 - Math.clz32(lowest)));
      }
    }
    return positions;
  }

  // --- pickup -----------------------------------------------------------------------------------

  private pickupStage(
    chosen: number | undefined,
    result: "CHOSEN_STORE" | "NEARBY_STORE" | "UNAVAILABLE",
    entries: PendingTrace[],
  ): TraceStage[] {
    return [
      {
        stage: "PICK_UP",
        chosenLocationId: this.order.pickupLocationId ?? null,
        chosenLocationFound: chosen !== undefined,
        result,
        radiusMiles: this.index.rules.radiusMiles,
        locations: orderStageEntries(entries),
      },
    ];
  }

  private routePickup(): RoutingDecision {
    const { order, index } = this;
    const chosenId = order.pickupLocationId;
    const chosen = chosenId === undefined ? undefined : index.positionById.get(chosenId);
    if (chosen === undefined) {
      this.setReference(order.destination.lat, order.destination.lng);
    } else {
      const location = index.locations[chosen]!;
      this.setReference(location.lat, location.lng);
    }
    const entries: PendingTrace[] = [];

    if (chosen !== undefined) {
      const distance = this.distanceTo(chosen);
      const cost = this.costAt(chosen, distance);
      const input = this.traceInput(chosen, distance, cost, CHOSEN_PICKUP_CHECKS);
      const rank = { distance, cost, id: index.ids[chosen]! };
      if (index.pickupEnabled[chosen] === 1 && this.isFull(chosen)) {
        entries.push({ rank, trace: traceChosen(input, "SHOPPER_CHOICE") });
        const assignment = assignmentOf(order, rank.id, "ALL", cost, distance);
        return makeDecision(order, "ROUTED", [assignment], [], [], this.pickupStage(chosen, "CHOSEN_STORE", entries));
      }
      entries.push({ rank, trace: traceLost(input) });
    }

    const eligible = this.podium("NEAREST", 2);
    const ineligible = this.podium("NEAREST", TRACE_NEARBY_LIMIT);
    const nearby = this.storesWithinRadius();
    const { scratch, isOpen, pickupEnabled } = index;
    for (let n = 0; n < nearby; n++) {
      const position = scratch.nearbyPositions[n]!;
      if (position === chosen) continue;
      const distance = scratch.nearbyDistances[n]!;
      const cost = this.costAt(position, distance);
      if (isOpen[position] === 1 && pickupEnabled[position] === 1 && this.isFull(position)) {
        eligible.offer(position, distance, cost);
      } else {
        ineligible.offer(position, distance, cost);
      }
    }
    this.nearestSearchEntries(eligible, ineligible, PICKUP_FALLBACK_CHECKS, "NEAREST_PICKUP_STORE", entries);
    if (eligible.size === 0) {
      return makeDecision(
        order,
        "UNROUTABLE",
        [],
        ["PICKUP_UNAVAILABLE"],
        [],
        this.pickupStage(chosen, "UNAVAILABLE", entries),
      );
    }
    const assignment = assignmentOf(
      order,
      index.ids[eligible.positions[0]!]!,
      "ALL",
      eligible.costs[0]!,
      eligible.distances[0]!,
    );
    return makeDecision(
      order,
      "ROUTED",
      [assignment],
      ["PICKUP_STORE_CHANGED"],
      [],
      this.pickupStage(chosen, "NEARBY_STORE", entries),
    );
  }
}

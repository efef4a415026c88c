// Renders a decision's trace as plain sentences a merchant can read, e.g.
// "Wicker Park: 2 units of TEE-M, below the minimum of 3."
import { formatDollars } from "../money";
import type { LocationTrace, RoutingDecision, RuleVerdict, TraceStage } from "./types";

export interface ExplainOptions {
  /** Display names by location id; ids are shown where a name is missing. */
  readonly names?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
}

type NameOf = (locationId: string) => string;

function nameLookup(options: ExplainOptions | undefined): NameOf {
  const names = options?.names;
  if (names === undefined) return (id) => id;
  if (names instanceof Map) return (id) => names.get(id) ?? id;
  const record = names as Readonly<Record<string, string>>;
  return (id) => (Object.hasOwn(record, id) ? (record[id] ?? id) : id);
}

function miles(distance: number): string {
  return `${distance.toFixed(1)} mi`;
}

function units(count: number, sku: string): string {
  return `${count} ${count === 1 ? "unit" : "units"} of ${sku}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}

/** The sentence fragment for a rule a location failed, or null when it has nothing to add. */
function failedRulePhrase(verdict: RuleVerdict, all: readonly RuleVerdict[]): string | null {
  switch (verdict.rule) {
    case "ACTIVE":
      return "not active for online orders";
    case "CAPACITY":
      return `at today's capacity (${verdict.assignedToday} of ${verdict.dailyCapacity} orders)`;
    case "STOCK":
      return `${units(verdict.available, verdict.sku)}, ${verdict.requested} needed`;
    case "STORE_MIN_UNITS": {
      const alsoShort = all.some((other) => other.rule === "STOCK" && other.sku === verdict.sku && !other.pass);
      return alsoShort ? null : `${units(verdict.available, verdict.sku)}, below the minimum of ${verdict.minimum}`;
    }
    case "ALL_LINES_SERVABLE":
      return null; // the per-line verdicts say which lines
    case "OPEN":
      return "closed now";
    case "PICKUP_ENABLED":
      return "pickup is turned off";
    case "RADIUS":
      return `${miles(verdict.distanceMiles)} away, beyond the ${verdict.radiusMiles}-mile radius`;
    case "COST_VS_WAREHOUSE":
      return costPhrase(verdict);
    case "LOOK_AHEAD":
      return verdict.pass
        ? `costs ${formatDollars(verdict.storeCost)}, more than look-ahead's ${formatDollars(verdict.margin)} for the store units it would use below the warehouse's ${formatDollars(verdict.warehouseCost)}, so it ships`
        : `costs ${formatDollars(verdict.storeCost)}, not look-ahead's ${formatDollars(verdict.margin)} for the store units it would use below the warehouse's ${formatDollars(verdict.warehouseCost)}; look-ahead keeps its units for same-day and pickup orders`;
    case "LOOK_AHEAD_STORES":
      return `costs ${formatDollars(verdict.storeCost)} plus look-ahead's ${formatDollars(verdict.charge)} for the store units it would use, against ${formatDollars(verdict.otherStoreCost)} plus ${formatDollars(verdict.otherCharge)} at the other store`;
  }
}

function costPhrase(verdict: Extract<RuleVerdict, { rule: "COST_VS_WAREHOUSE" }>): string {
  const comparison = verdict.pass ? "within" : "more than";
  return `costs ${formatDollars(verdict.storeCost)}, ${comparison} ${formatDollars(verdict.maxExtra)} over the warehouse's ${formatDollars(verdict.warehouseCost)}`;
}

function outcomeSentence(
  entry: LocationTrace,
  name: string,
  stage: TraceStage,
  decision: RoutingDecision,
): string | null {
  const stageRadius = stage.stage === "SPLIT" ? 0 : stage.radiusMiles;
  const where = `${name} (${miles(entry.distanceMiles)}, ${formatDollars(entry.cost)})`;
  if (entry.outcome === "CHOSEN") {
    switch (entry.reason) {
      case "NEAREST_ELIGIBLE_STORE":
        return `${where}: chosen, the nearest open store within ${stageRadius} miles with every item.`;
      case "SHOPPER_CHOICE":
        return `${name}: chosen by the shopper, and it has every item for pickup.`;
      case "NEAREST_PICKUP_STORE":
        return `${where}: chosen instead, the nearest open store offering pickup with every item.`;
      case "STORE_WITHIN_COST_THRESHOLD":
        return `${where}: chosen, a store within ${stageRadius} miles whose cost is close enough to the warehouse's.`;
      case "CHEAPEST_STORE_IN_RADIUS":
        return `${where}: chosen, the cheapest store within ${stageRadius} miles with every item.`;
      case "CHEAPEST_WAREHOUSE":
        return `${where}: chosen, the cheapest warehouse with every item.`;
      case "WAREHOUSE_KEEPS_STORE_STOCK":
        return `${where}: chosen, the cheapest warehouse with every item, so the nearby store keeps its units for same-day and pickup orders.`;
      case "CHEAPEST_STORE_OUTSIDE_RADIUS":
        return `${where}: chosen, the cheapest store with every item, although it is beyond the ${stageRadius}-mile radius.`;
      case "LOWEST_COST_WITH_LOOK_AHEAD":
        return `${where}: chosen by look-ahead, of the stores within ${stageRadius} miles that can take the order the one whose cost plus the charge for the store units it would use is lowest.`;
      case "SPLIT_COVER": {
        const assignment = decision.assignments.find((candidate) => candidate.locationId === entry.locationId);
        const lines = (assignment?.lines ?? []).map((line) => `${line.quantity} × ${line.sku}`);
        return `${where}: ships ${listOf(lines)}.`;
      }
    }
  }
  switch (entry.reason) {
    case "FARTHER":
      return `${where}: also has every item, but is farther.`;
    case "COSTLIER":
      return `${where}: also has every item, but costs more.`;
    case "ID_TIEBREAK":
      return `${where}: tied with the chosen location; the tie goes to the lower id.`;
    case "STORE_PREFERRED":
      return `${where}: not used, because a store within the radius costs little enough more.`;
    case "COST_OVER_WAREHOUSE_THRESHOLD":
      return `${name}: not used, so the order goes to the warehouse.`;
    case "KEPT_FOR_STORE_ORDERS":
      return `${name}: not used; its units are kept for orders only a store can serve.`;
    default:
      return null; // the failed rules above already say why
  }
}

function stageIntro(stage: TraceStage, nameOf: NameOf): string {
  switch (stage.stage) {
    case "SAME_DAY":
      return `Same-day delivery: looking for the nearest open store within ${stage.radiusMiles} miles that has every item.`;
    case "PICK_UP":
      if (stage.chosenLocationId === null) return "Pickup: the shopper did not choose a store.";
      if (!stage.chosenLocationFound)
        return `Pickup: the chosen store ${stage.chosenLocationId} is not one of the locations.`;
      return `Pickup: the shopper chose ${nameOf(stage.chosenLocationId)}.`;
    case "SHIPPING":
      return `Shipping: the cheapest location with every item; a store within ${stage.radiusMiles} miles wins if it costs no more than the warehouse plus the allowed extra.`;
    case "SPLIT":
      return "Splitting: looking for the fewest locations that together have every item.";
  }
}

function stageConclusion(stage: TraceStage): string | null {
  switch (stage.stage) {
    case "SAME_DAY":
      return stage.result === "NO_ELIGIBLE_STORE"
        ? `No open store within ${stage.radiusMiles} miles has every item, so the order ships instead and same-day delivery is at risk.`
        : null;
    case "PICK_UP":
      if (stage.result === "UNAVAILABLE") {
        return `No open store offering pickup within ${stage.radiusMiles} miles has every item, so pickup is unavailable.`;
      }
      return stage.result === "NEARBY_STORE" ? "The pickup store was changed." : null;
    case "SHIPPING":
      return stage.result === "NO_FULL_LOCATION" ? "No location can ship the whole order." : null;
    case "SPLIT":
      if (stage.result === "NOT_ALLOWED") return "Splitting is turned off, so the order cannot be routed.";
      if (stage.result === "OUT_OF_STOCK")
        return `No location can supply ${listOf(stage.unservableSkus)}, so the order is out of stock.`;
      return `Split across ${stage.locations.length} locations, the fewest that can supply every item between them, for ${formatDollars(stage.totalCost)} in total.`;
  }
}

function headline(decision: RoutingDecision, nameOf: NameOf): string {
  const names = decision.assignments.map((assignment) => nameOf(assignment.locationId));
  switch (decision.status) {
    case "ROUTED":
      return `Order ${decision.orderId}: fulfilled from ${listOf(names)}.`;
    case "SPLIT":
      return `Order ${decision.orderId}: split across ${listOf(names)}.`;
    case "UNROUTABLE":
      return `Order ${decision.orderId}: could not be routed.`;
  }
}

export function explainDecision(decision: RoutingDecision, options?: ExplainOptions): string[] {
  const nameOf = nameLookup(options);
  const sentences = [headline(decision, nameOf)];
  for (const stage of decision.trace.stages) {
    sentences.push(stageIntro(stage, nameOf));
    for (const entry of stage.locations) {
      const name = nameOf(entry.locationId);
      for (const verdict of entry.verdicts) {
        const weighed =
          verdict.rule === "COST_VS_WAREHOUSE" || verdict.rule === "LOOK_AHEAD" || verdict.rule === "LOOK_AHEAD_STORES";
        if (verdict.pass && !weighed) continue;
        if (stage.stage === "SPLIT" && !verdict.pass) continue; // a split part is expected to lack lines
        const phrase = failedRulePhrase(verdict, entry.verdicts);
        if (phrase !== null) sentences.push(`${name}: ${phrase}.`);
      }
      const outcome = outcomeSentence(entry, name, stage, decision);
      if (outcome !== null) sentences.push(outcome);
    }
    const conclusion = stageConclusion(stage);
    if (conclusion !== null) sentences.push(conclusion);
  }
  return sentences;
}

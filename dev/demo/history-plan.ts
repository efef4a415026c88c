import type { OrderFacts } from "../../app/models/routed-orders.server";
import { SeededRandom } from "../seeded-random";
import type { Scenario, ScenarioLocation, ScenarioStock } from "../scenarios/types";

/**
 * The orders the demo's shop received over the past days, as the app would have recorded them
 * from orders/create: who ordered what, to be picked up where or shipped where. Only the orders;
 * where each went is left to the app's routing engine (dev/demo/history.ts replays them through
 * it), so the history shows what the engine decides, not what this file assumes.
 *
 * Pure and seeded: the same scenario and options give the same orders, ids and names on every
 * machine, so a second run of the demo finds them already recorded.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * History order ids: below the emulator's minted ids (10,000,000,000,001 and up), so an order
 * placed in the demo can never share one.
 */
export const HISTORY_ORDER_ID_BASE = 9_000_000_000_000;

export interface DemoHistoryOptions {
  /** The history ends here (exclusive); the demo passes a day before now, so no history order is "today". */
  end: Date;
  days: number;
  /** The average orders a day; weekends take a third more. */
  ordersPerDay: number;
  /** Share of orders picked up in store (the seed's example: 30 %). */
  pickupShare?: number;
  seed?: number;
}

/** The demo's defaults per scenario: the seed's 2,000 online orders a month for `chicago`. */
export const DEMO_HISTORY_DEFAULTS: Record<"chicago" | "national", { days: number; ordersPerDay: number }> = {
  chicago: { days: 30, ordersPerDay: 60 },
  national: { days: 30, ordersPerDay: 200 },
};

/** A history order's name: "#H" then its number, never containing a live order's "#1001". */
export function historyOrderName(sequence: number): string {
  return `#H${String(sequence).padStart(5, "0")}`;
}

export function isHistoryOrderId(orderId: string): boolean {
  const id = Number(orderId);
  return id > HISTORY_ORDER_ID_BASE && id < HISTORY_ORDER_ID_BASE + 1_000_000;
}

/** The store the shopper is near: its stock is what they most likely buy. */
interface StoreStock {
  store: ScenarioLocation;
  stock: ScenarioStock[];
}

function storesWithStock(scenario: Scenario): StoreStock[] {
  const stockByLocation = new Map<number, ScenarioStock[]>();
  for (const level of scenario.inventory) {
    if (level.available <= 0) continue;
    const list = stockByLocation.get(level.locationId);
    if (list) list.push(level);
    else stockByLocation.set(level.locationId, [level]);
  }
  return scenario.locations
    .filter((location) => location.kind === "STORE" && location.isActive)
    .map((store) => ({ store, stock: stockByLocation.get(store.id) ?? [] }))
    .filter((entry) => entry.stock.length > 0);
}

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  const item = items[Math.floor(random.next() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** One to three lines, one unit each mostly; a fifth of shipped lines are SKUs no nearby store holds. */
function linesFor(
  random: SeededRandom,
  near: StoreStock,
  allSkus: readonly string[],
  anySku: boolean,
): OrderFacts["lines"] {
  const count = 1 + Math.floor(random.next() * random.next() * 3);
  const lines = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const sku = anySku && random.next() < 0.2 ? pick(random, allSkus) : pick(random, near.stock).sku;
    lines.set(sku, (lines.get(sku) ?? 0) + (random.next() < 0.85 ? 1 : 2));
  }
  return [...lines].map(([sku, quantity]) => ({ sku, quantity }));
}

/** The shop's orders over `days` days before `end`, oldest first. */
export function planDemoHistory(scenario: Scenario, options: DemoHistoryOptions): OrderFacts[] {
  const random = new SeededRandom(options.seed ?? 20_261_130);
  const pickupShare = options.pickupShare ?? 0.3;
  const stores = storesWithStock(scenario);
  const pickupStores = stores.filter((entry) => entry.store.pickupEnabled && entry.store.fulfillsOnlineOrders);
  const allSkus = scenario.products.flatMap((product) => product.variants.map((variant) => variant.sku));
  if (stores.length === 0 || allSkus.length === 0) return [];

  const orders: OrderFacts[] = [];
  let sequence = 0;
  for (let day = options.days; day >= 1; day--) {
    const dayStart = options.end.getTime() - day * DAY_MS;
    const weekday = new Date(dayStart + DAY_MS / 2).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 4 / 3 : 1;
    const count = Math.round(options.ordersPerDay * weekend * (0.8 + 0.4 * random.next()));
    const times = Array.from({ length: count }, () => dayStart + Math.floor(random.next() * DAY_MS)).sort(
      (a, b) => a - b,
    );
    for (const time of times) {
      sequence++;
      const pickup = pickupStores.length > 0 && random.next() < pickupShare;
      const near = pickup ? pick(random, pickupStores) : pick(random, stores);
      const { latitude, longitude } = near.store.address;
      // Shipped to a home within about ten miles of the store the shopper lives near.
      const destination = pickup
        ? { latitude, longitude }
        : { latitude: latitude + (random.next() - 0.5) * 0.3, longitude: longitude + (random.next() - 0.5) * 0.3 };
      const express = !pickup && random.next() < 0.1;
      orders.push({
        orderId: String(HISTORY_ORDER_ID_BASE + sequence),
        name: historyOrderName(sequence),
        placedAt: new Date(time),
        deliveryMethod: pickup ? "PICK_UP" : "SHIPPING",
        pickupLocationId: pickup ? String(near.store.id) : null,
        shippingLineTitle: pickup ? near.store.name : express ? "Express" : "Standard",
        shippingLineCode: null,
        latitude: destination.latitude,
        longitude: destination.longitude,
        lines: linesFor(random, near, allSkus, !pickup),
        customerId: null,
        confirmationNumber: null,
        cancelledAt: null,
      });
    }
  }
  return orders;
}

// npm run bench:replay — the what-if replay (app/services/routing-replay) end to end at national
// scale: a shop with the national network in its mirror and 100,000 recorded orders (facts and
// decisions, made by the engine against depleting stock as the routing job would) in its own
// PostgreSQL; then the timed part, as the Routing rules page would run it: load the range's
// orders and the starting snapshot from the database and replay them with the live rules. The
// full comparison (live, draft, native, greedy) is timed as well and its totals printed.
//
// REPLAY_ORDERS overrides the number of orders (100,000).
import { performance } from "node:perf_hooks";
import pg from "pg";
import { prepareNetwork, routeWithIndex, setIndexedUnits } from "../app/domain/routing/index";
import type { RoutingDecision, RoutingLocation, RoutingOrder } from "../app/domain/routing/types";
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettings } from "../app/domain/routing-settings/settings";
import { setBenchAppEnvironment } from "./app-environment";
import { buildNationalLocations, buildQualityStream, NATIONAL, NATIONAL_RULES } from "./national-network";
import { startBenchDatabase } from "./pipeline-database";

const ORDERS = Number(process.env.REPLAY_ORDERS ?? 100_000);
const SHOP = "replay-bench.myshopify.com";
const ROWS_PER_STATEMENT = 10_000;
/** Store shelves and warehouses stocked for a month of orders, as in bench/quality.bench.ts. */
const NETWORK = { ...NATIONAL, storeUnitsMean: 6, warehouseUnitsMax: 2000 };
const LIVE_SETTINGS: RoutingSettings = { ...DEFAULT_ROUTING_SETTINGS, ...NATIONAL_RULES };

async function insertInBatches(rows: readonly unknown[][], insert: (columns: unknown[][]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    await insert(batch[0]!.map((_, column) => batch.map((row) => row[column])));
  }
}

/** The recorded history: each order decided by the engine against the stock the ones before it left. */
function recordHistory(locations: readonly RoutingLocation[], orders: readonly RoutingOrder[]): RoutingDecision[] {
  // As the mirror gives them back: no opening hours in this shop's profiles, so always open.
  const working = locations.map((location) => ({ ...location, isOpen: true, stock: { ...location.stock } }));
  const byId = new Map(working.map((location) => [location.id, location]));
  const index = prepareNetwork(working, NATIONAL_RULES);
  return orders.map((order) => {
    const decision = routeWithIndex(index, order);
    for (const assignment of decision.assignments) {
      const stock = byId.get(assignment.locationId)!.stock as Record<string, number>;
      for (const line of assignment.lines) {
        const left = Math.max(0, (stock[line.sku] ?? 0) - line.quantity);
        stock[line.sku] = left;
        setIndexedUnits(index, assignment.locationId, line.sku, left);
      }
    }
    return decision;
  });
}

const SHIPPING_LINE: Record<string, string> = {
  STANDARD: "Standard",
  NEXT_DAY: "Express",
  SAME_DAY: "Same day delivery",
};

/**
 * The mirror as Shopify would have it after the history: the network's stock less every unit
 * the decisions took (all reflected, so no reservation is active), and the history itself.
 */
async function seed(
  url: string,
  locations: readonly RoutingLocation[],
  orders: readonly RoutingOrder[],
  decisions: readonly RoutingDecision[],
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = new Date();
  try {
    const taken = new Map<string, number>();
    for (const decision of decisions)
      for (const assignment of decision.assignments)
        for (const line of assignment.lines) {
          const key = `${assignment.locationId}\u0000${line.sku}`;
          taken.set(key, (taken.get(key) ?? 0) + line.quantity);
        }
    await insertInBatches(
      locations.map((location) => [
        location.id,
        location.id,
        location.lat,
        location.lng,
        location.active,
        location.pickupEnabled,
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "Location" (shop, "locationId", name, latitude, longitude, "isActive", "fulfillsOnlineOrders", "pickupEnabled", "syncedAt")
           SELECT $1, l, n, la, lo, a, true, p, $8 FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::bool[], $7::bool[]) AS t(l, n, la, lo, a, p)`,
          [SHOP, ...columns, now],
        ),
    );
    await insertInBatches(
      locations.map((location) => [
        location.id,
        location.kind,
        location.labourCostPerOrder,
        location.shipping.base,
        location.shipping.perMile,
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "LocationProfile" (shop, "locationId", kind, "labourCostPerOrder", "shippingBaseCost", "shippingCostPerMile", "timeZone", "updatedAt")
           SELECT $1, l, k::"LocationKind", c, b, m, 'UTC', $7 FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[]) AS t(l, k, c, b, m)`,
          [SHOP, ...columns, now],
        ),
    );
    const levels: unknown[][] = [];
    for (const location of locations)
      for (const [sku, units] of Object.entries(location.stock))
        levels.push([location.id, sku, sku, units - (taken.get(`${location.id}\u0000${sku}`) ?? 0)]);
    await insertInBatches(levels, (columns) =>
      client.query(
        `INSERT INTO "InventoryLevel" (shop, "locationId", "inventoryItemId", sku, available, "sourceUpdatedAt", "syncedAt")
         SELECT $1, *, $6, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])`,
        [SHOP, ...columns, now],
      ),
    );
    await insertInBatches(
      orders.map((order, n) => [
        String(1_000_000 + n),
        order.id,
        order.placedAt,
        order.deliveryMethod,
        order.pickupLocationId ?? null,
        order.deliveryMethod === "SHIPPING" ? SHIPPING_LINE[order.serviceLevel]! : null,
        order.destination.lat,
        order.destination.lng,
        JSON.stringify(order.lines),
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "RoutedOrder" (shop, "orderId", name, "placedAt", "deliveryMethod", "pickupLocationId", "shippingLineTitle", latitude, longitude, lines, source, "updatedAt")
           SELECT $1, i, n, p::timestamptz, d::"OrderDeliveryMethod", pl, s, la, lo, li::jsonb, 'WEBHOOK', $11
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[]) AS t(i, n, p, d, pl, s, la, lo, li)`,
          [SHOP, ...columns, now],
        ),
    );
    await insertInBatches(
      decisions.map((decision, n) => [
        String(1_000_000 + n),
        decision.status,
        JSON.stringify(decision.assignments),
        orders[n]!.deliveryMethod,
        orders[n]!.serviceLevel,
        // Decided in stream order, 20 s apart (the stream's placing times are not monotonic).
        new Date(Date.parse("2024-07-01T00:00:00Z") + n * 20_000).toISOString(),
      ]),
      (columns) =>
        client.query(
          `INSERT INTO "RoutingDecision" (id, shop, "orderId", status, assignments, trace, "deliveryMethod", "serviceLevel", "decidedAt", "moveStatus", "updatedAt")
           SELECT gen_random_uuid(), $1, i, s::"RoutingDecisionStatus", a::jsonb, '{"stages":[]}'::jsonb, d::"OrderDeliveryMethod", l, t::timestamptz, 'DONE', $8
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(i, s, a, d, l, t)`,
          [SHOP, ...columns, now],
        ),
    );
  } finally {
    await client.end();
  }
}

const money = (value: number): string => `$${value.toFixed(2)}`;
const count = (value: number): string => Math.round(value).toLocaleString("en-US");

async function main(): Promise<number> {
  const database = await startBenchDatabase();
  try {
    setBenchAppEnvironment(database.url, "http://127.0.0.1:9");
    // Imported once the environment names the bench's database: the app reads it on import.
    const { compareRoutings, replaySnapshot } = await import("../app/services/routing-replay/replay.server");
    const { listRecordedRoutings } = await import("../app/models/recorded-routings.server");
    const { replay } = await import("../app/domain/routing-replay/replay");
    const { appendRoutingSettingsVersion } = await import("../app/models/routing-settings.server");
    const { default: prisma, sqlPool } = await import("../app/db.server");

    const locations = buildNationalLocations(NETWORK).map(
      ({ dailyCapacity: _capacity, assignedToday: _assigned, ...location }) => location,
    );
    const orders = buildQualityStream(locations, { seed: NATIONAL.seed, count: ORDERS, skuCount: NATIONAL.skuCount });
    const seedStarted = performance.now();
    const decisions = recordHistory(locations, orders);
    await seed(database.url, locations, orders, decisions);
    await appendRoutingSettingsVersion(prisma, SHOP, LIVE_SETTINGS, null);
    const stockRows = locations.reduce((sum, location) => sum + Object.keys(location.stock).length, 0);
    console.log(
      `seeded ${count(ORDERS)} recorded orders over ${count(locations.length)} locations ` +
        `(${count(stockRows)} stock rows) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const range = { from: new Date("2024-06-01T00:00:00Z"), to: new Date("2024-09-01T00:00:00Z") };
    const now = new Date("2024-08-01T00:00:00Z");
    // Warm the connection pool and the JIT on a small range first, as a page's second visit would.
    await compareRoutings(SHOP, { from: range.from, to: new Date("2024-07-01T12:00:00Z") }, null, now);

    const started = performance.now();
    const recorded = await listRecordedRoutings(sqlPool, SHOP, range.from, range.to);
    const loaded = performance.now();
    const snapshot = await replaySnapshot(sqlPool, SHOP, recorded, now);
    const snapshotted = performance.now();
    const live = replay(
      recorded,
      snapshot,
      { kind: "OMNIROUTE", name: "Live rules", rules: NATIONAL_RULES },
      NATIONAL_RULES,
    );
    const replayed = performance.now();
    const seconds = (replayed - started) / 1000;
    const matches = live.orders.filter((order, n) => {
      const recordedOrder = decisions[n]!;
      return order.status === recordedOrder.status && order.assignments.length === recordedOrder.assignments.length;
    }).length;
    console.log(
      `live replay of ${count(recorded.length)} orders: load ${((loaded - started) / 1000).toFixed(2)} s, ` +
        `snapshot ${((snapshotted - loaded) / 1000).toFixed(2)} s, replay ${((replayed - snapshotted) / 1000).toFixed(2)} s; ` +
        `${count(matches)} of ${count(recorded.length)} as recorded (status and parcels)`,
    );

    const comparisonStarted = performance.now();
    const draft = { ...LIVE_SETTINGS, storeMinUnits: 5 };
    const comparison = await compareRoutings(SHOP, range, draft, now);
    const comparisonSeconds = (performance.now() - comparisonStarted) / 1000;
    console.log(
      `${"router".padEnd(24)} ${"cost/order".padStart(10)} ${"splits/100".padStart(10)} ${"store share".padStart(11)} ` +
        `${"min broken".padStart(10)} ${"SLA at risk".padStart(11)} ${"pickup moved".padStart(12)} ${"unroutable".padStart(10)} ${"over capacity".padStart(13)}`,
    );
    for (const result of comparison.results) {
      console.log(
        `${result.router.padEnd(24)} ${money(result.summary.costPerOrder).padStart(10)} ${result.summary.splitsPer100.toFixed(2).padStart(10)} ` +
          `${(100 * result.summary.storeShare).toFixed(1).padStart(10)}% ${count(result.totals.thresholdViolations).padStart(10)} ` +
          `${count(result.totals.slaAtRisk).padStart(11)} ${count(result.totals.pickupStoreChanges).padStart(12)} ` +
          `${count(result.totals.unroutableOrders).padStart(10)} ${count(result.loads.reduce((sum, load) => sum + load.daysOverCapacity, 0)).padStart(13)}`,
      );
    }
    console.log(
      `full comparison (4 routers, loading included) in ${comparisonSeconds.toFixed(2)} s; live rules match the recorded ` +
        `decision for ${count(comparison.liveMatchesRecorded)} of ${count(comparison.orders)} orders; the draft (store minimum 5) ` +
        `routes ${count(comparison.draftDifferences.length)} differently`,
    );
    console.log(`replay: ${count(recorded.length / seconds)} orders/s at national scale`);
    await prisma.$disconnect();
    return comparison.liveMatchesRecorded === comparison.orders ? 0 : 1;
  } finally {
    await database.dispose();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

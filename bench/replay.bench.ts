// npm run bench:replay — the what-if replay (app/services/routing-replay) end to end at national
// scale: a shop with the national network in its mirror and 100,000 recorded orders (facts and
// decisions, made by the engine against depleting stock as the routing job would) in its own
// PostgreSQL; then the timed part, as the Routing rules page would run it: load the range's
// orders and the starting snapshot from the database and replay them with the live rules. The
// full comparison (live, draft, native, greedy) is timed as well and its totals printed.
//
// REPLAY_ORDERS overrides the number of orders (100,000), REPLAY_RUNS the timed live replays (3);
// BENCH_PROFILE=<file> writes a CPU profile of the first (bench/window-profile.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { prepareNetwork, routeWithIndex, setIndexedUnits } from "../app/domain/routing/index";
import type { RoutingDecision, RoutingLocation, RoutingOrder } from "../app/domain/routing/types";
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettings } from "../app/domain/routing-settings/settings";
import { setBenchAppEnvironment } from "./app-environment";
import { buildNationalLocations, buildQualityStream, NATIONAL, NATIONAL_RULES } from "./national-network";
import { startBenchDatabase } from "./pipeline-database";
import { profileWindow } from "./window-profile";

const ORDERS = Number(process.env.REPLAY_ORDERS ?? 100_000);
/** Timed live replays; REPLAY_RUNS overrides. */
const RUNS = Math.max(1, Number(process.env.REPLAY_RUNS ?? 3) || 3);
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
    // The history is months old in a real shop: autovacuum has long since set its rows' visibility
    // and statistics. Do now what it would have done, so the timed reads do not pay for it.
    await client.query(
      `VACUUM (ANALYZE) "InventoryLevel", "RoutedOrder", "RoutingDecision", "Location", "LocationProfile"`,
    );
  } finally {
    await client.end();
  }
}

const money = (value: number): string => `$${value.toFixed(2)}`;
const count = (value: number): string => Math.round(value).toLocaleString("en-US");
const secondsSince = (start: number): string => `${((performance.now() - start) / 1000).toFixed(2)} s`;
/** This process's CPU (user + system) in ms since `before` (PostgreSQL's own CPU is not in it). */
const cpuMs = (before: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

/** What the bench checks the replay against: each recorded decision's status and parcel count. */
interface RecordedShape {
  readonly status: string;
  readonly parcels: number;
}

/**
 * Builds the network and the history and stores them, in a child process of its own, so the
 * timed part runs with the heap a web process would have, not the generator's millions of
 * objects: only the history's shape comes back.
 */
function seedShopInChild(url: string): RecordedShape[] {
  const shapesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "replay-bench-")), "shapes.json");
  try {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), SEED_FLAG, url, shapesFile],
      {
        stdio: "inherit",
        env: process.env,
      },
    );
    if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status ?? child.signal})`);
    return JSON.parse(fs.readFileSync(shapesFile, "utf8")) as RecordedShape[];
  } finally {
    fs.rmSync(path.dirname(shapesFile), { recursive: true, force: true });
  }
}

const SEED_FLAG = "--seed-only";

async function seedShop(url: string): Promise<RecordedShape[]> {
  const { appendRoutingSettingsVersion } = await import("../app/models/routing-settings.server");
  const { default: prisma } = await import("../app/db.server");
  const locations = buildNationalLocations(NETWORK).map(
    ({ dailyCapacity: _capacity, assignedToday: _assigned, ...location }) => location,
  );
  const orders = buildQualityStream(locations, { seed: NATIONAL.seed, count: ORDERS, skuCount: NATIONAL.skuCount });
  const seedStarted = performance.now();
  const decisions = recordHistory(locations, orders);
  await seed(url, locations, orders, decisions);
  await appendRoutingSettingsVersion(prisma, SHOP, LIVE_SETTINGS, null);
  const stockRows = locations.reduce((sum, location) => sum + Object.keys(location.stock).length, 0);
  console.log(
    `seeded ${count(ORDERS)} recorded orders over ${count(locations.length)} locations ` +
      `(${count(stockRows)} stock rows) in ${secondsSince(seedStarted)}`,
  );
  return decisions.map((decision) => ({ status: decision.status, parcels: decision.assignments.length }));
}

async function main(): Promise<number> {
  const database = await startBenchDatabase();
  try {
    setBenchAppEnvironment(database.url, "http://127.0.0.1:9");
    // Imported once the environment names the bench's database: the app reads it on import.
    const { compareRoutings, comparedRouters, readReplayStock, replaySnapshot } =
      await import("../app/services/routing-replay/replay.server");
    const { listRecordedRoutings } = await import("../app/models/recorded-routings.server");
    const { replay, replayOrders } = await import("../app/domain/routing-replay/replay");
    const { default: prisma, sqlPool } = await import("../app/db.server");

    const recordedShapes = seedShopInChild(database.url);
    let mismatched = false;
    const range = { from: new Date("2024-06-01T00:00:00Z"), to: new Date("2024-09-01T00:00:00Z") };
    const now = new Date("2024-08-01T00:00:00Z");
    // Warm the connection pool and the JIT on a small range first, as a page's second visit would.
    await compareRoutings(SHOP, { from: range.from, to: new Date("2024-07-01T12:00:00Z") }, null, now);

    console.log(
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")} (2 cores shared)`,
    );
    // The live replay, timed end to end RUNS times: the first in this process pays for growing the
    // heap to 100,000 orders, as a worker's first comparison would; the line reports the median.
    const runs: number[] = [];
    let recorded: Awaited<ReturnType<typeof listRecordedRoutings>> = [];
    let snapshot: Awaited<ReturnType<typeof replaySnapshot>> | null = null;
    for (let run = 1; run <= RUNS; run++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const timed = await profileWindow(
        "live replay",
        async () => {
          const [orders, read] = await Promise.all([
            listRecordedRoutings(sqlPool, SHOP, range.from, range.to),
            readReplayStock(sqlPool, SHOP, now),
          ]);
          const loadedCpu = cpuMs(cpuBefore);
          const loaded = performance.now();
          const stock = replaySnapshot(orders, now, read);
          const snapshotCpu = cpuMs(cpuBefore);
          const snapshotted = performance.now();
          const live = replay(
            orders,
            stock,
            { kind: "OMNIROUTE", name: "Live rules", rules: NATIONAL_RULES },
            NATIONAL_RULES,
          );
          return { orders, stock, live, loaded, loadedCpu, snapshotted, snapshotCpu };
        },
        run === 1 ? process.env.BENCH_PROFILE : undefined,
      );
      const replayed = performance.now();
      const totalCpu = cpuMs(cpuBefore);
      const seconds = (replayed - started) / 1000;
      runs.push(seconds);
      ({ orders: recorded, stock: snapshot } = timed);
      const matches = timed.live.orders.filter((order, n) => {
        const shape = recordedShapes[n]!;
        return order.status === shape.status && order.assignments.length === shape.parcels;
      }).length;
      if (matches !== recorded.length) mismatched = true;
      console.log(
        `live replay ${run} of ${RUNS}, ${count(recorded.length)} orders: load (orders and stock side by side) ${((timed.loaded - started) / 1000).toFixed(2)} s ` +
          `(CPU ${count(timed.loadedCpu)} ms), snapshot ${((timed.snapshotted - timed.loaded) / 1000).toFixed(2)} s ` +
          `(CPU ${count(timed.snapshotCpu - timed.loadedCpu)} ms), replay ${((replayed - timed.snapshotted) / 1000).toFixed(2)} s ` +
          `(CPU ${count(totalCpu - timed.snapshotCpu)} ms); total ${seconds.toFixed(2)} s; ` +
          `${count(matches)} of ${count(recorded.length)} as recorded (status and parcels); ` +
          `process CPU ${(totalCpu / recorded.length).toFixed(4)} ms per order (PostgreSQL's own not included)`,
      );
    }
    const medianSeconds = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

    const draft = { ...LIVE_SETTINGS, storeMinUnits: 5 };
    const comparisonCpuBefore = process.cpuUsage();
    const comparisonStarted = performance.now();
    const comparison = await compareRoutings(SHOP, range, draft, now);
    const comparisonSeconds = (performance.now() - comparisonStarted) / 1000;
    const comparisonCpu = cpuMs(comparisonCpuBefore);
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
      `full comparison (4 routers, loading included) in ${comparisonSeconds.toFixed(2)} s ` +
        `(process CPU ${(comparisonCpu / comparison.orders).toFixed(4)} ms per order); live rules match the recorded ` +
        `decision for ${count(comparison.liveMatchesRecorded)} of ${count(comparison.orders)} orders; the draft (store minimum 5) ` +
        `routes ${count(comparison.draftDifferences.length)} differently`,
    );
    // Each router alone on the loaded orders and snapshot: where the comparison's time goes.
    const asRecorded = replayOrders(recorded, snapshot!, undefined);
    const perRouter = comparedRouters(LIVE_SETTINGS, draft).map((router) => {
      const routerStarted = performance.now();
      replay(recorded, snapshot!, router, NATIONAL_RULES, asRecorded);
      return `${router.name} ${secondsSince(routerStarted)}`;
    });
    console.log(`each router alone (orders and snapshot loaded): ${perRouter.join(", ")}`);
    console.log(
      `replay: ${count(recorded.length / medianSeconds)} orders/s at national scale ` +
        `(median of ${RUNS} runs; the first, in a fresh heap, ${count(recorded.length / runs[0]!)} orders/s)`,
    );
    await prisma.$disconnect();
    // Prisma's disconnect ends the shared pool only when Prisma itself connected.
    if (!sqlPool.ended) await sqlPool.end();
    return !mismatched && comparison.liveMatchesRecorded === comparison.orders ? 0 : 1;
  } finally {
    await database.dispose();
  }
}

/** The child's part: seed the database at argv[3], write the history's shapes to argv[4]. */
async function seedOnly(url: string, shapesFile: string): Promise<number> {
  setBenchAppEnvironment(url, "http://127.0.0.1:9");
  const shapes = await seedShop(url);
  fs.writeFileSync(shapesFile, JSON.stringify(shapes));
  const { default: prisma } = await import("../app/db.server");
  await prisma.$disconnect();
  return 0;
}

(process.argv[2] === SEED_FLAG ? seedOnly(process.argv[3]!, process.argv[4]!) : main()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

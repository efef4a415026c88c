// npm run bench:routing — the national-sized routing case, indexed engine against the naive
// baseline, in one process. Every order the baseline routes is compared with the engine's decision
// for it (the whole decision as JSON, trace included); any difference fails the run.
import { performance } from "node:perf_hooks";
import { indexFootprintBytes, prepareNetwork, routeOrderBaseline, routeWithIndex } from "../app/domain/routing/index";
import type { RoutingDecision, RoutingOrder } from "../app/domain/routing/types";
import { buildNationalLocations, buildNationalOrders, NATIONAL, NATIONAL_RULES } from "./national-network";

const ENGINE_ORDERS = 20_000;
const BASELINE_ORDERS = 1_000;
/** Timed passes over the engine's orders; the median pass is reported, with the range. */
const ENGINE_PASSES = 5;
const MEMORY_SAMPLE_EVERY = 500;
/** Untimed extra comparisons: later orders whose decisions took the rarer paths. */
const RARE_PATH_ORDERS = 300;

interface RunStats {
  readonly decisions: RoutingDecision[];
  readonly perSecond: number;
  /** Slowest and fastest timed pass, when there were several. */
  readonly passRange: readonly [number, number] | null;
  readonly p50Micros: number;
  readonly p99Micros: number;
  readonly peakHeapBytes: number;
  readonly peakRssBytes: number;
}

function percentile(sortedMicros: Float64Array, fraction: number): number {
  const at = Math.min(sortedMicros.length - 1, Math.ceil(fraction * sortedMicros.length) - 1);
  return sortedMicros[Math.max(0, at)]!;
}

/**
 * Throughput: whole passes over the orders timed end to end (median of ENGINE_PASSES), when asked;
 * otherwise the sum of the per-call times. Latency: one pass timing each call.
 */
function measure(
  orders: readonly RoutingOrder[],
  route: (order: RoutingOrder) => RoutingDecision,
  throughputPass: boolean,
): RunStats {
  let peakHeapBytes = 0;
  let peakRssBytes = 0;
  const sampleMemory = (): void => {
    const usage = process.memoryUsage();
    peakHeapBytes = Math.max(peakHeapBytes, usage.heapUsed);
    peakRssBytes = Math.max(peakRssBytes, usage.rss);
  };

  let perSecond = 0;
  let passRange: readonly [number, number] | null = null;
  if (throughputPass) {
    const rates: number[] = [];
    for (let pass = 0; pass < ENGINE_PASSES; pass++) {
      const started = performance.now();
      for (const order of orders) route(order);
      rates.push(orders.length / ((performance.now() - started) / 1000));
      sampleMemory();
    }
    rates.sort((a, b) => a - b);
    perSecond = rates[Math.floor(rates.length / 2)]!;
    passRange = [rates[0]!, rates[rates.length - 1]!];
  }

  const micros = new Float64Array(orders.length);
  const decisions: RoutingDecision[] = [];
  let total = 0n;
  orders.forEach((order, n) => {
    const started = process.hrtime.bigint();
    const decision = route(order);
    const elapsed = process.hrtime.bigint() - started;
    total += elapsed;
    micros[n] = Number(elapsed) / 1000;
    decisions.push(decision);
    if (n % MEMORY_SAMPLE_EVERY === 0) sampleMemory();
  });
  sampleMemory();
  if (!throughputPass) perSecond = orders.length / (Number(total) / 1e9);
  micros.sort();
  return {
    decisions,
    perSecond,
    passRange,
    p50Micros: percentile(micros, 0.5),
    p99Micros: percentile(micros, 0.99),
    peakHeapBytes,
    peakRssBytes: Math.max(peakRssBytes, process.resourceUsage().maxRSS * 1024),
  };
}

const integer = (value: number): string => Math.round(value).toLocaleString("en-US");
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

function describe(label: string, count: number, stats: RunStats): string {
  const range =
    stats.passRange === null
      ? ""
      : ` (median of ${ENGINE_PASSES} passes, ${integer(stats.passRange[0])}–${integer(stats.passRange[1])})`;
  return (
    `${label.padEnd(9)} ${integer(count)} decisions — ${integer(stats.perSecond)} decisions/s${range}; ` +
    `p50 ${stats.p50Micros.toFixed(1)} µs, p99 ${stats.p99Micros.toFixed(1)} µs per decision; ` +
    `process peak heap ${megabytes(stats.peakHeapBytes)}, peak RSS ${megabytes(stats.peakRssBytes)}`
  );
}

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, count]) => `${value} ${percent(count, values.length)}`)
    .join(", ");
}

function main(): number {
  const generationStarted = performance.now();
  const locations = buildNationalLocations(NATIONAL);
  const orders = buildNationalOrders(locations, {
    seed: NATIONAL.seed,
    count: ENGINE_ORDERS,
    linesPerOrder: 10,
    skuCount: NATIONAL.skuCount,
  });
  const stockEntries = locations.reduce((sum, location) => sum + Object.keys(location.stock).length, 0);
  const warehouses = locations.filter((location) => location.kind === "WAREHOUSE").length;
  console.log(
    `national case: ${integer(locations.length)} locations (${warehouses} warehouses, ${integer(locations.length - warehouses)} stores), ` +
      `${integer(NATIONAL.skuCount)} SKUs, ${integer(stockEntries)} stock entries; ` +
      `built in ${integer(performance.now() - generationStarted)} ms`,
  );
  console.log(
    `orders: ${integer(orders.length)} × 10 lines — ` +
      tally(
        orders.map((order) =>
          order.deliveryMethod === "SHIPPING" ? `SHIPPING/${order.serviceLevel}` : order.deliveryMethod,
        ),
      ),
  );

  const prepareStarted = performance.now();
  const index = prepareNetwork(locations, NATIONAL_RULES);
  const prepareMillis = performance.now() - prepareStarted;
  console.log(
    `index: prepared once in ${integer(prepareMillis)} ms; ${megabytes(indexFootprintBytes(index))} of typed arrays`,
  );

  const routeIndexed = (order: RoutingOrder): RoutingDecision => routeWithIndex(index, order);
  // One untimed pass first, as a long-running service would be warm.
  for (const order of orders) routeIndexed(order);
  const engine = measure(orders, routeIndexed, true);
  console.log(describe("engine:", orders.length, engine));

  const compared = orders.slice(0, BASELINE_ORDERS);
  const routeNaively = (order: RoutingOrder): RoutingDecision =>
    routeOrderBaseline({ order, locations, rules: NATIONAL_RULES });
  for (const order of compared.slice(0, 50)) routeNaively(order);
  const baseline = measure(compared, routeNaively, false);
  console.log(describe("baseline:", compared.length, baseline));

  const outcomes = engine.decisions.map((decision) => decision.status);
  const flags = engine.decisions.flatMap((decision) => decision.flags);
  console.log(
    `outcomes: ${tally(outcomes)}; flags per order: ${[...new Set(flags)]
      .sort()
      .map((flag) => `${flag} ${percent(flags.filter((f) => f === flag).length, orders.length)}`)
      .join(", ")}`,
  );

  // Beyond the timed sample, the baseline also routes (untimed) the orders whose decisions took the
  // rarer paths, so those are compared too.
  const rarePaths = orders
    .map((order, n) => ({ order, decision: engine.decisions[n]! }))
    .slice(BASELINE_ORDERS)
    .filter(({ decision }) => decision.status !== "ROUTED" || decision.flags.includes("OUTSIDE_RADIUS"))
    .slice(0, RARE_PATH_ORDERS);
  const pairs = [
    ...compared.map((order, n) => ({ order, expected: baseline.decisions[n]!, actual: engine.decisions[n]! })),
    ...rarePaths.map(({ order, decision }) => ({ order, expected: routeNaively(order), actual: decision })),
  ];
  let differing = 0;
  for (const { order, expected, actual } of pairs) {
    if (JSON.stringify(expected) === JSON.stringify(actual)) continue;
    differing++;
    if (differing <= 3) console.error(`decision differs for order ${order.id}`);
  }
  console.log(
    `identical decisions: ${integer(pairs.length - differing)} of ${integer(pairs.length)} orders routed by both ` +
      `(the ${integer(compared.length)} timed, plus ${integer(rarePaths.length)} later ones that split, failed or left the radius; ` +
      `whole decision JSON, trace included)`,
  );

  const ratio = engine.perSecond / baseline.perSecond;
  console.log(`routing: ${Math.round(engine.perSecond)} decisions/s, ${ratio.toFixed(1)}x the baseline`);
  return differing === 0 ? 0 : 1;
}

process.exitCode = main();

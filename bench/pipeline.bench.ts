// npx tsx bench/pipeline.bench.ts — the whole pipeline against the local emulator at Plus rate
// limits, in one process: webhook ingest latency at a sustained rate, then orders placed in the
// emulator and routed by the app's workers, end to end (decision taken, fulfilment orders moved).
import type { RunningEmulator } from "../dev/emulator/server";
import { CHICAGO_ADDRESSES } from "../dev/emulator/demo-addresses";
import type { PlaceOrderInput } from "../dev/emulator/shopify/orders";
import type { FetchFunction } from "../dev/emulator/vendors/http-types";
import { requireNumericId } from "../app/domain/shopify-ids";
import { startTestEmulator } from "../tests/support/emulator";
import { installShop, mirrorInventory, webhookAction } from "../tests/support/routing-app";
import { TEST_APP, webhookRequest } from "../tests/support/shopify-app";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { runAtRate } from "./pipeline-pacer";
import { formatMs, LatencySamples } from "./pipeline-stats";
import { setBenchAppEnvironment } from "./app-environment";

const INGEST_PER_SECOND = 200;
const INGEST_DURATION_MS = 10_000;
/** Ingest runs this long before the measured window, so it measures a warm process, as in service. */
const INGEST_WARM_UP_MS = 3_000;
const ORDERS_PER_SECOND = 20;
const ORDERS_DURATION_MS = 10_000;
const SETTLE_TIMEOUT_MS = 20_000;
const SETTLE_POLL_MS = 100;
/** The whole run must end by then, whatever happens. */
const WATCHDOG_MS = 120_000;

/** Handler latency of every webhook the app's routes answered, and the answers that were not 200. */
class WebhookIngest {
  samples = new LatencySamples();
  failures = 0;

  /** Hands the request to the app's route action in-process, timing the action alone. */
  readonly deliver: FetchFunction = async (input, init) => {
    const action = await webhookAction(new URL(input).pathname);
    if (!action) return new Response(null, { status: 404 });
    const request = new Request(input, init);
    const startedAt = performance.now();
    const response = await action({ request, params: {}, context: {} });
    this.samples.add(performance.now() - startedAt);
    if (response.status !== 200) this.failures += 1;
    return response;
  };

  /** Starts a new measurement window. */
  reset(): void {
    this.samples = new LatencySamples();
    this.failures = 0;
  }
}

/** A small deterministic generator, so every run places the same orders. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Shipping, pickup and same-day orders of the chicago scenario's stocked SKUs, to its shoppers' addresses. */
function orderMaker(emulator: RunningEmulator): (index: number) => PlaceOrderInput {
  const random = seededRandom(20_260_427);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const stockBySku = new Map<string, number>();
  for (const stock of emulator.scenario.inventory) {
    stockBySku.set(stock.sku, (stockBySku.get(stock.sku) ?? 0) + stock.available);
  }
  const skus = [...stockBySku].filter(([, available]) => available >= 50).map(([sku]) => sku);
  const pickupStores = emulator.scenario.locations.filter(
    (location) => location.kind === "STORE" && location.isActive && location.pickupEnabled,
  );
  // Shoppers in the metro area (the far-away demo address is left out).
  const addresses = CHICAGO_ADDRESSES.filter((address) => address.provinceCode === "IL");
  const methods: PlaceOrderInput["deliveryMethod"][] = ["SHIPPING", "SHIPPING", "PICK_UP", "LOCAL_DELIVERY"];

  return (index) => {
    const deliveryMethod = methods[index % methods.length]!;
    const lineCount = random() < 0.3 ? 2 : 1;
    const lineSkus = new Set(Array.from({ length: lineCount }, () => pick(skus)));
    const lines = [...lineSkus].map((sku) => ({ sku, quantity: 1 }));
    const customer = { email: `bench-shopper-${index}@example.com` };
    if (deliveryMethod === "PICK_UP") {
      return { lines, deliveryMethod, pickupLocationId: pick(pickupStores).id, customer };
    }
    const { label: _label, ...shippingAddress } = pick(addresses);
    return {
      lines,
      deliveryMethod,
      shippingAddress,
      shippingLineTitle: deliveryMethod === "LOCAL_DELIVERY" ? "Local Delivery" : "Standard",
      customer,
    };
  };
}

async function main(): Promise<void> {
  const ingest = new WebhookIngest();
  let database: BenchDatabase | undefined;
  let emulator: RunningEmulator | undefined;
  let stopJobQueue: (() => Promise<void>) | undefined;
  let disconnectPrisma: (() => Promise<void>) | undefined;
  try {
    const setupStartedAt = performance.now();
    database = await startBenchDatabase();
    emulator = await startTestEmulator(ingest.deliver);
    setBenchAppEnvironment(database.url, emulator.url);
    const shop = emulator.shop;

    // The app reads its environment on first import: every app module is imported from here on.
    const { prisma } = await import("~/db.server");
    disconnectPrisma = () => prisma.$disconnect();
    ({ stopJobQueue } = await import("~/jobs/jobs.server"));
    const { startWorkers } = await import("~/worker.server");
    const boss = await installShop(emulator);
    await mirrorInventory(emulator);
    await startWorkers(boss);
    await emulator.webhooks.idle();
    const mirrored = await prisma.inventoryLevel.count({ where: { shop } });
    console.log(
      `setup: postgres, emulator (chicago, Plus limits), token exchange, full sync of ${mirrored} levels, workers — ${formatMs(performance.now() - setupStartedAt)} ms`,
    );

    // Ingest: signed inventory_levels/update deliveries, each carrying the emulator's own current
    // level (so the mirror stays true for the routing phase), straight into the route action.
    const inventoryItemBySku = new Map(
      emulator.scenario.products.flatMap((product) =>
        product.variants.map((variant) => [variant.sku, variant.inventoryItemId] as const),
      ),
    );
    const levels = emulator.scenario.inventory;
    const running = emulator;
    let delivered = 0;
    const deliverLevelUpdate = async () => {
      const level = levels[delivered++ % levels.length]!;
      const body = JSON.stringify({
        inventory_item_id: inventoryItemBySku.get(level.sku),
        location_id: level.locationId,
        available: running.shopify.inventoryOf(shop, level.locationId, level.sku)?.available ?? 0,
        updated_at: new Date().toISOString(),
      });
      const path = "/webhooks/inventory_levels/update";
      const request = webhookRequest(path, { topic: "inventory_levels/update", shop, body });
      await ingest.deliver(`${TEST_APP.appUrl}${path}`, {
        method: "POST",
        headers: request.headers,
        body,
      });
    };
    ingest.reset();
    await runAtRate(INGEST_PER_SECOND, INGEST_WARM_UP_MS, deliverLevelUpdate);
    console.log(
      `warm-up: ${ingest.samples.count} webhooks in ${INGEST_WARM_UP_MS} ms, not counted; ` +
        `handler p50 ${formatMs(ingest.samples.percentile(0.5))} ms, p99 ${formatMs(ingest.samples.percentile(0.99))} ms`,
    );
    ingest.reset();
    const ingestRun = await runAtRate(INGEST_PER_SECOND, INGEST_DURATION_MS, deliverLevelUpdate);
    const ingestSamples = ingest.samples;
    const ingestP99 = ingestSamples.percentile(0.99);
    console.log(
      `ingest: ${ingestSamples.count} inventory_levels/update webhooks in ${formatMs(ingestRun.elapsedMs)} ms ` +
        `(${((ingestRun.started * 1000) / ingestRun.elapsedMs).toFixed(0)}/s offered), ${ingest.failures} not 200; ` +
        `handler p50 ${formatMs(ingestSamples.percentile(0.5))} ms, p99 ${formatMs(ingestP99)} ms, max ${formatMs(ingestSamples.max())} ms`,
    );

    // Routing: orders placed in the emulator; its webhooks reach the app, the workers route and move.
    ingest.reset();
    const nextOrder = orderMaker(emulator);
    const placedAt = new Map<string, number>();
    const placeFailures: string[] = [];
    const ordersRun = await runAtRate(ORDERS_PER_SECOND, ORDERS_DURATION_MS, async (index) => {
      try {
        const order = running.shopify.placeOrder(shop, nextOrder(index));
        placedAt.set(requireNumericId(order.id, "Order"), Date.now());
      } catch (error) {
        placeFailures.push(error instanceof Error ? error.message : String(error));
      }
    });
    const orderIds = [...placedAt.keys()];
    const settleDeadline = Date.now() + SETTLE_TIMEOUT_MS;
    let settled = 0;
    while (Date.now() < settleDeadline) {
      settled = await prisma.routingDecision.count({
        where: { shop, orderId: { in: orderIds }, moveStatus: { in: ["DONE", "NONE", "FAILED"] } },
      });
      if (settled === orderIds.length) break;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }

    const decisions = await prisma.routingDecision.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { orderId: true, status: true, moveStatus: true, updatedAt: true, costRequested: true, costActual: true },
    });
    const moves = await prisma.fulfillmentMove.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { orderId: true, status: true, updatedAt: true },
    });
    const lastMoveAt = new Map<string, number>();
    for (const move of moves) {
      lastMoveAt.set(move.orderId, Math.max(lastMoveAt.get(move.orderId) ?? 0, move.updatedAt.getTime()));
    }
    const done = decisions.filter((decision) => decision.moveStatus === "DONE" || decision.moveStatus === "NONE");
    const routed = decisions.filter((decision) => decision.status === "ROUTED" || decision.status === "SPLIT");
    const orderToMoved = new LatencySamples();
    let lastDoneAt = 0;
    for (const decision of done) {
      const finishedAt = Math.max(decision.updatedAt.getTime(), lastMoveAt.get(decision.orderId) ?? 0);
      orderToMoved.add(finishedAt - placedAt.get(decision.orderId)!);
      lastDoneAt = Math.max(lastDoneAt, finishedAt);
    }
    // Orders still unsettled at the deadline count as taking that long, so p95 is a lower bound then.
    const settledIds = new Set(done.map((decision) => decision.orderId));
    const stoppedWaitingAt = Date.now();
    for (const [orderId, at] of placedAt) if (!settledIds.has(orderId)) orderToMoved.add(stoppedWaitingAt - at);
    const firstPlacedAt = Math.min(...placedAt.values());
    const routedPerSecond = done.length === 0 ? 0 : (done.length * 1000) / (lastDoneAt - firstPlacedAt);
    const countBy = (values: readonly string[]) =>
      [...values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>())]
        .map(([value, count]) => `${value} ${count}`)
        .join(", ");
    const costRequested = decisions.reduce((sum, decision) => sum + decision.costRequested, 0);
    const costActual = decisions.reduce((sum, decision) => sum + decision.costActual, 0);
    const perRoutedOrder = (points: number) => (routed.length === 0 ? 0 : points / routed.length);

    console.log(
      `routing: ${orderIds.length} orders placed in ${formatMs(ordersRun.elapsedMs)} ms ` +
        `(${((orderIds.length * 1000) / ordersRun.elapsedMs).toFixed(1)}/s), ${placeFailures.length} refused by the emulator; ` +
        `${decisions.length} decisions (${countBy(decisions.map((decision) => decision.status))}), ` +
        `moves ${countBy(decisions.map((decision) => decision.moveStatus))}; ` +
        `fulfilment-order moves ${countBy(moves.map((move) => move.status))}`,
    );
    if (done.length < orderIds.length) {
      console.log(
        `routing: ${orderIds.length - done.length} orders not DONE/NONE after ${SETTLE_TIMEOUT_MS} ms; ` +
          `counted at the deadline, so order-to-moved figures are lower bounds`,
      );
    }
    console.log(
      `routing: ${routedPerSecond.toFixed(1)} orders routed end to end per second; ` +
        `order-to-moved p50 ${formatMs(orderToMoved.percentile(0.5))} ms, p95 ${formatMs(orderToMoved.percentile(0.95))} ms, max ${formatMs(orderToMoved.max())} ms`,
    );
    console.log(
      `routing: emulator-delivered webhooks ${ingest.samples.count}, ${ingest.failures} not 200; ` +
        `handler p50 ${formatMs(ingest.samples.percentile(0.5))} ms, p99 ${formatMs(ingest.samples.percentile(0.99))} ms`,
    );
    console.log(
      `cost: Admin API points per routed order (${routed.length} routed): requested ${perRoutedOrder(costRequested).toFixed(1)}, ` +
        `actual ${perRoutedOrder(costActual).toFixed(1)} (the last line uses requested)`,
    );
    console.log(
      `pipeline: p99 ${ingestP99.toFixed(0)} ms ingest, p95 ${orderToMoved.percentile(0.95).toFixed(0)} ms order-to-moved, ` +
        `${perRoutedOrder(costRequested).toFixed(1)} points/order`,
    );
  } finally {
    await stopJobQueue?.().catch((error: unknown) => console.error("stopping the job queue:", error));
    await emulator?.close().catch((error: unknown) => console.error("closing the emulator:", error));
    await disconnectPrisma?.().catch((error: unknown) => console.error("disconnecting prisma:", error));
    await database?.dispose().catch((error: unknown) => console.error("stopping postgres:", error));
  }
}

const watchdog = setTimeout(() => {
  console.error(`pipeline bench: still running after ${WATCHDOG_MS} ms; giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

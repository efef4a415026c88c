// npx tsx bench/pipeline.bench.ts [chicago|national] — the whole pipeline against the local
// emulator at Plus rate limits. The emulator runs in a process of its own (its CPU is not the
// app's); the app's route actions, job queue and workers run here, as one web-and-worker process.
//
// chicago: webhook ingest at 200/s, then orders at 20/s routed end to end (decision taken,
// fulfilment orders moved); then each stepped up until its aim fails, for `capacity:`. The last
// line is the 200/s and 20/s figures. national: the full inventory sync, then routing stepped up.
// CPU figures are per unit of work: the app's (this web process, less what the in-process load
// generator costs, plus the worker processes), and apart from it the emulator's and PostgreSQL's.
//
// PIPELINE_ONLY=ingest runs the ingest windows alone (PIPELINE_ONLY=routing the routing ones);
// BENCH_PROFILE=<file>.cpuprofile writes a CPU profile of the 200/s ingest window (bench/window-profile.ts),
// BENCH_PROFILE_ROUTING one of the 20/s routing window; PIPELINE_WORKER_CPU_PROFILE=<dir> and
// PIPELINE_EMULATOR_CPU_PROFILE=<dir> write the worker processes' and the emulator's, whole runs.
import { requireNumericId } from "../app/domain/shopify-ids";
import { installShop, webhookAction } from "../tests/support/routing-app";
import { webhookRequest } from "../tests/support/shopify-app";
import { setBenchAppEnvironment, loadAverage } from "./app-environment";
import { listenForWebhooks, runFullSyncAsItsJobWould, type WebhookListener } from "./pipeline-app";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { EmulatorProcess, type StockLevel } from "./pipeline-emulator";
import { AppCpu, startWorkerProcesses, stopWorkerProcesses } from "./process-cpu";
import { runAtRate } from "./pipeline-pacer";
import { formatMs, LatencySamples } from "./pipeline-stats";
import { profileWindow } from "./window-profile";
import { runBench } from "./run-bench";

const INGEST_AIM_P99_MS = 50;
const ROUTING_AIM_P95_MS = 1000;
/** The last line's rates, as the pipeline issue first measured them. */
const LAST_LINE = { webhooksPerSecond: 200, ordersPerSecond: 20 };
const INGEST_WINDOW_MS = 10_000;
/** Ingest runs this long before each measured window, so it measures a warm process, as in service. */
const INGEST_WARM_UP_MS = 2_000;
/**
 * PIPELINE_INGEST_RATES (e.g. `700,1000`) runs those rates instead, each whatever the one before
 * showed: the CPU per webhook at a rate, on a machine too busy for the aim to hold below it.
 */
const INGEST_RATES_OVERRIDE = process.env.PIPELINE_INGEST_RATES?.split(",")
  .map(Number)
  .filter((rate) => rate > 0);
const INGEST_STEPS = INGEST_RATES_OVERRIDE ?? [400, 700, 1000, 1300, 1600, 2000, 2500, 3000];
const INGEST_STEP_MS = 5_000;
const ORDERS_WINDOW_MS = 10_000;
const ROUTING_STEPS = {
  chicago: [30, 50, 70, 100, 130],
  national: [5, 10, 20, 30, 40, 60, 80, 100],
} as const;
const ROUTING_STEP_MS = 6_000;
/**
 * Untimed orders before the first routing window, as in service: the worker process's first
 * orders compile its code paths and each connection prepares its statements (decision 034), once
 * per process. National's first decisions also read and index its 2,010 locations.
 */
const ROUTING_WARM_UP = {
  chicago: { ordersPerSecond: 10, durationMs: 3_000 },
  national: { ordersPerSecond: 2, durationMs: 5_000 },
} as const;
const SETTLE_TIMEOUT_MS = 20_000;
const SETTLE_POLL_MS = 100;
/**
 * Job workers in processes of their own (`npm run worker`), beside this one serving webhooks, as
 * docs/operations.md deploys them; 0 runs them in this process. PIPELINE_WORKER_PROCESSES overrides.
 */
const WORKER_PROCESSES = Math.max(0, Number(process.env.PIPELINE_WORKER_PROCESSES ?? 1) || 0);
/** Which kinds of load run: both unless PIPELINE_ONLY names one. */
const ONLY = process.env.PIPELINE_ONLY ?? "";
if (ONLY !== "" && ONLY !== "ingest" && ONLY !== "routing") {
  console.error("PIPELINE_ONLY is ingest or routing");
  process.exit(2);
}
const RUN_INGEST = ONLY !== "routing";
const RUN_ROUTING = ONLY !== "ingest";
/** The whole run must end by then, whatever happens. */
const WATCHDOG_MS = 10 * 60_000;

type Scale = "chicago" | "national";

/** Handler latency of every webhook the app's routes answered, and the answers that were not 200. */
class WebhookIngest {
  samples = new LatencySamples();
  failures = 0;

  /** Hands the request to the app's route action in-process, timing the action alone. */
  async deliver(request: Request): Promise<Response> {
    const action = await webhookAction(new URL(request.url).pathname);
    if (!action) return new Response(null, { status: 404 });
    const startedAt = performance.now();
    const response = await action({ request, params: {}, context: {} });
    this.samples.add(performance.now() - startedAt);
    if (response.status !== 200) this.failures += 1;
    return response;
  }

  /** Starts a new measurement window. */
  reset(): void {
    this.samples = new LatencySamples();
    this.failures = 0;
  }
}

interface IngestWindow {
  rate: number;
  count: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  /** The app's: this process less the load generator, plus the worker processes. */
  cpuMsPerWebhook: number;
  webCpuMsPerWebhook: number;
  generatorCpuMsPerWebhook: number;
  workersCpuMsPerWebhook: number;
  databaseCpuMsPerWebhook: number;
  holds: boolean;
}

interface RoutingWindow {
  rate: number;
  placed: number;
  refused: number;
  settled: number;
  routedPerSecond: number;
  p50: number;
  p95: number;
  max: number;
  cpuMsPerOrder: number;
  emulatorCpuMsPerOrder: number;
  /** Of the app's, what the web process spent (webhooks); the rest is the workers'. */
  webCpuMsPerOrder: number;
  databaseCpuMsPerOrder: number;
  pointsPerOrder: number;
  statuses: string;
  /** Where the time went, stage by stage (routingStages). */
  stages: string;
  holds: boolean;
}

const countBy = (values: readonly string[]) =>
  [...values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>())]
    .map(([value, count]) => `${value} ${count}`)
    .join(", ");

async function main(scale: Scale): Promise<void> {
  const ingest = new WebhookIngest();
  let database: BenchDatabase | undefined;
  let emulator: EmulatorProcess | undefined;
  let listener: WebhookListener | undefined;
  let stopJobQueue: (() => Promise<void>) | undefined;
  let workers: Awaited<ReturnType<typeof startWorkerProcesses>> = [];
  let disconnectPrisma: (() => Promise<void>) | undefined;
  try {
    const setupStartedAt = performance.now();
    database = await startBenchDatabase();
    listener = await listenForWebhooks((request) => ingest.deliver(request));
    emulator = await EmulatorProcess.start(scale, listener.url);
    setBenchAppEnvironment(database.url, emulator.scenario.url);
    const { shop } = emulator.scenario;
    const running = emulator;

    // The app reads its environment on first import: every app module is imported from here on.
    const { prisma } = await import("~/db.server");
    disconnectPrisma = () => prisma.$disconnect();
    ({ stopJobQueue } = await import("~/jobs/jobs.server"));
    const { startWorkers } = await import("~/worker.server");
    const boss = await installShop({ shop });
    await running.webhooksIdle();
    const syncStartedAt = performance.now();
    const appCpu = new AppCpu(() => workers.map((worker) => worker.pid!), emulator.pid, database.postmasterPid);
    const syncCpu = appCpu.read();
    await runFullSyncAsItsJobWould(shop);
    const syncMs = performance.now() - syncStartedAt;
    const syncCpuMs = appCpu.since(syncCpu).app;
    if (WORKER_PROCESSES > 0) workers = await startWorkerProcesses(WORKER_PROCESSES);
    else await startWorkers(boss);
    await running.webhooksIdle();
    const mirrored = await prisma.inventoryLevel.count({ where: { shop } });
    console.log(
      `setup (${scale}: ${emulator.scenario.locations} locations, ${emulator.scenario.stockLines} stock lines, Plus limits, ` +
        `emulator in its own process, ${WORKER_PROCESSES > 0 ? `${WORKER_PROCESSES} worker process(es) beside this web one` : "workers in this process"}): full inventory sync of ${mirrored} levels in ${formatMs(syncMs)} ms ` +
        `(${formatMs(syncCpuMs)} ms CPU here); all set up in ${formatMs(performance.now() - setupStartedAt)} ms`,
    );

    /** Signed inventory_levels/update deliveries, made before a window so signing is not timed. */
    let levels: StockLevel[] = [];
    let delivered = 0;
    const signedLevelUpdates = (count: number) =>
      Array.from({ length: count }, () => {
        const level = levels[delivered++ % levels.length]!;
        const body = JSON.stringify({
          inventory_item_id: level.inventoryItemId,
          location_id: level.locationId,
          available: level.available,
          updated_at: new Date().toISOString(),
        });
        const path = "/webhooks/inventory_levels/update";
        return webhookRequest(path, { topic: "inventory_levels/update", shop, body });
      });

    /**
     * What the load generator itself costs this process per call at `rate` (the pacer's timer ticks,
     * the call, its promise): the same pacing with a delivery that does nothing, measured once per
     * rate. Deliveries are signed and built before a window, so this is all of it inside one.
     */
    const generatorCost = new Map<number, number>();
    const generatorCpuMsPerCall = async (rate: number): Promise<number> => {
      let cost = generatorCost.get(rate);
      if (cost === undefined) {
        const before = process.cpuUsage();
        const { started } = await runAtRate(rate, 1_000, async () => undefined);
        const used = process.cpuUsage(before);
        cost = (used.user + used.system) / 1000 / Math.max(1, started);
        generatorCost.set(rate, cost);
      }
      return cost;
    };

    /** One ingest window at `rate`, after a warm-up at the same rate. */
    const ingestWindow = async (
      rate: number,
      windowMs: number,
      warmUpMs: number,
      profile = false,
    ): Promise<IngestWindow> => {
      const generatorCpuMsPerWebhook = await generatorCpuMsPerCall(rate);
      // Each carries the emulator's own current level, so the mirror stays true for routing.
      levels = await running.levels();
      const warmUp = signedLevelUpdates(Math.round((rate * warmUpMs) / 1000));
      await runAtRate(rate, warmUpMs, async (index) => void (await ingest.deliver(warmUp[index]!)));
      const requests = signedLevelUpdates(Math.round((rate * windowMs) / 1000));
      ingest.reset();
      const measure = async () => {
        const cpu = appCpu.read();
        await runAtRate(rate, windowMs, async (index) => void (await ingest.deliver(requests[index]!)));
        return appCpu.since(cpu);
      };
      const cpuMs = await (profile ? profileWindow(`ingest at ${rate}/s`, measure) : measure());
      const { samples, failures } = ingest;
      const p99 = samples.percentile(0.99);
      const perWebhook = (ms: number) => ms / Math.max(1, samples.count);
      const webCpuMsPerWebhook = Math.max(0, perWebhook(cpuMs.web) - generatorCpuMsPerWebhook);
      return {
        rate,
        count: samples.count,
        failures,
        p50: samples.percentile(0.5),
        p99,
        max: samples.max(),
        cpuMsPerWebhook: webCpuMsPerWebhook + perWebhook(cpuMs.workers),
        webCpuMsPerWebhook,
        generatorCpuMsPerWebhook,
        workersCpuMsPerWebhook: perWebhook(cpuMs.workers),
        databaseCpuMsPerWebhook: perWebhook(cpuMs.database),
        holds: p99 <= INGEST_AIM_P99_MS && failures === 0 && samples.count === requests.length,
      };
    };
    const describeIngest = (window: IngestWindow) =>
      `${window.count} inventory_levels/update webhooks at ${window.rate}/s, ${window.failures} not 200; ` +
      `handler p50 ${formatMs(window.p50)} ms, p99 ${formatMs(window.p99)} ms, max ${formatMs(window.max)} ms; ` +
      `${window.cpuMsPerWebhook.toFixed(2)} ms app CPU per webhook (web ${window.webCpuMsPerWebhook.toFixed(2)}, ` +
      `workers ${window.workersCpuMsPerWebhook.toFixed(2)}; the load generator's ${window.generatorCpuMsPerWebhook.toFixed(2)} ms left out), ` +
      `PostgreSQL ${window.databaseCpuMsPerWebhook.toFixed(2)} ms (load ${loadAverage().toFixed(2)})`;

    let orderIndex = 0;
    /** Orders placed at `rate` for `durationMs`, waited for until routed and moved (or the deadline). */
    /** Waits (up to a limit) until no job is due or running, so one window's tail is not the next one's load. */
    const jobsSettled = async () => {
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      await running.webhooksIdle();
      while (Date.now() < deadline) {
        const [row] = await prisma.$queryRaw<{ busy: number }[]>`
          SELECT count(*)::int AS "busy" FROM pgboss.job
           WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`;
        if (row?.busy === 0) return;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      }
    };

    /**
     * Where an order's time went, from pg-boss's own timestamps, for the jobs queued since the window
     * began: the trigger's job (finds the order and routes it when no other run holds it, decision
     * 043), how long it waited for a worker and ran; and the routing jobs queued behind a busy order.
     */
    const routingStages = async (since: number): Promise<string> => {
      const rows = await prisma.$queryRaw<
        { name: string; createdOn: Date; startedOn: Date | null; completedOn: Date | null }[]
      >`
        SELECT name, created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn"
          FROM pgboss.job
         WHERE name IN ('routing.route-order', 'routing.resolve-trigger') AND created_on >= ${new Date(since)}`;
      const waits = { "routing.route-order": new LatencySamples(), "routing.resolve-trigger": new LatencySamples() };
      const runs = { "routing.route-order": new LatencySamples(), "routing.resolve-trigger": new LatencySamples() };
      for (const row of rows) {
        const name = row.name as keyof typeof waits;
        if (row.startedOn) waits[name].add(row.startedOn.getTime() - row.createdOn.getTime());
        if (row.startedOn && row.completedOn) runs[name].add(row.completedOn.getTime() - row.startedOn.getTime());
      }
      const pair = (samples: LatencySamples) =>
        samples.count === 0 ? "-" : `${formatMs(samples.percentile(0.5))}/${formatMs(samples.percentile(0.95))}`;
      const queuedBehind = rows.filter((row) => row.name === "routing.route-order").length;
      // Store-task syncs that read the fulfilment order from Shopify (not the one queued when Shopify
      // assigned it, which routing cancels once it has moved or kept the fulfilment order): decisions 042, 045, 051.
      const [syncs] = await prisma.$queryRaw<{ reading: number; afterRouting: number; cancelled: number }[]>`
        SELECT count(*) FILTER (WHERE data->>'unlessRouted' IS NULL)::int AS "reading",
               count(*) FILTER (WHERE data->>'unlessRouted' = 'true')::int AS "afterRouting",
               count(*) FILTER (WHERE data->>'unlessRouted' = 'true' AND state = 'cancelled')::int AS "cancelled"
          FROM pgboss.job
         WHERE name = 'store-tasks.sync-fulfillment-order' AND created_on >= ${new Date(since)}`;
      return (
        `trigger job (routes the order) waits ${pair(waits["routing.resolve-trigger"])}, runs ${pair(runs["routing.resolve-trigger"])}; ` +
        `${queuedBehind} routing job(s) queued behind a busy order, waits ${pair(waits["routing.route-order"])}, ` +
        `runs ${pair(runs["routing.route-order"])}; store-task syncs queued: ${syncs?.reading ?? 0} to read Shopify, ` +
        `${syncs?.afterRouting ?? 0} after routing's turn (${syncs?.cancelled ?? 0} of them cancelled by routing)`
      );
    };

    const routingWindow = async (rate: number, durationMs: number): Promise<RoutingWindow> => {
      await jobsSettled();
      ingest.reset();
      const placedAt = new Map<string, number>();
      let refused = 0;
      const placeAndSettle = async () => {
        const cpu = appCpu.read();
        await runAtRate(rate, durationMs, async () => {
          const placed = await running.placeOrder(orderIndex++);
          if ("orderId" in placed) placedAt.set(requireNumericId(placed.orderId, "Order"), Date.now());
          else refused += 1;
        });
        const orderIds = [...placedAt.keys()];
        const settleDeadline = Date.now() + SETTLE_TIMEOUT_MS;
        while (Date.now() < settleDeadline) {
          const settled = await prisma.routingDecision.count({
            where: { shop, orderId: { in: orderIds }, moveStatus: { in: ["DONE", "NONE", "FAILED"] } },
          });
          if (settled === orderIds.length) break;
          await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
        }
        return appCpu.since(cpu);
      };
      // The last line's window is profiled too (BENCH_PROFILE_ROUTING; the workers' share only when
      // they run in this process, PIPELINE_WORKER_PROCESSES=0).
      const cpuMs =
        rate === LAST_LINE.ordersPerSecond
          ? await profileWindow(`routing at ${rate}/s`, placeAndSettle, process.env.BENCH_PROFILE_ROUTING)
          : await placeAndSettle();
      const orderIds = [...placedAt.keys()];

      const decisions = await prisma.routingDecision.findMany({
        where: { shop, orderId: { in: orderIds } },
        select: { orderId: true, status: true, moveStatus: true, updatedAt: true, costRequested: true },
      });
      const moves = await prisma.fulfillmentMove.findMany({
        where: { shop, orderId: { in: orderIds } },
        select: { orderId: true, updatedAt: true },
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
      // Orders unsettled at the deadline count as taking that long, so p95 is a lower bound then.
      const settledIds = new Set(done.map((decision) => decision.orderId));
      const stoppedWaitingAt = Date.now();
      for (const [orderId, at] of placedAt) if (!settledIds.has(orderId)) orderToMoved.add(stoppedWaitingAt - at);
      const firstPlacedAt = Math.min(...placedAt.values());
      const p95 = orderToMoved.percentile(0.95);
      const stages = await routingStages(firstPlacedAt);
      const pointsRequested = decisions.reduce((sum, decision) => sum + decision.costRequested, 0);
      return {
        rate,
        placed: orderIds.length,
        refused,
        settled: done.length,
        routedPerSecond: done.length === 0 ? 0 : (done.length * 1000) / (lastDoneAt - firstPlacedAt),
        p50: orderToMoved.percentile(0.5),
        p95,
        max: orderToMoved.max(),
        cpuMsPerOrder: cpuMs.app / Math.max(1, done.length),
        webCpuMsPerOrder: cpuMs.web / Math.max(1, done.length),
        databaseCpuMsPerOrder: cpuMs.database / Math.max(1, done.length),
        emulatorCpuMsPerOrder: cpuMs.emulator / Math.max(1, done.length),
        pointsPerOrder: routed.length === 0 ? 0 : pointsRequested / routed.length,
        stages,
        statuses: `decisions ${countBy(decisions.map((decision) => decision.status))}; moves ${countBy(decisions.map((decision) => decision.moveStatus))}`,
        holds: p95 <= ROUTING_AIM_P95_MS && done.length === orderIds.length && orderIds.length > 0,
      };
    };
    const describeRouting = (window: RoutingWindow) =>
      `${window.placed} orders at ${window.rate}/s (${window.refused} refused by the emulator), ` +
      `${window.settled} routed and moved, ${window.routedPerSecond.toFixed(1)}/s; order-to-moved p50 ${formatMs(window.p50)} ms, ` +
      `p95 ${formatMs(window.p95)} ms, max ${formatMs(window.max)} ms; ${window.cpuMsPerOrder.toFixed(1)} ms app CPU per order ` +
      `(webhooks ${window.webCpuMsPerOrder.toFixed(1)}, workers ${(window.cpuMsPerOrder - window.webCpuMsPerOrder).toFixed(1)}; ` +
      `PostgreSQL ${window.databaseCpuMsPerOrder.toFixed(1)} ms, the emulator ${window.emulatorCpuMsPerOrder.toFixed(1)} ms), ${window.pointsPerOrder.toFixed(1)} points per order (load ${loadAverage().toFixed(2)}); ${window.statuses}\n  where the time went (p50/p95 ms): ${window.stages}`;

    /** Steps `rates` up until the aim fails; the highest rate at which it held (`held` before the steps). */
    const stepUp = async <Window extends { rate: number; holds: boolean }>(
      label: string,
      held: number,
      rates: readonly number[],
      run: (rate: number) => Promise<Window>,
      describe: (window: Window) => string,
      pastFailure = false,
      withoutLastLine = false,
    ): Promise<number> => {
      let capacity = held;
      // Capacity counts only rates reached without a failure, from the last line's rate up (from
      // the first step when there is no last line, as at national).
      let failed = held === 0 && !withoutLastLine;
      for (const rate of rates) {
        const window = await run(rate);
        console.log(`${label} step: ${describe(window)} — aim ${window.holds ? "holds" : "fails"}`);
        if (!window.holds) failed = true;
        if (failed && !pastFailure) break;
        if (!failed) capacity = rate;
      }
      return capacity;
    };

    const warmUpRouting = async () => {
      const { ordersPerSecond, durationMs } = ROUTING_WARM_UP[scale];
      const warmUp = await routingWindow(ordersPerSecond, durationMs);
      console.log(`routing warm-up (not measured): ${warmUp.settled} of ${warmUp.placed} orders settled`);
    };

    if (scale === "national") {
      await warmUpRouting();
      const capacity = await stepUp(
        "routing",
        0,
        ROUTING_STEPS.national,
        (rate) => routingWindow(rate, ROUTING_STEP_MS),
        describeRouting,
        false,
        true,
      );
      console.log(`capacity (national): ${capacity} orders/s with order-to-moved p95 ≤ ${ROUTING_AIM_P95_MS} ms`);
      return;
    }

    // Each kind of load stepped up from the last line's rate when its aim holds there (otherwise its
    // capacity is below it), ingest first: a routing window leaves the workers busy for a while after.
    let ingestAtLastLine: IngestWindow | undefined;
    let ingestCapacity = 0;
    if (RUN_INGEST) {
      ingestAtLastLine = await ingestWindow(LAST_LINE.webhooksPerSecond, INGEST_WINDOW_MS, INGEST_WARM_UP_MS, true);
      console.log(`ingest: ${describeIngest(ingestAtLastLine)}`);
      ingestCapacity = await stepUp(
        "ingest",
        ingestAtLastLine.holds ? ingestAtLastLine.rate : 0,
        ingestAtLastLine.holds || INGEST_RATES_OVERRIDE ? INGEST_STEPS : [],
        (rate) => ingestWindow(rate, INGEST_STEP_MS, 1_000),
        describeIngest,
        INGEST_RATES_OVERRIDE !== undefined,
      );
    }
    let routingAtLastLine: RoutingWindow | undefined;
    let routingCapacity = 0;
    if (RUN_ROUTING) {
      await jobsSettled();
      await warmUpRouting();
      await jobsSettled();
      routingAtLastLine = await routingWindow(LAST_LINE.ordersPerSecond, ORDERS_WINDOW_MS);
      console.log(`routing: ${describeRouting(routingAtLastLine)}`);
      routingCapacity = await stepUp(
        "routing",
        routingAtLastLine.holds ? routingAtLastLine.rate : 0,
        routingAtLastLine.holds ? ROUTING_STEPS.chicago : [],
        (rate) => routingWindow(rate, ROUTING_STEP_MS),
        describeRouting,
      );
    }
    const notRun = "not run (PIPELINE_ONLY)";
    console.log(
      `capacity: ${ingestAtLastLine ? ingestCapacity || `below ${LAST_LINE.webhooksPerSecond}` : notRun} webhooks/s, ` +
        `${routingAtLastLine ? routingCapacity || `below ${LAST_LINE.ordersPerSecond}` : notRun} orders/s ` +
        `(ingest p99 ≤ ${INGEST_AIM_P99_MS} ms, order-to-moved p95 ≤ ${ROUTING_AIM_P95_MS} ms); ` +
        `${ingestAtLastLine ? `${ingestAtLastLine.cpuMsPerWebhook.toFixed(2)} ms app CPU per webhook (PostgreSQL ${ingestAtLastLine.databaseCpuMsPerWebhook.toFixed(2)} ms)` : "webhooks not run"}, ` +
        `${routingAtLastLine ? `${routingAtLastLine.cpuMsPerOrder.toFixed(1)} ms CPU per routed order` : "orders not run"}`,
    );
    console.log(
      `pipeline: ${ingestAtLastLine ? `p99 ${ingestAtLastLine.p99.toFixed(0)} ms` : "not run:"} ingest, ` +
        `${routingAtLastLine ? `p95 ${routingAtLastLine.p95.toFixed(0)} ms` : "not run:"} order-to-moved, ` +
        `${routingAtLastLine ? routingAtLastLine.pointsPerOrder.toFixed(1) : "-"} points/order`,
    );
  } finally {
    await stopWorkerProcesses(workers).catch((error: unknown) => console.error("stopping the workers:", error));
    await stopJobQueue?.().catch((error: unknown) => console.error("stopping the job queue:", error));
    await emulator?.close().catch((error: unknown) => console.error("closing the emulator:", error));
    await listener?.close().catch((error: unknown) => console.error("closing the listener:", error));
    await disconnectPrisma?.().catch((error: unknown) => console.error("disconnecting prisma:", error));
    await database?.dispose().catch((error: unknown) => console.error("stopping postgres:", error));
  }
}

const scale = process.argv[2] ?? "chicago";
if (scale !== "chicago" && scale !== "national") {
  console.error("usage: tsx bench/pipeline.bench.ts [chicago|national]");
  process.exit(2);
}

runBench("pipeline", () => main(scale), WATCHDOG_MS);

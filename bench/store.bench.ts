// npx tsx bench/store.bench.ts — one store's POS traffic: 500 open tasks, devices polling their
// queue every 2 s and working their own tasks (scans and transitions), the api.pos route handlers
// called in-process with real POS session tokens. Latency per kind, CPU per request, answers
// that were not 2xx, and the most devices at which both p95 aims hold.
import os from "node:os";
import type { RunningEmulator } from "../dev/emulator/server";
import { startTestEmulator } from "../tests/support/emulator";
import { deliverToApp, installShop, mirrorInventory } from "../tests/support/routing-app";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { formatMs } from "./pipeline-stats";
import { Device, onCadence, PosApi, StoreTraffic } from "./store-devices";
import { countStatements } from "./statement-counter";
import { profileWindow } from "./window-profile";
import { seededRandom, seedOpenTasks } from "./store-seed";
import { loadAverage, setBenchAppEnvironment } from "./app-environment";
import { runBench } from "./run-bench";

const OPEN_TASKS = 500;
/** The run the last line reports. */
const REPORTED_DEVICES = 50;
/** Device counts tried for the capacity, the reported one included. */
const DEVICE_STEPS = [25, 50, 100, 200];
const POLL_EVERY_MS = 2_000;
/**
 * Each device's associate takes one step (a scan or a transition) this often: a brisk pace kept
 * up by every device at once (the pick target of 6 minutes an order is about a step a minute).
 */
const ACT_EVERY_MS = 5_000;
const WARM_UP_MS = 3_000;
const MEASURE_MS = 20_000;
const QUEUE_P95_AIM_MS = 100;
const TRANSITION_P95_AIM_MS = 150;
/** Every fifth device works the shipping list, the others the pick list. */
const SHIP_DEVICE_EVERY = 5;
const WATCHDOG_MS = 600_000;

interface StepResult {
  devices: number;
  traffic: StoreTraffic;
  cpuMsPerRequest: number;
  /** One-minute load average when the window started and ended. */
  load: [number, number];
  windowMs: number;
}

/** Both aims hold for the step: queue reads, and the changes (transitions and scans). */
function holdsAims(result: StepResult): boolean {
  const { samples } = result.traffic;
  return (
    samples.queue.percentile(0.95) <= QUEUE_P95_AIM_MS &&
    samples.transition.percentile(0.95) <= TRANSITION_P95_AIM_MS &&
    samples.scan.percentile(0.95) <= TRANSITION_P95_AIM_MS
  );
}

function describe(result: StepResult): string {
  const { samples, failures, intendedRefusals } = result.traffic;
  const kinds = (["queue", "scan", "transition"] as const)
    .map(
      (kind) =>
        `${kind} ${samples[kind].count} p50 ${formatMs(samples[kind].percentile(0.5))} / p95 ${formatMs(samples[kind].percentile(0.95))} / max ${formatMs(samples[kind].max())} ms`,
    )
    .join("; ");
  const perSecond = (result.traffic.requests * 1000) / result.windowMs;
  return (
    `${result.devices} devices: ${result.traffic.requests} requests (${perSecond.toFixed(1)}/s); ${kinds}; ` +
    `${failures.length} not 2xx besides ${intendedRefusals} intended WRONG_ITEM 409s; ` +
    `app CPU ${result.cpuMsPerRequest.toFixed(2)} ms/request; ` +
    `load average ${result.load[0].toFixed(2)} → ${result.load[1].toFixed(2)} (${os.cpus().length} cores)`
  );
}

/**
 * One device works one order of each kind from start to end, one request at a time, and the
 * statements each request sent are counted: the median per kind.
 */
async function statementsPerRequest(
  shop: string,
  locationId: string,
  products: Parameters<typeof seedOpenTasks>[0]["products"],
  barcodes: readonly string[],
  statementsSent: () => number,
): Promise<string> {
  const tasks = await seedOpenTasks({ shop, locationId, products, count: 5, firstNumber: 6_000_000, now: new Date() });
  const traffic = new StoreTraffic();
  const api = new PosApi(shop, locationId, traffic, statementsSent);
  const device = new Device(api, "4999", "TO_PICK", tasks, barcodes, seededRandom(1));
  for (let step = 0; step < 200 && (await device.act()); step += 1) await device.pollQueue();
  if (traffic.failures.length > 0) throw new Error(`calibration failed: ${traffic.failures.join("; ")}`);
  const median = (kind: keyof typeof traffic.statements) => traffic.statements[kind].percentile(0.5);
  return `statements per request (median, one at a time): queue ${median("queue")}, scan ${median("scan")}, transition ${median("transition")}`;
}

/** `--only-reported` runs the 50-device step alone (for profiling). */
async function main(steps: readonly number[]): Promise<void> {
  let database: BenchDatabase | undefined;
  let emulator: RunningEmulator | undefined;
  let stopJobQueue: (() => Promise<void>) | undefined;
  let disconnectPrisma: (() => Promise<void>) | undefined;
  try {
    const setupStartedAt = performance.now();
    database = await startBenchDatabase();
    emulator = await startTestEmulator(deliverToApp);
    setBenchAppEnvironment(database.url, emulator.url);
    const statementsSent = countStatements();
    const { shop } = emulator;

    // The app reads its environment on first import: every app module is imported from here on.
    const { prisma } = await import("~/db.server");
    disconnectPrisma = () => prisma.$disconnect();
    ({ stopJobQueue } = await import("~/jobs/jobs.server"));
    await installShop(emulator);
    await mirrorInventory(emulator);
    const store = emulator.scenario.locations.find(
      (location) => location.kind === "STORE" && location.isActive && location.pickupEnabled,
    );
    if (!store) throw new Error("The scenario has no active pickup store");
    const locationId = String(store.id);
    const profile = await prisma.locationProfile.findUnique({ where: { shop_locationId: { shop, locationId } } });
    if (profile?.kind !== "STORE") throw new Error(`Location ${locationId} was not synced as a store`);
    const products = emulator.scenario.products;
    const barcodes = products.flatMap((product) => product.variants.map((variant) => variant.barcode));
    console.log(
      `setup: postgres, emulator (chicago), install, locations and inventory synced, store ${store.name} — ${formatMs(performance.now() - setupStartedAt)} ms`,
    );

    let nextNumber = 7_000_000;
    const runStep = async (devices: number): Promise<StepResult> => {
      // Each step starts from the same 500 open tasks.
      await prisma.storeTask.deleteMany({ where: { shop } });
      const seedStartedAt = performance.now();
      const tasks = await seedOpenTasks({
        shop,
        locationId,
        products,
        count: OPEN_TASKS,
        firstNumber: nextNumber,
        now: new Date(),
      });
      nextNumber += OPEN_TASKS;
      // As autovacuum would soon after such a burst of writes: without fresh statistics the
      // planner takes the new tables for empty.
      await prisma.$executeRaw`ANALYZE "StoreTask", "StoreTaskLine", "StoreTaskEvent"`;
      const seedMs = performance.now() - seedStartedAt;
      const traffic = new StoreTraffic();
      const api = new PosApi(shop, locationId, traffic);
      const random = seededRandom(devices);
      const fleet = Array.from(
        { length: devices },
        (_, index) =>
          new Device(
            api,
            String(5_000 + index),
            index % SHIP_DEVICE_EVERY === SHIP_DEVICE_EVERY - 1 ? "TO_SHIP" : "TO_PICK",
            tasks.filter((_, taskIndex) => taskIndex % devices === index),
            barcodes,
            random,
          ),
      );
      const stopAt = Date.now() + WARM_UP_MS + MEASURE_MS;
      const loops = fleet.flatMap((device) => [
        onCadence(POLL_EVERY_MS, stopAt, random, () => device.pollQueue()),
        onCadence(ACT_EVERY_MS, stopAt, random, () => device.act()),
      ]);
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
      traffic.reset();
      const loadAtStart = loadAverage();
      const cpuAtStart = process.cpuUsage();
      const windowStartedAt = performance.now();
      // Only the reported step is profiled (BENCH_PROFILE), so the file shows that load alone.
      await (devices === REPORTED_DEVICES
        ? profileWindow(`${devices} devices`, () => Promise.all(loops))
        : Promise.all(loops));
      const cpu = process.cpuUsage(cpuAtStart);
      const result: StepResult = {
        devices,
        traffic,
        cpuMsPerRequest: traffic.requests === 0 ? 0 : (cpu.user + cpu.system) / 1000 / traffic.requests,
        load: [loadAtStart, loadAverage()],
        windowMs: performance.now() - windowStartedAt,
      };
      console.log(`${describe(result)}; seeded ${OPEN_TASKS} tasks in ${formatMs(seedMs)} ms`);
      for (const failure of traffic.failures.slice(0, 5)) console.log(`  not 2xx: ${failure}`);
      return result;
    };

    console.log(await statementsPerRequest(shop, locationId, products, barcodes, statementsSent));
    const results = new Map<number, StepResult>();
    for (const devices of [REPORTED_DEVICES, ...steps.filter((count) => count !== REPORTED_DEVICES)]) {
      results.set(devices, await runStep(devices));
    }
    const held = steps.filter((devices) => holdsAims(results.get(devices)!));
    const capacity = held.length === 0 ? "none of the steps" : `${Math.max(...held)} devices`;
    console.log(
      `capacity: both p95 aims (queue ≤ ${QUEUE_P95_AIM_MS} ms, transitions and scans ≤ ${TRANSITION_P95_AIM_MS} ms) ` +
        `hold up to ${capacity} of ${steps.join(", ")}`,
    );
    const reported = results.get(REPORTED_DEVICES)!;
    // Answers that were not 2xx fail the run at the reported load; the capacity steps above it
    // are meant to find where the store gives way.
    if (reported.traffic.failures.length > 0) process.exitCode = 1;
    console.log(
      `store: p95 ${reported.traffic.samples.queue.percentile(0.95).toFixed(0)} ms queue, ` +
        `p95 ${reported.traffic.samples.transition.percentile(0.95).toFixed(0)} ms transition`,
    );
  } finally {
    await stopJobQueue?.().catch((error: unknown) => console.error("stopping the job queue:", error));
    await emulator?.close().catch((error: unknown) => console.error("closing the emulator:", error));
    await disconnectPrisma?.().catch((error: unknown) => console.error("disconnecting prisma:", error));
    await database?.dispose().catch((error: unknown) => console.error("stopping postgres:", error));
  }
}

runBench(
  "store",
  () => main(process.argv.includes("--only-reported") ? [REPORTED_DEVICES] : DEVICE_STEPS),
  WATCHDOG_MS,
);

// npx tsx bench/routing-worker-cost.ts [--scenario chicago|national] [--orders N] [--profile out.cpuprofile]
//
// What one routed order costs the app, away from any queueing: orders are placed one at a time,
// each waited for until routed and moved, and the figures are per order. The emulator runs in a
// process of its own (bench/pipeline-emulator.ts), so this process's CPU is the app's: the
// orders/create webhook and the other webhooks an order brings, the routing job and the jobs it
// queues. Then the decision alone (decideOrder: the mirror read, the engine, the stored decision)
// is run again on the same orders' facts under new ids, for the figure that is the job's own.
// SQL statements (BEGIN/COMMIT included) and Admin API calls do not move with the machine's load;
// CPU ms does, a little. `--profile` writes a CPU profile of the serial orders phase.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { requireNumericId } from "../app/domain/shopify-ids";
import { installShop, webhookAction } from "../tests/support/routing-app";
import { setBenchAppEnvironment, loadAverage } from "./app-environment";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";
import { listenForWebhooks, runFullSyncAsItsJobWould, type WebhookListener } from "./pipeline-app";
import { EmulatorProcess } from "./pipeline-emulator";
import pg from "pg";
import { countStatements } from "./statement-counter";
import { runBench } from "./run-bench";

/** Orders placed and settled before measuring, so the figures are a warm process's. */
const WARM_UP_ORDERS = 5;
const WATCHDOG_MS = 15 * 60_000;

type Scale = "chicago" | "national";

function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * Counts this process's Admin API requests (GraphQL and REST alike), as the Shopify library sends
 * them: through its runtime's fetch (decision 049), wrapped here once the app has set it.
 */
async function countAdminApiCalls(): Promise<() => number> {
  await import("~/shopify.server");
  const runtime = await import("@shopify/shopify-api/runtime");
  const sending = runtime.abstractFetch;
  let calls = 0;
  runtime.setAbstractFetchFunc((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (URL.canParse(url) && new URL(url).pathname.includes("/admin/")) calls += 1;
    return sending(input, init);
  });
  return () => calls;
}

/** Statements by their text (the first 90 characters, whitespace folded), to see which ones an order costs. */
function tallyStatementTexts(): Map<string, number> {
  const tally = new Map<string, number>();
  const query = pg.Client.prototype.query;
  // Re-wrapping a prototype method: its overloads cannot be named one by one, hence the loose type.
  pg.Client.prototype.query = function tallied(this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    const text =
      typeof first === "string"
        ? first
        : typeof first === "object" && first !== null && "text" in first
          ? String((first as { text: unknown }).text)
          : "?";
    const key = text.replace(/\s+/g, " ").trim().slice(0, 90);
    tally.set(key, (tally.get(key) ?? 0) + 1);
    return (query as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return tally;
}

interface Tally {
  statements: number;
  apiCalls: number;
  cpuMs: number;
  wallMs: number;
}

async function main(scale: Scale, orders: number, profilePath: string | undefined, gapMs: number): Promise<void> {
  const statements = countStatements();
  const statementTexts = tallyStatementTexts();
  let database: BenchDatabase | undefined;
  let emulator: EmulatorProcess | undefined;
  let listener: WebhookListener | undefined;
  let stopJobQueue: (() => Promise<void>) | undefined;
  let disconnectPrisma: (() => Promise<void>) | undefined;
  try {
    database = await startBenchDatabase();
    listener = await listenForWebhooks(async (request) => {
      const action = await webhookAction(new URL(request.url).pathname);
      return action ? action({ request, params: {}, context: {} }) : new Response(null, { status: 404 });
    });
    emulator = await EmulatorProcess.start(scale, listener.url);
    setBenchAppEnvironment(database.url, emulator.scenario.url);
    const { shop } = emulator.scenario;
    const running = emulator;

    // The app reads its environment on first import: every app module is imported from here on.
    const { prisma } = await import("~/db.server");
    const apiCalls = await countAdminApiCalls();
    disconnectPrisma = () => prisma.$disconnect();
    ({ stopJobQueue } = await import("~/jobs/jobs.server"));
    const { startWorkers } = await import("~/worker.server");
    const { decideOrder } = await import("~/services/routing/route-order.server");
    const { findOrderFacts } = await import("~/models/routed-orders.server");
    const boss = await installShop({ shop });
    await running.webhooksIdle();
    const syncStartedAt = performance.now();
    await runFullSyncAsItsJobWould(shop, 40);
    await startWorkers(boss);
    await running.webhooksIdle();
    const mirrored = await prisma.inventoryLevel.count({ where: { shop } });
    console.log(
      `setup (${scale}: ${running.scenario.locations} locations, ${mirrored} mirrored levels; ` +
        `full sync ${(performance.now() - syncStartedAt).toFixed(0)} ms)`,
    );

    // Each order gets a fixed time to settle (no polling, which would cost this process CPU and
    // statements of its own); whether it did is checked once at the end.
    let orderIndex = 0;
    const placed: string[] = [];
    const placeAndSettle = async (): Promise<void> => {
      const reply = await running.placeOrder(orderIndex++);
      if ("orderId" in reply) placed.push(requireNumericId(reply.orderId, "Order"));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      await running.webhooksIdle();
    };

    for (let index = 0; index < WARM_UP_ORDERS; index += 1) await placeAndSettle();

    const session = profilePath ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 200 });
      await session.post("Profiler.start");
    }
    const serial: Tally = { statements: 0, apiCalls: 0, cpuMs: 0, wallMs: 0 };
    const statementsAt = statements();
    statementTexts.clear();
    const apiAt = apiCalls();
    const cpuAt = process.cpuUsage();
    const wallAt = performance.now();
    let idle = 0;
    const firstMeasured = placed.length;
    for (let index = 0; index < orders; index += 1) await placeAndSettle();
    // Idle time between orders costs pg-boss's polling; measured apart to subtract.
    serial.cpuMs = cpuMsSince(cpuAt);
    serial.wallMs = performance.now() - wallAt;
    serial.statements = statements() - statementsAt;
    serial.apiCalls = apiCalls() - apiAt;
    const texts = [...statementTexts].sort((a, b) => b[1] - a[1]);
    if (values.statements) {
      for (const [text, times] of texts) console.log(`statement ${(times / orders).toFixed(2).padStart(6)}  ${text}`);
    }
    if (session) {
      const { profile } = await session.post("Profiler.stop");
      fs.writeFileSync(profilePath!, JSON.stringify(profile));
      session.disconnect();
    }
    {
      const idleCpu = process.cpuUsage();
      const idleStatements = statements();
      const idleWall = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      idle = cpuMsSince(idleCpu) / (performance.now() - idleWall);
      console.log(
        `idle: ${(idle * 1000).toFixed(1)} ms CPU and ${(statements() - idleStatements) / 3} statements per second of nothing`,
      );
    }
    const measured = placed.slice(firstMeasured);
    const decisions = await prisma.routingDecision.findMany({
      where: { shop, orderId: { in: measured } },
      select: { orderId: true, status: true, moveStatus: true },
    });
    const routedIds = decisions.filter((d) => d.moveStatus !== "PENDING").map((d) => d.orderId);
    const count = Math.max(1, routedIds.length);
    console.log(
      `orders one at a time (${scale}): ${routedIds.length}/${orders} settled in ${gapMs} ms each ` +
        `(${decisions.filter((d) => d.moveStatus === "DONE").length} moved, ` +
        `${decisions.filter((d) => d.status === "UNROUTABLE").length} unroutable); per order: ` +
        `${(serial.statements / count).toFixed(1)} SQL statements, ${(serial.apiCalls / count).toFixed(2)} Admin API calls, ` +
        `${(serial.cpuMs / count).toFixed(1)} ms CPU (${((serial.cpuMs - idle * serial.wallMs) / count).toFixed(1)} ms less idle polling), ` +
        `${(serial.wallMs / count).toFixed(0)} ms wall (load ${loadAverage().toFixed(2)})`,
    );

    // The decision alone, on the routed orders' facts under new ids (so nothing finds it decided).
    const facts = (await Promise.all(routedIds.map((orderId) => findOrderFacts(prisma, shop, orderId)))).filter(
      (held) => held !== null,
    );
    const now = new Date();
    const decide = async (round: string) => {
      for (const [index, held] of facts.entries()) {
        await decideOrder(shop, { ...held, orderId: `${round}${index}` }, now);
      }
    };
    await decide("8800000");
    const decideStatementsAt = statements();
    const decideCpuAt = process.cpuUsage();
    const decideWallAt = performance.now();
    await decide("9900000");
    const decideCpu = cpuMsSince(decideCpuAt);
    const decideWall = performance.now() - decideWallAt;
    const n = Math.max(1, facts.length);
    console.log(
      `decideOrder alone (${scale}, ${facts.length} orders): ${((statements() - decideStatementsAt) / n).toFixed(1)} SQL statements, ` +
        `${(decideCpu / n).toFixed(2)} ms CPU, ${(decideWall / n).toFixed(1)} ms wall per decision (load ${loadAverage().toFixed(2)})`,
    );
  } finally {
    await stopJobQueue?.().catch((error: unknown) => console.error("stopping the job queue:", error));
    await emulator?.close().catch((error: unknown) => console.error("closing the emulator:", error));
    await listener?.close().catch((error: unknown) => console.error("closing the listener:", error));
    await disconnectPrisma?.().catch((error: unknown) => console.error("disconnecting prisma:", error));
    await database?.dispose().catch((error: unknown) => console.error("stopping postgres:", error));
  }
}

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "chicago" },
    orders: { type: "string", default: "40" },
    profile: { type: "string" },
    "gap-ms": { type: "string" },
    statements: { type: "boolean", default: false },
  },
});
const scale = values.scenario;
if (scale !== "chicago" && scale !== "national") {
  console.error("usage: tsx bench/routing-worker-cost.ts [--scenario chicago|national] [--orders N] [--profile file]");
  process.exit(2);
}

runBench(
  "routing worker cost",
  () =>
    main(scale, Number(values.orders), values.profile, Number(values["gap-ms"] ?? (scale === "national" ? 1500 : 700))),
  WATCHDOG_MS,
);

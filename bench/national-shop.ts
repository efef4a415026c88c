import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { startEmulatorServer, type RunningEmulator } from "../dev/emulator/server";
import type { Scenario } from "../dev/scenarios/types";
import { deliverToApp, installShop } from "../tests/support/routing-app";
import { TEST_APP } from "../tests/support/shopify-app";
import { setBenchAppEnvironment } from "./app-environment";
import { seedMirroredStock } from "./checkout-seed";
import { startBenchDatabase, type BenchDatabase } from "./pipeline-database";

/**
 * The national shop (2,000 stores, 10 warehouses, 20,000 SKUs) installed in the app in this
 * process, against a PostgreSQL and an emulator of the bench's own: the one setup the page and
 * checkout benches share. Locations go through the app's own locations sync; the stock, when
 * asked for, is written straight into the mirror (bench/checkout-seed.ts says why).
 */
export interface NationalShop {
  database: BenchDatabase;
  emulator: RunningEmulator;
  shop: string;
  scenario: Scenario;
  prisma: PrismaClient;
  /** Refreshes the planner's statistics, as autovacuum would soon after a burst of writes. */
  analyze(): Promise<void>;
  /** Stops the job queue, the emulator, Prisma and PostgreSQL (each failure logged, not thrown). */
  close(): Promise<void>;
}

export interface NationalShopOptions {
  /** Writes the scenario's 640,000 stock levels and 20,000 variants into the mirror. */
  withStock: boolean;
  /** Runs after the app's environment is set and before any app module is imported (e.g. countStatements). */
  beforeAppImport?: () => void;
}

/** The sync upserts the locations in one transaction (5 s limit): 2,010 may need another try on a busy machine. */
const LOCATIONS_SYNC_ATTEMPTS = 3;

function lastLine(error: unknown): string {
  return error instanceof Error ? (error.message.trim().split("\n").at(-1) ?? error.message) : String(error);
}

export async function startNationalShop(options: NationalShopOptions): Promise<NationalShop> {
  const closers: [name: string, close: () => Promise<unknown>][] = [];
  const close = async () => {
    for (const [name, closer] of closers.splice(0).reverse())
      await closer().catch((error: unknown) => console.error(`stopping the ${name}:`, error));
  };
  try {
    const database = await startBenchDatabase();
    closers.push(["database", () => database.dispose()]);
    const emulator = await startEmulatorServer({
      port: 0,
      publicUrl: "http://127.0.0.1:0",
      appUrl: TEST_APP.appUrl,
      apiKey: TEST_APP.apiKey,
      apiSecret: TEST_APP.apiSecret,
      scopes: TEST_APP.scopes,
      scenario: "national",
      webhookTimeScale: 0.0001,
      restoreRatePerSecond: 1000,
      deliverWebhook: deliverToApp,
    });
    closers.push(["emulator", () => emulator.close()]);
    setBenchAppEnvironment(database.url, emulator.url);
    // Shopify's library logs every authenticated request at info: hundreds of lines in a bench.
    process.env.LOG_LEVEL = "warn";
    options.beforeAppImport?.();

    // The app reads its environment on first import: every app module is imported from here on.
    const { prisma } = await import("~/db.server");
    closers.push(["prisma client", () => prisma.$disconnect()]);
    const { stopJobQueue } = await import("~/jobs/jobs.server");
    closers.push(["job queue", () => stopJobQueue()]);
    await installShop(emulator);
    const { runLocationsSync } = await import("~/services/inventory/locations-sync.server");
    for (let attempt = 1; ; attempt += 1) {
      try {
        await runLocationsSync(emulator.shop);
        break;
      } catch (error) {
        if (attempt === LOCATIONS_SYNC_ATTEMPTS) throw error;
        console.log(`locations sync, attempt ${attempt}: ${lastLine(error)}; trying again`);
      }
    }
    if (options.withStock) await seedMirroredStock(database.url, emulator.scenario, new Date());
    return {
      database,
      emulator,
      shop: emulator.shop,
      scenario: emulator.scenario,
      prisma,
      async analyze() {
        await prisma.$executeRaw`ANALYZE`;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The full sync's queue (app/services/inventory/full-sync.job.server.ts), named here so no app module is imported. */
const FULL_SYNC_QUEUE = "inventory.full-sync";

/**
 * The national shop's mirror in a running `npm run demo -- --scenario national`: once the app is
 * installed and its locations synced, the stock is written as the full sync would leave it, and
 * the app's own full sync is marked done. The demo's sync asks the emulator for a 640,000-line bulk
 * result that it builds inside the request, past the app's 15 s timeout on a busy machine
 * (decision 021), and retries for half an hour: the pages would be measured beside it, or empty.
 */
export async function fillDemoMirror(
  databaseUrl: string,
  scenario: Scenario,
  options: { timeoutMs: number; log(message: string): void },
): Promise<{ levels: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const shop = scenario.shop.domain;
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ profiles: string }>(
        `SELECT count(*) AS profiles FROM "LocationProfile" WHERE shop = $1`,
        [shop],
      );
      const profiles = Number(rows[0]?.profiles ?? 0);
      if (profiles >= scenario.locations.length) break;
      if (Date.now() > deadline)
        throw new Error(`the demo's locations sync left ${profiles} of ${scenario.locations.length} locations`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    options.log(`the demo synced its ${scenario.locations.length} locations; writing the stock into its mirror…`);
    await seedMirroredStock(databaseUrl, scenario, new Date());
    await client.query(
      `UPDATE pgboss.job SET state = 'completed', completed_on = now(), output = '{"mirrorWrittenByBench":true}'::jsonb
        WHERE name = $1 AND state < 'completed' AND data->>'shop' = $2`,
      [FULL_SYNC_QUEUE, shop],
    );
    await client.query("ANALYZE");
    const { rows } = await client.query<{ levels: string }>(
      `SELECT count(*) AS levels FROM "InventoryLevel" WHERE shop = $1`,
      [shop],
    );
    return { levels: Number(rows[0]?.levels ?? 0) };
  } finally {
    await client.end();
  }
}

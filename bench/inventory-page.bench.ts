// npm run bench:inventory — the Inventory page's loader at the national scale (2,010 locations,
// 20,000 SKUs, 640,000 stock levels) against its own embedded PostgreSQL: server time of the
// first page, the next page, searches, each filter and each sort (p50/p95 over several runs),
// and the CSV export's rate. The aim is a first page in ≤ 300 ms.
import type { Scenario } from "../dev/scenarios/types";
import type { loader as inventoryLoader } from "~/routes/app.inventory";
import { sessionTokenFor } from "../tests/support/emulator";
import { TEST_APP } from "../tests/support/shopify-app";
import { startNationalShop, type NationalShop } from "./national-shop";
import { formatMs, LatencySamples } from "./pipeline-stats";
import { loadAverage } from "./app-environment";
import { runBench } from "./run-bench";

const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 20;
const FIRST_PAGE_AIM_MS = 300;
const WATCHDOG_MS = 900_000;
/** Active reservations spread over store levels, and held SKUs, so each row's look-ups find some. */
const RESERVATIONS = 5_000;
const EXCEPTION_HOLDS = 200;
/** SKUs whose every level is set to nothing, so "out of stock everywhere" has rows to show. */
const EMPTIED_SKUS = 25;

type Loader = typeof inventoryLoader;

/** Reservations, holds and sold-out SKUs, written straight into the tables as routing would leave them. */
async function seedRoutingState(scenario: Scenario): Promise<void> {
  const { prisma } = await import("~/db.server");
  const shop = scenario.shop.domain;
  const storeStock = scenario.inventory.filter((_, index) => index % 97 === 0).slice(0, RESERVATIONS);
  await prisma.inventoryReservation.createMany({
    data: storeStock.map((stock, index) => ({
      shop,
      orderId: String(9_000_000 + index),
      locationId: String(stock.locationId),
      sku: stock.sku,
      quantity: 1 + (index % 3),
    })),
  });
  const taskId = "00000000-0000-4000-8000-000000000001";
  await prisma.exceptionHold.createMany({
    data: storeStock.slice(0, EXCEPTION_HOLDS).map((stock) => ({
      shop,
      locationId: String(stock.locationId),
      sku: stock.sku,
      taskId,
      heldSince: new Date(),
    })),
    skipDuplicates: true,
  });
  const skus = scenario.products.flatMap((product) => product.variants.map((variant) => variant.sku));
  const emptied = skus.filter((_, index) => index % Math.floor(skus.length / EMPTIED_SKUS) === 7);
  await prisma.inventoryLevel.updateMany({ where: { shop, sku: { in: emptied } }, data: { available: 0 } });
}

async function timeLoader(
  loader: Loader,
  shop: string,
  query: string,
): Promise<{ samples: LatencySamples; rows: number }> {
  const samples = new LatencySamples();
  let rows = 0;
  for (let run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run += 1) {
    const request = new Request(`${TEST_APP.appUrl}/app/inventory${query ? `?${query}` : ""}`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(shop)}` },
    });
    const startedAt = performance.now();
    const page = await loader({ request, params: {}, context: {} });
    const elapsed = performance.now() - startedAt;
    if (run >= WARM_UP_RUNS) samples.add(elapsed);
    rows = page.cells.length;
  }
  return { samples, rows };
}

async function timeCsv(shop: string, query: string): Promise<{ ms: number; lines: number; bytes: number }> {
  const { loader } = await import("~/routes/app.inventory.export");
  const request = new Request(`${TEST_APP.appUrl}/app/inventory/export${query ? `?${query}` : ""}`, {
    headers: { Authorization: `Bearer ${sessionTokenFor(shop)}` },
  });
  const startedAt = performance.now();
  const response = await loader({ request, params: {}, context: {} });
  if (!response.body) throw new Error(`export answered ${response.status} without a body`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { ms: performance.now() - startedAt, lines: lines - 1, bytes };
}

async function main(): Promise<void> {
  let national: NationalShop | undefined;
  try {
    const setupStartedAt = performance.now();
    national = await startNationalShop({ withStock: true });
    const { shop, scenario, prisma } = national;
    await seedRoutingState(scenario);
    await national.analyze();
    const [locations, levels] = await Promise.all([
      prisma.location.count({ where: { shop } }),
      prisma.inventoryLevel.count({ where: { shop } }),
    ]);
    console.log(
      `setup: postgres, emulator (national), install, ${locations} locations, ${levels} levels, ` +
        `${RESERVATIONS} reservations, ${EXCEPTION_HOLDS} holds — ${formatMs(performance.now() - setupStartedAt)} ms`,
    );

    const { loader } = await import("~/routes/app.inventory");
    const firstRequest = new Request(`${TEST_APP.appUrl}/app/inventory`, {
      headers: { Authorization: `Bearer ${sessionTokenFor(shop)}` },
    });
    const first = await loader({ request: firstRequest, params: {}, context: {} });
    const store = scenario.locations.find((location) => location.kind === "STORE")!;
    const warehouse = scenario.locations.find((location) => location.kind === "WAREHOUSE")!;
    const product = scenario.products[1_234]!;
    const variant = product.variants[2]!;
    const titleWord = product.title.split(" ")[0]!;
    const cases: [string, string][] = [
      ["first page", ""],
      ["next page (cursor)", `cursor=${first.nextCursor}`],
      [`search SKU "${variant.sku}"`, `q=${encodeURIComponent(variant.sku)}`],
      [`search barcode`, `q=${variant.barcode}`],
      [`search title "${titleWord}"`, `q=${encodeURIComponent(titleWord)}`],
      ["search with no match", "q=no-such-thing"],
      // Matches most of the catalogue: the page is still the first 50 by SKU.
      ['search broad "-M"', "q=-M"],
      ["filter: one store", `location=${store.id}`],
      ["filter: one warehouse", `location=${warehouse.id}`],
      ["filter: below the store minimum", "below=1"],
      ["filter: out of stock everywhere", "empty=1"],
      ["filter: store + below minimum", `location=${store.id}&below=1`],
      ["sort: available, lowest first", "sort=available"],
      ["sort: available, highest first", "sort=-available"],
      ["sort: SKU Z–A", "sort=-sku"],
    ];
    console.log(`loader server time over ${MEASURED_RUNS} runs (after ${WARM_UP_RUNS} warm-up runs):`);
    let firstPageP95 = 0;
    for (const [name, query] of cases) {
      const { samples, rows } = await timeLoader(loader, shop, query);
      if (name === "first page") firstPageP95 = samples.percentile(0.95);
      console.log(
        `  ${name.padEnd(40)} p50 ${formatMs(samples.percentile(0.5)).padStart(6)} ms  ` +
          `p95 ${formatMs(samples.percentile(0.95)).padStart(6)} ms  max ${formatMs(samples.max()).padStart(6)} ms  (${rows} rows)`,
      );
    }
    for (const [name, query] of [
      ["one store", `location=${store.id}`],
      ["below the store minimum, everywhere", "below=1"],
    ] as const) {
      const csv = await timeCsv(shop, query);
      console.log(
        `CSV export, ${name}: ${csv.lines} rows, ${(csv.bytes / 1024).toFixed(0)} KB in ${formatMs(csv.ms)} ms ` +
          `(${Math.round((csv.lines * 1000) / csv.ms)} rows/s)`,
      );
    }
    if (firstPageP95 > FIRST_PAGE_AIM_MS) process.exitCode = 1;
    console.log(
      `inventory page: first page p95 ${formatMs(firstPageP95)} ms (aim ≤ ${FIRST_PAGE_AIM_MS} ms) at ${levels} levels; ` +
        `load average ${loadAverage().toFixed(2)}`,
    );
  } finally {
    await national?.close();
  }
}

runBench("inventory page", main, WATCHDOG_MS);

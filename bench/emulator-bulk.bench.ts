// node --expose-gc --import tsx bench/emulator-bulk.bench.ts — the app's inventory bulk query (INVENTORY_LEVELS_BULK_QUERY)
// run by the emulator over the national scenario (2,000 locations, 640,000 stock lines), in this
// process. Prints the run's wall time and CPU time, the longest event-loop block while it runs
// (perf_hooks.monitorEventLoopDelay) and the slowest answer to a status poll made every 100 ms
// meanwhile: the app polls `node(id:)` while Shopify runs the operation in the background.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { INVENTORY_LEVELS_BULK_QUERY } from "../app/shopify/operations/inventory-mirror.server";
import { ShopifyEmulator } from "../dev/emulator/shopify";
import { APP, exchangeToken } from "../dev/emulator/shopify/test-support";
import { NATIONAL_SHOP_DOMAIN, scenarios } from "../dev/scenarios";

const POLL_EVERY_MS = 100;

interface OperationStatus {
  status: string;
  objectCount: string;
  fileSize: string | null;
}

async function main(): Promise<void> {
  const shop = NATIONAL_SHOP_DOMAIN;
  const emulator = new ShopifyEmulator({ ...APP, seed: 1, restoreRatePerSecond: 1000 });
  const scenario = scenarios.national();
  emulator.loadScenario(shop, scenario);
  const token = String((await exchangeToken(emulator, shop, new Date())).body.access_token);
  const graphql = async (query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await emulator.handle({
      method: "POST",
      path: "/admin/api/2026-04/graphql.json",
      shop,
      headers: { "X-Shopify-Access-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = JSON.parse(response.body) as { data?: Record<string, unknown>; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL failed: ${response.body.slice(0, 500)}`);
    return body.data;
  };

  // The first request builds the Admin schema (most of a second): not part of the run.
  await graphql(`
    {
      shop {
        name
      }
    }
  `);
  // The scenario's construction garbage would otherwise be collected during the run.
  (globalThis as { gc?: () => void }).gc?.();

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Blocks in CPU time too: on a shared, loaded machine a block's wall time is mostly waiting for a core.
  let tickAt = performance.now();
  let tickCpu = process.cpuUsage();
  let longestBlockCpuMs = 0;
  let longestBlockWallMs = 0;
  let longestBlockEndedAt = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(tickCpu);
    longestBlockWallMs = Math.max(longestBlockWallMs, now - tickAt);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (cpuMs > longestBlockCpuMs) {
      longestBlockCpuMs = cpuMs;
      longestBlockEndedAt = now;
    }
    tickAt = now;
    tickCpu = process.cpuUsage();
  }, 5);
  // The histogram only measures between two of its own timer ticks: let it tick before the run.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = await graphql(
    `
      mutation ($q: String!) {
        bulkOperationRunQuery(query: $q) {
          bulkOperation {
            id
            status
          }
          userErrors {
            message
          }
        }
      }
    `,
    { q: INVENTORY_LEVELS_BULK_QUERY },
  );
  const mutationMs = performance.now() - started;
  const created = run.bulkOperationRunQuery as { bulkOperation: { id: string; status: string } | null };
  if (!created.bulkOperation) throw new Error(`not started: ${JSON.stringify(run)}`);

  let slowestPollMs = 0;
  let polls = 0;
  let final: OperationStatus;
  for (;;) {
    const asked = performance.now();
    const polled = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on BulkOperation {
              status
              objectCount
              fileSize
            }
          }
        }
      `,
      {
        id: created.bulkOperation.id,
      },
    );
    slowestPollMs = Math.max(slowestPollMs, performance.now() - asked);
    polls++;
    final = polled.node as OperationStatus;
    if (final.status !== "CREATED" && final.status !== "RUNNING") break;
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();
  clearInterval(ticker);

  console.log(`scenario: national, ${scenario.locations.length} locations, ${scenario.inventory.length} stock lines`);
  console.log(`operation: ${final.status}, ${final.objectCount} objects, ${final.fileSize ?? "-"} bytes`);
  console.log(`mutation answered in ${mutationMs.toFixed(0)} ms (status ${created.bulkOperation.status})`);
  console.log(
    `bulk run total: ${(totalMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
  );
  console.log(
    `longest event-loop block: ${longestBlockWallMs.toFixed(0)} ms wall, ${longestBlockCpuMs.toFixed(0)} ms CPU ` +
      `(delay histogram: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms); ` +
      `the longest ended ${((longestBlockEndedAt - started) / 1000).toFixed(1)} s into the run`,
  );
  console.log(`status polls: ${polls}, slowest answer ${slowestPollMs.toFixed(0)} ms`);
}

await main();

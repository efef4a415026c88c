import { pathToFileURL } from "node:url";
import prisma, { sqlPool } from "~/db.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import { clearReflectedReservations, markReservationsReflectedAfter } from "~/models/inventory-reservations.server";
import { catalogueSyncedAt } from "~/models/inventory-sync-status.server";
import { instantAt, localDateOf } from "~/domain/local-time";
import { upsertOrderContact } from "~/models/order-contacts.server";
import { upsertOrderFacts, type OrderFacts } from "~/models/routed-orders.server";
import { assignedLocationIds, setDecisionMoveStatus } from "~/models/routing-decisions.server";
import { decideOrder } from "~/services/routing/route-order.server";
import { scenarios, type Scenario } from "../scenarios";
import { DEMO_HISTORY_DEFAULTS, planDemoHistory, type DemoHistoryOptions } from "./history-plan";
import { historyContactOf, settlePastMessages } from "./history-messages";
import { catalogueOf, recordPastStoreWork, type CatalogueItem } from "./history-store-tasks";

/**
 * The demo shop's past 30 days, decided by the app's own routing engine: each planned order
 * (history-plan.ts) is recorded as orders/create records it, then decided by `decideOrder` with
 * the clock at the minute it was placed, against the shop's mirror and settings, so the Orders
 * page, the order's "why it went there" and every figure drawn from decisions are the engine's.
 *
 * The orders are in the past: Shopify has long committed their units (the mirror, synced since,
 * shows them), so each decision's reservations are marked reflected at the order's placing and
 * cleared as the routing job clears a stay's, and its moves count as done. Orders already
 * recorded are skipped, so a second run of the demo adds nothing.
 */

const DECIDED_AFTER_PLACED_MS = 20_000;

export interface DemoHistoryResult {
  planned: number;
  recorded: number;
  skipped: number;
  /** Store tasks created (and taken to the end) for the recorded orders. */
  storeTasks: number;
  /** Customer messages the cadence sent for them before the history's end (delivered). */
  messages: number;
}

/** Records and decides the planned orders `shop` does not have yet, oldest first. */
export async function generateDemoHistory(
  shop: string,
  scenario: Scenario,
  options: DemoHistoryOptions,
): Promise<DemoHistoryResult> {
  const planned = planDemoHistory(scenario, options);
  const known = new Set(
    (
      await prisma.routingDecision.findMany({
        where: { shop, orderId: { in: planned.map((order) => order.orderId) } },
        select: { orderId: true },
      })
    ).map((row) => row.orderId),
  );
  const catalogue = catalogueOf(scenario);
  let recorded = 0;
  let storeTasks = 0;
  let messages = 0;
  for (const order of planned) {
    if (known.has(order.orderId)) continue;
    const done = await recordPastOrder(shop, order, catalogue, options.end);
    storeTasks += done.storeTasks;
    messages += done.messages;
    recorded++;
  }
  return { planned: planned.length, recorded, skipped: known.size, storeTasks, messages };
}

/**
 * One past order: recorded with its shopper's contact, decided, its moves done, its stores' work
 * finished and its shopper's messages sent; returns its store tasks and delivered messages.
 */
async function recordPastOrder(
  shop: string,
  order: OrderFacts,
  catalogue: ReadonlyMap<string, CatalogueItem>,
  end: Date,
): Promise<{ storeTasks: number; messages: number }> {
  const contact = historyContactOf(order.orderId);
  await upsertOrderFacts(prisma, shop, order, "WEBHOOK");
  await upsertOrderContact(sqlPool, shop, contact);
  const decision = await decideOrder(shop, order, new Date(order.placedAt.getTime() + DECIDED_AFTER_PLACED_MS));
  if (decision.status === "UNROUTABLE") return { storeTasks: 0, messages: 0 };
  await inSqlTransaction(async (tx) => {
    for (const locationId of assignedLocationIds(decision.assignments)) {
      await markReservationsReflectedAfter(tx, shop, order.orderId, locationId, order.placedAt);
    }
    await clearReflectedReservations(tx, shop, { orderId: order.orderId });
    await setDecisionMoveStatus(tx, shop, order.orderId, "DONE");
  });
  return prisma.$transaction(
    async (tx) => {
      const work = await recordPastStoreWork(tx, shop, order, decision, catalogue, end, contact);
      return { ...work, messages: work.messages + (await settlePastMessages(tx, shop, contact, end)) };
    },
    // A national order's steps plan a few dozen statements; a busy machine can take seconds over them.
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/**
 * Until the app is installed for `shop`, its first full inventory sync has finished (the engine
 * decides over the mirror) and the demo's merchant setup has given it its messaging accounts:
 * polls, as the merchant setup does.
 */
export async function waitForSyncedMirror(shop: string, stores: number, pollMs = 1_000): Promise<void> {
  for (;;) {
    const [profiles, syncedAt] = await Promise.all([
      prisma.locationProfile.count({ where: { shop, kind: "STORE" } }),
      catalogueSyncedAt(prisma, shop),
    ]);
    // And the merchant setup's messaging accounts (push needs OneSignal's), as the cadence plans by them.
    const accounts = await prisma.shopMessagingAccount.count({ where: { shop } });
    if (profiles >= stores && syncedAt !== null && accounts > 0) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Where the history ends: the earliest midnight of today among the shop's and its stores' time
 * zones, so no past order or store step counts as today's anywhere (today is the visitor's).
 */
export function startOfTodayEverywhere(scenario: Scenario, now: Date): Date {
  const zones = new Set([
    scenario.shop.ianaTimezone,
    ...scenario.locations.map((location) => location.profile.timezone),
  ]);
  return new Date(Math.min(...[...zones].map((zone) => instantAt(localDateOf(now, zone), 0, zone).getTime())));
}

/**
 * `tsx dev/demo/history.ts <scenario> [days]`, which the demo runs beside the app with the
 * app's environment: waits for the install and the mirror, then writes the history.
 */
async function main(): Promise<void> {
  const name = process.argv[2] === "national" ? "national" : "chicago";
  const defaults = DEMO_HISTORY_DEFAULTS[name];
  const days = process.argv[3] === undefined ? defaults.days : Number(process.argv[3]);
  const scenario = scenarios[name]();
  const shop = scenario.shop.domain;
  const stores = scenario.locations.filter((location) => location.kind === "STORE").length;
  await waitForSyncedMirror(shop, stores);
  const started = Date.now();
  const end = startOfTodayEverywhere(scenario, new Date());
  const result = await generateDemoHistory(shop, scenario, { ...defaults, days, end });
  process.stdout.write(
    `History: ${result.recorded} past orders routed by the engine (${result.skipped} already there), ${result.storeTasks} store tasks, ${result.messages} customer messages, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .then(async () => {
      await prisma.$disconnect();
      await sqlPool.end().catch(() => undefined);
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `The demo's history was not written: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    });
}

import type { StoreTask, StoreTaskLine } from "@prisma/client";
import type PgBoss from "pg-boss";
import type { RunningEmulator } from "../../dev/emulator/server";
import type { PlacedOrder } from "../../dev/emulator/shopify/orders";
import type { ScenarioLocation } from "../../dev/scenarios/types";

/**
 * Store tasks in integration tests against the embedded database and the local emulator: the
 * stores and stock a test sets up, pickup tasks made by the app's own sync, the POS actions'
 * answers and the jobs they queue. App modules are imported lazily, so callers set the
 * environment (database, emulator URL) before first use.
 */

/** The answer of a POS action the test expects accepted; a refusal fails the test with its reason. */
export async function must<Answer>(
  outcome: Promise<{ ok: true; answer: Answer } | { ok: false; refusal: unknown }>,
): Promise<Answer> {
  const result = await outcome;
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result.answer;
}

/** The data of the jobs in `queue` whose data has `field` equal to `value`, oldest first. */
export async function queuedJobData(boss: PgBoss, queue: string, field: string, value: string): Promise<unknown[]> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT data FROM pgboss.job WHERE name = $1 AND data->>$2 = $3 ORDER BY created_on`, [
      queue,
      field,
      value,
    ]);
  return (rows as { data: unknown }[]).map((row) => row.data);
}

/** The two pickup stores of the scenario nearest each other, so that one is the other's reroute. */
export function nearestPickupStores(emulator: RunningEmulator): [ScenarioLocation, ScenarioLocation] {
  const pickup = emulator.scenario.locations.filter(
    (location) =>
      location.kind === "STORE" && location.isActive && location.fulfillsOnlineOrders && location.pickupEnabled,
  );
  const miles = (a: ScenarioLocation, b: ScenarioLocation) =>
    Math.hypot(a.address.latitude - b.address.latitude, a.address.longitude - b.address.longitude);
  const pairs = pickup.flatMap((a, i) => pickup.slice(i + 1).map((b) => [a, b] as const));
  const [first, second] = pairs.sort((x, y) => miles(...x) - miles(...y))[0]!;
  return [first, second];
}

/**
 * Sets Shopify's available quantity of each of `skus` at every location of the scenario to
 * `availableAt(locationId, sku)`, before the app mirrors inventory; a location that has no level
 * of the SKU and is to have none is left without one.
 */
export function stockSkus(
  emulator: RunningEmulator,
  skus: string[],
  availableAt: (locationId: string, sku: string) => number,
): void {
  for (const location of emulator.scenario.locations) {
    const id = String(location.id);
    for (const sku of skus) {
      const available = availableAt(id, sku);
      if (available > 0 || emulator.shopify.inventoryOf(emulator.shop, id, sku)) {
        emulator.shopify.setAvailable(emulator.shop, { locationId: id, sku, available });
      }
    }
  }
}

/**
 * A pickup order of one unit each of `lineSkus` at the store `locationId`, with its task made by
 * the app's sync once orders/create is delivered (the order's facts, which a reroute decides from).
 */
export async function placePickupTask(
  emulator: RunningEmulator,
  locationId: string,
  lineSkus: string[],
): Promise<{ order: PlacedOrder; task: StoreTask & { lines: StoreTaskLine[] } }> {
  const { prisma } = await import("~/db.server");
  const { syncFulfillmentOrderTasks } = await import("~/services/store-tasks/sync-fulfillment-order.server");
  const order = emulator.shopify.placeOrder(emulator.shop, {
    lines: lineSkus.map((sku) => ({ sku, quantity: 1 })),
    deliveryMethod: "PICK_UP",
    pickupLocationId: Number(locationId),
    customer: { email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" },
  });
  await emulator.webhooks.idle();
  const numeric = (gid: string) => gid.replace(/^.*\//, "");
  const [fo] = emulator.shopify.fulfillmentOrdersOf(emulator.shop, order.id);
  await syncFulfillmentOrderTasks({ shop: emulator.shop, fulfillmentOrderId: numeric(fo!.id) });
  const task = await prisma.storeTask.findFirstOrThrow({
    where: { shop: emulator.shop, orderId: numeric(order.id) },
    include: { lines: true },
  });
  return { order, task };
}

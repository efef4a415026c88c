import type { Prisma } from "@prisma/client";
import { generatePickupCode } from "~/domain/store-tasks/pickup-code";
import { decideTransition } from "~/domain/store-tasks/transitions";
import type { StoreTaskKind, StoreTaskState } from "~/domain/store-tasks/types";
import type { OrderFacts } from "~/models/routed-orders.server";
import type { StoredDecision } from "~/models/routing-decisions.server";
import { changeStoreTask, setStoreTaskLinePicked } from "~/models/store-tasks-associate.server";
import {
  createStoreTask,
  isStoreLocation,
  recordStoreTaskEvent,
  type StoreTaskLineFacts,
} from "~/models/store-tasks.server";
import { storeTaskChangeFor, storeTaskTransitionDetail } from "~/services/store-tasks/associate-actions.server";
import { pickLine } from "~/services/store-tasks/pick-line";
import { storeSettingsFor } from "~/services/store-tasks/store-settings.server";
import { dueAtOfStoreTask } from "~/services/store-tasks/sync-fulfillment-order.server";
import { SeededRandom } from "../seeded-random";
import type { OrderContactInput } from "~/models/order-contacts.server";
import { planPastTaskCreated, planPastTaskStep, settlePastMessages } from "./history-messages";
import { DEMO_STAFF } from "../pos/config";
import type { Scenario } from "../scenarios/types";

/**
 * What each store did with a past order the engine sent it: the task the fulfilment order's sync
 * creates (its due time worked out as the sync does), then an associate's steps through the
 * state machine (decideTransition refuses any the app would refuse), each at its minute in the
 * past and all before the history's end, by one of the demo's staff, every line picked by a scan. A pickup was collected, a
 * ship-from-store order shipped: nothing stays open in a store's queue. The shopper's messages are
 * planned at each step by the app's cadence, as the POS's actions plan them (history-messages.ts);
 * no store email is queued: these orders are done, and the outbox shows only the visitor's.
 */

const MINUTE = 60_000;

type Tx = Prisma.TransactionClient;

/** What a store picks of a SKU: its barcode and names, as the fulfilment order's line carries them. */
export type CatalogueItem = Pick<StoreTaskLineFacts, "barcode" | "title" | "variantTitle">;

export function catalogueOf(scenario: Scenario): Map<string, CatalogueItem> {
  const items = new Map<string, CatalogueItem>();
  for (const product of scenario.products) {
    for (const variant of product.variants) {
      items.set(variant.sku, { barcode: variant.barcode, title: product.title, variantTitle: variant.title });
    }
  }
  return items;
}

function taskKindOf(order: OrderFacts): StoreTaskKind {
  if (order.deliveryMethod === "PICK_UP") return "PICKUP";
  if (order.deliveryMethod === "LOCAL_DELIVERY") return "LOCAL_DELIVERY";
  return "SHIP";
}

/** Minutes between steps, drawn per step: picking takes 4 to 12 minutes, as the seed's stores did. */
function minutesBetween(random: SeededRandom, from: number, to: number): number {
  return (from + random.next() * (to - from)) * MINUTE;
}

/** Each step of the kind's path after NEW, with the minutes before it and what it brings. */
function stepsFor(kind: StoreTaskKind, random: SeededRandom, sequence: number) {
  const bin = `B-${String(1 + Math.floor(random.next() * 40)).padStart(2, "0")}`;
  const steps: { to: StoreTaskState; after: number }[] = [{ to: "PICKING", after: minutesBetween(random, 2, 20) }];
  const packing = { to: "PACKED" as const, after: minutesBetween(random, 4, 12) };
  if (kind === "PICKUP") {
    steps.push(packing, { to: "STAGED", after: minutesBetween(random, 1, 4) }, { to: "READY", after: MINUTE / 2 });
    steps.push({ to: "PICKED_UP", after: minutesBetween(random, 30, 26 * 60) });
  } else if (kind === "SHIP") {
    steps.push(packing, { to: "SHIPPED", after: minutesBetween(random, 60, 5 * 60) });
  } else {
    steps.push(packing, { to: "OUT_FOR_DELIVERY", after: minutesBetween(random, 10, 90) });
    steps.push({ to: "DELIVERED", after: minutesBetween(random, 20, 60) });
  }
  return {
    steps,
    request: {
      by: "ASSOCIATE" as const,
      bin,
      carrier: "UPS",
      trackingNumber: `1Z999AA1${String(sequence).padStart(10, "0")}`,
      courierName: "Demo Courier",
      handover: { method: "PICKUP_CODE" as const, idChecked: random.next() < 0.3 },
    },
  };
}

/**
 * The tasks of one decided past order, at its stores (warehouses' work is not a store task), with
 * its shopper's messages: before each step, those due by then count as sent, as the sending job
 * would have sent them, so a step cancels only what was still waiting. Returns the tasks created
 * and the messages sent (delivered) before the last step.
 */
export async function recordPastStoreWork(
  tx: Tx,
  shop: string,
  order: OrderFacts,
  decision: StoredDecision,
  catalogue: ReadonlyMap<string, CatalogueItem>,
  /** The history's end: every step is done before it (a late order's steps come closer together). */
  end: Date,
  contact: OrderContactInput,
): Promise<{ storeTasks: number; messages: number }> {
  // Seeded by the order: the same order gets the same work whatever else was recorded before it.
  const random = new SeededRandom(Number(order.orderId) % 2 ** 32);
  const kind = taskKindOf(order);
  let created = 0;
  let messages = 0;
  for (const [index, assignment] of decision.assignments.entries()) {
    if (!(await isStoreLocation(tx, shop, assignment.locationId))) continue;
    const fulfillmentOrderId = String(Number(order.orderId) * 10 + index);
    const lines: StoreTaskLineFacts[] = assignment.lines.map((line, position) => {
      const item = catalogue.get(line.sku);
      return {
        lineItemId: `${fulfillmentOrderId}${position}`,
        sku: line.sku,
        barcode: item?.barcode ?? null,
        title: item?.title ?? line.sku,
        variantTitle: item?.variantTitle ?? null,
        imageUrl: null,
        quantity: line.quantity,
      };
    });
    const facts = {
      fulfillmentOrderId,
      orderId: order.orderId,
      orderName: order.name,
      locationId: assignment.locationId,
      kind,
      customerName: null,
      lines,
    };
    let at = new Date(decision.decidedAt.getTime() + MINUTE / 2);
    const dueAt = await dueAtOfStoreTask(tx, shop, facts, at, await storeSettingsFor(shop));
    const pickupCode = generatePickupCode((size) => Math.floor(random.next() * size));
    const taskId = await createStoreTask(tx, shop, facts, { pickupCode, at, dueAt });
    const messageTask = { orderId: order.orderId, locationId: assignment.locationId, kind };
    await planPastTaskCreated(tx, shop, messageTask, at);
    const staffMemberId = String(DEMO_STAFF[Math.floor(random.next() * DEMO_STAFF.length)]?.id ?? DEMO_STAFF[0].id);

    let task = await tx.storeTask.findUniqueOrThrow({ where: { id: taskId }, include: { lines: true } });
    const { steps, request } = stepsFor(kind, random, Number(fulfillmentOrderId) % 10_000_000_000);
    const total = steps.reduce((sum, step) => sum + step.after, 0);
    const room = end.getTime() - MINUTE - at.getTime();
    const pace = total > room ? Math.max(0, room) / total : 1;
    for (const step of steps) {
      at = new Date(at.getTime() + Math.floor(step.after * pace));
      if (step.to === "PACKED") {
        // Every unit scanned, a few seconds apart, before packing.
        for (const line of task.lines) {
          await setStoreTaskLinePicked(tx, shop, taskId, line.lineItemId, line.quantity);
          for (let unit = 0; unit < line.quantity; unit++) {
            await changeStoreTask(tx, shop, taskId, {
              scan: "RIGHT",
              ...(task.firstScanAt ? {} : { firstScanAt: at }),
            });
            await recordStoreTaskEvent(tx, shop, {
              taskId,
              fromState: task.state,
              toState: task.state,
              locationId: assignment.locationId,
              at,
              staffMemberId,
              detail: {
                kind: "SCAN",
                code: line.barcode ?? line.sku ?? "",
                lineItemId: line.lineItemId,
                outcome: "PICKED",
              },
            });
            task = { ...task, firstScanAt: task.firstScanAt ?? at };
          }
        }
        task = { ...task, lines: task.lines.map((line) => ({ ...line, picked: line.quantity })) };
      }
      const decided = decideTransition(
        { kind, state: task.state, lines: task.lines.map(pickLine), bin: task.bin },
        step.to,
        request,
      );
      if (!decided.ok) throw new Error(`The demo's ${order.name} at ${assignment.locationId}: ${decided.message}`);
      // Done in the past: no Shopify call is left pending.
      const {
        pendingShopifyAction: _done,
        scan: _none,
        ...change
      } = storeTaskChangeFor(decided, { ...task, events: [] }, at);
      await changeStoreTask(tx, shop, taskId, change);
      await recordStoreTaskEvent(tx, shop, {
        taskId,
        fromState: task.state,
        toState: decided.to,
        locationId: assignment.locationId,
        at,
        staffMemberId,
        detail: storeTaskTransitionDetail(decided),
      });
      messages += await settlePastMessages(tx, shop, contact, at);
      await planPastTaskStep(tx, shop, messageTask, decided.to, at);
      // The task as it now stands, without reading it back.
      task = { ...task, ...change };
    }
    created++;
  }
  return { storeTasks: created, messages };
}

import type { Prisma, StoreTaskLine } from "@prisma/client";
import prisma from "~/db.server";
import { linesHere } from "~/domain/store-tasks/picking";
import { itemName } from "~/domain/store-tasks/types";
import { placeExceptionHold } from "~/models/exception-holds.server";
import { takeLinesOffStoreTask } from "~/models/exception-holds-task-lines.server";
import { listLiveLocations } from "~/models/locations.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import type { StoreTaskEventDetail } from "~/models/store-tasks-event-detail";
import {
  endStoreTask,
  findStoreTask,
  lockStoreTask,
  recordStoreTaskEvent,
  type StoreTaskWithLines,
} from "~/models/store-tasks.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import { fetchFulfillmentOrderForStoreTask } from "~/shopify/operations/fulfillment-order-for-store-task.server";
import { holdFulfillmentOrderOutOfStock } from "~/shopify/operations/fulfillment-order-hold.server";
import { confirmRerouteMoved, decideElsewhere, moveLines } from "./reroute-placement.server";
import { resumePicking } from "./resume-picking.server";
import { storeSettingsFor } from "./store-settings.server";
import { enqueueStoreTaskSync } from "./sync-triggers.server";
import { storeTasksZeroStoreStockJob } from "./zero-store-stock.job.server";
import { pickLine } from "./pick-line";

/**
 * store-tasks.reroute-exception: the lines an associate reported not found or damaged leave the
 * store. The routing engine decides where they go, with the store's stock of them left out;
 * Shopify's fulfilment order is moved there (only those lines when others stay), and the new
 * store gets its task through the sync. The task keeps picking what is left, or ends moved away.
 * When no location can take them, the fulfilment order is put on hold (INVENTORY_OUT_OF_STOCK)
 * for the merchant. Either way the SKUs are held out of routing at the store until Shopify
 * reports its stock of them again (exception holds), and the task's timeline says what happened
 * and why.
 *
 * Both stock policies hold the SKU out of routing. SET_SHOPIFY_ZERO also sets Shopify's available
 * quantity of it at the store to 0: a store-tasks.zero-store-stock job per SKU, queued in the
 * transaction that records the hold, so the reroute's own retries never send it twice.
 *
 * The units sent elsewhere are reserved there, as a routing decision's are
 * (reroute-placement.server.ts), so two reroutes at once do not both take a store's last unit.
 *
 * Never blindly repeated: every run reads the fulfilment order back first. Lines no longer on it
 * at the store were moved by an earlier run whose answer was lost; a fulfilment order already on
 * hold was held. A second run for the same report finds the task past its exception and does
 * nothing.
 */

export interface RerouteExceptionJob {
  shop: string;
  taskId: string;
}

export interface RerouteDependencies {
  client(shop: string): AdminClient;
  now(): Date;
}

export const defaultRerouteDependencies: RerouteDependencies = {
  client: (shop) => adminClientForShop(shop),
  now: () => new Date(),
};

export type RerouteOutcome = { kind: "NOTHING_TO_DO" } | { kind: "MOVED"; toLocationIds: string[] } | { kind: "HELD" };

const ACTIVE = new Set(["OPEN", "IN_PROGRESS"]);

const REASON_WORDS = { NOT_FOUND: "not found", DAMAGED: "damaged" } as const;

type Tx = Prisma.TransactionClient;

async function loadTask(shop: string, taskId: string): Promise<StoreTaskWithLines | null> {
  const found = await findStoreTaskForEffect(prisma, shop, taskId);
  return found && findStoreTask(prisma, shop, found.locationId, taskId);
}

/** The reported lines still on the task, each with why. */
function reportedLines(task: StoreTaskWithLines): StoreTaskLine[] {
  if (task.state !== "EXCEPTION") return [];
  const here = new Set(linesHere(task.lines.map(pickLine)).map((line) => line.lineItemId));
  return task.lines.filter((line) => here.has(line.lineItemId) && line.exceptionReason !== null);
}

function skusOf(lines: readonly StoreTaskLine[]): string[] {
  return [...new Set(lines.flatMap((line) => (line.sku ? [line.sku] : [])))];
}

function reasonOf(lines: readonly StoreTaskLine[], storeName: string): string {
  return lines
    .map((line) => `${itemName(line)} ${REASON_WORDS[line.exceptionReason ?? "NOT_FOUND"]} at ${storeName}`)
    .join("; ");
}

export async function rerouteExceptionLines(
  job: RerouteExceptionJob,
  deps: RerouteDependencies = defaultRerouteDependencies,
): Promise<RerouteOutcome> {
  const task = await loadTask(job.shop, job.taskId);
  if (!task) return { kind: "NOTHING_TO_DO" };
  const reported = reportedLines(task);
  if (reported.length === 0) return { kind: "NOTHING_TO_DO" };

  const client = deps.client(job.shop);
  const names = new Map(
    (await listLiveLocations(prisma, job.shop)).map((location) => [location.locationId, location.name]),
  );
  const storeName = names.get(task.locationId) ?? `location ${task.locationId}`;
  const reason = reasonOf(reported, storeName);
  const fo = await fetchFulfillmentOrderForStoreTask(client, task.fulfillmentOrderId);
  const reportedIds = new Set(reported.map((line) => line.lineItemId));

  if (!fo || fo.orderCancelled) {
    // Ended in Shopify meanwhile: the sync ends the task, saying why.
    await prisma.$transaction((tx) => enqueueStoreTaskSync(tx, job.shop, task.fulfillmentOrderId));
    return { kind: "NOTHING_TO_DO" };
  }
  const allLineIds = linesHere(task.lines.map(pickLine)).map((line) => line.lineItemId);
  // What an earlier run's move reserved where it sent them (reroute-placement.server.ts).
  const reservations = { orderId: fo.orderId, skus: skusOf(reported), since: task.createdAt };
  if (fo.locationId !== task.locationId) {
    // Moved away whole, by an earlier run whose answer was lost or by the merchant.
    await confirmRerouteMoved(job.shop, reservations);
    await settle(job.shop, task, reported, deps.now(), {
      detail: {
        kind: "REROUTED",
        lineItemIds: [...reportedIds],
        toLocationId: fo.locationId,
        toLocationName: fo.locationId ? (names.get(fo.locationId) ?? null) : null,
        reason,
      },
      movedLineItemIds: allLineIds,
    });
    return { kind: "NOTHING_TO_DO" };
  }
  if (fo.status === "ON_HOLD") {
    await settle(job.shop, task, reported, deps.now(), {
      detail: { kind: "HELD", lineItemIds: [...reportedIds], reason },
    });
    return { kind: "HELD" };
  }
  if (!ACTIVE.has(fo.status)) return { kind: "NOTHING_TO_DO" };
  const affected = fo.lineItems.filter((line) => line.remainingQuantity > 0 && reportedIds.has(line.lineItemId));
  if (affected.length === 0) {
    // Already off the fulfilment order: an earlier run moved them and its answer was lost.
    await confirmRerouteMoved(job.shop, reservations);
    await settle(job.shop, task, reported, deps.now(), {
      detail: { kind: "REROUTED", lineItemIds: [...reportedIds], toLocationId: null, toLocationName: null, reason },
      movedLineItemIds: [...reportedIds],
    });
    return { kind: "NOTHING_TO_DO" };
  }

  const placement = await decideElsewhere(job.shop, fo, affected, task.locationId, deps.now(), task.createdAt);
  if (placement) {
    const moved = await moveLines(client, fo, affected, placement);
    if (moved) {
      const toLocationIds = placement.assignments.map((assignment) => assignment.locationId);
      await settle(job.shop, task, reported, deps.now(), {
        detail: {
          kind: "REROUTED",
          lineItemIds: [...reportedIds],
          toLocationId: toLocationIds[0] ?? null,
          toLocationName: toLocationIds.map((id) => names.get(id) ?? `location ${id}`).join(" and "),
          reason,
        },
        movedLineItemIds: moved.whole ? allLineIds : [...reportedIds],
        fulfillmentOrdersToSync: moved.fulfillmentOrderIds,
      });
      return { kind: "MOVED", toLocationIds };
    }
  }
  await holdFulfillmentOrderOutOfStock(client, fo.fulfillmentOrderId, `${reason}; no other location has it`);
  await settle(job.shop, task, reported, deps.now(), {
    detail: { kind: "HELD", lineItemIds: [...reportedIds], reason },
  });
  return { kind: "HELD" };
}

interface Settlement {
  detail: Extract<StoreTaskEventDetail, { kind: "REROUTED" | "HELD" }>;
  /** For a reroute: the lines that left the store (all of them when the fulfilment order moved whole). */
  movedLineItemIds?: readonly string[];
  fulfillmentOrdersToSync?: readonly string[];
}

/**
 * Records the outcome on the task, in one transaction with the task locked: the event, the SKUs
 * held out of routing at the store, the moved lines taken off, picking resumed for what is left
 * (or the task ended when nothing is), the syncs of the fulfilment orders concerned, and under
 * SET_SHOPIFY_ZERO the setting of Shopify's stock of the SKUs there to 0. A task already past its
 * exception is left as it is, and a hold already recorded is not recorded again.
 */
async function settle(
  shop: string,
  task: StoreTaskWithLines,
  reported: readonly StoreTaskLine[],
  at: Date,
  { detail, movedLineItemIds = [], fulfillmentOrdersToSync = [task.fulfillmentOrderId] }: Settlement,
): Promise<void> {
  const { exceptionStockPolicy } = await storeSettingsFor(shop);
  await prisma.$transaction(async (tx) => {
    if (!(await lockStoreTask(tx, shop, task.locationId, task.id))) return;
    const now = await findStoreTask(tx, shop, task.locationId, task.id);
    if (!now || now.state !== "EXCEPTION") return;
    for (const sku of skusOf(reported)) {
      await placeExceptionHold(tx, shop, { locationId: task.locationId, sku, taskId: task.id, heldSince: at });
    }
    const heldAlready = now.events.some((event) => event.detail?.kind === "HELD");
    if (detail.kind === "HELD" && heldAlready) return;
    await recordStoreTaskEvent(tx, shop, {
      taskId: task.id,
      fromState: now.state,
      toState: now.state,
      locationId: task.locationId,
      at,
      detail,
    });
    if (exceptionStockPolicy === "SET_SHOPIFY_ZERO") {
      for (const sku of skusOf(reported)) {
        await storeTasksZeroStoreStockJob.enqueue(tx, { shop, taskId: task.id, locationId: task.locationId, sku });
      }
    }
    if (detail.kind === "REROUTED") await leaveTheStore(tx, shop, now, movedLineItemIds, at);
    for (const fulfillmentOrderId of new Set(fulfillmentOrdersToSync)) {
      await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
    }
  });
}

/** The moved lines come off the task; it picks what is left, or ends when nothing is. */
async function leaveTheStore(
  tx: Tx,
  shop: string,
  task: StoreTaskWithLines,
  movedLineItemIds: readonly string[],
  at: Date,
): Promise<void> {
  await takeLinesOffStoreTask(tx, shop, task.id, movedLineItemIds, at);
  const lines = task.lines.map((line) =>
    movedLineItemIds.includes(line.lineItemId) ? { ...pickLine(line), takenOff: true } : pickLine(line),
  );
  if (linesHere(lines).length === 0) {
    await endStoreTask(tx, shop, task, "MOVED_AWAY", at);
    return;
  }
  // Another line still waiting for its own reroute keeps the task in exception until then.
  await resumePicking(tx, shop, task, lines, at, { kind: "TRANSITION" });
}

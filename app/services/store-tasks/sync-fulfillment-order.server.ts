import crypto from "node:crypto";
import type { StoreTaskEndedReason } from "@prisma/client";
import prisma, { sqlPool } from "~/db.server";
import type { Db } from "~/db/sql.server";
import { inSqlTransaction } from "~/db/sql-transaction.server";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { generatePickupCode } from "~/domain/store-tasks/pickup-code";
import { preparationMinutesOf } from "~/domain/pickup-promise";
import { dueAtFor } from "~/domain/store-tasks/timers";
import { shopifyGid } from "~/domain/shopify-ids";
import { isSettledByRouting } from "~/models/routing-decisions.server";
import {
  createStoreTask,
  endStoreTask,
  isPickupCodeInUse,
  lockTasksOfFulfillmentOrder,
  readForStoreTaskSync,
  refreshStoreTask,
  reopenStoreTask,
  storeLocationTiming,
  type StoreLocationTiming,
  type StoreTaskFacts,
  type TaskOfFulfillmentOrder,
} from "~/models/store-tasks.server";
import { promisedReadyBy } from "~/services/checkout-pickup/order-promise.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { adminClientForShop } from "~/shopify/admin-client-for-shop.server";
import {
  fetchFulfillmentOrderForStoreTask,
  type StoreTaskFulfillmentOrder,
} from "~/shopify/operations/fulfillment-order-for-store-task.server";
import { defaultAlertEmailQueueDependencies, queueStoreTaskAlertEmail } from "./alert-email-queue.server";
import { resumeAfterHoldReleased } from "./hold-release.server";
import { planNotificationsForNewTask, planNotificationsForTaskEnd } from "~/services/notifications/cadence.server";
import { planTaskSync, taskKindOf } from "./plan-task-sync";
import { storeSettingsFor } from "./store-settings.server";
import { enqueueStoreTaskSync } from "./sync-triggers.server";

/**
 * store-tasks.sync-fulfillment-order: reads the fulfilment order from Shopify as it is now and
 * brings its store tasks in step (plan-task-sync.ts says how). Whatever triggered it, and in
 * whatever order triggers arrive, the outcome is what Shopify holds when it runs, so duplicate
 * and late triggers converge. It only reads Shopify: a lost answer is simply asked again.
 *
 * It queues syncs of its own (of the order's other fulfilment orders), so this module and the
 * job's definition import each other, through sync-triggers; neither uses the other until a job
 * runs.
 */

export interface StoreTaskSyncJob {
  shop: string;
  /** Numeric. */
  fulfillmentOrderId: string;
  /** Nothing to do when routing has settled the fulfilment order (it queued its own sync then). */
  unlessRouted?: true;
}

export interface StoreTaskSyncDependencies {
  client(shop: string): AdminClient;
  now(): Date;
  /** A fresh pickup code; the sync draws again while one is in use. */
  pickupCode(): string;
}

/** What a sync draws pickup codes from. */
type PickupCodes = Pick<StoreTaskSyncDependencies, "pickupCode">;

export const defaultStoreTaskSyncDependencies: StoreTaskSyncDependencies = {
  client: (shop) => adminClientForShop(shop),
  now: () => new Date(),
  pickupCode: () => generatePickupCode(crypto.randomInt),
};

export interface StoreTaskSyncOutcome {
  created: string[];
  reopened: string[];
  refreshed: string[];
  ended: { taskId: string; reason: StoreTaskEndedReason }[];
}

/** Fulfilment order statuses a store may work on now (not on hold, not scheduled). */
const WORKABLE_STATUSES = new Set(["OPEN", "IN_PROGRESS"]);

/** Draws of a code already in use (one in a billion per open task) before giving up. */
const PICKUP_CODE_DRAWS = 10;

/**
 * `preferred` when no open task has it, else the first unused draw. `checked`, a code already looked
 * up (a draw offered to readForStoreTaskSync), goes first without a second look when it was free.
 */
async function unusedPickupCode(
  tx: Db,
  shop: string,
  deps: PickupCodes,
  preferred?: string,
  checked?: { code: string; inUse: boolean },
): Promise<string> {
  if (checked && !checked.inUse) return checked.code;
  if (preferred && !(await isPickupCodeInUse(tx, shop, preferred))) return preferred;
  for (let draw = 0; draw < PICKUP_CODE_DRAWS; draw++) {
    const code = deps.pickupCode();
    if (!(await isPickupCodeInUse(tx, shop, code))) return code;
  }
  throw new Error(`No unused pickup code for ${shop} after ${PICKUP_CODE_DRAWS} draws`);
}

function factsOf(fo: StoreTaskFulfillmentOrder, locationId: string): StoreTaskFacts {
  return {
    fulfillmentOrderId: fo.fulfillmentOrderId,
    orderId: fo.orderId,
    orderName: fo.orderName,
    locationId,
    kind: taskKindOf(fo.deliveryMethod),
    customerName: fo.customerName,
    lines: fo.lineItems
      .filter((line) => line.remainingQuantity > 0)
      .map((line) => ({
        lineItemId: line.lineItemId,
        sku: line.sku,
        barcode: line.barcode,
        title: line.title,
        variantTitle: line.variantTitle,
        imageUrl: line.imageUrl,
        quantity: line.remainingQuantity,
      })),
  };
}

/**
 * When a task assigned at `at` is due done: a pickup at the store the shopper was promised, by
 * that promise's ready-by (what they were told, however late the task arrives); otherwise from
 * its store's time zone, opening hours, preparation time (the promise's rule: the merchant's
 * minutes, else Shopify's "Usually ready in …", else the default) and same-day cut-off and the
 * shop's ship SLA; null when the store has no profile to tell.
 */
async function dueAtOf(
  tx: Db,
  shop: string,
  facts: StoreTaskFacts,
  at: Date,
  storeSettings: StoreSettings,
  /** The store's timing as the sync read it; read here when not given. */
  known?: StoreLocationTiming | null,
) {
  if (facts.kind === "PICKUP") {
    const promised = await promisedReadyBy(tx, shop, facts.orderId, facts.locationId);
    if (promised) return promised;
  }
  const timing = known === undefined ? await storeLocationTiming(tx, shop, facts.locationId) : known;
  if (!timing) return null;
  const location = {
    timeZone: timing.timeZone,
    // Hours that do not read count every minute, as hours that never open do: a due time that
    // comes early beats none, and the Locations page asks for them to be saved again.
    openingHours: timing.openingHours === "UNREADABLE" ? null : timing.openingHours,
    preparationMinutes: preparationMinutesOf({
      merchantMinutes: timing.preparationMinutes,
      shopifyPickupTime: timing.shopifyPickupTime,
    }),
    sameDayCutoff: timing.sameDayCutoff,
  };
  return dueAtFor({ kind: facts.kind, assignedAt: at }, location, storeSettings);
}

function taskOf(tasks: readonly TaskOfFulfillmentOrder[], taskId: string): TaskOfFulfillmentOrder {
  const task = tasks.find((candidate) => candidate.id === taskId);
  if (!task) throw new Error(`Store task ${taskId} is not one of the fulfilment order's`);
  return task;
}

/**
 * A move into a location that already holds another of the order's fulfilment orders merges
 * them: Shopify closes that one and recreates its lines in a new one ("fulfillmentOrderMove",
 * Admin API 2026-04), and the fulfillment_orders/moved webhook names only the one moved from
 * and the new one. So when a fulfilment order gets a task, the order's other open tasks are
 * synced too (which ends one whose fulfilment order was closed). Only on a new or reopened task,
 * so syncs never queue each other in a loop.
 */
async function syncOtherFulfillmentOrders(
  tx: Db,
  shop: string,
  facts: StoreTaskFacts,
  openTaskFulfillmentOrderIds: readonly string[],
): Promise<void> {
  for (const fulfillmentOrderId of new Set(openTaskFulfillmentOrderIds)) {
    if (fulfillmentOrderId !== facts.fulfillmentOrderId) await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
  }
}

/**
 * Thrown inside the sync's SQL transaction when a task waiting on the app's hold is to go back to
 * work: that step (hold-release.server.ts) runs on Prisma, so the sync is run again, whole, in a
 * Prisma transaction. Rare (a merchant releasing a hold); everything else runs on node-postgres.
 */
class HoldReleaseNeedsPrismaTransaction extends Error {}

export async function syncFulfillmentOrderTasks(
  job: StoreTaskSyncJob,
  deps: StoreTaskSyncDependencies = defaultStoreTaskSyncDependencies,
): Promise<StoreTaskSyncOutcome> {
  if (
    job.unlessRouted &&
    (await isSettledByRouting(sqlPool, job.shop, shopifyGid("FulfillmentOrder", job.fulfillmentOrderId)))
  ) {
    return { created: [], reopened: [], refreshed: [], ended: [] };
  }
  const read = await fetchFulfillmentOrderForStoreTask(deps.client(job.shop), job.fulfillmentOrderId);
  const at = deps.now();
  // Read before the transaction, which must not take a second connection while it holds one.
  const storeSettings = await storeSettingsFor(job.shop);
  const step = { read, at, storeSettings, deps };
  try {
    return await inSqlTransaction((tx) => syncInTransaction(tx, job, step, null));
  } catch (error) {
    if (!(error instanceof HoldReleaseNeedsPrismaTransaction)) throw error;
    return prisma.$transaction((tx) =>
      syncInTransaction(tx, job, step, (task) => resumeAfterHoldReleased(tx, job.shop, task, at)),
    );
  }
}

interface SyncStep {
  read: StoreTaskFulfillmentOrder | null;
  at: Date;
  storeSettings: StoreSettings;
  deps: PickupCodes;
}

/**
 * Brings the fulfilment order's store tasks in step with `read`, in the caller's transaction: the
 * routing job's, with the fulfilment order as its move answered or its own read returned it, in
 * the transaction that records the move or the stay (decision 045). `storeSettings` are read
 * before that transaction. A held task the merchant has released is sent back to work by a sync
 * job, which does that on Prisma.
 */
/** When Shopify answered with the fulfilment order, and the store settings its task is made with. */
export interface AnsweredAt {
  at: Date;
  storeSettings: StoreSettings;
}

export async function syncTasksToAnswer(
  tx: Db,
  shop: string,
  read: StoreTaskFulfillmentOrder,
  { at, storeSettings }: AnsweredAt,
  deps: PickupCodes = defaultStoreTaskSyncDependencies,
): Promise<StoreTaskSyncOutcome> {
  const { fulfillmentOrderId } = read;
  const step = { read, at, storeSettings, deps };
  return syncInTransaction(tx, { shop, fulfillmentOrderId }, step, async () => {
    await enqueueStoreTaskSync(tx, shop, fulfillmentOrderId);
    return false;
  });
}

async function syncInTransaction(
  tx: Db,
  { shop, fulfillmentOrderId }: StoreTaskSyncJob,
  { read, at, storeSettings, deps }: SyncStep,
  resumeHold: ((task: TaskOfFulfillmentOrder) => Promise<boolean>) | null,
): Promise<StoreTaskSyncOutcome> {
  // A cancellation that arrived since Shopify was read counts: tasks must not outlive it. Read
  // (and the order's row locked) before the tasks are.
  // A code for a task this sync may create, looked up with the reads rather than on its own.
  const drawn = read ? deps.pickupCode() : null;
  const reads = read && (await readForStoreTaskSync(tx, shop, read.orderId, read.locationId, drawn));
  const fo = read && reads && { ...read, orderCancelled: read.orderCancelled || reads.orderCancelled };
  const tasks = await lockTasksOfFulfillmentOrder(tx, shop, fulfillmentOrderId);
  const locationIsStore = fo?.locationId ? (reads?.locationIsStore ?? false) : false;
  // The order's other fulfilment orders with open tasks; this sync's own ended ones are this one's.
  const otherOpen = reads?.openTaskFulfillmentOrderIds ?? [];
  const plan = planTaskSync(fo, tasks, locationIsStore);
  const outcome: StoreTaskSyncOutcome = { created: [], reopened: [], refreshed: [], ended: [] };

  // Ended first: a fulfilment order has one open task, and the new store's opens below.
  for (const { taskId, reason } of plan.end) {
    const task = taskOf(tasks, taskId);
    if (!(await endStoreTask(tx, shop, task, reason, at))) continue;
    outcome.ended.push({ taskId, reason });
    if (fo) {
      const ended = { orderId: fo.orderId, locationId: task.locationId, kind: taskKindOf(fo.deliveryMethod) };
      await planNotificationsForTaskEnd(tx, shop, ended, reason, at);
    }
  }
  if (!plan.here || !fo?.locationId) return outcome;
  const facts = factsOf(fo, fo.locationId);
  switch (plan.here.action) {
    case "CREATE": {
      const checked = drawn !== null && reads ? { code: drawn, inUse: reads.pickupCodeInUse } : undefined;
      const pickupCode = await unusedPickupCode(tx, shop, deps, undefined, checked);
      const dueAt = await dueAtOf(tx, shop, facts, at, storeSettings, reads?.timing ?? null);
      const taskId = await createStoreTask(tx, shop, facts, { pickupCode, at, dueAt });
      outcome.created.push(taskId);
      await queueStoreTaskAlertEmail(
        tx,
        shop,
        { id: taskId, locationId: facts.locationId },
        { ...defaultAlertEmailQueueDependencies, settings: async () => storeSettings },
      );
      const movedHere = plan.end.some((ended) => ended.reason === "MOVED_AWAY");
      await planNotificationsForNewTask(tx, shop, facts, movedHere, at);
      await syncOtherFulfillmentOrders(tx, shop, facts, otherOpen);
      break;
    }
    case "REOPEN": {
      const task = taskOf(tasks, plan.here.taskId);
      // The shopper may have been given its code already: it stays unless another task took it.
      const pickupCode = await unusedPickupCode(tx, shop, deps, task.pickupCode);
      const dueAt = await dueAtOf(tx, shop, facts, at, storeSettings, reads?.timing ?? null);
      await reopenStoreTask(tx, shop, task, facts, { pickupCode, at, dueAt });
      outcome.reopened.push(task.id);
      await syncOtherFulfillmentOrders(tx, shop, facts, otherOpen);
      break;
    }
    case "REFRESH": {
      await refreshStoreTask(tx, shop, plan.here.taskId, facts, at);
      outcome.refreshed.push(plan.here.taskId);
      // Open again where it was held: the merchant released the app's hold.
      const task = taskOf(tasks, plan.here.taskId);
      if (fo && WORKABLE_STATUSES.has(fo.status) && task.state === "EXCEPTION") {
        if (!resumeHold) throw new HoldReleaseNeedsPrismaTransaction();
        await resumeHold(task);
      }
      break;
    }
  }
  return outcome;
}

/** When a task assigned at `at` is due, as the sync works it out, for the demo's history (dev/demo/history-store-tasks.ts). */
export { dueAtOf as dueAtOfStoreTask };

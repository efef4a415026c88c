import prisma from "~/db.server";
import { taskAlerts } from "~/domain/store-tasks/timers";
import { listLiveLocations } from "~/models/locations.server";
import { newStoreTasksDueBy } from "~/models/store-task-escalations.server";
import { findStoreTaskForEffect } from "~/models/store-tasks-associate.server";
import { endStoreTask, lockStoreTask, recordStoreTaskEvent, findStoreTask } from "~/models/store-tasks.server";
import { STORE_SETTINGS_LIMITS } from "~/domain/store-tasks/settings";
import { fetchFulfillmentOrderForStoreTask } from "~/shopify/operations/fulfillment-order-for-store-task.server";
import { confirmRerouteMoved, decideElsewhere, moveLines } from "./reroute-placement.server";
import { defaultRerouteDependencies, type RerouteDependencies } from "./reroute.server";
import { storeTasksEscalateTaskJob } from "./escalate-task.job.server";
import { storeSettingsFor } from "./store-settings.server";
import { enqueueStoreTaskSync } from "./sync-triggers.server";

/**
 * Escalation: a task still new `escalation.minutesBeforeDue` minutes before it is due (when the
 * merchant turned escalation on) leaves its store. The routing engine decides where the whole
 * fulfilment order goes with the store left out, and it is moved there; the store's task ends
 * moved away and the new store gets its task through the sync. When no other location can take
 * it, it stays, and the task's timeline says so.
 *
 * A scan every minute (store-tasks.escalate-due) finds the tasks due for it and queues one
 * store-tasks.escalate-task each. A scan rather than a job scheduled when the task is created:
 * the due time and the merchant's settings may change after creation (turning escalation on
 * applies to orders already waiting), and tasks are created and reopened by the sync, which
 * this leaves alone. Each task is escalated once: its ESCALATED event, recorded whatever the
 * outcome, takes it out of later scans, and a run finding one does nothing.
 */

export interface EscalateTaskJob {
  shop: string;
  taskId: string;
}

export type EscalationOutcome =
  { kind: "NOTHING_TO_DO" } | { kind: "MOVED"; toLocationIds: string[] } | { kind: "STAYED" };

const ACTIVE = new Set(["OPEN", "IN_PROGRESS"]);
const MINUTE = 60_000;

/** store-tasks.escalate-due: queues the escalation of every new task due for it at `now`; returns how many. */
export async function escalateDueTasks(now: Date = new Date()): Promise<number> {
  const widest = new Date(now.getTime() + STORE_SETTINGS_LIMITS.minutesBeforeDue.max * MINUTE);
  const candidates = await newStoreTasksDueBy(prisma, widest);
  const settingsByShop = new Map<string, Awaited<ReturnType<typeof storeSettingsFor>>>();
  let queued = 0;
  for (const task of candidates) {
    const settings = settingsByShop.get(task.shop) ?? (await storeSettingsFor(task.shop));
    settingsByShop.set(task.shop, settings);
    if (!taskAlerts(task, settings, now).escalate) continue;
    await prisma.$transaction((tx) => storeTasksEscalateTaskJob.enqueue(tx, { shop: task.shop, taskId: task.id }));
    queued++;
  }
  return queued;
}

/** store-tasks.escalate-task: moves a task's fulfilment order away from a store that has not started it. */
export async function escalateStoreTask(
  job: EscalateTaskJob,
  deps: RerouteDependencies = defaultRerouteDependencies,
): Promise<EscalationOutcome> {
  const found = await findStoreTaskForEffect(prisma, job.shop, job.taskId);
  const task = found && (await findStoreTask(prisma, job.shop, found.locationId, job.taskId));
  if (!task || task.state !== "NEW") return { kind: "NOTHING_TO_DO" };
  if (task.events.some((event) => event.detail?.kind === "ESCALATED")) return { kind: "NOTHING_TO_DO" };
  const settings = await storeSettingsFor(job.shop);
  if (!taskAlerts(task, settings, deps.now()).escalate) return { kind: "NOTHING_TO_DO" };

  const client = deps.client(job.shop);
  const fo = await fetchFulfillmentOrderForStoreTask(client, task.fulfillmentOrderId);
  if (!fo || fo.orderCancelled || fo.locationId !== task.locationId || !ACTIVE.has(fo.status)) {
    // Moved, held or ended in Shopify meanwhile: the sync brings the task in step. A move an
    // earlier run made (its answer lost) holds its units where it went until the mirror shows them.
    if (fo && fo.locationId !== task.locationId) {
      const skus = [...new Set(fo.lineItems.flatMap((line) => (line.sku ? [line.sku] : [])))];
      await confirmRerouteMoved(job.shop, { orderId: fo.orderId, skus, since: task.createdAt });
    }
    await prisma.$transaction((tx) => enqueueStoreTaskSync(tx, job.shop, task.fulfillmentOrderId));
    return { kind: "NOTHING_TO_DO" };
  }
  const names = new Map(
    (await listLiveLocations(prisma, job.shop)).map((location) => [location.locationId, location.name]),
  );
  const storeName = names.get(task.locationId) ?? `location ${task.locationId}`;
  const reason = `not started ${settings.escalation.minutesBeforeDue} min before it was due at ${storeName}`;
  const lines = fo.lineItems.filter((line) => line.remainingQuantity > 0);
  const placement = await decideElsewhere(job.shop, fo, lines, task.locationId, deps.now(), task.createdAt);
  const moved = placement && (await moveLines(client, fo, lines, placement));
  const toLocationIds = moved && placement ? placement.assignments.map((assignment) => assignment.locationId) : [];
  const at = deps.now();

  await prisma.$transaction(async (tx) => {
    if (!(await lockStoreTask(tx, job.shop, task.locationId, task.id))) return;
    const now = await findStoreTask(tx, job.shop, task.locationId, task.id);
    if (!now || now.events.some((event) => event.detail?.kind === "ESCALATED")) return;
    await recordStoreTaskEvent(tx, job.shop, {
      taskId: task.id,
      fromState: now.state,
      toState: now.state,
      locationId: task.locationId,
      at,
      detail: {
        kind: "ESCALATED",
        toLocationId: toLocationIds[0] ?? null,
        toLocationName: toLocationIds.length
          ? toLocationIds.map((id) => names.get(id) ?? `location ${id}`).join(" and ")
          : null,
        reason,
      },
    });
    if (!moved) return;
    await endStoreTask(tx, job.shop, now, "MOVED_AWAY", at);
    for (const fulfillmentOrderId of new Set(moved.fulfillmentOrderIds)) {
      await enqueueStoreTaskSync(tx, job.shop, fulfillmentOrderId);
    }
  });
  return moved ? { kind: "MOVED", toLocationIds } : { kind: "STAYED" };
}

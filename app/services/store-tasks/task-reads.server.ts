import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { instantAt, localDateOf } from "~/domain/local-time";
import { medianSeconds, pickSeconds } from "~/domain/store-tasks/picking";
import { queueCounts, queueOf, type QueueCounts, type QueueView } from "~/domain/store-tasks/queue";
import { taskAlerts } from "~/domain/store-tasks/timers";
import { binLocationsFor } from "~/models/item-bin-locations.server";
import { findStoreLocation, findTaskIdOfOrderAt, listPicksPackedBy } from "~/models/store-tasks-associate.server";
import { findStoreTask, listLocationQueue } from "~/models/store-tasks.server";
import { answered, LOCATION_NOT_A_STORE, refused, TASK_NOT_HERE, type PosCaller, type PosOutcome } from "./pos-outcome";
import { storeSettingsFor } from "./store-settings.server";
import { taskSummaryView, taskView, type TaskSummaryView, type TaskView } from "./task-view";

/** What the POS reads: a store's queue, a task, the task of a POS order, an associate's day. */

type Db = Prisma.TransactionClient;

/** The store at the caller's location, or null when the location is not one of the shop's stores. */
export function storeOf(caller: PosCaller, db: Db = prisma) {
  return findStoreLocation(db, caller.shop, caller.locationId);
}

/** The task as its screen shows it; null when the shop has no such task at the location. */
export async function loadTaskView(
  caller: PosCaller,
  taskId: string,
  now: Date,
  db: Db = prisma,
): Promise<TaskView | null> {
  const task = await findStoreTask(db, caller.shop, caller.locationId, taskId);
  if (!task) return null;
  const settings = await storeSettingsFor(caller.shop);
  const skus = task.lines.flatMap((line) => (line.sku ? [line.sku] : []));
  const bins = await binLocationsFor(db, caller.shop, caller.locationId, skus);
  return taskView(task, {
    now,
    alertSettings: settings,
    bins,
    pickTargetSeconds: settings.pickTargetSeconds,
    requireIdCheck: settings.requireIdCheck,
  });
}

export async function taskDetail(
  caller: PosCaller,
  taskId: string,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView }>> {
  if (!(await storeOf(caller))) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const task = await loadTaskView(caller, taskId, now);
  return task ? answered({ task }) : refused("NOT_FOUND", TASK_NOT_HERE);
}

export interface LocationQueueCounts extends QueueCounts {
  /** Tasks still new longer than the merchant's "not started" alert allows (the tile turns critical). */
  notStarted: number;
}

/** One list of the store's queue, in queue order, and the counts of every list and alert. */
export async function locationQueue(
  caller: PosCaller,
  view: QueueView,
  now = new Date(),
): Promise<PosOutcome<{ counts: LocationQueueCounts; tasks: TaskSummaryView[] }>> {
  if (!(await storeOf(caller))) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const [open, settings] = await Promise.all([
    listLocationQueue(prisma, caller.shop, caller.locationId),
    storeSettingsFor(caller.shop),
  ]);
  const notStarted = open.filter((task) => taskAlerts(task, settings, now).notStarted).length;
  return answered({
    counts: { ...queueCounts(open, now), notStarted },
    tasks: queueOf(open, view, now).map((task) => taskSummaryView(task, now, settings)),
  });
}

/** The store's task of a POS order (its numeric id), or null when the store has none. */
export async function orderTask(
  caller: PosCaller,
  orderId: string,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView | null }>> {
  if (!(await storeOf(caller))) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const taskId = await findTaskIdOfOrderAt(prisma, caller.shop, caller.locationId, orderId);
  return answered({ task: taskId ? await loadTaskView(caller, taskId, now) : null });
}

export interface StaffDay {
  picksToday: number;
  medianPickSeconds: number | null;
  targetSeconds: number;
}

/**
 * The staff member's picks packed today (the store's day, in its time zone) and their median
 * pick time, against the merchant's target. The staff member is the device's claim.
 */
export async function staffDay(caller: PosCaller, now = new Date()): Promise<PosOutcome<StaffDay>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const settings = await storeSettingsFor(caller.shop);
  if (!caller.staffMemberId) {
    return answered({ picksToday: 0, medianPickSeconds: null, targetSeconds: settings.pickTargetSeconds });
  }
  const startOfDay = instantAt(localDateOf(now, store.timeZone), 0, store.timeZone);
  const picks = await listPicksPackedBy(prisma, caller.shop, caller.locationId, caller.staffMemberId, startOfDay);
  const seconds = picks.flatMap((pick) => {
    const value = pickSeconds(pick.firstScanAt ?? pick.startedAt, pick.packedAt);
    return value === null ? [] : [value];
  });
  return answered({
    picksToday: picks.length,
    medianPickSeconds: medianSeconds(seconds),
    targetSeconds: settings.pickTargetSeconds,
  });
}

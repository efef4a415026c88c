import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { instantAt, localDateOf } from "~/domain/local-time";
import { medianSeconds, pickSeconds } from "~/domain/store-tasks/picking";
import { queueCounts, queueOf, type QueueCounts, type QueueView } from "~/domain/store-tasks/queue";
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "~/domain/store-tasks/settings";
import { taskAlerts } from "~/domain/store-tasks/timers";
import { findStoreLocation, findTaskIdOfOrderAt, listPicksPackedBy } from "~/models/store-tasks-associate.server";
import { findStoreTaskWithBins, listLocationQueue } from "~/models/store-tasks.server";
import { answered, LOCATION_NOT_A_STORE, refused, TASK_NOT_HERE, type PosCaller, type PosOutcome } from "./pos-outcome";
import { taskSummaryView, taskView, type TaskSummaryView, type TaskView } from "./task-view";

/** What the POS reads: a store's queue, a task, the task of a POS order, an associate's day. */

type Db = Prisma.TransactionClient;

export interface PosStore {
  locationId: string;
  timeZone: string;
  /** The shop's store settings (the defaults before the first save). */
  settings: StoreSettings;
}

/**
 * The store at the caller's location with the shop's settings, or null when the location is not
 * one of the shop's stores. Every POS request starts here, in one round trip.
 */
export async function storeOf(caller: PosCaller, db: Db = prisma): Promise<PosStore | null> {
  const store = await findStoreLocation(db, caller.shop, caller.locationId);
  return (
    store && {
      locationId: store.locationId,
      timeZone: store.timeZone,
      settings: store.savedSettings ?? DEFAULT_STORE_SETTINGS,
    }
  );
}

/** The task as its screen shows it; null when the shop has no such task at the location. */
export async function loadTaskView(
  caller: PosCaller,
  taskId: string,
  now: Date,
  settings: StoreSettings,
  db: Db = prisma,
): Promise<TaskView | null> {
  const found = await findStoreTaskWithBins(db, caller.shop, caller.locationId, taskId);
  if (!found) return null;
  const { task, bins } = found;
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
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const task = await loadTaskView(caller, taskId, now, store.settings);
  return task ? answered({ task }) : refused("NOT_FOUND", TASK_NOT_HERE);
}

export interface LocationQueueCounts extends QueueCounts {
  /** Tasks still new longer than the merchant's "not started" alert allows (the tile turns critical). */
  notStarted: number;
}

/**
 * The most of one list a POS screen is sent: the most urgent come first, and an associate works
 * from the top; a store with more open orders than this sees how many more there are.
 */
export const QUEUE_LIST_LIMIT = 100;

/**
 * One list of the store's queue, in queue order (at most QUEUE_LIST_LIMIT, with how many more
 * there are), and the counts of every list and alert.
 */
export async function locationQueue(
  caller: PosCaller,
  view: QueueView,
  now = new Date(),
): Promise<PosOutcome<{ counts: LocationQueueCounts; tasks: TaskSummaryView[]; more: number }>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const { settings } = store;
  const open = await listLocationQueue(prisma, caller.shop, caller.locationId);
  const notStarted = open.filter((task) => taskAlerts(task, settings, now).notStarted).length;
  const listed = queueOf(open, view, now);
  return answered({
    counts: { ...queueCounts(open, now), notStarted },
    tasks: listed.slice(0, QUEUE_LIST_LIMIT).map((task) => taskSummaryView(task, now, settings)),
    more: Math.max(0, listed.length - QUEUE_LIST_LIMIT),
  });
}

/** The store's task of a POS order (its numeric id), or null when the store has none. */
export async function orderTask(
  caller: PosCaller,
  orderId: string,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView | null }>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const taskId = await findTaskIdOfOrderAt(prisma, caller.shop, caller.locationId, orderId);
  return answered({ task: taskId ? await loadTaskView(caller, taskId, now, store.settings) : null });
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
  const { settings } = store;
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

import prisma from "~/db.server";
import {
  staffLeaderboard,
  storeDayFigures,
  storeDayOf,
  type StaffEvent,
  type StaffStanding,
  type StoreDayFigures,
} from "~/domain/store-tasks/performance";
import { leaderboardPeriodStart, type LeaderboardPeriod } from "~/domain/store-tasks/leaderboard-period";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { staffName } from "~/domain/store-tasks/staff-name";
import { taskAlerts } from "~/domain/store-tasks/timers";
import { listLiveLocations } from "~/models/locations.server";
import { staffNicknames } from "~/models/staff-nicknames.server";
import {
  exceptionReportsSince,
  openStoreTaskClocks,
  staffEventsSince,
  storeTasksOnBoardSince,
  type StoreTaskClock,
} from "~/models/store-tasks.server";

/** The Stores page's figures: each store's day so far, and the staff leaderboard. */

export interface StoreToday {
  locationId: string;
  name: string;
  /** The store's own zone, in which its day runs from midnight. */
  timeZone: string;
  figures: StoreDayFigures;
  attention: StoreAttention;
}

/** An order a store should act on, and for how long it has waited. */
export interface TaskNeedingAttention {
  taskId: string;
  orderId: string;
  orderName: string;
  /** Since it was assigned (not started) or since it was ready (uncollected). */
  waitingSeconds: number;
}

/** A store's open tasks that alert now, longest waiting first. */
export interface StoreAttention {
  /** Past their due time with the store's part not done. */
  late: number;
  /** Still new longer than the settings' "not started" minutes. */
  notStarted: TaskNeedingAttention[];
  /** Ready for pickup the settings' uncollected days or more. */
  uncollected: TaskNeedingAttention[];
}

/** Each store's alerting tasks at `now`, by location id. */
export async function storesAttention(
  shop: string,
  locationIds: readonly string[],
  settings: StoreSettings,
  now: Date,
): Promise<Map<string, StoreAttention>> {
  const byStore = new Map<string, StoreAttention>(
    locationIds.map((locationId) => [locationId, { late: 0, notStarted: [], uncollected: [] }]),
  );
  const needing = (task: StoreTaskClock, since: Date): TaskNeedingAttention => ({
    taskId: task.id,
    orderId: task.orderId,
    orderName: task.orderName,
    waitingSeconds: Math.round((now.getTime() - since.getTime()) / 1000),
  });
  for (const task of await openStoreTaskClocks(prisma, shop, locationIds)) {
    const store = byStore.get(task.locationId);
    if (!store) continue;
    const alerts = taskAlerts(task, settings, now);
    if (alerts.late) store.late += 1;
    if (alerts.notStarted) store.notStarted.push(needing(task, task.assignedAt));
    if (alerts.uncollected && task.readyAt) store.uncollected.push(needing(task, task.readyAt));
  }
  for (const store of byStore.values()) store.uncollected.sort((a, b) => b.waitingSeconds - a.waitingSeconds);
  return byStore;
}

const NO_ATTENTION: StoreAttention = Object.freeze({ late: 0, notStarted: [], uncollected: [] });

export interface StaffRow extends StaffStanding {
  /** The nickname given on the Stores page, else "Staff 12345". */
  name: string;
  nickname: string | null;
}

export interface StoresPerformance {
  stores: StoreToday[];
  leaderboard: StaffRow[];
}

/** Which days the staff leaderboard covers: the merchant's choice, in the shop's zone. */
export interface LeaderboardSpan {
  period: LeaderboardPeriod;
  /** The shop's zone, in which "today" and each day before it start at midnight. */
  timeZone: string;
}

export async function storesPerformance(
  shop: string,
  settings: StoreSettings,
  now: Date,
  leaderboardSpan: LeaderboardSpan,
): Promise<StoresPerformance> {
  const stores = (await listLiveLocations(prisma, shop)).flatMap((location) =>
    location.profile?.kind === "STORE"
      ? [{ locationId: location.locationId, name: location.name, timeZone: location.profile.timeZone }]
      : [],
  );
  // A chain's stores share a handful of zones: each zone's day is worked out once, not per store.
  const dayOfZone = new Map<string, ReturnType<typeof storeDayOf>>();
  const dayIn = (timeZone: string) => {
    let day = dayOfZone.get(timeZone);
    if (!day) dayOfZone.set(timeZone, (day = storeDayOf(now, timeZone)));
    return day;
  };
  const days = new Map(stores.map((store) => [store.locationId, dayIn(store.timeZone)]));
  // The earliest midnight among the stores' zones: each store then keeps only its own day.
  const earliest = new Date(Math.min(now.getTime(), ...[...days.values()].map((day) => day.from.getTime())));
  const leaderboardSince = leaderboardPeriodStart(leaderboardSpan.period, now, leaderboardSpan.timeZone);
  const [tasks, exceptions, staffEvents, nicknames, attention] = await Promise.all([
    storeTasksOnBoardSince(
      prisma,
      shop,
      stores.map((store) => store.locationId),
      earliest,
    ),
    exceptionReportsSince(prisma, shop, earliest),
    staffEventsSince(prisma, shop, leaderboardSince),
    staffNicknames(prisma, shop),
    storesAttention(
      shop,
      stores.map((store) => store.locationId),
      settings,
      now,
    ),
  ]);
  const tasksAt = groupByLocation(tasks);
  const reportsAt = groupByLocation(exceptions);
  return {
    stores: stores.map((store) => {
      const day = days.get(store.locationId) ?? dayIn(store.timeZone);
      const reports = (reportsAt.get(store.locationId) ?? []).filter(
        (report) => report.at >= day.from && report.at <= day.to,
      ).length;
      const storeTasks = tasksAt.get(store.locationId) ?? [];
      return {
        ...store,
        figures: storeDayFigures(storeTasks, reports, settings, day),
        attention: attention.get(store.locationId) ?? NO_ATTENTION,
      };
    }),
    leaderboard: staffLeaderboard(staffEvents.flatMap(toStaffEvent)).map((standing) => {
      const nickname = nicknames.get(standing.staffMemberId) ?? null;
      return { ...standing, name: staffName(standing.staffMemberId, nickname), nickname };
    }),
  };
}

/** Rows by their location, so each of a chain's stores finds its own without scanning everyone's. */
function groupByLocation<T extends { locationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byLocation = new Map<string, T[]>();
  for (const row of rows) {
    const list = byLocation.get(row.locationId);
    if (list) list.push(row);
    else byLocation.set(row.locationId, [row]);
  }
  return byLocation;
}

function toStaffEvent(event: Awaited<ReturnType<typeof staffEventsSince>>[number]): StaffEvent[] {
  if (event.detail?.kind === "SCAN") {
    return [{ kind: "SCAN", staffMemberId: event.staffMemberId, outcome: event.detail.outcome }];
  }
  if (event.toState === "PACKED") {
    return [{ kind: "PACKED", staffMemberId: event.staffMemberId, at: event.at, firstScanAt: event.taskFirstScanAt }];
  }
  return [];
}

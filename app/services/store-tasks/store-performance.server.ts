import prisma from "~/db.server";
import {
  staffLeaderboard,
  storeDayFigures,
  storeDayOf,
  type StaffEvent,
  type StaffStanding,
  type StoreDayFigures,
} from "~/domain/store-tasks/performance";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { staffName } from "~/domain/store-tasks/staff-name";
import { listLiveLocations } from "~/models/locations.server";
import { staffNicknames } from "~/models/staff-nicknames.server";
import { exceptionReportsSince, staffEventsSince, storeTasksOnBoardSince } from "~/models/store-tasks.server";

/** The Stores page's figures: each store's day so far, and the staff leaderboard. */

/** The leaderboard spans a week, so a morning's board is not empty and a slow day is not the story. */
export const LEADERBOARD_DAYS = 7;

export interface StoreToday {
  locationId: string;
  name: string;
  /** The store's own zone, in which its day runs from midnight. */
  timeZone: string;
  figures: StoreDayFigures;
}

export interface StaffRow extends StaffStanding {
  /** The nickname given on the Stores page, else "Staff 12345". */
  name: string;
  nickname: string | null;
}

export interface StoresPerformance {
  stores: StoreToday[];
  leaderboard: StaffRow[];
}

export async function storesPerformance(shop: string, settings: StoreSettings, now: Date): Promise<StoresPerformance> {
  const stores = (await listLiveLocations(prisma, shop)).flatMap((location) =>
    location.profile?.kind === "STORE"
      ? [{ locationId: location.locationId, name: location.name, timeZone: location.profile.timeZone }]
      : [],
  );
  const days = new Map(stores.map((store) => [store.locationId, storeDayOf(now, store.timeZone)]));
  // The earliest midnight among the stores' zones: each store then keeps only its own day.
  const earliest = new Date(Math.min(now.getTime(), ...[...days.values()].map((day) => day.from.getTime())));
  const leaderboardSince = new Date(now.getTime() - LEADERBOARD_DAYS * 24 * 3600 * 1000);
  const [tasks, exceptions, staffEvents, nicknames] = await Promise.all([
    storeTasksOnBoardSince(
      prisma,
      shop,
      stores.map((store) => store.locationId),
      earliest,
    ),
    exceptionReportsSince(prisma, shop, earliest),
    staffEventsSince(prisma, shop, leaderboardSince),
    staffNicknames(prisma, shop),
  ]);
  return {
    stores: stores.map((store) => {
      const day = days.get(store.locationId) ?? storeDayOf(now, store.timeZone);
      const reports = exceptions.filter(
        (report) => report.locationId === store.locationId && report.at >= day.from && report.at <= day.to,
      ).length;
      const storeTasks = tasks.filter((task) => task.locationId === store.locationId);
      return { ...store, figures: storeDayFigures(storeTasks, reports, settings, day) };
    }),
    leaderboard: staffLeaderboard(staffEvents.flatMap(toStaffEvent)).map((standing) => {
      const nickname = nicknames.get(standing.staffMemberId) ?? null;
      return { ...standing, name: staffName(standing.staffMemberId, nickname), nickname };
    }),
  };
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

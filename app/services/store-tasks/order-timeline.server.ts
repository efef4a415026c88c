import prisma from "~/db.server";
import { formatDateTime } from "~/domain/date-time";
import { formatDuration } from "~/domain/store-tasks/durations";
import { staffName } from "~/domain/store-tasks/staff-name";
import { storeTaskTimeline } from "~/domain/store-tasks/timeline";
import type { StoreTaskKind, StoreTaskState } from "~/domain/store-tasks/types";
import { listLiveLocations } from "~/models/locations.server";
import { staffNicknames } from "~/models/staff-nicknames.server";
import { storeTasksOfOrder } from "~/models/store-tasks.server";

/** An order's store timeline on its page: each store's work on it, step by step. */

export interface TimelineStepView {
  label: string;
  /** In the shop's zone ("2026-11-27 09:04 CST"). */
  at: string;
  /** Who did it ("Staff 12345" or their nickname); null for what Shopify or the app did. */
  staff: string | null;
  /** How long it took after the step before ("6 min 12 s"); null for the first. */
  took: string | null;
  problem: boolean;
}

export interface StoreTaskTimelineView {
  taskId: string;
  locationName: string;
  kind: StoreTaskKind;
  state: StoreTaskState;
  steps: TimelineStepView[];
}

/** The order's store tasks, oldest first, each with its steps; none when no store had it. */
export async function storeTimelineOfOrder(
  shop: string,
  orderId: string,
  timeZone: string,
): Promise<StoreTaskTimelineView[]> {
  const tasks = await storeTasksOfOrder(prisma, shop, orderId);
  if (tasks.length === 0) return [];
  const [locations, nicknames] = await Promise.all([listLiveLocations(prisma, shop), staffNicknames(prisma, shop)]);
  const names = new Map(locations.map((location) => [location.locationId, location.name]));
  return tasks.map((task) => ({
    taskId: task.id,
    locationName: names.get(task.locationId) ?? `Location ${task.locationId}`,
    kind: task.kind,
    state: task.state,
    steps: storeTaskTimeline(task.events, task.lines).map((step) => ({
      label: step.label,
      at: formatDateTime(step.at, timeZone),
      staff: step.staffMemberId === null ? null : staffName(step.staffMemberId, nicknames.get(step.staffMemberId)),
      took: step.tookSeconds === null ? null : formatDuration(step.tookSeconds),
      problem: step.problem,
    })),
  }));
}

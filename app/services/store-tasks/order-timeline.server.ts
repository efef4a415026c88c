import prisma from "~/db.server";
import { formatDateTime } from "~/domain/date-time";
import { formatDuration } from "~/domain/store-tasks/durations";
import { staffName } from "~/domain/store-tasks/staff-name";
import { storeTaskTimeline } from "~/domain/store-tasks/timeline";
import { photosOfSteps } from "~/domain/store-tasks/timeline-photos";
import type { StoreTaskKind, StoreTaskState } from "~/domain/store-tasks/types";
import { listLiveLocations } from "~/models/locations.server";
import { staffNicknames } from "~/models/staff-nicknames.server";
import { alertEmailsOfTasks } from "~/models/store-task-alert-emails.server";
import { photosOfTasks } from "~/models/store-task-photos.server";
import { storeTasksOfOrder } from "~/models/store-tasks.server";
import { alertEmailTimelineStep } from "./alert-email-timeline";

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
  /** The associate's photos of this step (an exception's item, a delivery's proof), when there are any. */
  photos?: { id: string; url: string }[];
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
  const [locations, nicknames, emails, photos] = await Promise.all([
    listLiveLocations(prisma, shop),
    staffNicknames(prisma, shop),
    alertEmailsOfTasks(
      prisma,
      shop,
      tasks.map((task) => task.id),
    ),
    photosOfTasks(
      prisma,
      shop,
      tasks.map((task) => task.id),
    ),
  ]);
  const names = new Map(locations.map((location) => [location.locationId, location.name]));
  const emailOfTask = new Map(emails.map((email) => [email.taskId, email]));
  return tasks.map((task) => {
    const steps = storeTaskTimeline(task.events, task.lines);
    const email = emailOfTask.get(task.id);
    if (email) {
      // The store's email goes in at its time; the steps around it keep their durations.
      const step = alertEmailTimelineStep(email);
      const after = steps.findIndex((candidate) => candidate.at > step.at);
      steps.splice(after === -1 ? steps.length : after, 0, { ...step, staffMemberId: null, tookSeconds: null });
    }
    const stepPhotos = photosOfSteps(
      steps,
      task.events,
      photos.filter((photo) => photo.taskId === task.id),
    );
    return {
      taskId: task.id,
      locationName: names.get(task.locationId) ?? `Location ${task.locationId}`,
      kind: task.kind,
      state: task.state,
      steps: steps.map((step, index) => ({
        label: step.label,
        at: formatDateTime(step.at, timeZone),
        staff: step.staffMemberId === null ? null : staffName(step.staffMemberId, nicknames.get(step.staffMemberId)),
        took: step.tookSeconds === null ? null : formatDuration(step.tookSeconds),
        problem: step.problem,
        ...photoLinks(stepPhotos.get(index)),
      })),
    };
  });
}

function photoLinks(photos: readonly { id: string }[] | undefined): Pick<TimelineStepView, "photos"> {
  if (!photos?.length) return {};
  return { photos: photos.map(({ id }) => ({ id, url: `/app/store-task-photos/${id}` })) };
}

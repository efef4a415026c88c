import type { PhotoPurpose } from "./task-photo";
import type { TimelineEvent } from "./timeline";

/**
 * Where an associate's photos sit on a task's timeline: an exception photo on the exception it
 * was taken for, a delivery photo on "Delivered". The photo arrives after its step (the device
 * sends the report, then the photo), so it belongs to the last such step before it; a photo whose
 * step is not there (the report was refused) sits on the step before it, so it is never hidden.
 */

export interface TimelinePhoto {
  readonly id: string;
  readonly purpose: PhotoPurpose;
  readonly takenAt: Date;
}

function isAnchorFor(purpose: PhotoPurpose, event: TimelineEvent): boolean {
  if (purpose === "EXCEPTION") return event.detail?.kind === "EXCEPTION";
  return event.toState === "DELIVERED" && event.fromState !== "DELIVERED";
}

function lastAtOrBefore(times: readonly Date[], at: Date): Date | undefined {
  return times.filter((time) => time <= at).at(-1);
}

/**
 * The photos of each step, by the step's index; steps are the timeline's (oldest first), events
 * the task's in the order they happened.
 */
export function photosOfSteps(
  steps: readonly { readonly at: Date }[],
  events: readonly TimelineEvent[],
  photos: readonly TimelinePhoto[],
): Map<number, TimelinePhoto[]> {
  const byStep = new Map<number, TimelinePhoto[]>();
  const stepAt = (at: Date) => steps.findIndex((step) => step.at.getTime() === at.getTime());
  for (const photo of photos) {
    const anchors = events.filter((event) => isAnchorFor(photo.purpose, event)).map((event) => event.at);
    const anchor = lastAtOrBefore(anchors, photo.takenAt) ?? anchors[0];
    let index = anchor ? stepAt(anchor) : -1;
    if (index === -1) {
      const before = lastAtOrBefore(
        steps.map((step) => step.at),
        photo.takenAt,
      );
      index = before ? stepAt(before) : steps.length - 1;
    }
    if (index === -1) continue;
    byStep.set(index, [...(byStep.get(index) ?? []), photo]);
  }
  return byStep;
}

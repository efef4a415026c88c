import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { readPhoto, type PhotoContentType, type PhotoPurpose } from "~/domain/store-tasks/task-photo";
import {
  createTaskPhoto,
  findTaskPhotoByRequest,
  findTaskPhotoImage,
  lockTaskForPhoto,
  type TaskPhotoSummary,
} from "~/models/store-task-photos.server";
import { answered, LOCATION_NOT_A_STORE, refused, TASK_NOT_HERE, type PosCaller, type PosOutcome } from "./pos-outcome";
import { loadTaskView, storeOf } from "./task-reads.server";
import type { TaskView } from "./task-view";

/**
 * Photos from POS: an exception's damaged or missing item, a local delivery's proof. Kept with
 * the task (who took it, when), idempotent on the device's request id like every POS action, and
 * shown to the merchant on the order's store timeline.
 */

export interface TaskPhotoInput {
  readonly requestId: string;
  readonly purpose: PhotoPurpose;
  /** The Camera API's base64, already checked to be base64 by the route's input schema. */
  readonly base64: string;
  readonly width: number;
  readonly height: number;
  /** What the device says it is; the bytes decide what is kept. */
  readonly type: PhotoContentType;
}

export interface TaskPhotoView {
  id: string;
  purpose: PhotoPurpose;
  takenAt: string;
}

const REQUEST_USED_ELSEWHERE = "This request was already used for another order: send a new one";
const DELIVERY_PHOTO_STATES = new Set(["OUT_FOR_DELIVERY", "DELIVERED"]);

function viewOf(photo: TaskPhotoSummary): TaskPhotoView {
  return { id: photo.id, purpose: photo.purpose, takenAt: photo.takenAt.toISOString() };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The same request again answers what it recorded; a request id of another task's photo is refused. */
function replay(recorded: TaskPhotoSummary, taskId: string): PosOutcome<TaskPhotoView> {
  return recorded.taskId === taskId
    ? answered(viewOf(recorded))
    : refused("INVALID", REQUEST_USED_ELSEWHERE, "requestId");
}

/**
 * Keeps a photo the associate took for the task at their store. A delivery photo is for a local
 * delivery out or delivered; an exception photo for any task (the report it goes with may have
 * moved the order on already). The answer is the task and the photo as recorded.
 */
export async function addTaskPhoto(
  caller: PosCaller,
  taskId: string,
  input: TaskPhotoInput,
  now = new Date(),
): Promise<PosOutcome<{ task: TaskView; photo: TaskPhotoView }>> {
  const bytes = Uint8Array.from(Buffer.from(input.base64, "base64"));
  const reading = readPhoto(bytes);
  if (!reading.ok) return refused(reading.problem === "TOO_LARGE" ? "TOO_LARGE" : "INVALID", reading.message, "base64");
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);

  let outcome: PosOutcome<TaskPhotoView>;
  try {
    outcome = await prisma.$transaction(async (tx): Promise<PosOutcome<TaskPhotoView>> => {
      const task = await lockTaskForPhoto(tx, caller.shop, caller.locationId, taskId);
      if (!task) return refused("NOT_FOUND", TASK_NOT_HERE);
      const recorded = await findTaskPhotoByRequest(tx, caller.shop, input.requestId);
      if (recorded) return replay(recorded, taskId);
      if (input.purpose === "DELIVERY" && task.kind !== "LOCAL_DELIVERY") {
        return refused("INVALID", "A delivery photo is for a local delivery", "purpose");
      }
      if (input.purpose === "DELIVERY" && !DELIVERY_PHOTO_STATES.has(task.state)) {
        return refused("ILLEGAL_TRANSITION", "A delivery photo is taken once the order is out for delivery");
      }
      const photo = await createTaskPhoto(tx, caller.shop, {
        taskId,
        purpose: input.purpose,
        contentType: reading.contentType,
        bytes,
        width: input.width,
        height: input.height,
        staffMemberId: caller.staffMemberId,
        takenAt: now,
        clientRequestId: input.requestId,
      });
      return answered(viewOf(photo));
    });
  } catch (error) {
    // The same request id sent for two tasks at once: each task's lock let one through.
    if (!isUniqueViolation(error)) throw error;
    const recorded = await findTaskPhotoByRequest(prisma, caller.shop, input.requestId);
    if (!recorded) throw error;
    outcome = replay(recorded, taskId);
  }
  if (!outcome.ok) return outcome;
  const task = await loadTaskView(caller, taskId, now, store.settings);
  return task ? answered({ task, photo: outcome.answer }) : refused("NOT_FOUND", TASK_NOT_HERE);
}

/** A photo's image for the merchant's admin; null for an id that is no photo of the shop's. */
export function taskPhotoImage(
  shop: string,
  photoId: string,
): Promise<{ contentType: string; bytes: Uint8Array<ArrayBuffer> } | null> {
  return findTaskPhotoImage(prisma, shop, photoId);
}

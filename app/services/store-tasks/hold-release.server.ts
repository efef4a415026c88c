import type { Prisma } from "@prisma/client";
import type { PickLine } from "~/domain/store-tasks/types";
import { releaseReportedLines } from "~/models/exception-holds-task-lines.server";
import { findStoreTask, recordStoreTaskEvent, type TaskOfFulfillmentOrder } from "~/models/store-tasks.server";
import { pickLine } from "./pick-line";
import { resumePicking } from "./resume-picking.server";

/**
 * The merchant released the hold the reroute put on a fulfilment order no location could take
 * (fulfillment_orders/hold_released, or any sync that finds it open again at the same store):
 * the task in exception goes back to work, with "Hold released — back to picking" on its
 * timeline. Run by the sync, in its transaction, with the fulfilment order's tasks locked.
 *
 * Back to PICKING, not NEW: what the associate already picked is in the basket and stays
 * counted, the pick time still runs from the first scan, and the lines the hold was about are
 * simply to pick again (the merchant released it because the stock is there after all). NEW
 * would throw that progress away, and the state machine never goes back to it.
 *
 * The SKU's exception hold at the store is kept: routing leaves it out there until Shopify next
 * reports that store's stock of it, as for any exception. Only the lines the app's HELD event
 * named are released; a line reported after the hold still waits for its own reroute.
 */
export async function resumeAfterHoldReleased(
  tx: Prisma.TransactionClient,
  shop: string,
  candidate: TaskOfFulfillmentOrder,
  at: Date,
): Promise<boolean> {
  if (candidate.state !== "EXCEPTION") return false;
  const task = await findStoreTask(tx, shop, candidate.locationId, candidate.id);
  if (!task || task.state !== "EXCEPTION") return false;
  const heldIndex = task.events.findLastIndex((event) => event.detail?.kind === "HELD");
  const releasedIndex = task.events.findLastIndex((event) => event.detail?.kind === "HOLD_RELEASED");
  const held = task.events[heldIndex]?.detail;
  if (held?.kind !== "HELD" || releasedIndex > heldIndex) return false;

  const released = new Set(held.lineItemIds);
  await releaseReportedLines(tx, shop, task.id, [...released]);
  const lines: PickLine[] = task.lines.map((line) => {
    const read = pickLine(line);
    return released.has(line.lineItemId) && !read.takenOff ? { ...read, exception: null } : read;
  });
  const detail = { kind: "HOLD_RELEASED" as const, lineItemIds: [...released] };
  if (await resumePicking(tx, shop, task, lines, at, detail)) return true;
  // Another line reported since waits for its own reroute: the release is recorded, the task waits.
  await recordStoreTaskEvent(tx, shop, {
    taskId: task.id,
    fromState: task.state,
    toState: task.state,
    locationId: task.locationId,
    at,
    detail,
  });
  return false;
}

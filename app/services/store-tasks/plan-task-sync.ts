import type { StoreTaskEndedReason, StoreTaskKind, StoreTaskShopifyAction, StoreTaskState } from "@prisma/client";
import { isOpenState } from "~/domain/store-tasks/types";

/**
 * What keeping a fulfilment order's store tasks in step with Shopify takes, from what Shopify
 * holds now and the tasks the app has for it. Pure, so each case is tested on its own; the
 * sync applies the plan in one transaction.
 *
 * - Open or in progress at a store: that store has an open task (created, or reopened when an
 *   earlier one there had ended), which takes the fulfilment order's lines; open tasks at any
 *   other location end MOVED_AWAY.
 * - On hold or scheduled: still assigned there, but not to be worked yet. A task already there
 *   stays and takes the lines; none is created; tasks elsewhere end MOVED_AWAY.
 * - At a warehouse (or a location the mirror does not know as a store): no task is created.
 * - Closed, cancelled, incomplete, gone, or with nothing left to fulfil: open tasks end, saying
 *   why. A task whose own handover or shipment is being told to Shopify (pending FULFILL) is
 *   left to that call's job: the fulfilment Shopify shows is the store's.
 * - Tasks past the store's hands (picked up, shipped, out for delivery, delivered) never change.
 */

/** The fulfilment order as Shopify holds it now (null: Shopify has no such fulfilment order). */
export interface FulfillmentOrderNow {
  status: string;
  locationId: string | null;
  deliveryMethod: string | null;
  orderCancelled: boolean;
  lineItems: readonly { totalQuantity: number; remainingQuantity: number }[];
}

export interface TaskNow {
  id: string;
  locationId: string;
  state: StoreTaskState;
  pendingShopifyAction: StoreTaskShopifyAction | null;
}

export type TaskAtLocationPlan =
  | { action: "CREATE"; locationId: string }
  | { action: "REOPEN"; taskId: string }
  | { action: "REFRESH"; taskId: string };

export interface TaskSyncPlan {
  /** Open tasks the fulfilment order has ended, and why. */
  end: { taskId: string; reason: StoreTaskEndedReason }[];
  /** The task at the fulfilment order's location, when it has one to keep. */
  here: TaskAtLocationPlan | null;
}

const WORKABLE = new Set(["OPEN", "IN_PROGRESS"]);
const NOT_YET_WORKABLE = new Set(["ON_HOLD", "SCHEDULED"]);

/** The task's kind by the fulfilment order's delivery method: pickup, local delivery, else shipped. */
export function taskKindOf(deliveryMethod: string | null): StoreTaskKind {
  if (deliveryMethod === "PICK_UP") return "PICKUP";
  if (deliveryMethod === "LOCAL") return "LOCAL_DELIVERY";
  return "SHIP";
}

function endedReasonOf(fo: FulfillmentOrderNow | null): StoreTaskEndedReason {
  if (!fo) return "CLOSED";
  if (fo.orderCancelled || fo.status === "CANCELLED") return "CANCELLED";
  const fulfilledSome = fo.lineItems.some((line) => line.remainingQuantity < line.totalQuantity);
  return fulfilledSome ? "FULFILLED_ELSEWHERE" : "CLOSED";
}

/**
 * Where the fulfilment order is still to be worked on, and whether it may be worked now (not
 * on hold or scheduled); null when it has ended.
 */
function assignmentOf(fo: FulfillmentOrderNow | null): { locationId: string; workable: boolean } | null {
  if (!fo || fo.locationId === null || fo.orderCancelled) return null;
  if (!WORKABLE.has(fo.status) && !NOT_YET_WORKABLE.has(fo.status)) return null;
  if (!fo.lineItems.some((line) => line.remainingQuantity > 0)) return null;
  return { locationId: fo.locationId, workable: WORKABLE.has(fo.status) };
}

export function planTaskSync(
  fo: FulfillmentOrderNow | null,
  tasks: readonly TaskNow[],
  locationIsStore: boolean,
): TaskSyncPlan {
  const open = tasks.filter((task) => isOpenState(task.state));
  const assignment = assignmentOf(fo);

  if (!assignment) {
    const reason = endedReasonOf(fo);
    return {
      end: open
        .filter((task) => !(reason === "FULFILLED_ELSEWHERE" && task.pendingShopifyAction === "FULFILL"))
        .map((task) => ({ taskId: task.id, reason })),
      here: null,
    };
  }

  const { locationId, workable } = assignment;
  const end = open
    .filter((task) => task.locationId !== locationId)
    .map((task) => ({ taskId: task.id, reason: "MOVED_AWAY" as const }));
  const existing = tasks.find((task) => task.locationId === locationId);
  const mayStart = workable && locationIsStore;
  let here: TaskAtLocationPlan | null = null;
  if (existing && isOpenState(existing.state)) here = { action: "REFRESH", taskId: existing.id };
  else if (existing?.state === "CANCELLED" && mayStart) here = { action: "REOPEN", taskId: existing.id };
  else if (!existing && mayStart) here = { action: "CREATE", locationId };
  return { end, here };
}

import { planNotificationsForTaskState } from "~/services/notifications/cadence.server";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { matchesNameAndOrder } from "~/domain/store-tasks/handover-lookup";
import { confirmLineManually, pickingRefusal, scanCode } from "~/domain/store-tasks/picking";
import { readPresentedCode } from "~/domain/store-tasks/pickup-code";
import {
  decideTransition,
  type AcceptedTransition,
  type HandoverProof,
  type TransitionDecision,
} from "~/domain/store-tasks/transitions";
import {
  itemName,
  PENDING_ACTION_FOR_EFFECT,
  type ExceptionReason,
  type HandoverMethod,
  type ManualConfirmReason,
  type StoreTaskState,
} from "~/domain/store-tasks/types";
import {
  changeStoreTask,
  itemOfCode,
  recordStoreTaskLineException,
  setStoreTaskLinePicked,
  type StoreTaskChange,
} from "~/models/store-tasks-associate.server";
import { lockStoreTaskForRequest, recordStoreTaskEvent, type StoreTaskWithLines } from "~/models/store-tasks.server";
import type { StoreTaskEventDetail } from "~/models/store-tasks-event-detail";
import { answered, refused, TASK_NOT_HERE, LOCATION_NOT_A_STORE, type PosCaller, type PosOutcome } from "./pos-outcome";
import type { ShopifyEffectJob } from "./shopify-effect.server";
import { storeTasksRerouteExceptionJob } from "./reroute-exception.job.server";
import { storeTasksShopifyEffectJob } from "./shopify-effect.job.server";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { loadTaskView, storeOf } from "./task-reads.server";
import type { TaskLineView, TaskView } from "./task-view";
import { pickLine } from "./pick-line";

/**
 * An associate's actions on a store task from POS: move it on (transitionTask), pick by scan
 * (scanForTask), confirm a line by hand (confirmLine), report a line not found or damaged
 * (reportLineException).
 *
 * Each runs in one transaction that locks the task row, so two devices pressing the same button
 * take turns and the second is told where the task now stands; the domain decides; the change,
 * its event (keyed by the POS request's id) and the Shopify call it implies (a job, with the
 * task's pending call set) are recorded together. The same request id again has no second
 * effect: it gets the task as it now is, or the same refusal.
 */

type Tx = Prisma.TransactionClient;

export interface PosRequest {
  /** The client's id for this action: the same id twice has one effect. */
  readonly requestId: string;
}

const forTransition = (task: StoreTaskWithLines) => ({
  kind: task.kind,
  state: task.state,
  bin: task.bin,
  endedReason: task.endedReason,
  lines: task.lines.map(pickLine),
});

/**
 * Runs `work` on the locked task, or replays the request when its id was recorded already. The
 * answer is the task as it stands after the transaction.
 */
async function onLockedTask<Extra extends object>(
  caller: PosCaller,
  taskId: string,
  request: PosRequest,
  work: (tx: Tx, task: StoreTaskWithLines, at: Date, settings: StoreSettings) => Promise<PosOutcome<Extra>>,
  replay: (tx: Tx, task: StoreTaskWithLines, recorded: StoreTaskEventDetail | null) => Promise<PosOutcome<Extra>>,
): Promise<PosOutcome<Extra & { task: TaskView }>> {
  const store = await storeOf(caller);
  if (!store) return refused("NOT_FOUND", LOCATION_NOT_A_STORE);
  const outcome = await prisma.$transaction(async (tx): Promise<PosOutcome<Extra>> => {
    const locked = await lockStoreTaskForRequest(tx, caller.shop, caller.locationId, taskId, request.requestId);
    if (!locked) return refused("NOT_FOUND", TASK_NOT_HERE);
    const { task, recorded } = locked;
    if (recorded) {
      if (recorded.taskId !== task.id) {
        return refused("INVALID", "This request was already used for another order: send a new one", "requestId");
      }
      return replay(tx, task, recorded.detail);
    }
    return work(tx, task, new Date(), store.settings);
  });
  if (!outcome.ok) return outcome;
  const task = await loadTaskView(caller, taskId, new Date(), store.settings);
  if (!task) return refused("NOT_FOUND", TASK_NOT_HERE);
  return answered({ ...outcome.answer, task });
}

/** What the step records on the task, beside its state. */
function changeFor(decision: AcceptedTransition, task: StoreTaskWithLines, at: Date): StoreTaskChange {
  const change: StoreTaskChange = { state: decision.to };
  switch (decision.to) {
    case "PICKING":
      if (!task.startedAt) change.startedAt = at;
      break;
    case "PACKED":
      change.packedAt = at;
      break;
    case "STAGED":
      change.stagedAt = at;
      if (decision.details.bin) change.bin = decision.details.bin;
      break;
    case "READY":
      change.readyAt = at;
      break;
    case "SHIPPED":
      change.completedAt = at;
      if (decision.details.carrier) change.carrier = decision.details.carrier;
      if (decision.details.trackingNumber) change.trackingNumber = decision.details.trackingNumber;
      break;
    case "PICKED_UP":
    case "DELIVERED":
      change.completedAt = at;
      break;
    default:
      break;
  }
  if (decision.shopifyEffect) change.pendingShopifyAction = PENDING_ACTION_FOR_EFFECT[decision.shopifyEffect];
  return change;
}

/** The fulfilment Shopify records when the order leaves the store. */
function fulfillmentFor(decision: AcceptedTransition): ShopifyEffectJob["fulfillment"] {
  const { details } = decision;
  switch (decision.to) {
    case "SHIPPED":
      return {
        notifyCustomer: true,
        trackingInfo: { company: details.carrier ?? "", number: details.trackingNumber ?? "" },
      };
    case "OUT_FOR_DELIVERY":
      return { notifyCustomer: true, ...(details.trackingUrl ? { trackingInfo: { url: details.trackingUrl } } : {}) };
    default:
      // A handover at the counter: the shopper has the order in hand, no shipping message.
      return { notifyCustomer: false };
  }
}

function transitionDetail(decision: AcceptedTransition): StoreTaskEventDetail {
  const { details } = decision;
  if (details.exception) return { kind: "EXCEPTION", ...details.exception };
  return {
    kind: "TRANSITION",
    ...(details.bin ? { bin: details.bin } : {}),
    ...(details.carrier ? { carrier: details.carrier } : {}),
    ...(details.trackingNumber ? { trackingNumber: details.trackingNumber } : {}),
    ...(details.courierName ? { courierName: details.courierName } : {}),
    ...(details.trackingUrl ? { trackingUrl: details.trackingUrl } : {}),
    ...(details.handover ? { handover: details.handover } : {}),
  };
}

/** Records an accepted step: the task's change, its event, and its Shopify call as a job. */
async function applyTransition(
  tx: Tx,
  caller: PosCaller,
  task: StoreTaskWithLines,
  decision: AcceptedTransition,
  at: Date,
  requestId: string | null,
): Promise<void> {
  await changeStoreTask(tx, caller.shop, task.id, changeFor(decision, task, at));
  if (decision.details.exception) {
    const { lineItemId, reason, note } = decision.details.exception;
    await recordStoreTaskLineException(tx, caller.shop, task.id, lineItemId, { reason, note });
  }
  await recordStoreTaskEvent(tx, caller.shop, {
    taskId: task.id,
    fromState: task.state,
    toState: decision.to,
    locationId: caller.locationId,
    at,
    staffMemberId: caller.staffMemberId,
    userId: caller.userId,
    clientRequestId: requestId,
    detail: transitionDetail(decision),
  });
  const fulfillment = decision.shopifyEffect === "FULFILL" ? fulfillmentFor(decision) : undefined;
  // The shopper's messages follow the task (ready, collected, shipped …), in this transaction.
  await planNotificationsForTaskState(tx, caller.shop, task, decision.to, at, fulfillment?.notifyCustomer ?? false);
  if (decision.shopifyEffect) {
    await storeTasksShopifyEffectJob.enqueue(tx, {
      shop: caller.shop,
      taskId: task.id,
      effect: decision.shopifyEffect,
      ...(fulfillment ? { fulfillment } : {}),
    });
  }
}

function refusedDecision(decision: Exclude<TransitionDecision, AcceptedTransition>) {
  return refused(decision.code, decision.message, decision.field);
}

export interface HandoverPresented extends HandoverProof {
  /** The pickup code or QR text shown, when the client sends it again for the server to check. */
  readonly code?: string;
  readonly orderName?: string;
  readonly lastName?: string;
}

export interface TransitionInput extends PosRequest {
  readonly to: StoreTaskState;
  readonly bin?: string;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly courierName?: string;
  readonly trackingUrl?: string;
  readonly handover?: HandoverPresented;
}

/** Whatever of the shopper's proof the request repeats must match the task. */
function handoverMismatch(task: StoreTaskWithLines, handover: HandoverPresented | undefined): string | null {
  if (!handover) return null;
  const byCode: readonly HandoverMethod[] = ["PICKUP_CODE", "QR"];
  if (byCode.includes(handover.method) && handover.code !== undefined) {
    return readPresentedCode(handover.code)?.code === task.pickupCode
      ? null
      : "That pickup code is not this order's: check it again";
  }
  if (handover.method === "NAME_AND_ORDER" && handover.orderName !== undefined && handover.lastName !== undefined) {
    return matchesNameAndOrder(task, { orderName: handover.orderName, lastName: handover.lastName })
      ? null
      : "The order number and last name do not match this order";
  }
  return null;
}

/** Moves the task to `to`, as the domain allows, recording what the step asks for. */
export async function transitionTask(
  caller: PosCaller,
  taskId: string,
  input: TransitionInput,
): Promise<PosOutcome<{ task: TaskView }>> {
  return onLockedTask(
    caller,
    taskId,
    input,
    async (tx, task, at, settings) => {
      if (input.to === "PICKED_UP" && task.state === "READY") {
        const mismatch = handoverMismatch(task, input.handover);
        if (mismatch) return refused("INVALID", mismatch, "handover");
      }
      const decision = decideTransition(forTransition(task), input.to, {
        by: "ASSOCIATE",
        bin: input.bin,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        courierName: input.courierName,
        trackingUrl: input.trackingUrl,
        handover: input.handover ? { method: input.handover.method, idChecked: input.handover.idChecked } : null,
        requireIdCheck: settings.requireIdCheck,
      });
      if (!decision.ok) return refusedDecision(decision);
      await applyTransition(tx, caller, task, decision, at, input.requestId);
      return answered({});
    },
    async () => answered({}),
  );
}

export interface ExceptionInput extends PosRequest {
  readonly lineItemId: string;
  readonly reason: ExceptionReason;
  readonly note?: string;
}

/**
 * Reports a line not found or damaged: recorded on the line and the task (EXCEPTION), with the
 * job that holds the SKU out of routing at the store and moves the line to another location
 * (store-tasks.reroute-exception), queued in the same transaction.
 */
export async function reportLineException(
  caller: PosCaller,
  taskId: string,
  input: ExceptionInput,
): Promise<PosOutcome<{ task: TaskView }>> {
  return onLockedTask(
    caller,
    taskId,
    input,
    async (tx, task, at) => {
      const decision = decideTransition(forTransition(task), "EXCEPTION", {
        by: "ASSOCIATE",
        exception: { lineItemId: input.lineItemId, reason: input.reason, note: input.note ?? null },
      });
      if (!decision.ok) {
        return decision.field === "lineItemId"
          ? refused("NOT_FOUND", decision.message, "lineItemId")
          : refusedDecision(decision);
      }
      await applyTransition(tx, caller, task, decision, at, input.requestId);
      await storeTasksRerouteExceptionJob.enqueue(tx, { shop: caller.shop, taskId: task.id });
      return answered({});
    },
    async () => answered({}),
  );
}

/**
 * The first unit picked starts picking: a new task goes to PICKING (and Shopify hears of it)
 * with the scan or confirmation that started it.
 */
async function startPickingIfNew(tx: Tx, caller: PosCaller, task: StoreTaskWithLines, at: Date): Promise<void> {
  if (task.state !== "NEW") return;
  const decision = decideTransition(forTransition(task), "PICKING", { by: "ASSOCIATE" });
  if (decision.ok) await applyTransition(tx, caller, task, decision, at, null);
}

function lineViewOf(task: TaskView, lineItemId: string | null): TaskLineView | undefined {
  return task.lines.find((line) => line.lineItemId === lineItemId);
}

/**
 * The scan's outcome, a wrong item named when another of the shop's store orders holds its
 * barcode or SKU ("That's Wool Scarf (Grey): …"). Only a wrong item is looked up: a right scan
 * skips the query.
 */
async function scanNamingWrongItem(tx: Tx, shop: string, lines: ReturnType<typeof pickLine>[], code: string) {
  const result = scanCode(lines, code);
  if (result.outcome !== "WRONG_ITEM") return result;
  const known = await itemOfCode(tx, shop, code.trim());
  return known ? scanCode(lines, code, new Map([[known.code, itemName(known)]])) : result;
}

export interface ScanInput extends PosRequest {
  readonly code: string;
}

/** A scan: picks one unit of the line the code matches, or refuses a wrong item (counted). */
export async function scanForTask(
  caller: PosCaller,
  taskId: string,
  input: ScanInput,
): Promise<PosOutcome<{ task: TaskView; line: TaskLineView | null }>> {
  let pickedLineItemId: string | null = null;
  const outcome = await onLockedTask(
    caller,
    taskId,
    input,
    async (tx, task, at) => {
      const refusal = pickingRefusal(task);
      if (refusal) return refused("ILLEGAL_TRANSITION", refusal);
      const result = await scanNamingWrongItem(tx, caller.shop, task.lines.map(pickLine), input.code);
      if (result.outcome === "EMPTY") return refused("INVALID", result.message, "code");
      const event = {
        taskId: task.id,
        fromState: task.state,
        toState: task.state,
        locationId: caller.locationId,
        at,
        staffMemberId: caller.staffMemberId,
        userId: caller.userId,
        clientRequestId: input.requestId,
      };
      if (result.outcome !== "PICKED") {
        await changeStoreTask(tx, caller.shop, task.id, { scan: "WRONG" });
        const lineItemId = result.outcome === "OVER_PICKED" ? result.line.lineItemId : null;
        await recordStoreTaskEvent(tx, caller.shop, {
          ...event,
          detail: { kind: "SCAN", code: input.code, lineItemId, outcome: result.outcome },
        });
        return refused(result.outcome, result.message, "code");
      }
      await startPickingIfNew(tx, caller, task, at);
      await setStoreTaskLinePicked(tx, caller.shop, task.id, result.line.lineItemId, result.line.picked);
      await changeStoreTask(tx, caller.shop, task.id, {
        scan: "RIGHT",
        ...(task.firstScanAt ? {} : { firstScanAt: at }),
      });
      await recordStoreTaskEvent(tx, caller.shop, {
        ...event,
        fromState: task.state === "NEW" ? "PICKING" : task.state,
        toState: task.state === "NEW" ? "PICKING" : task.state,
        detail: { kind: "SCAN", code: input.code, lineItemId: result.line.lineItemId, outcome: "PICKED" },
      });
      pickedLineItemId = result.line.lineItemId;
      return answered({});
    },
    async (tx, task, recorded) => {
      if (recorded?.kind !== "SCAN") return answered({});
      if (recorded.outcome === "PICKED") {
        pickedLineItemId = recorded.lineItemId;
        return answered({});
      }
      // The same refusal again, in words for the task as it is now; not counted a second time.
      const again = await scanNamingWrongItem(tx, caller.shop, task.lines.map(pickLine), recorded.code);
      const message =
        again.outcome === "PICKED" || again.outcome === "EMPTY" ? "This item is not on this order" : again.message;
      return refused(recorded.outcome, message, "code");
    },
  );
  if (!outcome.ok) return outcome;
  return answered({ task: outcome.answer.task, line: lineViewOf(outcome.answer.task, pickedLineItemId) ?? null });
}

export interface ConfirmLineInput extends PosRequest {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly reason: ManualConfirmReason;
}

/** Units of a line confirmed without a scan, with the reason (not counted in scan accuracy). */
export async function confirmLine(
  caller: PosCaller,
  taskId: string,
  input: ConfirmLineInput,
): Promise<PosOutcome<{ task: TaskView }>> {
  return onLockedTask(
    caller,
    taskId,
    input,
    async (tx, task, at) => {
      const refusal = pickingRefusal(task);
      if (refusal) return refused("ILLEGAL_TRANSITION", refusal);
      const result = confirmLineManually(task.lines.map(pickLine), input.lineItemId, input.quantity, input.reason);
      if (!result.ok) return refused(result.code, result.message, result.field);
      await startPickingIfNew(tx, caller, task, at);
      await setStoreTaskLinePicked(tx, caller.shop, task.id, input.lineItemId, result.line.picked, input.reason);
      if (!task.firstScanAt) await changeStoreTask(tx, caller.shop, task.id, { firstScanAt: at });
      const state = task.state === "NEW" ? "PICKING" : task.state;
      await recordStoreTaskEvent(tx, caller.shop, {
        taskId: task.id,
        fromState: state,
        toState: state,
        locationId: caller.locationId,
        at,
        staffMemberId: caller.staffMemberId,
        userId: caller.userId,
        clientRequestId: input.requestId,
        detail: {
          kind: "MANUAL_CONFIRM",
          lineItemId: input.lineItemId,
          quantity: input.quantity,
          reason: input.reason,
        },
      });
      return answered({});
    },
    async () => answered({}),
  );
}

/** The task change and event detail of an accepted step, for the demo's history (dev/demo/history-store-tasks.ts). */
export { changeFor as storeTaskChangeFor, transitionDetail as storeTaskTransitionDetail };

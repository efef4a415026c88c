import { isFullyPicked, linesHere, pickProgress } from "./picking";
import { standingSentence, WAITING_FOR_REROUTE } from "./state-messages";
import {
  readBinCode,
  readCarrier,
  readCourierName,
  readExceptionNote,
  readTrackingNumber,
  readTrackingUrl,
} from "./transition-fields";
import {
  ENDED_REASONS,
  EXCEPTION_REASONS,
  HANDOVER_METHODS,
  isFinalState,
  isOpenState,
  isStoreTaskState,
  itemName,
  STORE_TASK_STATES,
  type EndedReason,
  type ExceptionReason,
  type HandoverMethod,
  type PickLine,
  type ShopifyEffect,
  type StoreTaskKind,
  type StoreTaskState,
  type TransitionActor,
} from "./types";

/**
 * The store task's state machine: which state follows which for each kind, what each step
 * needs (every item picked, a bin, a carrier and tracking number, a courier, a verified
 * shopper), and the Shopify call it implies. A refusal is one sentence an associate reads.
 *
 *   pickup          NEW → PICKING → PACKED → STAGED → READY → PICKED_UP
 *   ship from store NEW → PICKING → PACKED → SHIPPED
 *   local delivery  NEW → PICKING → PACKED → (STAGED) → OUT_FOR_DELIVERY → DELIVERED
 *
 * Decisions:
 * - Local delivery may be staged, or not. An order often waits on the shelf for the driver's
 *   next round, and whoever hands it over must find it: a bin helps. A driver already at the
 *   counter takes it straight from packing, so staging is not required. Ship-from-store orders
 *   go from packing into the carrier's pickup and are never staged.
 * - Shopify is told of a fulfilment when the order leaves the store: at handover (pickup), at
 *   shipping, and when the courier takes a local delivery (so the shopper's out-for-delivery
 *   message can carry the courier's tracking link). DELIVERED asks Shopify for nothing.
 * - EXCEPTION (a line not found or damaged) comes from any state before the order leaves the
 *   store; another line can be reported while in it. Only the app leaves it: back to PICKING
 *   once every reported line is off the task (rerouted to another location) or released (the
 *   merchant lifted Shopify's hold), with something still to pick here. Picking starts again
 *   because the move reopened the fulfilment order, so progress is reported again. When every
 *   line moves away the task ends (CANCELLED, moved away) instead.
 * - CANCELLED ends an open task, and only Shopify ends it (the fulfilment order was cancelled,
 *   closed, fulfilled elsewhere or moved away); an associate cannot cancel an order at the store.
 *   An order out for delivery is fulfilled in Shopify already: it can no longer be cancelled.
 */

const PATHS: Readonly<Record<StoreTaskKind, readonly StoreTaskState[]>> = {
  PICKUP: ["NEW", "PICKING", "PACKED", "STAGED", "READY", "PICKED_UP"],
  SHIP: ["NEW", "PICKING", "PACKED", "SHIPPED"],
  LOCAL_DELIVERY: ["NEW", "PICKING", "PACKED", "STAGED", "OUT_FOR_DELIVERY", "DELIVERED"],
};

/** Steps of a kind's path that may be skipped. */
const OPTIONAL_STEPS: Readonly<Record<StoreTaskKind, readonly StoreTaskState[]>> = {
  PICKUP: [],
  SHIP: [],
  LOCAL_DELIVERY: ["STAGED"],
};

/** The state a step of the path comes after, skipping optional steps. */
function isNextOnPath(kind: StoreTaskKind, from: StoreTaskState, to: StoreTaskState): boolean {
  const path = PATHS[kind];
  const fromIndex = path.indexOf(from);
  const toIndex = path.indexOf(to);
  if (fromIndex === -1 || toIndex <= fromIndex) return false;
  return path.slice(fromIndex + 1, toIndex).every((step) => OPTIONAL_STEPS[kind].includes(step));
}

/** Whether `to` can follow `from` for this kind, whatever the step needs. */
export function isLegalTransition(kind: StoreTaskKind, from: StoreTaskState, to: StoreTaskState): boolean {
  if (to === "CANCELLED") return isOpenState(from);
  if (to === "EXCEPTION") return isOpenState(from);
  if (from === "EXCEPTION") return to === "PICKING";
  return isNextOnPath(kind, from, to);
}

/** Every state that can follow `state` for this kind (for the buttons a screen offers). */
export function legalTargets(kind: StoreTaskKind, state: StoreTaskState): StoreTaskState[] {
  return STORE_TASK_STATES.filter((to) => isLegalTransition(kind, state, to));
}

/** What the shopper showed at handover, recorded as the proof. */
export interface HandoverProof {
  readonly method: HandoverMethod;
  /** The associate checked the shopper's ID. */
  readonly idChecked: boolean;
}

export interface ExceptionReport {
  readonly lineItemId: string;
  readonly reason: ExceptionReason;
  readonly note?: string | null;
}

export interface TaskForTransition {
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  readonly lines: readonly PickLine[];
  readonly bin?: string | null;
  readonly endedReason?: EndedReason | null;
}

/** What comes with a request; each step reads only what it needs. */
export interface TransitionRequest {
  readonly by: TransitionActor;
  readonly bin?: string | null;
  readonly carrier?: string | null;
  readonly trackingNumber?: string | null;
  readonly courierName?: string | null;
  readonly trackingUrl?: string | null;
  readonly handover?: HandoverProof | null;
  readonly exception?: ExceptionReport | null;
  readonly endedReason?: EndedReason | null;
  /** The merchant's setting: every handover includes an ID check. */
  readonly requireIdCheck?: boolean;
}

/** The values the step recorded, as read (a bin upper-cased, a tracking number compacted). */
export interface TransitionDetails {
  readonly bin?: string;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly courierName?: string;
  readonly trackingUrl?: string | null;
  readonly handover?: HandoverProof;
  readonly exception?: { readonly lineItemId: string; readonly reason: ExceptionReason; readonly note: string | null };
  readonly endedReason?: EndedReason;
}

export type TransitionField =
  | "to"
  | "bin"
  | "carrier"
  | "trackingNumber"
  | "courierName"
  | "trackingUrl"
  | "handover"
  | "idChecked"
  | "lineItemId"
  | "reason"
  | "note"
  | "endedReason";

export interface AcceptedTransition {
  readonly ok: true;
  readonly from: StoreTaskState;
  readonly to: StoreTaskState;
  /** The Shopify call to make for it, or null. */
  readonly shopifyEffect: ShopifyEffect | null;
  readonly details: TransitionDetails;
}

/**
 * ILLEGAL_TRANSITION: the task is not where the step can start (409). INVALID: the request
 * lacks something the step needs, named by `field` (400).
 */
export interface RefusedTransition {
  readonly ok: false;
  readonly code: "ILLEGAL_TRANSITION" | "INVALID";
  readonly message: string;
  readonly field?: TransitionField;
}

export type TransitionDecision = AcceptedTransition | RefusedTransition;

function illegal(message: string): RefusedTransition {
  return { ok: false, code: "ILLEGAL_TRANSITION", message };
}

function invalid(field: TransitionField, message: string): RefusedTransition {
  return { ok: false, code: "INVALID", message, field };
}

/** Why a kind never reaches a state. */
function wrongKindSentence(kind: StoreTaskKind, to: StoreTaskState): string {
  switch (kind) {
    case "SHIP":
      if (to === "STAGED") return "A ship-from-store order is shipped from packing: it is not staged in a bin";
      if (to === "READY") return "A ship-from-store order is shipped, not made ready for pickup";
      if (to === "PICKED_UP") return "A ship-from-store order is shipped, not handed over";
      return "A ship-from-store order goes with the carrier, not a local courier";
    case "PICKUP":
      if (to === "SHIPPED") return "A pickup order is handed over at the store, not shipped";
      return "A pickup order is handed over at the store, not delivered";
    case "LOCAL_DELIVERY":
      if (to === "READY") return "A local delivery order goes out with a courier, not to the pickup counter";
      if (to === "PICKED_UP") return "A local delivery order is handed to a courier, not collected at the counter";
      return "A local delivery order goes out with a courier, not a shipping carrier";
  }
}

function pickIncompleteSentence(lines: readonly PickLine[]): string {
  const { picked, total } = pickProgress(lines);
  return `Pick every item before packing (${picked} of ${total} picked)`;
}

/** A state as words, for the rare request the other sentences do not cover. */
function stepName(state: StoreTaskState): string {
  return state.toLowerCase().replace(/_/g, " ");
}

/** A step asked for before the one it follows. */
function tooEarlySentence(task: TaskForTransition, to: StoreTaskState): string {
  const packed = PATHS[task.kind].indexOf(task.state) >= PATHS[task.kind].indexOf("PACKED");
  switch (to) {
    case "PACKED":
      return pickIncompleteSentence(task.lines);
    case "STAGED":
      return "Pack the order before staging it in a bin";
    case "READY":
      return packed
        ? "Stage the order in a bin before marking it ready"
        : "Pick, pack and stage the order before marking it ready";
    case "PICKED_UP":
      return "Mark the order ready before handing it over";
    case "SHIPPED":
      return "Pack the order before shipping it";
    case "OUT_FOR_DELIVERY":
      return "Pack the order before handing it to the courier";
    case "DELIVERED":
      return "Hand the order to the courier before marking it delivered";
    default:
      return `This order cannot go from ${stepName(task.state)} to ${stepName(to)}`;
  }
}

/** Whether the state allows the step at all; null when it does. */
function refusalByState(task: TaskForTransition, to: StoreTaskState, by: TransitionActor): RefusedTransition | null {
  const { kind, state } = task;
  if (isFinalState(state)) return illegal(standingSentence(task));
  if (to === "NEW") return illegal("An order cannot go back to new");
  if (to !== "EXCEPTION" && to !== "CANCELLED" && !PATHS[kind].includes(to)) {
    return illegal(wrongKindSentence(kind, to));
  }
  if (to === "CANCELLED") {
    if (state === "OUT_FOR_DELIVERY") return illegal(standingSentence(task));
    return by === "SYSTEM" ? null : illegal("Orders are cancelled in Shopify; the store's task then ends by itself");
  }
  if (to === "EXCEPTION") {
    return state === "OUT_FOR_DELIVERY" ? illegal("This order is already with the courier") : null;
  }
  if (state === "EXCEPTION") return to === "PICKING" && by === "SYSTEM" ? null : illegal(WAITING_FOR_REROUTE);
  if (isLegalTransition(kind, state, to)) return null;
  const path = PATHS[kind];
  if (!path.includes(state)) return illegal(`This order cannot go from ${stepName(state)} to ${stepName(to)}`);
  return path.indexOf(to) <= path.indexOf(state)
    ? illegal(standingSentence(task))
    : illegal(tooEarlySentence(task, to));
}

function accepted(
  task: TaskForTransition,
  to: StoreTaskState,
  shopifyEffect: ShopifyEffect | null,
  details: TransitionDetails = {},
): AcceptedTransition {
  return { ok: true, from: task.state, to, shopifyEffect, details };
}

function decideResumePicking(task: TaskForTransition): TransitionDecision {
  const unresolved = linesHere(task.lines).find((line) => line.exception);
  if (unresolved) {
    return illegal(`${itemName(unresolved)} is still waiting to be moved to another store or released`);
  }
  if (linesHere(task.lines).length === 0) {
    return illegal("Every item of this order moved to another location: nothing is left to pick here");
  }
  return accepted(task, "PICKING", "REPORT_PROGRESS");
}

function decidePacked(task: TaskForTransition): TransitionDecision {
  if (linesHere(task.lines).length === 0) return illegal("This order has nothing left to pack");
  if (!isFullyPicked(task.lines)) return illegal(pickIncompleteSentence(task.lines));
  return accepted(task, "PACKED", null);
}

function decideStaged(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  const bin = readBinCode(request.bin);
  return bin.ok ? accepted(task, "STAGED", null, { bin: bin.value }) : invalid("bin", bin.message);
}

function isHandoverMethod(value: unknown): value is HandoverMethod {
  return typeof value === "string" && (HANDOVER_METHODS as readonly string[]).includes(value);
}

function decidePickedUp(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  const proof = request.handover;
  if (!proof || !isHandoverMethod(proof.method)) {
    return invalid(
      "handover",
      "Check the customer's pickup code, QR code, or order number and last name before handing over",
    );
  }
  if (request.requireIdCheck && proof.idChecked !== true) {
    return invalid("idChecked", "Check the customer's ID before handing over the order");
  }
  return accepted(task, "PICKED_UP", "FULFILL", { handover: { method: proof.method, idChecked: proof.idChecked } });
}

function decideShipped(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  const carrier = readCarrier(request.carrier);
  if (!carrier.ok) return invalid("carrier", carrier.message);
  const trackingNumber = readTrackingNumber(request.trackingNumber);
  if (!trackingNumber.ok) return invalid("trackingNumber", trackingNumber.message);
  return accepted(task, "SHIPPED", "FULFILL", { carrier: carrier.value, trackingNumber: trackingNumber.value });
}

function decideOutForDelivery(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  const courierName = readCourierName(request.courierName);
  if (!courierName.ok) return invalid("courierName", courierName.message);
  const trackingUrl = readTrackingUrl(request.trackingUrl);
  if (!trackingUrl.ok) return invalid("trackingUrl", trackingUrl.message);
  return accepted(task, "OUT_FOR_DELIVERY", "FULFILL", {
    courierName: courierName.value,
    trackingUrl: trackingUrl.value,
  });
}

function isExceptionReason(value: unknown): value is ExceptionReason {
  return typeof value === "string" && (EXCEPTION_REASONS as readonly string[]).includes(value);
}

function decideException(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  const report = request.exception;
  if (!report || !isExceptionReason(report.reason)) {
    return invalid("reason", "Choose why the item cannot be picked: not found or damaged");
  }
  const line = linesHere(task.lines).find((candidate) => candidate.lineItemId === report.lineItemId);
  if (!line) return invalid("lineItemId", "That item is not on this order");
  if (line.exception) {
    const reported = line.exception === "DAMAGED" ? "damaged" : "not found";
    return illegal(`${itemName(line)} is already reported ${reported}`);
  }
  const note = readExceptionNote(report.note);
  if (!note.ok) return invalid("note", note.message);
  return accepted(task, "EXCEPTION", null, {
    exception: { lineItemId: line.lineItemId, reason: report.reason, note: note.value },
  });
}

function isEndedReason(value: unknown): value is EndedReason {
  return typeof value === "string" && (ENDED_REASONS as readonly string[]).includes(value);
}

function decideCancelled(task: TaskForTransition, request: TransitionRequest): TransitionDecision {
  if (!isEndedReason(request.endedReason)) return invalid("endedReason", "Say why Shopify ended this order");
  return accepted(task, "CANCELLED", null, { endedReason: request.endedReason });
}

/**
 * Whether the task can go to `to` now, with what the request brings: the accepted transition
 * (with the Shopify call it implies and the values to record) or the refusal an associate reads.
 * A request for the state the task is already in is refused ("already ready for pickup"): a
 * replay of the same request is the service's to recognise by its request id, before this.
 */
export function decideTransition(
  task: TaskForTransition,
  to: StoreTaskState,
  request: TransitionRequest,
): TransitionDecision {
  if (!isStoreTaskState(to)) return invalid("to", "That is not a step an order can take");
  const refusal = refusalByState(task, to, request.by);
  if (refusal) return refusal;
  switch (to) {
    case "PICKING":
      return task.state === "EXCEPTION" ? decideResumePicking(task) : accepted(task, "PICKING", "REPORT_PROGRESS");
    case "PACKED":
      return decidePacked(task);
    case "STAGED":
      return decideStaged(task, request);
    case "READY":
      return accepted(task, "READY", "PREPARED_FOR_PICKUP");
    case "PICKED_UP":
      return decidePickedUp(task, request);
    case "SHIPPED":
      return decideShipped(task, request);
    case "OUT_FOR_DELIVERY":
      return decideOutForDelivery(task, request);
    case "DELIVERED":
      return accepted(task, "DELIVERED", null);
    case "EXCEPTION":
      return decideException(task, request);
    case "CANCELLED":
      return decideCancelled(task, request);
    case "NEW":
      return illegal("An order cannot go back to new");
  }
}

/**
 * A store task: the work a store does for one fulfilment order assigned to it (pick, pack,
 * stage, hand over or ship). The kinds and states match the Prisma enums StoreTaskKind and
 * StoreTaskState value for value; the database and this folder must never disagree.
 */

export const STORE_TASK_KINDS = ["PICKUP", "SHIP", "LOCAL_DELIVERY"] as const;
export type StoreTaskKind = (typeof STORE_TASK_KINDS)[number];

export const STORE_TASK_STATES = [
  "NEW",
  "PICKING",
  "PACKED",
  "STAGED",
  "READY",
  "PICKED_UP",
  "SHIPPED",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "EXCEPTION",
  "CANCELLED",
] as const;
export type StoreTaskState = (typeof STORE_TASK_STATES)[number];

/**
 * States in which the fulfilment order is still the store's to work on: Shopify has not been
 * told it left the store, so an exception or a cancellation can still end it.
 */
export const OPEN_STATES = [
  "NEW",
  "PICKING",
  "PACKED",
  "STAGED",
  "READY",
  "EXCEPTION",
] as const satisfies readonly StoreTaskState[];
export type OpenState = (typeof OPEN_STATES)[number];

/** Nothing follows these. OUT_FOR_DELIVERY is neither open nor final: the courier has it. */
export const FINAL_STATES = [
  "PICKED_UP",
  "SHIPPED",
  "DELIVERED",
  "CANCELLED",
] as const satisfies readonly StoreTaskState[];

export function isStoreTaskKind(value: unknown): value is StoreTaskKind {
  return typeof value === "string" && (STORE_TASK_KINDS as readonly string[]).includes(value);
}

export function isStoreTaskState(value: unknown): value is StoreTaskState {
  return typeof value === "string" && (STORE_TASK_STATES as readonly string[]).includes(value);
}

export function isOpenState(state: StoreTaskState): state is OpenState {
  return (OPEN_STATES as readonly StoreTaskState[]).includes(state);
}

export function isFinalState(state: StoreTaskState): boolean {
  return (FINAL_STATES as readonly StoreTaskState[]).includes(state);
}

/** Why a task ended without the store finishing it (the task's state is then CANCELLED). */
export const ENDED_REASONS = ["CANCELLED", "CLOSED", "MOVED_AWAY", "FULFILLED_ELSEWHERE"] as const;
export type EndedReason = (typeof ENDED_REASONS)[number];

/** Why an associate confirmed a line without scanning it. */
export const MANUAL_CONFIRM_REASONS = ["LABEL_UNREADABLE", "NO_BARCODE", "SCANNER_BROKEN"] as const;
export type ManualConfirmReason = (typeof MANUAL_CONFIRM_REASONS)[number];

/** Why a line cannot be picked at this store. */
export const EXCEPTION_REASONS = ["NOT_FOUND", "DAMAGED"] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/** How the shopper proved the order is theirs at handover. */
export const HANDOVER_METHODS = ["PICKUP_CODE", "QR", "NAME_AND_ORDER"] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

/** The Shopify call a transition implies; the service makes it from a job. */
export const SHOPIFY_EFFECTS = ["REPORT_PROGRESS", "PREPARED_FOR_PICKUP", "FULFILL"] as const;
export type ShopifyEffect = (typeof SHOPIFY_EFFECTS)[number];

/** A Shopify call the task is waiting on, as the POS shows it ("Ready — telling Shopify"). */
export const PENDING_SHOPIFY_ACTIONS = ["PROGRESS", "READY", "FULFILL"] as const;
export type PendingShopifyAction = (typeof PENDING_SHOPIFY_ACTIONS)[number];

export const PENDING_ACTION_FOR_EFFECT: Readonly<Record<ShopifyEffect, PendingShopifyAction>> = {
  REPORT_PROGRESS: "PROGRESS",
  PREPARED_FOR_PICKUP: "READY",
  FULFILL: "FULFILL",
};

/** Who asks for a transition: an associate on POS, or the app itself (a job, a webhook). */
export type TransitionActor = "ASSOCIATE" | "SYSTEM";

/** One line of the fulfilment order, as the store picks it. */
export interface PickLine {
  /** The fulfilment order line item's numeric id. */
  readonly lineItemId: string;
  readonly sku: string | null;
  readonly barcode: string | null;
  readonly title: string;
  readonly variantTitle: string | null;
  /** Units to pick here. */
  readonly quantity: number;
  readonly picked: number;
  /** Reported not found or damaged; waits to be rerouted (or released) before picking resumes. */
  readonly exception?: ExceptionReason | null;
  /** Its units were moved to another location after an exception: nothing to pick here. */
  readonly takenOff?: boolean;
}

/** Shopify names a variant with no options "Default Title": it says nothing to an associate. */
const DEFAULT_VARIANT_TITLE = "Default Title";

/** The item as an associate reads it: "Linen Shirt (M / Blue)". */
export function itemName(line: Pick<PickLine, "title" | "variantTitle">): string {
  const variant = line.variantTitle?.trim();
  return variant && variant !== DEFAULT_VARIANT_TITLE ? `${line.title} (${variant})` : line.title;
}

/**
 * The POS API's shapes as the extension reads them (app/routes/api.pos.*, the contract agreed in
 * issue 10). Plain types: the extension ships to tablets within a 32 KB budget, so it checks
 * answers structurally (endpoints.ts) instead of bundling a schema library.
 */

export type TaskKind = "PICKUP" | "SHIP" | "LOCAL_DELIVERY";

export type TaskState =
  | "NEW"
  | "PICKING"
  | "PACKED"
  | "STAGED"
  | "READY"
  | "PICKED_UP"
  | "SHIPPED"
  | "OUT_FOR_DELIVERY"
  | "DELIVERED"
  | "EXCEPTION"
  | "CANCELLED";

/** A Shopify call the server has in flight for the task ("Ready — telling Shopify"). */
export type PendingShopifyCall = "PROGRESS" | "READY" | "FULFILL";

export interface TaskSummary {
  id: string;
  orderName: string;
  kind: TaskKind;
  state: TaskState;
  customerName: string | null;
  units: number;
  lineCount: number;
  assignedAt: string;
  dueAt: string | null;
  late: boolean;
  /** Still new longer than the merchant's "not started" alert allows. */
  notStarted?: boolean;
  waiting: { spot: string | null } | null;
  bin: string | null;
  pending: PendingShopifyCall | null;
}

export interface TaskLine {
  lineItemId: string;
  sku: string | null;
  barcode: string | null;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  quantity: number;
  picked: number;
  binLocation: { code: string; confirmedAt: string } | null;
}

export interface TaskEvent {
  at: string;
  from: TaskState | null;
  to: TaskState;
  staffMemberId: string | null;
}

export interface Task extends TaskSummary {
  lines: TaskLine[];
  events: TaskEvent[];
  pickTargetSeconds: number;
  pickStartedAt: string | null;
  pickupCode?: string;
  /** The merchant asks associates to check the shopper's ID at handover. */
  requireIdCheck?: boolean;
  /** The app gave up telling Shopify about a step: what to tell the associate. */
  shopifyProblem?: string | null;
}

export type QueueView = "TO_PICK" | "READY" | "TO_SHIP";

export interface QueueCounts {
  toPick: number;
  ready: number;
  toShip: number;
  late: number;
  waiting: number;
  /** Tasks still new longer than the merchant's "not started" alert allows. */
  notStarted?: number;
}

export interface QueueAnswer {
  counts: QueueCounts;
  /** The most urgent of the list, at most a screenful the app chooses. */
  tasks: TaskSummary[];
  /** How many more of the list there are beyond `tasks`. */
  more: number;
}

export interface MyDay {
  picksToday: number;
  medianPickSeconds: number | null;
  targetSeconds: number;
}

export type ManualConfirmReason = "LABEL_UNREADABLE" | "NO_BARCODE" | "SCANNER_BROKEN";

export type ExceptionReason = "NOT_FOUND" | "DAMAGED";

export type HandoverMethod = "PICKUP_CODE" | "QR" | "NAME_AND_ORDER";

export interface HandoverProof {
  method: HandoverMethod;
  idChecked: boolean;
}

export type PhotoPurpose = "EXCEPTION" | "DELIVERY";

/** A photo from POS's Camera API, as the POS API takes it: base64 without a data: prefix. */
export interface TakenPhoto {
  base64: string;
  width: number;
  height: number;
  type: "image/jpeg" | "image/png";
}

/** The body of each task POST, without the requestId and staff claim the client adds. */
export type TaskCommand =
  | {
      kind: "transition";
      to: TaskState;
      bin?: string;
      carrier?: string;
      trackingNumber?: string;
      courierName?: string;
      trackingUrl?: string;
      handover?: HandoverProof;
    }
  | { kind: "scan"; code: string }
  | { kind: "confirm-line"; lineItemId: string; quantity: number; reason: ManualConfirmReason }
  | { kind: "exception"; lineItemId: string; reason: ExceptionReason; note?: string }
  | { kind: "bin-location"; lineItemId: string; code: string }
  | ({ kind: "photos"; purpose: PhotoPurpose } & TakenPhoto);

export type HandoverQuery = { code: string } | { orderName: string; lastName: string };

import type { StoreTaskLine } from "@prisma/client";
import type { StoreSettings } from "~/domain/store-tasks/settings";
import { shopifyRefusalMessage } from "~/domain/store-tasks/shopify-refusal";
import { taskAlerts } from "~/domain/store-tasks/timers";
import type { PendingShopifyAction, StoreTaskKind, StoreTaskState } from "~/domain/store-tasks/types";
import type { BinLocation } from "~/models/item-bin-locations.server";
import type { QueuedStoreTask, StoreTaskWithLines } from "~/models/store-tasks.server";

/**
 * Store tasks as the POS API answers them (the contract in app/routes/api.pos.*): plain JSON,
 * dates as ISO text, numbers for counts.
 */

export interface TaskSummaryView {
  id: string;
  orderName: string;
  kind: StoreTaskKind;
  state: StoreTaskState;
  customerName: string | null;
  units: number;
  lineCount: number;
  assignedAt: string;
  dueAt: string | null;
  late: boolean;
  /** Still new longer than the merchant's "not started" alert allows. */
  notStarted: boolean;
  /** The tile and row turn critical: late, not started or a customer waiting. */
  critical: boolean;
  waiting: { spot: string | null } | null;
  bin: string | null;
  /** A Shopify call in flight ("Ready — telling Shopify"). */
  pending: PendingShopifyAction | null;
}

export interface TaskLineView {
  lineItemId: string;
  sku: string | null;
  barcode: string | null;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  quantity: number;
  picked: number;
  binLocation: { code: string; confirmedAt: string } | null;
  /** Reported not found or damaged: waiting to be moved to another store (not done yet: later slice). */
  exception: "NOT_FOUND" | "DAMAGED" | null;
}

export interface TaskEventView {
  at: string;
  from: StoreTaskState | null;
  to: StoreTaskState;
  staffMemberId: string | null;
}

export interface TaskView extends TaskSummaryView {
  lines: TaskLineView[];
  events: TaskEventView[];
  pickTargetSeconds: number;
  pickStartedAt: string | null;
  requireIdCheck: boolean;
  /** The app gave up telling Shopify about a step, and the merchant has not retried it: what to tell the associate. */
  shopifyProblem: string | null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The merchant's settings a task's alerts are measured against. */
export type AlertSettings = Pick<StoreSettings, "notStartedMinutes" | "escalation" | "uncollectedDays">;

export function taskSummaryView(task: QueuedStoreTask, now: Date, alertSettings: AlertSettings): TaskSummaryView {
  const alerts = taskAlerts(task, alertSettings, now);
  return {
    id: task.id,
    orderName: task.orderName,
    kind: task.kind,
    state: task.state,
    customerName: task.customerName,
    units: task.units,
    lineCount: task.lineCount,
    assignedAt: task.assignedAt.toISOString(),
    dueAt: iso(task.dueAt),
    late: alerts.late,
    notStarted: alerts.notStarted,
    critical: alerts.critical,
    // Only while the order is still the store's: a shopper who was waiting has it once handed over.
    waiting: alerts.customerWaiting ? { spot: task.customerWaitingSpot } : null,
    bin: task.bin,
    pending: task.pendingShopifyAction,
  };
}

function lineView(line: StoreTaskLine, bin: BinLocation | undefined): TaskLineView {
  return {
    lineItemId: line.lineItemId,
    sku: line.sku,
    barcode: line.barcode,
    title: line.title,
    variantTitle: line.variantTitle,
    imageUrl: line.imageUrl,
    quantity: line.quantity,
    picked: line.picked,
    binLocation: bin ? { code: bin.code, confirmedAt: bin.confirmedAt.toISOString() } : null,
    exception: line.exceptionReason,
  };
}

export interface TaskViewContext {
  now: Date;
  alertSettings: AlertSettings;
  /** Bins known at the location, by SKU. */
  bins: ReadonlyMap<string, BinLocation>;
  pickTargetSeconds: number;
  requireIdCheck: boolean;
}

/**
 * The whole task for its screen. Lines moved to another location are left out; events are the
 * state changes (scans and confirmations are not steps). The pickup code is not sent: the
 * shopper shows it, and the associate checks it through the handover lookup.
 */
export function taskView(task: StoreTaskWithLines, context: TaskViewContext): TaskView {
  const here = task.lines.filter((line) => line.takenOffAt === null);
  const summary = taskSummaryView(
    { ...task, units: here.reduce((sum, line) => sum + line.quantity, 0), lineCount: here.length },
    context.now,
    context.alertSettings,
  );
  return {
    ...summary,
    lines: here.map((line) => lineView(line, line.sku ? context.bins.get(line.sku) : undefined)),
    events: task.events
      .filter((event) => event.fromState !== event.toState)
      .map((event) => ({
        at: event.at.toISOString(),
        from: event.fromState,
        to: event.toState,
        staffMemberId: event.staffMemberId,
      })),
    pickTargetSeconds: context.pickTargetSeconds,
    pickStartedAt: iso(task.firstScanAt ?? task.startedAt),
    requireIdCheck: context.requireIdCheck,
    shopifyProblem: shopifyProblemOf(task.events),
  };
}

/** The latest give-up of a Shopify call, unless the merchant retried it since. */
function shopifyProblemOf(events: StoreTaskWithLines["events"]): string | null {
  const latest = events.findLast(
    (event) => event.detail?.kind === "SHOPIFY_GAVE_UP" || event.detail?.kind === "SHOPIFY_RETRIED",
  );
  return latest?.detail?.kind === "SHOPIFY_GAVE_UP" ? shopifyRefusalMessage(latest.detail.effect) : null;
}

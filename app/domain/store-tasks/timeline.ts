import { pickSeconds } from "./picking";
import { shopifyRefusalLabel } from "./shopify-refusal";
import type { EndedReason, ExceptionReason, HandoverMethod, ShopifyEffect, StoreTaskState } from "./types";
import { itemName } from "./types";

/**
 * A store task's story as the order page tells it: assigned, started, picked, packed, staged,
 * ready, handed over or shipped, with who did each step and how long it took after the one
 * before, and any exception or ending. Scans are summed up as one "Picked" step, the last
 * unit picked before packing.
 */

/** What a timeline reads of a recorded event's detail (app/models/store-tasks-event-detail.ts). */
export type TimelineEventDetail =
  | { readonly kind: "ASSIGNED" }
  | { readonly kind: "ENDED"; readonly reason: EndedReason }
  | {
      readonly kind: "TRANSITION";
      readonly bin?: string;
      readonly carrier?: string;
      readonly trackingNumber?: string;
      readonly courierName?: string;
      readonly handover?: { readonly method: HandoverMethod; readonly idChecked: boolean };
    }
  | { readonly kind: "SCAN"; readonly outcome: "PICKED" | "WRONG_ITEM" | "OVER_PICKED" }
  | { readonly kind: "MANUAL_CONFIRM" }
  | {
      readonly kind: "EXCEPTION";
      readonly lineItemId: string;
      readonly reason: ExceptionReason;
      readonly note: string | null;
    }
  | { readonly kind: "REROUTED"; readonly toLocationName: string | null; readonly reason: string }
  | { readonly kind: "HELD"; readonly reason: string }
  | {
      readonly kind: "ESCALATED";
      readonly toLocationId: string | null;
      readonly toLocationName: string | null;
      readonly reason: string;
    }
  | { readonly kind: "SHOPIFY_GAVE_UP"; readonly effect: ShopifyEffect }
  | { readonly kind: "SHOPIFY_RETRIED"; readonly effect: ShopifyEffect }
  | { readonly kind: "CUSTOMER_ARRIVED"; readonly spot: string | null }
  | { readonly kind: "STOCK_ZERO_GAVE_UP"; readonly sku: string; readonly error: string }
  | { readonly kind: "HOLD_RELEASED" };

export interface TimelineEvent {
  readonly at: Date;
  readonly fromState: StoreTaskState | null;
  readonly toState: StoreTaskState;
  readonly staffMemberId: string | null;
  readonly detail: TimelineEventDetail | null;
}

export interface TimelineLine {
  readonly lineItemId: string;
  readonly title: string;
  readonly variantTitle: string | null;
}

export interface TimelineStep {
  readonly label: string;
  readonly at: Date;
  readonly staffMemberId: string | null;
  /** Seconds since the step before; null for the first. */
  readonly tookSeconds: number | null;
  /** An exception, or the task ending without the store finishing it. */
  readonly problem: boolean;
}

const HANDOVER_METHOD_WORDS: Readonly<Record<HandoverMethod, string>> = {
  PICKUP_CODE: "pickup code",
  QR: "QR code",
  NAME_AND_ORDER: "name and order number",
};

const ENDED_WORDS: Readonly<Record<EndedReason, string>> = {
  CANCELLED: "Cancelled",
  CLOSED: "Closed in Shopify",
  MOVED_AWAY: "Moved to another location",
  FULFILLED_ELSEWHERE: "Fulfilled elsewhere in Shopify",
};

const EXCEPTION_WORDS: Readonly<Record<ExceptionReason, string>> = {
  NOT_FOUND: "not found",
  DAMAGED: "damaged",
};

type Transition = Extract<TimelineEventDetail, { kind: "TRANSITION" }> | null;

function transitionLabel(state: StoreTaskState, detail: Transition): string {
  switch (state) {
    case "NEW":
      return "Assigned to the store";
    case "PICKING":
      return "Picking started";
    case "PACKED":
      return "Packed";
    case "STAGED":
      return detail?.bin ? `Staged in bin ${detail.bin}` : "Staged";
    case "READY":
      return "Ready for pickup";
    case "PICKED_UP": {
      const handover = detail?.handover;
      if (!handover) return "Handed over";
      const check = handover.idChecked ? ", ID checked" : "";
      return `Handed over (${HANDOVER_METHOD_WORDS[handover.method]}${check})`;
    }
    case "SHIPPED": {
      const parcel = [detail?.carrier, detail?.trackingNumber].filter(Boolean).join(" ");
      return parcel ? `Shipped (${parcel})` : "Shipped";
    }
    case "OUT_FOR_DELIVERY":
      return detail?.courierName ? `Out for delivery with ${detail.courierName}` : "Out for delivery";
    case "DELIVERED":
      return "Delivered";
    case "EXCEPTION":
      return "Exception reported";
    case "CANCELLED":
      return "Cancelled";
  }
}

function isPick(event: TimelineEvent): boolean {
  return (
    (event.detail?.kind === "SCAN" && event.detail.outcome === "PICKED") || event.detail?.kind === "MANUAL_CONFIRM"
  );
}

function isEntering(event: TimelineEvent, state: StoreTaskState): boolean {
  return event.toState === state && event.fromState !== state;
}

/** The steps of one task, oldest first; `events` in the order they happened. */
export function storeTaskTimeline(events: readonly TimelineEvent[], lines: readonly TimelineLine[]): TimelineStep[] {
  const lineNames = new Map(lines.map((line) => [line.lineItemId, itemName(line)]));
  const firstPacked = events.find((event) => isEntering(event, "PACKED"));
  const picks = events.filter((event) => isPick(event) && (!firstPacked || event.at <= firstPacked.at));
  const lastPick = picks.at(-1);
  const steps: { label: string; at: Date; staffMemberId: string | null; problem: boolean }[] = [];
  // The shopper's "I'm here" since the task was last assigned: a repeat only tells a new spot.
  let arrival: { spot: string | null } | null = null;
  for (const event of events) {
    const detail = event.detail;
    if (detail?.kind === "ASSIGNED") arrival = null;
    if (detail?.kind === "CUSTOMER_ARRIVED") {
      const label = !arrival
        ? `Customer arrived${detail.spot ? ` — spot ${detail.spot}` : ""}`
        : detail.spot !== arrival.spot
          ? detail.spot
            ? `Customer now at spot ${detail.spot}`
            : "Customer checked in again"
          : null;
      if (label) steps.push({ label, at: event.at, staffMemberId: null, problem: false });
      arrival = { spot: detail.spot };
      continue;
    }
    if (event === lastPick) {
      steps.push({ label: "Picked", at: event.at, staffMemberId: event.staffMemberId, problem: false });
      continue;
    }
    if (detail?.kind === "SCAN" || detail?.kind === "MANUAL_CONFIRM") continue;
    if (detail?.kind === "EXCEPTION") {
      const item = lineNames.get(detail.lineItemId) ?? "An item";
      const note = detail.note ? `: ${detail.note}` : "";
      steps.push({
        label: `${item} reported ${EXCEPTION_WORDS[detail.reason]}${note}`,
        at: event.at,
        staffMemberId: event.staffMemberId,
        problem: true,
      });
      continue;
    }
    if (detail?.kind === "REROUTED" || detail?.kind === "HELD" || detail?.kind === "ESCALATED") {
      const label =
        detail.kind === "HELD"
          ? `On hold in Shopify, no location can take it: ${detail.reason}`
          : detail.kind === "ESCALATED" && detail.toLocationId === null
            ? `Not re-routed, no other location can take it: ${detail.reason}`
            : `Re-routed to ${detail.toLocationName ?? "another location"}: ${detail.reason}`;
      steps.push({ label, at: event.at, staffMemberId: null, problem: true });
      continue;
    }
    if (detail?.kind === "SHOPIFY_GAVE_UP") {
      steps.push({ label: shopifyRefusalLabel(detail.effect), at: event.at, staffMemberId: null, problem: true });
      continue;
    }
    if (detail?.kind === "STOCK_ZERO_GAVE_UP") {
      const label = `Shopify's stock of ${detail.sku} at the store was not set to 0: ${detail.error}`;
      steps.push({ label, at: event.at, staffMemberId: null, problem: true });
      continue;
    }
    if (detail?.kind === "HOLD_RELEASED") {
      const label = event.toState === "PICKING" ? "Hold released — back to picking" : "Hold released";
      steps.push({ label, at: event.at, staffMemberId: null, problem: false });
      continue;
    }
    if (detail?.kind === "ENDED") {
      steps.push({ label: ENDED_WORDS[detail.reason], at: event.at, staffMemberId: null, problem: true });
      continue;
    }
    // A repeat of the state (a retry recorded twice) says nothing new.
    if (event.fromState === event.toState && detail?.kind !== "ASSIGNED") continue;
    const label =
      detail?.kind === "ASSIGNED" && event.fromState !== null
        ? "Assigned to the store again"
        : transitionLabel(event.toState, detail?.kind === "TRANSITION" ? detail : null);
    steps.push({
      label,
      at: event.at,
      staffMemberId: event.staffMemberId,
      problem: event.toState === "EXCEPTION" || event.toState === "CANCELLED",
    });
  }
  return steps.map((step, index) => {
    const before = index > 0 ? steps[index - 1] : undefined;
    return { ...step, tookSeconds: before ? pickSeconds(before.at, step.at) : null };
  });
}

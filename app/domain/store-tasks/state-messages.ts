import type { EndedReason, StoreTaskKind, StoreTaskState } from "./types";

/**
 * Where a task stands, as the sentence an associate reads when they ask for something it has
 * already done or can no longer do ("This order is already ready for pickup").
 */

export interface TaskStanding {
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  readonly bin?: string | null;
  readonly endedReason?: EndedReason | null;
}

export const WAITING_FOR_REROUTE = "This order is waiting for its missing item to be moved to another store";

const ENDED: Readonly<Record<EndedReason, string>> = {
  CANCELLED: "This order was cancelled",
  CLOSED: "This order was closed in Shopify",
  MOVED_AWAY: "This order was moved to another location",
  FULFILLED_ELSEWHERE: "This order was already fulfilled in Shopify",
};

export function standingSentence(task: TaskStanding): string {
  switch (task.state) {
    case "NEW":
      return "This order has not been started";
    case "PICKING":
      return "This order is already being picked";
    case "PACKED":
      return "This order is already packed";
    case "STAGED":
      return task.bin ? `This order is already staged in bin ${task.bin}` : "This order is already staged";
    case "READY":
      return "This order is already ready for pickup";
    case "PICKED_UP":
      return "This order was already picked up";
    case "SHIPPED":
      return "This order was already shipped";
    case "OUT_FOR_DELIVERY":
      return "This order is already out for delivery";
    case "DELIVERED":
      return "This order was already delivered";
    case "EXCEPTION":
      return WAITING_FOR_REROUTE;
    case "CANCELLED":
      return ENDED[task.endedReason ?? "CANCELLED"];
  }
}

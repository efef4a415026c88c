import { isUncollected } from "../store-tasks/timers";
import type { StoreTaskKind, StoreTaskState } from "../store-tasks/types";
import { autoCancelAt } from "./schedule";
import type { UncollectedPolicy } from "./settings";

/**
 * Which pickup orders an "auto-cancel after D days" policy cancels: the preview the merchant
 * sees before turning it on, and the sweep's list once it is on (the sweep re-reads each order
 * before cancelling it in Shopify).
 */

export interface PickupOrderWaiting {
  readonly orderId: string;
  readonly kind: StoreTaskKind;
  readonly state: StoreTaskState;
  /** When it became ready for pickup; null while it is not. */
  readonly readyAt: Date | null;
}

export interface AutoCancelCandidate {
  readonly orderId: string;
  readonly readyAt: Date;
  /** When the policy's D days ran out. */
  readonly dueAt: Date;
  /** Whole 24-hour days since it was ready. */
  readonly daysWaiting: number;
}

const DAY = 24 * 60 * 60_000;

/**
 * The orders the policy would cancel at `now`, longest waiting first, whether or not the policy
 * is on (the preview asks before it is).
 */
export function ordersToAutoCancel(
  orders: readonly PickupOrderWaiting[],
  policy: Pick<UncollectedPolicy, "days">,
  now: Date,
): AutoCancelCandidate[] {
  return orders
    .flatMap((order) =>
      order.readyAt && isUncollected(order, policy.days, now)
        ? [
            {
              orderId: order.orderId,
              readyAt: order.readyAt,
              dueAt: autoCancelAt(order.readyAt, policy.days),
              daysWaiting: Math.floor((now.getTime() - order.readyAt.getTime()) / DAY),
            },
          ]
        : [],
    )
    .sort((a, b) => a.readyAt.getTime() - b.readyAt.getTime() || a.orderId.localeCompare(b.orderId));
}
